"""Dependency-parse helpers: actor noun-phrase spans, subjects, objects, voice, negation."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

# Grammar, not lexicon: dependency labels and closed-class words of English.
SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "dative", "attr", "oprd")
TARGET_PREPS = (
    "with",
    "against",
    "on",
    "upon",
    "to",
    "into",
    "toward",
    "towards",
    "from",
    "between",
    "for",
    "of",
)
REL_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
NEG_WORDS = frozenset({"not", "n't", "never", "no"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
CONDITION_MARKS = frozenset({"if", "unless"})
# Right-hand modifiers that stay inside an actor's name ("Minister of Defence", "al-Assad").
_RIGHT_KEEP = frozenset({"compound", "flat", "nmod", "nummod"})
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


def np_span(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the actor noun phrase headed by ``head``.

    Keeps everything to the head's left (determiners, titles, demonyms, possessors, "-backed"
    modifiers) and, to its right, only name parts and an "of" phrase ("Minister of Defence");
    relative clauses, appositions, conjuncts and other prepositional phrases are left out.
    """
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("cc", "conj", "punct", "preconj") and child.i == child.left_edge.i:
            continue
        start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in _RIGHT_KEEP or (child.dep_ == "prep" and _of_name(child)):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    doc = head.doc
    # A name the parser split ("Bashar al - Assad" parsed as three objects) stays whole: the
    # phrase covers the named entity its head belongs to.
    if head.ent_iob_ != "O" and head.ent_type_ in _NAME_ENTITIES:
        first = head.i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        last = head.i + 1
        while last < len(doc) and doc[last].ent_iob_ == "I":
            last += 1
        start, end = min(start, first), max(end, last)
    while start < head.i and doc[start].is_punct:
        start += 1
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    return start, end


def _of_name(prep: Token) -> bool:
    """ "Minister of Defence", "the town of Saraqib": an "of" phrase naming a proper noun."""
    return prep.lower_ == "of" and any(c.pos_ == "PROPN" for c in prep.children)


def conjuncts(head: Token) -> list[Token]:
    """``head`` and the nominal conjuncts coordinated with it ("X and Y")."""
    return [head, *[c for c in head.conjuncts if c.i > head.i and c.pos_ != "VERB"]]


def children(tok: Token, *deps: str) -> Iterator[Token]:
    return (c for c in tok.children if c.dep_ in deps)


def first_child(tok: Token, *deps: str) -> Token | None:
    return next(children(tok, *deps), None)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def agent(verb: Token) -> Token | None:
    """The "by" phrase object of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            obj = first_child(c, "pobj")
            if obj is not None:
                return obj
    return None


def prep_objects(tok: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs attached to ``tok``."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.pos_ == "ADP":
            for obj in children(c, "pobj"):
                yield c.lower_, obj


def relative_head(verb: Token) -> Token | None:
    """For a verb in a relative/participle clause, the noun the clause modifies."""
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return None


def subject(verb: Token, depth: int = 0) -> tuple[Token | None, int]:
    """Grammatical subject of ``verb`` and how many hops it took to find it.

    Follows shared subjects of coordinated verbs ("met ... and asked"), subject control
    ("promised to work"), relative and participle clauses ("groups that attacked").
    """
    if depth > 4:
        return None, depth
    subj = first_child(verb, *SUBJ)
    if subj is not None:
        if subj.lower_ in REL_PRONOUNS and relative_head(verb) is not None:
            return relative_head(verb), depth + 1
        return subj, depth
    rel = relative_head(verb)
    if rel is not None and not is_passive(verb) and verb.tag_ != "VBN":
        return rel, depth + 1
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "conj" and is_passive(verb.head) and not is_passive(verb):
            return agent(verb.head), depth + 1
        return subject(verb.head, depth + 1)
    return None, depth


def negated(tok: Token) -> bool:
    """A negation word attached to ``tok`` ("did not meet", "no talks", "never attacked")."""
    return any(
        (c.dep_ == "neg") or (c.dep_ == "det" and c.lower_ == "no") or c.lower_ == "never"
        for c in tok.children
    )


def auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def in_condition(verb: Token) -> bool:
    """Inside an "if"/"unless" clause (on this verb or a governing one)."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            break
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children):
            return True
        if tok.dep_ in ("advcl", "conj", "xcomp", "ccomp") and tok.head is not tok:
            tok = tok.head
        else:
            break
    return False


def is_shouting(sent: Span) -> bool:
    """An ALL-CAPS headline or banner: its parse is unreliable, so it is not coded."""
    letters = [ch for ch in sent.text if ch.isalpha()]
    if len(letters) < 12:
        return False
    return sum(ch.isupper() for ch in letters) / len(letters) > 0.8


_CLOSERS = frozenset({'"', "'", "”", "’", ")", "»"})


def is_question(sent: Span) -> bool:
    """The sentence asks ("Will police arrest the leaders?"): it reports no act."""
    toks = [t for t in sent if not t.is_space and t.text not in _CLOSERS]
    return bool(toks) and toks[-1].text == "?"
