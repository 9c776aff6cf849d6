"""Linker readings behind event roles (issue 10): who a phrase speaks for, and when."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.actors import ActorLinker


@pytest.fixture(scope="module")
def linker() -> ActorLinker:
    return ActorLinker()


@pytest.mark.parametrize(
    ("text", "when", "code"),
    [
        # a generic title speaks for the role word before it
        ("Rebel spokesman Foo Bar", date(2016, 12, 1), "REB"),
        ("a police spokesman", date(2016, 12, 1), "COP"),
        ("a Syrian opposition leader", date(2016, 12, 1), "SYROPP"),
        # the opposition of an actor is not that actor
        ("Opponents of President Bashar Assad", date(2016, 12, 1), "SYROPP"),
        ("critics of the Turkish government", date(2016, 12, 1), "TUROPP"),
        # coordinated demonyms: the first named
        ("The British and Irish governments", date(1998, 3, 1), "GBRGOV"),
        # Northern Ireland is the United Kingdom; the Soviet Union has its own code
        ("Northern Ireland's biggest party", date(1998, 3, 1), "GBR"),
        ("the Soviet Union", date(1990, 8, 1), "USR"),
        # of two namesakes, the one in that office at the date
        ("President Bush", date(1990, 8, 15), "USAGOV"),
    ],
)
def test_role_readings(linker: ActorLinker, text: str, when: date, code: str) -> None:
    assert linker.read(text, when).code == code


def test_titled_namesake_follows_the_date(linker: ActorLinker) -> None:
    early = linker.read("President Bush", date(1990, 8, 15)).entity
    late = linker.read("President Bush", date(2005, 6, 1)).entity
    assert early is not None and late is not None
    assert early.entity_id != late.entity_id
