"""Argument roles for ``tidings.learned.v2``: pick source and target among candidate mentions.

Each (trigger, candidate) pair, where a candidate is the head of a noun phrase or a pronoun
in the sentence, is described by parse-path features (the dependency path between the two,
the candidate's relation and preposition, the trigger's voice and lemma, word order) and
scored by a three-class logistic regression (none / source / target) trained on the spans of
the team's own corpus (``training/events``). Weights: ``tidings/data/events/learned_v2_roles.npz``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from spacy.tokens import Span, Token

from tidings.errors import ConfigError

ROLES = ("none", "source", "target")
REBUILD = "python scripts/train_event_model.py"
_PATH_MAX = 4


def candidates(sent: Span) -> list[Token]:
    """Heads of noun phrases and pronouns (not compounds or modifiers inside a phrase)."""
    return [
        t
        for t in sent
        if t.pos_ in ("NOUN", "PROPN", "PRON")
        and t.dep_ not in ("compound", "flat", "amod", "nmod", "poss", "npadvmod", "expl")
        and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY")
    ]


def _up(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head is not out[-1] and len(out) < 12:
        out.append(out[-1].head)
    return out


def _path(trigger: Token, cand: Token) -> str:
    """Dependency labels from the candidate up to the common ancestor, then down to the trigger."""
    up_c, up_t = _up(cand), _up(trigger)
    ids_t = {t.i: k for k, t in enumerate(up_t)}
    for k, a in enumerate(up_c):
        if a.i in ids_t:
            left = [t.dep_ for t in up_c[:k]][:_PATH_MAX]
            right = [t.dep_ for t in up_t[: ids_t[a.i]]][:_PATH_MAX]
            return "/".join(left) + "|" + "/".join(reversed(right))
    return "far"


def _passive(trigger: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)


def features(trigger: Token, cand: Token) -> dict[str, float]:
    path = _path(trigger, cand)
    voice = "pass" if _passive(trigger) else "act"
    prep = cand.head.lower_ if cand.dep_ == "pobj" else ""
    side = "before" if cand.i < trigger.i else "after"
    dist = min(abs(cand.i - trigger.i), 12) // 3
    lemma = trigger.lemma_.lower()
    f = {
        f"path={path}": 1.0,
        f"path+voice={path}+{voice}": 1.0,
        f"dep={cand.dep_}": 1.0,
        f"dep+voice={cand.dep_}+{voice}": 1.0,
        f"prep={prep}": 1.0,
        f"prep+lemma={prep}+{lemma}": 1.0,
        f"side={side}": 1.0,
        f"side+voice={side}+{voice}": 1.0,
        f"dist={dist}": 1.0,
        f"pos={cand.pos_}": 1.0,
        f"ent={cand.ent_type_ or '-'}": 1.0,
        f"tpos={trigger.pos_}": 1.0,
        f"dep+lemma={cand.dep_}+{lemma}": 1.0,
    }
    if cand.pos_ == "PRON":
        f[f"pron={cand.lower_}"] = 1.0
    if cand.ent_type_ in ("GPE", "LOC", "FAC") and prep in ("in", "at", "near", "outside"):
        f["place_prep"] = 1.0
    return f


@dataclass(frozen=True)
class RoleModel:
    """Linear scores per role over hashed-free named features (``vocab`` maps name -> column)."""

    vocab: dict[str, int]
    w: npt.NDArray[np.float32]  # roles x features
    b: npt.NDArray[np.float32]

    def probs(self, rows: Sequence[dict[str, float]]) -> npt.NDArray[np.float32]:
        x = np.zeros((len(rows), len(self.vocab)), dtype=np.float32)
        for i, f in enumerate(rows):
            for k, v in f.items():
                j = self.vocab.get(k)
                if j is not None:
                    x[i, j] = v
        z = x @ self.w.T + self.b
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        out: npt.NDArray[np.float32] = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
        return out

    def choose(
        self, trigger: Token, cands: Iterable[Token], min_prob: float
    ) -> tuple[Token | None, Token | None]:
        """The likeliest source and target (each at least ``min_prob``; never the same)."""
        cs = [c for c in cands if c.i != trigger.i]
        if not cs:
            return None, None
        p = self.probs([features(trigger, c) for c in cs])
        src_k = int(p[:, 1].argmax())
        src = cs[src_k] if p[src_k, 1] >= min_prob else None
        order = np.argsort(-p[:, 2])
        tgt = None
        for k in order:
            if p[k, 2] < min_prob:
                break
            if cs[int(k)] is not src:
                tgt = cs[int(k)]
                break
        return src, tgt

    def save(self, path: Path) -> None:
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
                w=self.w.astype(np.float16),
                b=self.b.astype(np.float16),
                vocab=np.frombuffer(json.dumps(names).encode(), dtype=np.uint8),
            )


def load_roles(path: Path) -> RoleModel:
    if not path.is_file():
        raise ConfigError(
            f"tidings.learned.v2: model file {path} is missing; rebuild it with `{REBUILD}`"
        )
    try:
        with np.load(path) as z:
            names = json.loads(bytes(np.asarray(z["vocab"])).decode())
            w = np.asarray(z["w"]).astype(np.float32)
            b = np.asarray(z["b"]).astype(np.float32)
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(
            f"tidings.learned.v2: model file {path} is unreadable ({exc}); "
            f"rebuild it with `{REBUILD}`"
        ) from exc
    return RoleModel(vocab={n: i for i, n in enumerate(names)}, w=w, b=b)
