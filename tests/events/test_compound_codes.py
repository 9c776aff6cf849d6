"""The compound-act tables (data/events/compound_codes.tsv) name real CAMEO codes and modes."""

from __future__ import annotations

from tidings.events._compound_codes import TABLES, compound_codes
from tidings.events._lexicon import load_lexicon


def test_every_code_and_mode_exists() -> None:
    lex = load_lexicon()
    tables = compound_codes()
    assert set(tables) == set(TABLES) and all(tables.values())
    for table, rows in tables.items():
        for key, (code, mode) in rows.items():
            assert code in lex.codes, f"{table} {key}: CAMEO {code} is not in cameo_codes.tsv"
            if table == "threat":
                assert key in lex.plover_types and mode in lex.plover_modes["THREATEN"]
            elif table == "intent":
                assert key in {c.root for c in lex.codes.values()}
            else:
                assert key in lex.plover_types, f"{table}: {key} is not a PLOVER type"
    # The tables keep the CAMEO families their acts belong to.
    assert all(code.startswith("12") for code, _ in tables["refuse"].values())
    assert all(code.startswith("02") for code, _ in tables["request"].values())
    assert all(code.startswith("13") for code, _ in tables["threat"].values())
