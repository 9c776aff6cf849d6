"""Tests for tidings.actors._kb: loading, role dates, user KB files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tidings.actors import ActorLinker
from tidings.actors._kb import KnowledgeBase, load_kb, parse_date
from tidings.errors import ConfigError


def test_parse_date() -> None:
    assert parse_date("2021") == date(2021, 1, 1)
    assert parse_date("2021", end=True) == date(2021, 12, 31)
    assert parse_date("2022-10-27") == date(2022, 10, 27)
    assert parse_date("") is None


def test_loads_once() -> None:
    # Load time is measured by bench/actors.py, not asserted here (shared, noisy machines).
    assert len(KnowledgeBase().entities) > 0
    assert load_kb() is load_kb()


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
