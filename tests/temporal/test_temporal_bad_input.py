"""Bad input: impossible dates, far dates, no publication date, junk text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tidings.temporal import TemporalResolver


@pytest.fixture(scope="module")
def resolver() -> TemporalResolver:
    return TemporalResolver()


def test_impossible_date_is_flagged_not_resolved(resolver: TemporalResolver) -> None:
    [t] = resolver.find("The vote was held on February 30, 2024.", date(2024, 12, 14))
    assert t.text == "February 30, 2024"
    assert t.value is None and t.precision is None
    assert "impossible_date" in t.flags


def test_impossible_date_without_year(resolver: TemporalResolver) -> None:
    [t] = resolver.find("They met on April 31.", date(2024, 12, 14))
    assert t.value is None and "impossible_date" in t.flags


def test_far_from_publication_flag(resolver: TemporalResolver) -> None:
    found = resolver.find("The war began in 2014 and ended in 2023.", date(2024, 12, 14))
    flags = {t.text: t.flags for t in found}
    assert "far_from_publication" in flags["2014"]
    assert "far_from_publication" not in flags["2023"]


def test_far_threshold_is_configurable() -> None:
    [t] = TemporalResolver(far_years=20).find("It began in 2014.", date(2024, 12, 14))
    assert t.flags == ()


def test_no_reference_relative_unresolved(resolver: TemporalResolver) -> None:
    found = resolver.find("He met Sudani on Friday, two weeks ago, and on December 13.", None)
    assert [t.text for t in found] == ["Friday", "two weeks ago", "December 13"]
    assert all(t.value is None and "no_reference" in t.flags for t in found)


def test_no_reference_absolute_resolves(resolver: TemporalResolver) -> None:
    [t] = resolver.find("He met Sudani on December 13, 2024.", None)
    assert (t.value, t.precision) == ("2024-12-13", "day")


def test_datetime_reference_with_zone(resolver: TemporalResolver) -> None:
    ref = datetime.fromisoformat("2024-12-14T23:30:00+03:00")
    [t] = resolver.find("He met Sudani yesterday.", ref)
    assert t.value == "2024-12-13"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\x00\x01",
        "9999999999999 years ago",
        "On 99/99/9999 at 99 p.m.",
        "a" * 5000,
        "in the 0s",
        "Monday Monday Monday,,, , last last last",
    ],
)
def test_junk_does_not_crash(resolver: TemporalResolver, text: str) -> None:
    found = resolver.find(text, date(2024, 12, 14))
    assert isinstance(found, list)


def test_registry_resolves() -> None:
    from tidings import registry

    assert "tidings.temporal.v1" in registry.names("time_resolver")
    r = registry.resolve("time_resolver", "tidings.temporal.v1", far_years=3)
    assert isinstance(r, TemporalResolver)


def test_random_time_words_never_crash(resolver: TemporalResolver) -> None:
    import random

    words = [
        "January",
        "May",
        "march",
        "Friday",
        "sunday",
        "two",
        "a",
        "few",
        "several",
        "day",
        "weeks",
        "year",
        "decade",
        "century",
        "ago",
        "later",
        "earlier",
        "before",
        "after",
        "last",
        "next",
        "this",
        "the",
        "in",
        "on",
        "of",
        "quarter",
        "third",
        "1998",
        "2024",
        "31",
        "30",
        "0",
        "'90s",
        "1990s",
        "p.m.",
        "10",
        "noon",
        "-",
        "/",
        ",",
        ".",
        "year-ago",
        "nineteen",
        "ninety-six",
        "early",
        "late",
        "mid-",
        "fiscal",
        "spring",
        "fall",
        "weekend",
        "tonight",
        "yesterday",
        "will",
        "was",
        "2024-02-30",
        "02/30/2024",
        "now",
        "daily",
    ]
    refs = [None, date(2024, 12, 14), date(1, 1, 3), date(9999, 12, 30)]
    rng = random.Random(7)
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        for t in resolver.find(text, rng.choice(refs)):
            assert text[t.start : t.end] == t.text


def test_ambiguous_and_mismatched_dates_are_flagged(resolver: TemporalResolver) -> None:
    found = resolver.find("Signed on 03/04/2024; he arrived Friday, Dec. 12, 2024.", None)
    assert [(t.text, t.value, t.flags) for t in found] == [
        ("03/04/2024", "2024-03-04", ("ambiguous_day_month",)),
        ("Friday, Dec. 12, 2024", "2024-12-12", ("weekday_mismatch",)),
    ]


def test_dotted_numeric_dates_read_day_first(resolver: TemporalResolver) -> None:
    # dots are the day-first convention (Europe, India); the US writes slashes
    found = resolver.find("The panel met on 09.03.2018 and again on 5.11.2018.", None)
    assert [(t.text, t.value, t.flags) for t in found] == [
        ("09.03.2018", "2018-03-09", ()),
        ("5.11.2018", "2018-11-05", ()),
    ]
    # a month above 12 still swaps, and slashes stay month-first
    found = resolver.find("Filed 12.25.2019, heard 03/04/2020.", None)
    assert [(t.value, t.flags) for t in found] == [
        ("2019-12-25", ()),
        ("2020-03-04", ("ambiguous_day_month",)),
    ]
