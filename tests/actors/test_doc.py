"""Tests for tidings.actors.doc: within-article aliases, pronouns and definite titles."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tidings import registry
from tidings.actors import ArticleActors
from tidings.annotate import load_pipeline
from tidings.interfaces import ActorLinker as ActorLinkerProtocol
from tidings.interfaces import DocActors
from tidings.model import ActorRef, AnnotatedDoc, Article

TEXT = (
    "US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia al-Sudani in "
    "Baghdad on Friday. Blinken asked Sudani to clamp down on Iranian-backed armed groups. "
    "He said the minister had promised action. Later, al-Sudani told reporters that the top US "
    "diplomat was welcome."
)


def _doc(text: str, published: datetime) -> AnnotatedDoc:
    nlp = load_pipeline()
    article = Article(article_id="a1", doc_id="d1", text=text, published_at=published)
    return AnnotatedDoc(article=article, doc=nlp(text))


@pytest.fixture(scope="module")
def actors() -> ArticleActors:
    linker = registry.resolve("actor_linker", "tidings.actors.v1")
    result = linker.link_doc(_doc(TEXT, datetime(2024, 12, 14, tzinfo=UTC)))
    assert isinstance(result, ArticleActors)
    return result


def _at(actors: ArticleActors, phrase: str, nth: int = 0) -> ActorRef | None:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return actors.at(start, start + len(phrase))


def test_protocols() -> None:
    linker = registry.resolve("actor_linker", "tidings.actors.v1")
    assert isinstance(linker, ActorLinkerProtocol)
    assert isinstance(linker.link_doc(_doc("Hamas said.", datetime(2024, 1, 1))), DocActors)


def test_full_mention(actors: ArticleActors) -> None:
    ref = _at(actors, "Iraqi Prime Minister Mohammed Shia al-Sudani")
    assert ref is not None
    assert (ref.code, ref.name, ref.entity_id) == ("IRQGOV", "Mohammed Shia al-Sudani", "Q3700793")


@pytest.mark.parametrize(("phrase", "nth"), [("Sudani", 1), ("al-Sudani", 1)])
def test_short_name_is_earlier_person(actors: ArticleActors, phrase: str, nth: int) -> None:
    ref = _at(actors, phrase, nth)
    assert ref is not None
    start = TEXT.index(phrase, TEXT.index(phrase) + 1)
    assert (ref.start, ref.end, ref.text) == (start, start + len(phrase), phrase)
    assert (ref.name, ref.entity_id, ref.code) == ("Mohammed Shia al-Sudani", "Q3700793", "IRQGOV")


def test_pronoun_is_most_recent_person(actors: ArticleActors) -> None:
    ref = _at(actors, "He")
    assert ref is not None
    assert (ref.text, ref.name) == ("He", "Mohammed Shia al-Sudani")


def test_definite_title(actors: ArticleActors) -> None:
    ref = _at(actors, "the minister")
    assert ref is not None and ref.name == "Mohammed Shia al-Sudani"


def test_definite_title_checks_country(actors: ArticleActors) -> None:
    ref = _at(actors, "the top US\ndiplomat".replace("\n", " "))
    assert ref is not None
    assert (ref.name, ref.code, ref.text) == ("Antony Blinken", "USAGOV", "the top US diplomat")


def test_group_with_sponsor(actors: ArticleActors) -> None:
    ref = _at(actors, "Iranian-backed armed groups")
    assert ref is not None
    assert (ref.code, ref.sponsor_iso3, ref.name) == ("REB", "IRN", None)


def test_no_actor(actors: ArticleActors) -> None:
    assert _at(actors, "on Friday") is None


def test_published_at_picks_role() -> None:
    linker = registry.resolve("actor_linker", "tidings.actors.v1")
    text = "Ahmed al-Sharaa met the envoy. Sharaa said talks went well."
    early = linker.link_doc(_doc(text, datetime(2023, 3, 1, tzinfo=UTC)))
    late = linker.link_doc(_doc(text, datetime(2025, 3, 1, tzinfo=UTC)))
    s = text.index("Sharaa said")
    assert early.at(s, s + 6).code == "SYRREB"
    assert late.at(s, s + 6).code == "SYRGOV"


def test_unknown_titled_person_then_surname() -> None:
    linker = registry.resolve("actor_linker", "tidings.actors.v1")
    text = "Iraqi Prime Minister Foo Barzoon spoke on Monday. Barzoon later left."
    acts = linker.link_doc(_doc(text, datetime(2024, 1, 1, tzinfo=UTC)))
    s = text.index("Barzoon later")
    ref = acts.at(s, s + len("Barzoon"))
    assert ref is not None
    assert (ref.name, ref.code) == ("Foo Barzoon", "IRQGOV")


def test_institutions_and_possessives_are_not_pronoun_like() -> None:
    linker = registry.resolve("actor_linker", "tidings.actors.v1")
    text = (
        "Prime Minister Mohammed Shia al-Sudani spoke on Monday. The United States embassy "
        "condemned the attack. The group's spokesman denied it."
    )
    acts = linker.link_doc(_doc(text, datetime(2024, 11, 3, tzinfo=UTC)))
    s = text.index("The United States embassy")
    embassy = acts.at(s, s + len("The United States embassy"))
    assert embassy is not None and (embassy.code, embassy.name) == ("USAGOV", None)
    s = text.index("The group's spokesman")
    spokesman = acts.at(s, s + len("The group's spokesman"))
    assert spokesman is not None and spokesman.name is None


def test_capital_tagged_as_person_is_not_a_person() -> None:
    linker = registry.resolve("actor_linker", "tidings.actors.v1")
    text = (
        "Turkish warplanes struck targets. Ankara says the strikes will go on. He did not say more."
    )
    acts = linker.link_doc(_doc(text, datetime(2024, 11, 3, tzinfo=UTC)))
    s = text.index("Ankara")
    ankara = acts.at(s, s + len("Ankara"))
    assert ankara is not None and (ankara.code, ankara.name) == ("TURGOV", None)
    s = text.index("He did")
    assert acts.at(s, s + 2) is None


def test_acronym_defined_in_article() -> None:
    linker = registry.resolve("actor_linker", "tidings.actors.v1")
    text = (
        "Fighters of the Syrian Salvation Brigade (SSB) seized the town on Monday. "
        "The SSB said it lost two men."
    )
    acts = linker.link_doc(_doc(text, datetime(2024, 1, 1, tzinfo=UTC)))
    s = text.index("The SSB")
    ref = acts.at(s, s + len("The SSB"))
    assert ref is not None
    assert (ref.name, ref.country_iso3, ref.text) == ("Syrian Salvation Brigade", "SYR", "The SSB")


def _community_ref(text: str, phrase: str, dateline: str | None = None) -> ActorRef | None:
    linker = registry.resolve("actor_linker", "tidings.actors.v1")
    nlp = load_pipeline()
    article = Article(
        article_id="c1",
        doc_id="c1",
        text=text,
        published_at=datetime(2024, 3, 5, tzinfo=UTC),
        dateline=dateline,
    )
    actors = linker.link_doc(AnnotatedDoc(article=article, doc=nlp(text)))
    start = text.index(phrase)
    return actors.at(start, start + len(phrase))


def test_community_takes_the_articles_country() -> None:
    text = (
        "Syrian officials said the talks in Damascus had stalled. Syrian state media blamed "
        "Kurdish fighters for the shelling of a village."
    )
    ref = _community_ref(text, "Kurdish fighters")
    assert ref is not None
    assert (ref.code, ref.country_iso3, ref.sector) == ("SYRREB", "SYR", "REB")


def test_community_takes_the_dateline_country() -> None:
    text = "Shiite militias fired rockets at a base, a security source said."
    ref = _community_ref(text, "Shiite militias", dateline="BAGHDAD")
    assert ref is not None
    assert ref.code == "IRQREB"


def test_community_outside_its_homes_keeps_no_country() -> None:
    text = (
        "French police said Kurdish fighters had not been seen in Paris. French officials "
        "in Paris agreed."
    )
    ref = _community_ref(text, "Kurdish fighters")
    assert ref is not None
    assert (ref.code, ref.country_iso3) == ("REB", None)


def test_own_place_beats_the_articles_country() -> None:
    text = "Syrian officials in Damascus said Kurdish fighters in Iraq had crossed. Syria agreed."
    ref = _community_ref(text, "Kurdish fighters in Iraq")
    assert ref is not None
    assert ref.code == "IRQREB"
