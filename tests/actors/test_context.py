"""Actors read in their article's context (issue 10): courtesy titles, "it", first names that
are also places, an organisation's officer. Sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tidings.actors import ActorLinker, ArticleActors
from tidings.annotate import load_pipeline
from tidings.model import ActorRef, AnnotatedDoc, Article


@pytest.fixture(scope="module")
def linker() -> ActorLinker:
    return ActorLinker()


def _actors(linker: ActorLinker, text: str) -> ArticleActors:
    article = Article(
        article_id="c1", doc_id="c1", text=text, published_at=datetime(2024, 11, 20, tzinfo=UTC)
    )
    return linker.link_doc(AnnotatedDoc(article=article, doc=load_pipeline()(text)))


def _at(actors: ArticleActors, phrase: str, nth: int = 0) -> ActorRef | None:
    start = -1
    for _ in range(nth + 1):
        start = actors.text.index(phrase, start + 1)
    return actors.at(start, start + len(phrase))


@pytest.mark.parametrize(
    ("text", "name"),
    [("Mrs Pemberton", "Pemberton"), ("Mr. Okafor", "Okafor"), ("Dr Ilse Brandt", "Ilse Brandt")],
)
def test_a_courtesy_title_is_not_part_of_the_name(
    linker: ActorLinker, text: str, name: str
) -> None:
    reading = linker.read(text)
    assert reading.person and reading.name == name and reading.code is None


def test_courtesy_title_and_surname_alias_the_earlier_person(linker: ActorLinker) -> None:
    acts = _actors(
        linker,
        "Hillary Clinton spoke in Ohio on Monday. Later Mrs Clinton accused the Kremlin of lying.",
    )
    ref = _at(acts, "Mrs Clinton")
    assert ref is not None and ref.name == "Hillary Clinton" and ref.country_iso3 == "USA"


@pytest.mark.parametrize(
    ("text", "pronoun", "country"),
    [
        # the subject state, though named without a sector ("a bare country")
        ("Iraq said it would not pay the debt. It accused Kuwait of theft.", "It", "IRQ"),
        # the subject, not the object named after it
        ("Norway told Sudan on Monday that it would send aid.", "it", "NOR"),
        # plural groups are never "it": the singular body before them is
        (
            "Iraq's foreign ministry protested. American soldiers then arrived. It accused Kuwait.",
            "It",
            "IRQ",
        ),
    ],
)
def test_it_is_the_singular_subject_before(
    linker: ActorLinker, text: str, pronoun: str, country: str
) -> None:
    ref = _at(_actors(linker, text), pronoun)
    assert ref is not None and ref.country_iso3 == country


def test_a_first_name_that_is_a_place_names_no_country(linker: ActorLinker) -> None:
    acts = _actors(linker, "Mayor Georgia Linwood's deputy resigned on Friday.")
    ref = _at(acts, "Mayor Georgia Linwood's")
    assert ref is not None and ref.country_iso3 is None and ref.sector == "GOV"
    assert ref.name == "Georgia Linwood"


def test_an_organisations_director_is_a_person_of_it(linker: ActorLinker) -> None:
    reading = linker.read("FBI director Alan Pryce")
    assert reading.person and reading.name == "Alan Pryce" and reading.code == "USACOP"


@pytest.mark.parametrize("text", ["the Conservatives", "Republicans", "the Social Democrats"])
def test_a_partys_members_are_a_party(linker: ActorLinker, text: str) -> None:
    reading = linker.read(text)
    assert reading.sector == "PTY" and reading.country is None and not reading.person


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Beijing answered Sen. Ben Hollis, R-Neb., on Friday.", "Sen. Ben Hollis", "USALEG"),
        ("China met Tom Reyes (D-N.Y.) in Beijing.", "Tom Reyes", "USALEG"),
        ("Gov. Ann Tully (R-Texas) spoke in Beijing.", "Gov. Ann Tully", "USAGOV"),
        # no tag: the title gives the office, and no country of its own
        ("Beijing answered Sen. Ben Hollis on Friday.", "Sen. Ben Hollis", "LEG"),
    ],
)
def test_a_us_party_tag_makes_a_us_politician(
    linker: ActorLinker, text: str, phrase: str, code: str
) -> None:
    ref = _at(_actors(linker, text), phrase)
    assert ref is not None and ref.code == code
