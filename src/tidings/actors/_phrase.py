"""The structure of one mention's noun phrase over its dictionary hits: where the phrase ends,
its head agent noun, its unknown proper names and its community modifier."""

from __future__ import annotations

from tidings.actors._grammar import BOUNDARIES, COORDINATORS, GENERIC_TITLES, PREPOSITIONS
from tidings.actors._kb import KnowledgeBase
from tidings.actors._matcher import is_person_key
from tidings.actors._reading import Hit
from tidings.actors._text import Token


def first_phrase(toks: list[Token], hits: list[Hit], used: set[int]) -> list[Hit]:
    """Keep the hits before the first clause word outside any hit; "and"/"or" end the
    phrase only after a complete actor ("Blinken and Sudani", not "Planning and
    Investment Minister")."""

    def ends_phrase(t: int) -> bool:
        if t in used or toks[t].key not in BOUNDARIES:
            return False
        if toks[t].key in COORDINATORS:
            return any(h.j <= t and h.kind in ("entity", "agent") for h in hits)
        return True

    stop = next((t for t in range(1, len(toks)) if ends_phrase(t)), None)
    if stop is None:
        return hits
    used.update(range(stop, len(toks)))
    return [h for h in hits if h.j <= stop]


def community(kb: KnowledgeBase, toks: list[Token], hits: list[Hit], free: list[int]) -> str | None:
    """The first ethnic/religious modifier of the phrase outside any entity name."""
    words = set(free) | {t for h in hits if h.kind == "agent" for t in range(h.i, h.j)}
    return next((toks[t].key for t in sorted(words) if toks[t].key in kb.communities), None)


def drop_partial_names(
    kb: KnowledgeBase, toks: list[Token], hits: list[Hit], used: set[int]
) -> list[Hit]:
    """A one-word person hit inside a longer unknown name ("Omar Hassan al-Bashir" hits
    "Hassan") is part of that name, not the person "Hassan"."""
    kept = []
    for h in hits:
        if h.kind == "entity" and h.j - h.i == 1 and is_person_key(kb, h.key):
            neighbours = [h.i - 1, h.j]
            if h.i >= 2 and not toks[h.i - 1].key:  # skip a particle: "al-Bashir"
                neighbours.append(h.i - 2)
            if any(
                0 <= t < len(toks) and t not in used and toks[t].key and toks[t].is_capitalised
                for t in neighbours
            ):
                used.difference_update(range(h.i, h.j))
                continue
        kept.append(h)
    return kept


def member_name(toks: list[Token], free: list[int], hits: list[Hit], org: Hit) -> list[int]:
    """The unknown name right after a title that follows an organisation ("Hezbollah leader
    Foo Bar"), or none."""
    titles = [h for h in hits if h.kind == "agent" and h.i >= org.j]
    if not titles:
        return []
    run = name_run(toks, free, hits, titles[-1])
    return run if run and run[0] == titles[-1].j else []


def choose_entity_hit(entity_hits: list[Hit]) -> Hit:
    """The entity named by the head: the last entity before a preposition phrase."""
    return max(entity_hits, key=lambda h: (h.j - h.i >= 2, h.i))


def head_agent(kb: KnowledgeBase, toks: list[Token], hits: list[Hit], used: set[int]) -> Hit | None:
    """The agent noun that heads the phrase: the last one before the first preposition."""
    agents = [h for h in hits if h.kind == "agent"]
    if not agents:
        return None
    preps = [t for t in range(len(toks)) if t not in used and toks[t].key in PREPOSITIONS]
    cut = preps[0] if preps else len(toks)
    before = [h for h in agents if h.j <= cut]
    head = before[-1] if before else agents[0]
    if head.key in GENERIC_TITLES:
        # "rebel spokesman", "opposition leader", "police official": the role word right
        # before a generic title says whom the person speaks for.
        qualifier = next((h for h in agents if h.j == head.i), None)
        if qualifier is not None and qualifier.key not in GENERIC_TITLES:
            return qualifier
    # "leader of the opposition": a generic title takes its sector from the complement.
    if head.key in GENERIC_TITLES or kb.agents[head.key][0] == "GOV" and head.key in GENERIC_TITLES:
        later = [h for h in agents if h.i >= cut]
        if later:
            return later[0]
    return head


def lone_word(toks: list[Token], hits: list[Hit], free: list[int]) -> int | None:
    """The mention is one capitalised unknown word and nothing else ("Macron")."""
    if hits or len(free) != 1 or not toks[free[0]].is_capitalised:
        return None
    return free[0] if len(toks[free[0]].key) >= 4 else None


def name_run(
    toks: list[Token],
    free: list[int],
    hits: list[Hit],
    head: Hit | None,
    after: frozenset[int] = frozenset(),
) -> list[int]:
    """Capitalised words not matched by any dictionary: an unknown proper name.

    Words before a head noun are modifiers ("Iraqi Shiite armed groups"), not names.
    ``after``: token indexes that follow a courtesy title ("Mrs Clinton"), where one word
    is a name as after an office title."""
    if head is not None:
        free = [t for t in free if t >= head.j]
    runs: list[list[int]] = []
    for t in free:
        if not toks[t].is_capitalised:
            continue
        if runs and (
            t == runs[-1][-1] + 1 or all(not toks[k].key for k in range(runs[-1][-1] + 1, t))
        ):
            runs[-1].append(t)
        else:
            runs.append([t])
    if not runs:
        return []
    # Prefer the run right after a title ("Prime Minister Foo Bar"), else the longest.
    agent_ends = {h.j for h in hits if h.kind == "agent"} | after
    after_title = [r for r in runs if r[0] in agent_ends]
    run = after_title[-1] if after_title else max(runs, key=len)
    if not after_title and len(run) < 2:  # one capitalised word alone is not yet a name
        return []
    # Extend over a leading particle token ("al-Foo") kept out of the keys.
    while run[0] > 0 and not toks[run[0] - 1].key and toks[run[0] - 1].text[:1].isalpha():
        run.insert(0, run[0] - 1)
    return run
