"""``tidings eval news``: the matching rule on hand-written cases, and floors on the dev set."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tidings.eval import eval_dir, news
from tidings.eval.news import Item, Tally, match, words


def item(
    text: str,
    type_: str,
    source: str | None,
    target: str | None,
    *,
    date: str | None = None,
    place: str | None = None,
    background: bool = False,
) -> Item:
    return Item(words(text), type_, source, target, date, place, background)


S1 = "Iraq accused Turkey of shelling villages near the border on Friday."
S2 = "The minister met his Iranian counterpart in Baghdad."


def test_words_drop_function_words_and_case() -> None:
    assert words("The Minister of Defence met AN envoy.") == {"minister", "defence", "met", "envoy"}


def test_same_sentence_needs_half_the_shorter_ones_words() -> None:
    long = item(S1 + " It was the third attack this week, officials said.", "ACCUSE", "IRQ", "TUR")
    assert news.same_sentence(item(S1, "ACCUSE", "IRQ", "TUR"), long)
    other = item("Turkey denied the report and blamed Kurdish militants.", "ACCUSE", "TUR", "IRQ")
    assert not news.same_sentence(item(S1, "ACCUSE", "IRQ", "TUR"), other)


def test_type_must_agree() -> None:
    assert match([item(S1, "ASSAULT", "TUR", "IRQ")], [item(S1, "ACCUSE", "IRQ", "TUR")]) == {}


def test_dyad_needs_both_countries_and_missing_matches_missing_only() -> None:
    gold = [item(S1, "ACCUSE", "IRQ", "TUR")]
    assert match([item(S1, "ACCUSE", "IRQ", "TUR")], gold) == {0: (0, True)}
    assert match([item(S1, "ACCUSE", "IRQ", None)], gold) == {0: (0, False)}
    assert match([item(S1, "ACCUSE", "TUR", "IRQ")], gold) == {0: (0, False)}
    assert match([item(S1, "ACCUSE", "IRQ", None)], [item(S1, "ACCUSE", "IRQ", None)]) == {
        0: (0, True)
    }


def test_consult_is_unordered_other_types_are_not() -> None:
    assert match([item(S2, "CONSULT", "IRN", "IRQ")], [item(S2, "CONSULT", "IRQ", "IRN")]) == {
        0: (0, True)
    }
    assert match([item(S2, "SUPPORT", "IRN", "IRQ")], [item(S2, "SUPPORT", "IRQ", "IRN")]) == {
        0: (0, False)
    }


def test_one_to_one_and_dyad_matches_first() -> None:
    gold = [item(S1, "ACCUSE", "IRQ", "TUR"), item(S1, "ACCUSE", "IRQ", "SYR")]
    # The first system event could type-match either gold event; the second only dyad-matches
    # the second gold event. Dyad matches are taken first, so both are matched, one each.
    system = [item(S1, "ACCUSE", "IRQ", "TUR"), item(S1, "ACCUSE", "IRQ", "SYR")]
    assert match(system, gold) == {0: (0, True), 1: (1, True)}
    system = [item(S1, "ACCUSE", None, None), item(S1, "ACCUSE", "IRQ", "SYR")]
    assert match(system, gold) == {0: (0, False), 1: (1, True)}
    # Two system events for one gold event: one is matched, the other is a false positive.
    assert len(match([item(S1, "ACCUSE", "IRQ", "TUR")] * 2, gold[:1])) == 1


def test_tally_background_dates_places_and_per_type() -> None:
    gold = [
        item(S1, "ACCUSE", "IRQ", "TUR", date="2024-12-13", place="IRQ"),
        item(S2, "CONSULT", "IRQ", "IRN", date=None, place="IRQ", background=True),
    ]
    system = [
        item(S1, "ACCUSE", "IRQ", "TUR", date="2024-12-13", place=None),
        item(S2, "CONSULT", "IRN", "IRQ", date="2024-12-14", place="IRQ"),
        item("Rain fell on Baghdad.", "ASSAULT", None, None),
    ]
    tally = Tally()
    tally.add(system, gold)
    out = tally.scores()
    assert out["type"] == pytest.approx({"p": 2 / 3, "r": 1.0, "f1": 0.8})
    assert out["dyad"]["f1"] == pytest.approx(0.8)
    # Without background: the CONSULT gold and the system event matched to it are dropped.
    assert out["type_no_background"] == pytest.approx({"p": 0.5, "r": 1.0, "f1": 2 / 3})
    assert out["date_acc"] == pytest.approx(0.5)  # the background CONSULT took a wrong date
    assert out["place_country_acc"] == pytest.approx(0.5)  # the ACCUSE has no place
    assert out["per_type"]["ASSAULT"] == {"gold": 0, "p": 0.0, "r": 0.0, "f1": 0.0}
    assert out["per_type"]["ACCUSE"]["f1"] == pytest.approx(1.0)


ARTICLE = {
    "doc_id": "own-1",
    "origin": "test:own-1",
    "title": "Iraq accuses Turkey over border shelling",
    "published": "2024-12-14",
    "text": S1 + "\nThe weather was cold and markets were calm.\n",
    "events": [
        {
            "evidence": S1,
            "type": "ACCUSE",
            "mode": None,
            "source": {"text": "Iraq", "code": "IRQ"},
            "target": {"text": "Turkey", "code": "TUR"},
            "date": "2024-12-13",
            "date_precision": "day",
            "place": None,
            "modality": "asserted",
            "negated": False,
            "background": False,
        }
    ],
}


@pytest.mark.slow
def test_evaluate_small_file(tmp_path: Path) -> None:
    path = tmp_path / "news.dev.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    out = news.evaluate(path)
    assert out["task"] == "news" and out["n"] == 1 and out["n_gold"] == 1
    assert out["type_f1"] == pytest.approx(1.0)
    assert out["dyad_f1"] == pytest.approx(1.0)
    assert out["date_acc"] == pytest.approx(1.0)
    assert out["baseline"]["coder"] == news.BASELINE


# sha256 prefixes of the dev files the floors below were measured on
DEV_SHA256 = {
    "news_events_gwn_timebank.dev.jsonl": "23ab2d00bfac4197",
    "news_events_trnews.dev.jsonl": "4412eaef536c3f7e",
}


@pytest.mark.slow
def test_dev_set_floor(floor_data: Callable[[str, str], Path]) -> None:
    """Quality gate on the 40 dev articles: floors a little under the figures when pinned."""
    for name, sha256 in DEV_SHA256.items():  # missing: skips locally, fails with CI=true
        floor_data(f"{news.FOLDER}/{name}", sha256)
    # evaluate(None) reads every dev file of the folder: they must be the pinned ones
    found = sorted(p.name for p in (eval_dir() / news.FOLDER).glob("*.dev.jsonl"))
    assert found == sorted(DEV_SHA256)
    out = news.evaluate(None)
    assert out["n"] == 40
    # pinned on the session-5 merge: type P 0.570, F1 0.461; dyad F1 0.249 (0.231 without
    # background); date 0.767, place 0.773 on matched events
    assert out["type_p"] >= 0.56
    assert out["type_f1"] >= 0.45
    assert out["dyad_f1"] >= 0.24
    assert out["dyad_f1_no_background"] >= 0.22
    assert out["date_acc"] >= 0.76
    assert out["place_country_acc"] >= 0.76
    # actors in context: dyads well above the baseline of the same run
    assert out["dyad_f1"] > 1.5 * out["baseline"]["dyad_f1"]
