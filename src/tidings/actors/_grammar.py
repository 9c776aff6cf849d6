"""Grammar words of actor noun phrases: how a mention is read, not what it names (lexicon)."""

from __future__ import annotations

from tidings.actors._reading import Hit
from tidings.actors._text import Token

SPONSOR_WORDS = frozenset(
    {"backed", "sponsored", "supported", "funded", "armed", "aligned", "allied"}
)
SPONSOR_BY = frozenset({"backed", "sponsored", "supported", "funded"})
PREPOSITIONS = frozenset({"of", "in", "at", "from", "for", "on", "near", "with", "to", "against"})
COORDINATORS = frozenset({"and", "or", "but"})
STANCE = frozenset({"anti", "pro"})  # "anti-Syria journalist": Syria is not the actor
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Where a noun phrase's own words end: relative clauses and coordination ("X and Y").
BOUNDARIES = frozenset(
    {
        "who",
        "which",
        "that",
        "whose",
        "whom",
        "where",
        "when",
        "while",
        "and",
        "or",
        "but",
        "after",
        "before",
        "as",
        "said",
        "says",
    }
)
# Heads that name the opposition of the actor after "of" ("opponents of President Assad").
OPPONENTS = frozenset(
    {"opponent", "opponents", "critic", "critics", "enemy", "enemies", "foe", "foes"}
)
# Courtesy titles: they mark a person's name ("Mrs Clinton", "Mr. Comey") but name no office,
# and are not part of the name (an alias of "Hillary Clinton").
COURTESY = frozenset({"mr", "mrs", "ms", "miss", "mister", "dr", "sir", "dame", "madam"})
GENERIC_TITLES = frozenset(
    {
        "leader",
        "head",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "member",
        "members",
        "commander",
        "director",
    }
)


def coordinated(toks: list[Token], a: Hit, b: Hit) -> bool:
    """Hits ``a`` and ``b`` joined by a coordinator and nothing else ("British and Irish")."""
    between = [toks[t].key for t in range(a.j, b.i) if toks[t].key]
    return len(between) == 1 and between[0] in COORDINATORS
