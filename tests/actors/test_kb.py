"""Tests for tidings.actors._kb: loading, role dates, user KB files."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from tidings.actors import ActorLinker
from tidings.actors._kb import KnowledgeBase, load_kb, parse_date, variants_sha
from tidings.config import data_path
from tidings.errors import ConfigError


def test_parse_date() -> None:
    assert parse_date("2021") == date(2021, 1, 1)
    assert parse_date("2021", end=True) == date(2021, 12, 31)
    assert parse_date("2022-10-27") == date(2022, 10, 27)
    assert parse_date("") is None


def test_every_packaged_entity_is_indexed_under_its_name() -> None:
    # Load time is measured by bench/actors.py, not asserted here (shared, noisy machines).
    with gzip.open(data_path("actors/entities.jsonl.gz"), "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    (meta,) = [r["_meta"] for r in records if "_meta" in r]
    kb = load_kb()
    # The build's precomputed keys are used only while the variant table is unchanged.
    assert meta["variants_sha"] == variants_sha(kb.variants)
    by_qid = {e.wikidata_id: e for e in kb.entities if e.wikidata_id}
    packaged = [r for r in records if "_meta" not in r]
    assert len(kb.entities) >= len(packaged)
    for record in packaged[::50]:
        entity = by_qid[record["wikidata_id"]] if record.get("wikidata_id") else None
        found = kb.lookup(kb.key(record["name"]))
        assert found, record["name"]
        assert entity is None or entity in found, record["name"]
    assert all(e in kb.lookup(kb.key(e.name)) for e in kb.entities)


def test_one_kb_per_set_of_files(tmp_path: Path) -> None:
    assert load_kb() is load_kb(()) is load_kb([])
    path = tmp_path / "mine.tsv"
    path.write_text("name\tcountry\tsector\nZorblat Quenthor\tIRQ\tGOV\n", encoding="utf-8")
    mine = load_kb((str(path),))
    assert mine is not load_kb() and mine is load_kb([str(path)])
    assert mine.lookup(mine.key("Zorblat Quenthor")) and not load_kb().lookup(
        load_kb().key("Zorblat Quenthor")
    )
    assert len(KnowledgeBase().entities) == len(load_kb().entities)


def test_curated_overrides_sources() -> None:
    kb = load_kb()
    (sudani,) = [e for e in kb.lookup(kb.key("Mohammed Shia al-Sudani"))]
    role = sudani.role_at(date(2024, 1, 1))
    assert role is not None and (role.code, role.title) == ("IRQGOV", "Prime Minister")


def test_user_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text(
        '{"name": "Zorblat Quenthor", "aliases": ["Quenthor"], "kind": "person", '
        '"roles": [{"country": "IRQ", "sector": "MIL", "title": "army chief", '
        '"from": "2020-01-01", "to": "2023-01-01"}, '
        '{"country": "IRQ", "sector": "GOV", "from": "2023-01-01"}]}\n',
        encoding="utf-8",
    )
    linker = ActorLinker(extra_kb=[str(path)])
    assert linker.link("Quenthor", when=date(2021, 1, 1)).code == "IRQMIL"
    assert linker.link("Zorblat Quenthor", when=date(2024, 1, 1)).code == "IRQGOV"


def test_user_tsv_overrides_builtin(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "name\taliases\tkind\tcountry\tsector\tcode\ttitle\tfrom\tto\twikidata_id\n"
        "Hamas\t\torg\tPSE\tGOV\t\tgoverning authority in Gaza\t2007-06-15\t\tQ38799\n",
        encoding="utf-8",
    )
    linker = ActorLinker(extra_kb=[str(path)])
    assert linker.link("Hamas", when=date(2020, 1, 1)).code == "PSEGOV"
    assert linker.link("Hamas", when=date(2000, 1, 1)).code == "PSEREB"


def test_missing_user_file() -> None:
    with pytest.raises(ConfigError, match="not found"):
        KnowledgeBase(extra_kb=["/nonexistent/actors.jsonl"])
