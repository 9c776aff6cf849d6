"""tidings.learned.v2: MiniLM sentence heads gating the rule coder (own-written sentences)."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from tidings import registry
from tidings.actors import make_actor_linker
from tidings.errors import ConfigError
from tidings.events.learned_v2 import LearnedV2Coder
from tidings.events.learned_v2_model import LABELS, load_heads
from tidings.interfaces import EventCoder
from tidings.model import AnnotatedDoc, Article, Event

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = datetime(2024, 12, 14, tzinfo=UTC)


@pytest.fixture(scope="module")
def v2() -> LearnedV2Coder:
    coder = registry.resolve("event_coder", "tidings.learned.v2")
    assert isinstance(coder, LearnedV2Coder)
    return coder


@pytest.fixture(scope="module")
def code2(nlp, v2: LearnedV2Coder) -> Callable[[str], list[Event]]:  # type: ignore[no-untyped-def]
    def run(text: str) -> list[Event]:
        art = Article(article_id="a", doc_id="d", text=text, published_at=PUBLISHED)
        return v2.code(AnnotatedDoc(article=art, doc=nlp(text)))

    return run


def _triples(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.plover_type, e.source.text if e.source else None, e.target.text if e.target else None)
        for e in events
    ]


def test_is_an_event_coder(v2: LearnedV2Coder) -> None:
    assert isinstance(v2, EventCoder)
    assert v2.name == "tidings.learned.v2"
    assert v2.heads.type_w.shape == (len(LABELS), 384)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police arrested the opposition leader in Ankara on Tuesday.",
            [("COERCE", "Police", "the opposition leader")],
        ),
        (
            "The Kenyan president met his Ugandan counterpart in Nairobi on Friday.",
            [("CONSULT", "The Kenyan president", "his Ugandan counterpart")],
        ),
        (
            "Japan imposed sanctions on North Korea over its missile tests.",
            [("SANCTION", "Japan", "North Korea")],
        ),
        pytest.param(
            "Thousands of farmers protested outside parliament in Warsaw against the government.",
            [("PROTEST", "Thousands of farmers", "the government")],
            marks=pytest.mark.xfail(
                reason="'outside parliament' is still taken as the target", strict=True
            ),
        ),
    ],
)
def test_types_and_roles(
    code2: Callable[[str], list[Event]], text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _triples(code2(text))[: len(expected)] == expected


def test_learned_roles_fix_a_parse_argument(nlp) -> None:  # type: ignore[no-untyped-def]
    """The rule coder's parse takes the place as the met party; the role model does not."""
    text = "The Kenyan president met his Ugandan counterpart in Nairobi on Friday."
    art = Article(article_id="a", doc_id="d", text=text, published_at=PUBLISHED)
    rules_only = LearnedV2Coder(actor_linker=make_actor_linker(), learned_roles=False)
    got = _triples(rules_only.code(AnnotatedDoc(article=art, doc=nlp(text))))
    assert got == [("CONSULT", "The Kenyan president", "Nairobi")]


def test_passive_roles(code2: Callable[[str], list[Event]]) -> None:
    got = _triples(code2("The convoy was attacked by Taliban fighters near Kandahar on Sunday."))
    assert ("ASSAULT", "Taliban fighters", "The convoy") in got


@pytest.mark.parametrize(
    "text",
    [
        "Air pollution in the capital hit record levels on Monday, forcing schools to close.",
        "City crews deployed salt trucks ahead of the snowstorm on Tuesday.",
        "Any aggression will meet a decisive answer.",  # no coded party: the relevance gate
        "Shares of the carmaker plunged 8 percent after it cut its profit forecast.",
        "The home side crushed the visitors 4-0 in the cup final on Saturday.",
        "A bus collided with a lorry on the coast road, killing six passengers.",
        "Storm warnings were issued for the whole northern coast.",
    ],
)
def test_hard_negatives_are_silent(code2: Callable[[str], list[Event]], text: str) -> None:
    assert code2(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Yes.",
        "Police",
        " ".join(["the minister said that the army attacked the village and"] * 40) + " left.",
        "ARMY ATTACKS REBEL BASE AS PRESIDENT MEETS ENVOYS IN CAPITAL",
        "Team | Won | Lost Rangers | 7 | 3 Rovers | 5 | 5 City | 4 | 6 United | 2 | 8",
        "Name Party Votes Seats Smith Labour 12,345 4 Jones Liberal 9,876 2 Brown Green 3,210 0",
    ],
)
def test_bad_input_no_crash_no_event(code2: Callable[[str], list[Event]], text: str) -> None:
    assert code2(text) == []


def test_missing_weights_fail_at_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "nope.npz"
    monkeypatch.setenv("TIDINGS_EVENT_MODEL", str(missing))
    with pytest.raises(ConfigError) as err:
        LearnedV2Coder(actor_linker=None)
    msg = str(err.value)
    assert str(missing) in msg and "scripts/train_event_model.py" in msg and "\n" not in msg


def test_unreadable_weights_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ConfigError, match="unreadable"):
        load_heads(bad)


def _train_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_event_model", ROOT / "scripts" / "train_event_model.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_training_is_deterministic_on_a_subset(tmp_path: Path) -> None:
    """Same corpus rows and vectors, same bytes (MiniLM vectors are cached to keep this fast)."""
    train = _train_script()
    rows = train.load_corpus(ROOT / "training" / "events", limit=40)
    assert {r["events"][0]["type"] for r in rows if r["events"]} and any(
        not r["events"] for r in rows
    )
    cache = tmp_path / "vectors.npy"
    rng = np.random.default_rng(0)
    x = rng.normal(size=(len(rows), 384)).astype(np.float32)
    np.save(cache, x / np.linalg.norm(x, axis=1, keepdims=True))
    outs = []
    for k in range(2):
        out = tmp_path / f"heads{k}.npz"
        train.main(["--limit", "40", "--cache", str(cache), "--out", str(out)])
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    heads = load_heads(tmp_path / "heads0.npz")
    assert heads.meta["sentences"] == len(rows)


def test_shipped_heads_are_small_and_from_the_corpus() -> None:
    heads = load_heads()
    path = ROOT / "src" / "tidings" / "data" / "events" / "learned_v2.npz"
    assert path.stat().st_size < 20 * 1024 * 1024
    n = sum(
        1
        for p in (ROOT / "training" / "events").glob("*.jsonl")
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    assert heads.meta["sentences"] == n


def test_corpus_covers_every_type_and_has_hard_negatives() -> None:
    types: dict[str, int] = {}
    negatives = 0
    total = 0
    for p in (ROOT / "training" / "events").glob("*.jsonl"):
        for line in p.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            total += 1
            if not row["events"]:
                negatives += 1
            for e in row["events"]:
                types[e["type"]] = types.get(e["type"], 0) + 1
                assert e["modality"] and isinstance(e["negated"], bool)
                for role in ("source", "target"):
                    if e[role] is not None:
                        a, b = e[role]
                        assert 0 <= a < b <= len(row["text"])
    assert set(types) == set(LABELS) - {"NONE"}
    assert total - negatives >= 4000 and negatives >= 1500


def test_corpus_files_are_what_the_generator_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(
        "make_event_corpus", ROOT / "scripts" / "make_event_corpus.py"
    )
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    corpus = gen.build()
    for name, rows in corpus.items():
        path = ROOT / "training" / "events" / f"{name}.jsonl"
        want = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows]
        assert path.read_text(encoding="utf-8").splitlines() == want
