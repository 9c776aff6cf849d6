"""Attributions beyond speech verbs: stance verbs, nominal cues, raising verbs, reporting
adverbs and polls (``tidings.quotes.finder`` with ``tidings.quotes.extra_cues``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tidings.model import Quote

FindFn = Callable[[str], list[Quote]]


def the(quotes: list[Quote], content: str) -> Quote:
    hits = [q for q in quotes if q.content == content]
    assert hits, f"no quote {content!r} in {[q.content for q in quotes]}"
    return hits[0]


# text, expected content, expected fields
CASES: list[tuple[str, str, dict[str, Any]]] = [
    # stance verb: the direct object is the content
    (
        "Senator Maria Lopez criticized the new border fee on Tuesday.",
        "the new border fee",
        {"speaker_text": "Senator Maria Lopez", "cue": "criticized", "kind": "indirect"},
    ),
    # the object with its "as" phrase
    (
        "Lopez described the fee as a tax on families.",
        "the fee as a tax on families",
        {"speaker_text": "Lopez", "cue": "described"},
    ),
    # "accused X of Y"
    (
        "The governor accused the mayor of hiding the budget gap.",
        "the mayor of hiding the budget gap",
        {"speaker_text": "The governor", "cue": "accused"},
    ),
    # endorsement by an organisation
    (
        "The teachers union endorsed Lopez in the primary.",
        "Lopez",
        {"speaker_text": "The teachers union", "cue": "endorsed"},
    ),
    # prepositional content: "called for", "referred to"
    (
        "The opposition called for an early election.",
        "an early election",
        {"speaker_text": "The opposition", "cue": "called"},
    ),
    (
        "She referred to the fee as a mistake.",
        "the fee as a mistake",
        {"speaker_text": "She", "cue": "referred"},
    ),
    # belief and knowledge verbs with a clause
    (
        "He knows the vote will be close.",
        "the vote will be close",
        {"speaker_text": "He", "cue": "knows"},
    ),
    (
        "Most economists fear that the fee will slow trade.",
        "that the fee will slow trade",
        {"speaker_text": "Most economists", "cue": "fear"},
    ),
    # "hopes to": spaCy lemmatises "hopes" to "hop"
    (
        "The mayor hopes to win a second term.",
        "to win a second term",
        {"speaker_text": "The mayor", "cue": "hopes"},
    ),
    # nominal cues: a that-clause with a possessive source
    (
        "Lopez repeated her claim that the fee was illegal.",
        "the fee was illegal",
        {"speaker_text": "her", "cue": "claim"},
    ),
    # nominal cue with a by-phrase source, and a from-phrase on the governing verb
    (
        "Criticism of the fee by several senators grew louder.",
        "the fee",
        {"speaker_text": "several senators", "cue": "Criticism"},
    ),
    (
        "The plan drew criticism of its cost from several senators.",
        "its cost",
        {"speaker_text": "several senators", "cue": "criticism"},
    ),
    # nominal cue after a light verb: the verb's subject holds the view
    (
        "The mayor expressed support for the new bridge.",
        "the new bridge",
        {"speaker_text": "The mayor", "cue": "support"},
    ),
    # raising verbs: no named source
    (
        "The senator appeared to soften her stance on the fee.",
        "The senator to soften her stance on the fee",
        {"speaker_text": None, "cue": "appeared", "kind": "indirect"},
    ),
    (
        "The council is expected to vote on the budget next week.",
        "The council to vote on the budget next week",
        {"speaker_text": None, "cue": "expected"},
    ),
    # raising verb with an adjective, and with an expletive subject
    (
        "The senator appeared ready to compromise.",
        "The senator ready to compromise",
        {"speaker_text": None, "cue": "appeared"},
    ),
    (
        "It seems the talks will resume in May.",
        "the talks will resume in May",
        {"speaker_text": None, "cue": "seems"},
    ),
    # "called on X to ...": the infinitive is the content
    (
        "The lawmakers called on the government to block the visit.",
        "to block the visit",
        {"speaker_text": "The lawmakers", "cue": "called"},
    ),
    # "urged X to ...": the infinitive is the content
    (
        "The governor urged lawmakers to pass the budget.",
        "to pass the budget",
        {"speaker_text": "The governor", "cue": "urged"},
    ),
    # a name and a colon opening a line (headline style)
    (
        "Senator Hale: Fee Will Hurt Small Farms\n\nThe vote is on Monday.",
        "Fee Will Hurt Small Farms",
        {"speaker_text": "Senator Hale", "cue": ":"},
    ),
    # "is looking to ..." states an intention
    (
        "The mayor is looking to cut property taxes.",
        "to cut property taxes",
        {"speaker_text": "The mayor", "cue": "looking"},
    ),
    # reporting adverb: the clause without the adverb
    (
        "The ministry has reportedly delayed the payments.",
        "The ministry has delayed the payments",
        {"speaker_text": None, "cue": "reportedly"},
    ),
    # a poll as the source of its sentence
    (
        "In a recent state poll, most voters opposed the fee.",
        "most voters opposed the fee",
        {"speaker_text": "a recent state poll", "cue": "In"},
    ),
    # pronoun and organisation speakers of speech verbs
    (
        "They said the fee would be repealed.",
        "the fee would be repealed",
        {"speaker_text": "They", "cue": "said"},
    ),
    (
        "The campaign said the senator would not debate.",
        "the senator would not debate",
        {"speaker_text": "The campaign", "cue": "said"},
    ),
]


@pytest.mark.parametrize(("text", "content", "fields"), CASES)
def test_extra_case(find: FindFn, text: str, content: str, fields: dict[str, Any]) -> None:
    q = the(find(text), content)
    got = {k: getattr(q, k) for k in fields}
    assert got == fields


def test_raising_content_has_two_fragments(find: FindFn) -> None:
    text = "The senator appeared to soften her stance."
    q = the(find(text), "The senator to soften her stance")
    assert (q.start, q.end) == (0, len(text) - 1)


def test_passive_stance_verb_is_not_a_statement(find: FindFn) -> None:
    assert find("The senator was criticized by nobody for the delay.") == []


def test_pronoun_object_is_not_content(find: FindFn) -> None:
    assert [q.content for q in find("The union backed him.")] == []


def test_compound_adjective_is_not_a_cue(find: FindFn) -> None:
    assert find("The self-described reformer met the press in Austin.") == []


def test_generic_in_the_polls_is_not_a_source(find: FindFn) -> None:
    assert find("His strength in the polls grew after the debate.") == []


def test_noun_cue_without_holder_is_skipped(find: FindFn) -> None:
    assert find("The attacks on Friday closed the border crossing.") == []


def test_cue_in_next_paragraph_is_not_the_quotes_cue(find: FindFn) -> None:
    # spaCy glues the closing mark and the next paragraph into one sentence here
    text = (
        'Hale said. "These choices should be made locally."\n\n'
        "The rules are a burden on schools, said Ann Hale, a state senator."
    )
    quotes = find(text)
    assert the(quotes, '"These choices should be made locally."').cue is None
    q = the(quotes, "The rules are a burden on schools")
    assert (q.speaker_text, q.cue, q.kind) == ("Ann Hale, a state senator", "said", "indirect")


def test_cue_opening_the_next_sentence_attributes_the_quote(find: FindFn) -> None:
    text = "“Does she not read the polls?” Hale said to reporters."
    (q,) = find(text)
    assert (q.content, q.speaker_text, q.cue) == ("“Does she not read the polls?”", "Hale", "said")


def test_colon_after_a_common_word_is_not_a_source(find: FindFn) -> None:
    assert find("Related: the budget vote moves to Monday afternoon\n\nMore soon.") == []
