"""Force words whose means is an economic penalty: "hit Chinese goods with tariffs", "slapped
Iran with new sanctions", "punished the company with fines". PETRARCH's bare rows code the
verb as force (ASSAULT 190); the "with" phrase says the act is a sanction (CAMEO 163,
PLOVER SANCTION).
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events import _syntax as syn
from tidings.events._lexicon import Lexicon
from tidings.events._mention import Mention, event_type

# Economic penalties as the means of an act.
PENALTIES = frozenset(
    {"tariff", "tariffs", "sanction", "sanctions", "duty", "duties", "embargo", "levy"}
    | {"levies", "fine", "fines", "penalty", "penalties", "restriction", "restrictions"}
)


def _means(verb: Token) -> list[Token]:
    """The objects of "with" on the verb or on its direct object (the parser hangs it on
    either: "hit products with tariffs")."""
    heads = [verb, *syn.children(verb, "dobj")]
    return [o for h in heads for p, o in syn.prep_objects(h) if p == "with"]


def penalty_means(m: Mention, lex: Lexicon) -> None:
    """Recode a force verb whose "with" means is an economic penalty as a sanction."""
    if m.trigger.pos_ != "VERB" or event_type(m, lex) != "ASSAULT":
        return
    if any(o.lemma_.lower() in PENALTIES or o.lower_ in PENALTIES for o in _means(m.trigger)):
        m.code, m.plover_event, m.plover_mode = "163", "SANCTION", ""
