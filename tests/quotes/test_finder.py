"""Quote cases with exact expected content, speaker, cue and kind (``tidings.quotes.finder``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tidings.model import Quote
from tidings.quotes.finder import FinderSettings

FindFn = Callable[[str], list[Quote]]

INTRO = (
    "US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia al-Sudani "
    "in Baghdad on Friday.\n\n"
)


def the(quotes: list[Quote], content: str) -> Quote:
    hits = [q for q in quotes if q.content == content]
    assert hits, f"no quote {content!r} in {[q.content for q in quotes]}"
    return hits[0]


# text, expected content, expected fields
CASES: list[tuple[str, str, dict[str, Any]]] = [
    # direct, cue after the quote
    (
        "“The talks were constructive,” Blinken said.",
        "“The talks were constructive,”",
        {"speaker_text": "Blinken", "cue": "said", "kind": "direct", "direct": True},
    ),
    # "said X" inversion
    (
        "“We will not accept this,” said Antony Blinken.",
        "“We will not accept this,”",
        {"speaker_text": "Antony Blinken", "speaker_entity": "Antony Blinken", "kind": "direct"},
    ),
    # inversion with a title before the name
    (
        "“We will not accept this,” said Secretary of State Antony Blinken.",
        "“We will not accept this,”",
        {"speaker_text": "Secretary of State Antony Blinken", "speaker_entity": "Antony Blinken"},
    ),
    # direct, cue before with a colon
    (
        "Blinken said: “The talks were constructive.”",
        "“The talks were constructive.”",
        {"speaker_text": "Blinken", "cue": "said", "kind": "direct"},
    ),
    # direct, cue before with a comma
    (
        "Blinken told reporters, “We are making progress on the border.”",
        "“We are making progress on the border.”",
        {"speaker_text": "Blinken", "cue": "told"},
    ),
    # short name resolves to the full name introduced earlier
    (
        INTRO + "“The talks were constructive,” Blinken said.",
        "“The talks were constructive,”",
        {"speaker_text": "Blinken", "speaker_entity": "Antony Blinken"},
    ),
    # "he said" after a named speaker
    (
        INTRO + "“The talks were constructive,” Blinken said.\n\n“We will keep working,” he added.",
        "“We will keep working,”",
        {"speaker_text": "he", "speaker_entity": "Antony Blinken", "cue": "added"},
    ),
    # "she said" resolves to the most recent person when no speaker came before
    (
        "Prime Minister Jacinda Ardern visited the site on Monday.\n\n"
        "“It was a dark day,” she said.",
        "“It was a dark day,”",
        {"speaker_text": "she", "speaker_entity": "Jacinda Ardern"},
    ),
    # title speaker
    (
        INTRO + "“We are not done yet,” said the top US diplomat.",
        "“We are not done yet,”",
        {
            "speaker_text": "the top US diplomat",
            "speaker_entity": "Antony Blinken",
            "anonymous": False,
        },
    ),
    (
        INTRO + "The prime minister said the government would act against the groups.",
        "the government would act against the groups",
        {"speaker_text": "The prime minister", "speaker_entity": "Mohammed Shia al-Sudani"},
    ),
    # anonymous sources with affiliation
    (
        "A US official said Blinken asked Sudani to clamp down on armed groups.",
        "Blinken asked Sudani to clamp down on armed groups",
        {
            "speaker_text": "A US official",
            "anonymous": True,
            "speaker_code": "USAGOV",
            "speaker_entity": None,
            "source_kind": "anonymous",
            "kind": "indirect",
        },
    ),
    (
        "A US official, speaking on condition of anonymity, said the visit had been planned "
        "for weeks.",
        "the visit had been planned for weeks",
        {"speaker_text": "A US official", "anonymous": True, "speaker_code": "USAGOV"},
    ),
    (
        "A senior diplomat, who asked not to be named, said the deal was close.",
        "the deal was close",
        {"speaker_text": "A senior diplomat", "anonymous": True, "speaker_code": None},
    ),
    (
        "Sources close to the Iraqi government said the cabinet would meet on Sunday.",
        "the cabinet would meet on Sunday",
        {
            "speaker_text": "Sources close to the Iraqi government",
            "anonymous": True,
            "speaker_code": "IRQGOV",
        },
    ),
    (
        "An Israeli military official said troops had crossed the line.",
        "troops had crossed the line",
        {
            "speaker_text": "An Israeli military official",
            "anonymous": True,
            "speaker_code": "ISRMIL",
        },
    ),
    (
        "“Nothing has been decided,” a US official said on condition of anonymity.",
        "“Nothing has been decided,”",
        {"speaker_text": "a US official", "anonymous": True, "speaker_code": "USAGOV"},
    ),
    # a later "the official" is the same unnamed source
    (
        "A US official said the plan was ready. The official said it would be announced soon.",
        "it would be announced soon",
        {"speaker_text": "The official", "anonymous": True, "speaker_code": "USAGOV"},
    ),
    # documents
    (
        "According to a statement, the ministry will reopen the border.",
        "the ministry will reopen the border",
        {"speaker_text": "a statement", "source_kind": "document", "cue": "According to"},
    ),
    (
        "The talks collapsed after midnight, the report said.",
        "The talks collapsed after midnight",
        {"speaker_text": "the report", "source_kind": "document", "cue": "said"},
    ),
    (
        "A statement from the ministry said the border would stay closed.",
        "the border would stay closed",
        {"speaker_text": "A statement from the ministry", "source_kind": "document"},
    ),
    # named speaker speaking through a statement: named, the statement is part of the cue
    (
        "Sudani said in a statement that the talks had been fruitful.",
        "that the talks had been fruitful",
        {"speaker_text": "Sudani", "source_kind": "named", "cue": "said in a statement"},
    ),
    # "according to" a person, content after the phrase
    (
        "According to Blinken, the ceasefire will hold.",
        "the ceasefire will hold",
        {"speaker_text": "Blinken", "source_kind": "named"},
    ),
    # "according to" at the end of the sentence
    (
        "The ceasefire will hold until Monday, according to the foreign ministry.",
        "The ceasefire will hold until Monday",
        {"speaker_text": "the foreign ministry"},
    ),
    # indirect
    (
        "Blinken said he told Sudani of the plan.",
        "he told Sudani of the plan",
        {"speaker_text": "Blinken", "kind": "indirect", "direct": False, "cue": "said"},
    ),
    (
        "Blinken said that the talks had gone well.",
        "that the talks had gone well",
        {"speaker_text": "Blinken", "kind": "indirect"},
    ),
    (
        "The talks went well, Blinken said.",
        "The talks went well",
        {"speaker_text": "Blinken", "kind": "indirect"},
    ),
    (
        "Blinken warned that the window for a deal was closing.",
        "that the window for a deal was closing",
        {"speaker_text": "Blinken", "cue": "warned"},
    ),
    (
        "Blinken insisted the United States would not leave Iraq.",
        "the United States would not leave Iraq",
        {"speaker_text": "Blinken", "cue": "insisted"},
    ),
    # "adding that": the subject comes from the governing verb
    (
        "Blinken praised the talks, adding that more work was needed.",
        "that more work was needed",
        {"speaker_text": "Blinken", "cue": "adding"},
    ),
    # mixed
    (
        "Blinken said the talks were “constructive”.",
        "the talks were “constructive”",
        {"speaker_text": "Blinken", "kind": "mixed", "direct": False},
    ),
    (
        "Blinken said the United States would “stand by Iraq” in the months ahead.",
        "the United States would “stand by Iraq” in the months ahead",
        {"speaker_text": "Blinken", "kind": "mixed"},
    ),
    # split quote: one quote in two fragments
    (
        "“The talks were constructive,” Blinken said, “and we will meet again.”",
        "“The talks were constructive,” “and we will meet again.”",
        {"speaker_text": "Blinken", "start": 0, "end": 70},
    ),
    # a following sentence in quotation marks goes on with the same speaker
    (
        "“The talks were constructive,” Blinken said. “We will keep working.”",
        "“The talks were constructive,” “We will keep working.”",
        {"speaker_text": "Blinken", "start": 0, "end": 68},
    ),
    # nested single quotes stay inside
    (
        "“He told me ‘no deal’ twice,” Sudani said.",
        "“He told me ‘no deal’ twice,”",
        {"speaker_text": "Sudani"},
    ),
    # curly and straight marks mixed
    (
        '“The border stays open," the minister said.',
        '“The border stays open,"',
        {"speaker_text": "the minister"},
    ),
    (
        '"The border stays open,” Sudani said.',
        '"The border stays open,”',
        {"speaker_text": "Sudani"},
    ),
    # straight marks only
    (
        '"We came to listen," Blinken said.',
        '"We came to listen,"',
        {"speaker_text": "Blinken"},
    ),
    # unbalanced: the missing closing mark is recovered before the attribution
    (
        "“We will fight on, Sudani said.\n\nThe talks ended on Friday.",
        "“We will fight on,",
        {"speaker_text": "Sudani"},
    ),
    # paragraph-spanning quote with the cue in the opening paragraph
    (
        "Blinken said: “The region needs calm.\n\n“Everyone must show restraint now.”\n\nEnd.",
        "“The region needs calm.\n\n“Everyone must show restraint now.”",
        {"speaker_text": "Blinken", "kind": "direct"},
    ),
    # a following paragraph in quotes continues the previous speaker
    (
        "“The region needs calm,” Blinken said.\n\n“Everyone must show restraint now.”",
        "“Everyone must show restraint now.”",
        {"speaker_text": "Blinken", "cue": None},
    ),
    # two apostrophes as quotation marks (some newspaper archives)
    (
        "''This is not tax reform,'' said Douglas Holtz-Eakin, an economist.",
        "''This is not tax reform,''",
        {"speaker_text": "Douglas Holtz-Eakin, an economist", "kind": "direct"},
    ),
    # parenthetical cue: the rest of the sentence is the content
    (
        "The deal, Blinken said, was close to done.",
        "The deal, Blinken said, was close to done",
        {"speaker_text": "Blinken", "kind": "indirect"},
    ),
    # intentions: the infinitive complement of "promise", "want", "plan"
    (
        "Sudani promised to rein in the militias before the elections.",
        "to rein in the militias before the elections",
        {"speaker_text": "Sudani", "cue": "promised", "kind": "indirect"},
    ),
    # an organisation as speaker
    (
        "The New York Times reported that the talks had stalled.",
        "that the talks had stalled",
        {"speaker_text": "The New York Times", "source_kind": "named"},
    ),
]


@pytest.mark.parametrize(("text", "content", "fields"), CASES)
def test_quote_case(find: FindFn, text: str, content: str, fields: dict[str, Any]) -> None:
    q = the(find(text), content)
    got = {k: getattr(q, k) for k in fields}
    assert got == fields
    assert text[q.start : q.end].startswith(content[:5])


def test_offsets_point_into_text(find: FindFn) -> None:
    text = INTRO + "“We will keep working,” Blinken said."
    (q,) = find(text)
    assert text[q.start : q.end] == q.content
    assert q.speaker_start is not None and q.speaker_end is not None
    assert text[q.speaker_start : q.speaker_end] == "Blinken"
    assert q.cue_start is not None and text[q.cue_start : q.cue_end] == "said"


def test_quote_id_is_content_hash(find: FindFn) -> None:
    from tidings.model import content_id

    (q,) = find("“We will keep working,” Blinken said.")
    assert q.quote_id == content_id("a1", str(q.start), str(q.end))


def test_scare_quotes_are_not_quotes(find: FindFn) -> None:
    assert find("The so-called “axis of resistance” met in Beirut on Friday.") == []


def test_unattributed_long_quote_is_kept_without_speaker(find: FindFn) -> None:
    (q,) = find("The crowd chanted. “We want jobs and we want them now for our sons.”")
    assert q.speaker_text is None and q.direct


def test_narration_has_no_quote(find: FindFn) -> None:
    assert find(INTRO + "The two men discussed security and oil exports.") == []


def test_settings_change_unattributed_floor() -> None:
    assert FinderSettings(min_unattributed_words=3).min_unattributed_words == 3
