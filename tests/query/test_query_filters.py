"""EventFilter: validation messages and normalisation."""

from __future__ import annotations

import pytest

from tidings.errors import QueryError
from tidings.query import EventFilter


def test_normalises_codes() -> None:
    f = EventFilter.make(type="consult, request", cameo_root="4,19", country="irq")
    assert f.type == "CONSULT,REQUEST"
    assert f.cameo_root == "04,19"
    assert f.country == "IRQ"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"quad_class": 5}, "quad_class: Input should be less than or equal to 4 (got 5)"),
        ({"limit": 1001}, "limit: Input should be less than or equal to 1000 (got 1001)"),
        ({"cameo_root": "21"}, "cameo_root: not a CAMEO root 01..20 (got '21')"),
        (
            {"type": "con sult"},
            "type: not a PLOVER type name (letters and _ only) (got 'con sult')",
        ),
        ({"lat": 33.3}, "lat, lon and km go together: give all three or none"),
        (
            {"since": "2024-12-02", "until": "2024-12-01"},
            "since 2024-12-02 is after until 2024-12-01",
        ),
        (
            {"modality": "maybe"},
            "modality: Input should be 'asserted', 'requested', 'promised', "
            "'threatened', 'intended', 'hypothetical' or 'denied' (got 'maybe')",
        ),
    ],
)
def test_invalid_values_raise_one_line(values: dict[str, object], message: str) -> None:
    with pytest.raises(QueryError) as err:
        EventFilter.make(**values)
    assert str(err.value) == message
    assert "\n" not in str(err.value)


def test_unknown_filter_names_the_known_ones() -> None:
    with pytest.raises(QueryError, match=r"^actr: unknown filter; known: actor, side, type"):
        EventFilter.make(actr="IRQ")


def test_where_uses_parameters_not_text() -> None:
    f = EventFilter.make(q="'; DROP TABLE events; --", actor="x%")
    sql, params = f.where()
    assert "DROP" not in sql and "x%" not in sql
    assert "'; drop table events; --" in params
    assert "x%" in params  # matched literally with contains(), not as a LIKE pattern


def test_code_like_actor_matches_codes_only() -> None:
    sql, params = EventFilter.make(actor="IRQ", side="source").where()
    assert "starts_with(e.source_code, ?)" in sql and "lower" not in sql
    assert params == ["IRQ", "IRQ"]
