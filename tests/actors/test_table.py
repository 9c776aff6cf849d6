"""Tests for tidings.actors.table and the registry entry."""

from __future__ import annotations

from tidings import registry
from tidings.actors import actor_table


def test_registered() -> None:
    assert "tidings.actors.v1" in registry.names("actor_linker")
    linker = registry.resolve(
        "actor_linker", "tidings.actors.v1", extra_kb=[], fuzzy_threshold=92.0
    )
    assert linker.fuzzy_threshold == 92.0


def test_actor_table_rows() -> None:
    rows = actor_table()
    assert len(rows) > 10_000
    assert len({r[0] for r in rows}) == len(rows)
    by_id = {r[0]: r for r in rows}
    assert by_id["Q7821917"][1:2] == ("Antony Blinken",)
    assert by_id["Q7934206"][3:7] == ("SYR", "GOV", "SYRGOV", "Q7934206")
    assert by_id["Q7934206"][7:] == ("2024-12-08", None)
    assert all(len(r) == 9 for r in rows)


def test_linker_pickles_without_kb() -> None:
    import pickle

    from tidings.actors import ActorLinker

    linker = ActorLinker(extra_kb=[], fuzzy_threshold=91.0)
    linker.link("NATO")
    blob = pickle.dumps(linker)
    assert len(blob) < 2_000
    copy = pickle.loads(blob)
    assert copy.fuzzy_threshold == 91.0 and copy.link("NATO").code == "IGOWSTNAT"
