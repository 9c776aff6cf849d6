"""Mentions whose trigger word is political but whose clause is not: markets, weather,
accidents, quantities ("air pollution hit record levels", "deployed salt trucks").

Each rule looks at the trigger's own arguments in the parse, not at words anywhere in the
sentence, so "police fired tear gas at protesters during the storm" stays an event.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tidings.events import _syntax as syn
from tidings.events._lexicon import Lexicon

# Things that act in weather, market and disaster news; as the subject of a trigger they
# make it a non-political clause ("prices hit", "the storm killed").
PHENOMENA = frozenset(
    [
        "pollution",
        "smog",
        "storm",
        "snow",
        "snowfall",
        "rain",
        "rainfall",
        "wind",
        "winds",
        "flood",
        "floods",
        "flooding",
        "heat",
        "heatwave",
        "cold",
        "ice",
        "fog",
        "hurricane",
        "typhoon",
        "cyclone",
        "tornado",
        "blizzard",
        "earthquake",
        "quake",
        "tsunami",
        "wildfire",
        "wildfires",
        "fire",
        "blaze",
        "drought",
        "avalanche",
        "landslide",
        "mudslide",
        "temperature",
        "temperatures",
        "inflation",
        "price",
        "prices",
        "share",
        "shares",
        "stock",
        "stocks",
        "market",
        "markets",
        "index",
        "currency",
        "dollar",
        "euro",
        "yen",
        "rouble",
        "ruble",
        "yuan",
        "oil",
        "gold",
        "output",
        "sales",
        "growth",
        "economy",
        "unemployment",
        "demand",
        "crash",
        "accident",
        "collision",
        "virus",
        "disease",
        "outbreak",
    ]
)
# Quantities a trigger verb may reach: "hit record levels", "hit a new high".
LEVELS = frozenset(
    [
        "level",
        "levels",
        "record",
        "records",
        "high",
        "highs",
        "low",
        "lows",
        "peak",
        "peaks",
        "mark",
        "milestone",
        "threshold",
        "ceiling",
        "floor",
        "bottom",
        "percent",
    ]
)
# Nouns that make a death or injury an accident, when they are its cause.
ACCIDENTS = frozenset(
    [
        "crash",
        "crashes",
        "accident",
        "accidents",
        "collision",
        "collisions",
        "derailment",
        "fire",
        "blaze",
        "avalanche",
        "landslide",
        "storm",
        "flood",
        "flooding",
        "earthquake",
        "quake",
    ]
)
_ACCIDENT_VERBS = frozenset({"crash", "collide", "derail", "capsize", "overturn", "sink"})
# What is released by publishing it, not by setting it free.
_PUBLISHED = frozenset(
    {"list", "figure", "statement", "report", "data", "video", "footage", "detail", "document"}
    | {"result", "image", "photo", "photograph", "record", "number", "statistic", "transcript"}
    | {"letter", "album", "film", "recording", "guideline", "budget", "version", "question"}
    | {"information", "finding", "poll", "survey", "estimate", "forecast", "text", "audio"}
)
# What a force verb harms only in an economic sense: "destroyed millions of jobs", "hit
# exports", "crushed the economy" (a factory or a market place can be bombed; these cannot).
ECONOMIC = frozenset(
    {"job", "livelihood", "economy", "industry", "export", "import", "sales", "trade"}
    | {"growth", "profit", "earnings", "saving", "savings", "investment", "revenue", "income"}
    | {"product", "goods", "wage", "wages", "business", "competitiveness", "employment"}
)
_MOVE_FORCES = frozenset({"deploy", "dispatch", "send", "mobilize", "mobilise", "station"})


def _lemma(tok: Token | None) -> str:
    return tok.lemma_.lower() if tok is not None else ""


def _objects(trigger: Token) -> list[Token]:
    out = [c for c in trigger.children if c.dep_ in ("dobj", "attr", "nsubjpass")]
    for prep in syn.children(trigger, "prep"):
        out.extend(syn.children(prep, "pobj"))
    return out


def _harmed(objects: list[Token]) -> list[Token]:
    """The objects with their conjuncts and counted nouns ("thousands of factories and
    millions of jobs": factories, millions, jobs)."""
    out: list[Token] = []
    todo = list(objects)
    while todo and len(out) < 20:
        t = todo.pop()
        if t in out:
            continue
        out.append(t)
        todo.extend(t.conjuncts)
        if t.like_num or t.pos_ == "NUM" or t.ent_type_ == "CARDINAL" or t.tag_ == "NNS":
            todo.extend(x for p in syn.children(t, "prep") if p.lower_ == "of" for x in p.children)
    return out


def _subject(trigger: Token) -> Token | None:
    return syn.first_child(trigger, "nsubj", "csubj")


def _causes(trigger: Token) -> list[Token]:
    """What the clause names as the cause of a death: its subject or a "in a crash" phrase."""
    out = [t for t in (_subject(trigger),) if t is not None]
    for prep in syn.children(trigger, "prep", "agent"):
        if prep.lower_ in ("in", "by", "after", "during", "from"):
            out.extend(syn.children(prep, "pobj"))
    return out


# "doubted that it would help forge any deal", "wondered whether talks would resume"
_DOUBTING = frozenset({"doubt", "wonder", "question"})
# "on hopes the two would find a solution": someone else's wish about the actors
_HOPING = frozenset({"hope", "wish"})


def wished(trigger: Token) -> bool:
    """The act is only hoped for or doubted by someone ("markets rose on hopes the U.S. and
    China would find a solution", "an expert doubted the talks would forge a deal"): nobody
    did, promised or threatened it. A hoper's own plan ("hopes to sign") stays an event."""
    child = trigger
    for anc in list(trigger.ancestors)[:5]:
        lemma = anc.lemma_.lower()
        if lemma in _DOUBTING and child.dep_ in ("ccomp", "xcomp", "acl", "dobj"):
            return True
        if lemma in _HOPING and child.dep_ in ("ccomp", "acl"):
            return True
        child = anc
    return False


# Idioms: a trigger verb with this prepositional object is no act on anyone ("came to power",
# "speaking on condition of anonymity", "spoke with customary anonymity").
_IDIOMS = frozenset(
    {("come", "power"), ("rise", "power"), ("return", "power"), ("sweep", "power")}
    | {("speak", "anonymity"), ("speak", "condition"), ("talk", "anonymity")}
    | {("talk", "condition")}
)
# A warning of what may happen ("warned that travellers could face provocations",
# "economists warn the moves could escalate"), not a threat of the speaker's own act.
_RISK_AUX = frozenset({"could", "might", "may"})


def _idiom(trigger: Token) -> bool:
    lemma = _lemma(trigger)
    objs = [o for p in syn.children(trigger, "prep") for o in syn.children(p, "pobj")]
    if any((lemma, _lemma(o)) in _IDIOMS for o in objs):
        return True
    # "pressed on", "pushed ahead": carried on, with nobody pressed
    prt = syn.first_child(trigger, "prt")
    return (
        prt is not None and prt.lower_ in ("on", "ahead") and not any(syn.children(trigger, "dobj"))
    )


def _risk_warning(trigger: Token) -> bool:
    speaker = _subject(trigger)
    for clause in syn.children(trigger, "ccomp"):
        doer = syn.first_child(clause, "nsubj", "nsubjpass")
        own = doer is not None and (
            doer.lower_ in ("we", "i") or (speaker is not None and _lemma(doer) == _lemma(speaker))
        )
        if syn.auxiliaries(clause) & _RISK_AUX and not own:
            return True
    return False


def non_political(trigger: Token, sent: Span, event: str, lex: Lexicon) -> str | None:
    """Why this mention is not a political event, or None when it may be one."""
    if wished(trigger):
        return "wished_or_doubted"
    if syn.is_question(sent):
        return "question"  # "Will police arrest the leaders?"
    if _idiom(trigger):
        return "idiom"
    helped_act = any(c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" for c in trigger.children)
    if event == "AID" and _lemma(trigger) == "help" and helped_act:
        return "helped_to_act"  # "helped unite the opposition": the act is the event
    if event == "THREATEN" and _lemma(trigger) == "warn" and _risk_warning(trigger):
        return "risk_warning"
    subj = _subject(trigger)
    if _lemma(subj) in PHENOMENA:
        return "phenomenon_subject"
    objects = _objects(trigger)
    if any(_lemma(o) in LEVELS for o in objects):
        return "quantity_object"
    if event == "THREATEN" and any(_lemma(o) in PHENOMENA for o in objects):
        return "hazard_warning"
    if event == "ASSAULT" and any(_lemma(o) in ECONOMIC for o in _harmed(objects)):
        return "economic_harm"  # "practices have destroyed millions of American jobs"
    if event == "ASSAULT" and any(_lemma(c) in ACCIDENTS for c in _causes(trigger)):
        return "accident"
    if event == "ASSAULT" and any(
        c.dep_ == "advcl" and _lemma(c) in _ACCIDENT_VERBS for c in trigger.children
    ):
        return "accident"  # "were killed when two helicopters crashed"
    participle = trigger.dep_ in ("advcl", "xcomp", "conj")
    if event == "ASSAULT" and participle and _lemma(trigger.head) in _ACCIDENT_VERBS:
        return "accident"  # "two ferries collided, killing forty passengers"
    if event == "RETREAT" and _lemma(trigger) == "release":
        freed = syn.first_child(trigger, "dobj")
        if freed is not None and _lemma(freed) in _PUBLISHED:
            return "published_not_freed"  # "released figures", not "released prisoners"
    if event == "MOBILIZE" and _lemma(trigger) in _MOVE_FORCES:
        moved = syn.first_child(trigger, "dobj")
        if moved is not None and not _force(moved, lex):
            return "not_a_force"
    return None


def _force(tok: Token, lex: Lexicon) -> bool:
    """Troops, police, warships, missiles: what a mobilisation moves."""
    lemma = tok.lemma_.lower()
    if lemma in lex.agent_nouns or tok.lower_ in lex.agent_nouns or lemma in lex.instruments:
        return True
    return tok.ent_type_ in ("NORP", "ORG", "GPE") or tok.pos_ == "PROPN"
