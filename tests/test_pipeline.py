"""End to end through the pipeline: stored records, idempotent re-runs, bad input recorded."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from tidings.config import load_config
from tidings.pipeline import Pipeline
from tidings.store import Store

PAGE = """Blinken meets Iraqi premier in Baghdad
Published On: Sat, 14 Dec 2024 07:56:23 PKT
BAGHDAD (AFP) – US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia \
al-Sudani in Baghdad on Friday and asked him to rein in armed groups. A US official said the \
talks lasted two hours.
"""

OTHER = """Protesters rally in Tbilisi
Published On: Sun, 15 Dec 2024 10:00:00 GMT
Thousands of protesters marched through Tbilisi on Saturday to demand new elections, \
and police did not intervene.
"""


def _counts(store: Store) -> dict[str, int]:
    tables = ("documents", "articles", "events", "quotes", "event_mentions")
    return {t: store.con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "blinken.txt").write_text(PAGE, encoding="utf-8")
    with gzip.open(root / "tbilisi.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(OTHER)
    (root / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (root / "empty.html").write_text("", encoding="utf-8")
    (root / "bad.jsonl").write_text(
        '{"title": "ok", "text": "The Iraqi government condemned the attack on Friday."}\n'
        "{not json\n",
        encoding="utf-8",
    )
    return root


def test_run_stores_events_and_rerun_adds_nothing(corpus: Path) -> None:
    store = Store(":memory:")
    pipeline = Pipeline(store, load_config())
    first = pipeline.run([str(corpus)])
    counts = _counts(store)
    assert counts["documents"] == 3  # two pages + the good JSONL line
    assert counts["events"] >= 2
    consult = store.con.execute(
        "select source_code, target_code, source_name from events where plover_type='CONSULT'"
    ).fetchall()
    assert ("USAGOV", "IRQGOV", "Antony Blinken") in consult
    # three bad inputs: junk, empty, the malformed JSONL line; each named, each an errors row
    assert len(first.errors) == 3
    assert any("junk.txt" in e for e in first.errors)
    assert any("empty.html" in e for e in first.errors)
    assert any("bad.jsonl" in e and "line 2" in e for e in first.errors)
    n_errors = store.con.execute("select count(*) from errors").fetchone()[0]
    assert n_errors == 3
    again = store.con.execute("select sum(times) from errors").fetchone()[0]
    assert again == 3

    second = Pipeline(store, load_config()).run([str(corpus)])
    assert _counts(store) == counts
    assert store.con.execute("select count(*), sum(times) from errors").fetchone() == (3, 6)
    assert second.documents_new == 0
    assert second.documents_skipped == 3


def test_published_at_keeps_zone(corpus: Path) -> None:
    store = Store(":memory:")
    Pipeline(store, load_config()).run([str(corpus / "blinken.txt")])
    published, tz, dateline, wire = store.con.execute(
        "select published_at, published_tz, dateline, wire from articles"
    ).fetchone()
    assert published.isoformat().startswith("2024-12-14")
    assert dateline.upper() == "BAGHDAD"
    assert wire == "AFP"


def test_non_english_article_is_skipped_with_reason(tmp_path: Path) -> None:
    page = tmp_path / "de.txt"
    page.write_text(
        "Der Außenminister traf am Freitag den irakischen Ministerpräsidenten in Bagdad. "
        "Die Gespräche dauerten zwei Stunden und es ging um die Lage in der Region.",
        encoding="utf-8",
    )
    store = Store(":memory:")
    Pipeline(store, load_config()).run([str(page)])
    lang, reason = store.con.execute("select language, skipped_reason from articles").fetchone()
    assert lang == "de"
    assert reason and "non-English" in reason
    assert store.con.execute("select count(*) from events").fetchone()[0] == 0


@pytest.mark.slow
def test_dask_run_gives_the_same_records(corpus: Path, need: Callable[..., None]) -> None:
    need("dask.distributed")  # the test extra installs it: with CI=true, absent fails
    from tidings.scale import run_dask

    plain = Store(":memory:")
    Pipeline(plain, load_config()).run([str(corpus)])
    on_dask = Store(":memory:")
    report = run_dask(on_dask, [str(corpus)], load_config(), workers=2, files_per_partition=2)
    assert len(report.errors) == 3
    query = "select event_id, plover_type, source_code, target_code from events order by 1"
    assert on_dask.con.execute(query).fetchall() == plain.con.execute(query).fetchall()
    assert _counts(on_dask) == _counts(plain)


SYRIA = """Syria after Assad
Published On: Sat, 14 Dec 2024 09:00:00 GMT
DAMASCUS (AFP) – The Hayat Tahrir al-Sham toppled Bashar al-Assad last Sunday. \
Blinken did not meet Sudani on Thursday.
"""


def test_roles_are_taken_at_the_event_date(tmp_path: Path) -> None:
    page = tmp_path / "syria.txt"
    page.write_text(SYRIA, encoding="utf-8")
    store = Store(":memory:")
    Pipeline(store, load_config()).run([str(page)])
    rows = store.con.execute(
        "select plover_type, source_code, target_code, cast(event_date as varchar), negated "
        "from events order by trigger_start"
    ).fetchall()
    # published after Assad's fall, but the toppling happened while he was in office
    assert rows[0] == ("ASSAULT", "SYRREB", "SYRGOV", "2024-12-08", False)
    assert rows[1] == ("CONSULT", "USAGOV", "IRQGOV", "2024-12-12", True)


def test_user_actor_file_reaches_every_stage(tmp_path: Path) -> None:
    kb = tmp_path / "mine.jsonl"
    kb.write_text(
        '{"name": "Zorblat Quenthor", "aliases": ["Quenthor"], "kind": "person", '
        '"roles": [{"country": "MDA", "sector": "GOV", "title": "Prime Minister"}]}\n',
        encoding="utf-8",
    )
    page = tmp_path / "page.txt"
    page.write_text(
        "Moldova talks\nPublished On: Sat, 14 Dec 2024 09:00:00 GMT\n"
        'Zorblat Quenthor met Antony Blinken in Chisinau on Friday. "We agreed on a lot," '
        "Quenthor said.\n",
        encoding="utf-8",
    )
    store = Store(":memory:")
    config = load_config(actor_linker={"extra_kb": [str(kb)]})
    Pipeline(store, config).run([str(page)])
    assert ("MDAGOV",) in store.con.execute("select source_code from events").fetchall()
    speaker = store.con.execute("select speaker_code from quotes where direct").fetchone()
    assert speaker == ("MDAGOV",)


def test_the_worked_example_of_the_readme(tmp_path: Path) -> None:
    page = tmp_path / "blinken.txt"
    page.write_text(PAGE, encoding="utf-8")
    store = Store(":memory:")
    Pipeline(store, load_config()).run([str(page)])
    rows = store.con.execute(
        "select plover_type, plover_mode, cameo_code, quad_class, goldstein, source_code, "
        "source_name, target_code, target_name, object_text, cast(event_date as varchar), "
        "date_precision, date_source, place_name, geonameid, country_iso3, round(lat, 2), "
        "round(lon, 2), place_source, modality, negated from events order by trigger_start"
    ).fetchall()
    consult, request = rows[0], rows[1]
    assert consult == (
        "CONSULT", "visit", "042", 1, 1.9, "USAGOV", "Antony Blinken", "IRQGOV",
        "Mohammed Shia al-Sudani", None, "2024-12-13", "day", "text", "Baghdad", 98182, "IRQ",
        33.34, 44.4, "text", "asserted", False,
    )  # fmt: skip
    assert request[:11] == (
        "REQUEST", None, "020", 1, 3.0, "USAGOV", "Antony Blinken", "IRQGOV",
        "Mohammed Shia al-Sudani", "rein in armed groups", "2024-12-13",
    )  # fmt: skip
    assert request[13] == "Baghdad" and request[18] == "text"
    evidence, start, end, t_start, t_end = store.con.execute(
        "select evidence_text, evidence_start, evidence_end, trigger_start, trigger_end "
        "from events where plover_type = 'CONSULT'"
    ).fetchone()
    text = store.con.execute("select text from articles").fetchone()[0]
    assert text[start:end] == evidence and text[t_start:t_end] == "met"


def test_actors_table_holds_the_entities_events_name(corpus: Path) -> None:
    store = Store(":memory:")
    Pipeline(store, load_config()).run([str(corpus)])
    blinken = store.con.execute(
        "select name, country_iso3, wikidata_id from actors where entity_id = 'Q7821917'"
    ).fetchone()
    assert blinken == ("Antony Blinken", "USA", "Q7821917")
    named = {r[0] for r in store.con.execute("select entity_id from actors").fetchall()}
    assert named <= store.referenced_entities()
    n = store.con.execute("select count(*) from actors").fetchone()[0]
    Pipeline(store, load_config()).run([str(corpus)])
    assert store.con.execute("select count(*) from actors").fetchone()[0] == n


def test_ctrl_c_inside_a_store_write_stops_the_run(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB turns a SIGINT during a query into RuntimeError('Query interrupted'); the
    batch-write retry must not swallow it as a bad document and carry on."""
    store = Store(":memory:")
    pipeline = Pipeline(store, load_config())

    def interrupted(*_: object, **__: object) -> None:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise RuntimeError("Query interrupted") from exc

    monkeypatch.setattr(store, "write_documents", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([str(corpus)])
    assert store.con.execute("select status from runs").fetchall() == [("interrupted",)]
    assert store.con.execute("select count(*) from errors where stage='store'").fetchone() == (0,)
