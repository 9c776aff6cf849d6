"""Find attributions that have no cue verb with a clausal complement.

Six constructions, each from a lexicon in ``tidings/data/quotes``:

- raising verbs without a named source: "Sanders appeared to dismiss ...", "The House is
  expected to pass ..." (content: the subject and the infinitive clause);
- reporting adverbs: "The FBI is reportedly making arrangements ..." (content: the clause);
- nominal cues: "his claim that ...", "criticism of the plan from Democrats", "support for
  the deal" (content: the that-clause or the prepositional object; source: the possessor, a
  from/by phrase or the subject of "expressed support for");
- stance adjectives: "X is critical of the plan", "X remained skeptical that ...";
- polls: "In a CNN poll, 38 percent said ..." (source: the poll; content: the rest of the
  sentence);
- a name and a colon opening a line ("Graham: Trump is wrong", headlines and transcripts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.quotes._lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TRIM = set(",.;:—–-()")
_SOURCE_PREPS = {"from", "by", "among"}
_COLON_NAME_TOKENS = 4
_COLON_MIN_WORDS = 3
_LIGHT_VERBS = {"express", "voice", "make", "issue", "raise", "offer", "give", "repeat", "throw"}


@dataclass(frozen=True)
class Found:
    """One attribution found by a construction: content fragments, cue token, source head."""

    fragments: tuple[tuple[int, int], ...]
    cue: Token
    source: Token | None


def _span(toks: list[Token]) -> tuple[int, int] | None:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].text in _TRIM or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].text in _TRIM or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _frags(*parts: list[Token]) -> tuple[tuple[int, int], ...]:
    out = [s for p in parts if (s := _span(p)) is not None]
    return tuple(sorted(out))


def raising(tok: Token, lex: Lexicon) -> Found | None:
    """ "X appears to ...", "X is expected to ..."."""
    voice = lex.raising_cues.get(tok.lemma_.lower())
    if voice is None or tok.pos_ not in {"VERB", "AUX"}:
        return None
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if (voice == "passive") != passive:
        return None
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return None
    if subj.lower_ == "it":  # "it seems (that) the campaign will go on"
        clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        frags = _frags(list(clause.subtree)) if clause is not None else ()
        return Found(frags, tok, None) if frags else None
    comps = {"xcomp", "acomp", "oprd"} if voice == "active" else {"xcomp"}
    comp = next((c for c in tok.children if c.dep_ in comps), None)
    if comp is None or subj.lower_ == "there":
        return None
    frags = _frags(list(subj.subtree), list(comp.subtree))
    return Found(frags, tok, None) if len(frags) == 2 else None


def adverb(tok: Token, lex: Lexicon) -> Found | None:
    """ "X has reportedly done ...": the clause around the adverb."""
    if tok.lower_ not in lex.adverb_cues or tok.dep_ != "advmod":
        return None
    head = tok.head
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    toks = [t for t in head.subtree if t.i != tok.i and t.dep_ not in {"mark"}]
    before = [t for t in toks if t.i < tok.i]
    after = [t for t in toks if t.i > tok.i]
    frags = _frags(before, after)
    return Found(frags, tok, None) if frags else None


def nominal(tok: Token, lex: Lexicon) -> Found | None:
    """ "his claim that ...", "criticism of the plan", "support for the deal"."""
    preps = lex.noun_cues.get(tok.lemma_.lower())
    if preps is None or tok.pos_ != "NOUN":
        return None
    content: list[Token] | None = None
    clause = False
    for child in tok.children:
        if child.dep_ in {"acl", "ccomp"} and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            content = [t for t in child.subtree if not (t.dep_ == "mark" and t.head.i == child.i)]
            clause = True
            break
        if child.dep_ == "prep" and child.lower_ in preps:
            content = [t for t in child.subtree if t.i != child.i]
            break
    if not content:
        return None
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    if source is None:
        # "criticism by senators", or "the plan drew criticism ... from senators"
        holders = list(tok.children) + (list(tok.head.children) if tok.dep_ == "dobj" else [])
        for child in holders:
            if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPS:
                source = next((g for g in child.children if g.dep_ == "pobj"), None)
                break
    if source is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _LIGHT_VERBS:
        source = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if source is None and not clause:
        return None  # "attacks on Friday", "support for the bill": no one holds the view
    frags = _frags(content)
    return Found(frags, tok, source) if frags else None


def adjective(tok: Token, lex: Lexicon) -> Found | None:
    """ "X is critical of Y", "X remained skeptical that ...": the subject holds the stance."""
    if tok.lower_ not in lex.adjective_cues or tok.dep_ not in {"acomp", "oprd"}:
        return None
    subj = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.lower_ in {"it", "there"}:
        return None
    for child in tok.children:
        if child.dep_ == "prep" and child.i > tok.i:
            toks = [t for t in child.subtree if t.i != child.i]
        elif child.dep_ in {"ccomp", "xcomp"}:
            toks = [t for t in child.subtree if not (t.dep_ == "mark" and t.head.i == child.i)]
        else:
            continue
        frags = _frags(toks)
        if frags:
            return Found(frags, tok, subj)
    return None


def line_colon(tok: Token, lex: Lexicon) -> Found | None:
    """ "Graham: Trump's rhetoric is destroying the party" at the start of a line (headlines,
    transcripts): the name before the colon said the rest of the line."""
    if tok.text != ":":
        return None
    doc = tok.doc
    k = tok.i
    while k > 0 and tok.i - k < _COLON_NAME_TOKENS and not doc[k - 1].is_space:
        k -= 1
    if k > 0 and not (doc[k - 1].is_space and "\n" in doc[k - 1].text):
        return None
    name = list(doc[k : tok.i])
    if not name or not name[0].text[:1].isupper():
        return None
    if not any(t.pos_ == "PROPN" or t.lemma_.lower() in lex.poll_nouns for t in name):
        return None
    rest: list[Token] = []
    for t in doc[tok.i + 1 :]:
        if t.is_space and "\n" in t.text:
            break
        rest.append(t)
    if sum(1 for t in rest if t.is_alpha) < _COLON_MIN_WORDS:
        return None
    frags = _frags(rest)
    head = max(name, key=lambda t: (t.pos_ == "PROPN", t.i))
    return Found(frags, tok, head) if frags else None


def poll(tok: Token, lex: Lexicon) -> Found | None:
    """ "In a CNN poll, 38 percent said ...": the poll is the source of its sentence."""
    if tok.lower_ != "in" or tok.dep_ != "prep":
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in lex.poll_nouns or tok.head.dep_ != "ROOT":
        return None
    phrase = {t.i for t in tok.subtree}
    sent = tok.sent
    rest = [t for t in sent if t.i not in phrase]
    frags = _frags(rest)
    return Found(frags, tok, pobj) if frags else None


def find_extra(doc: Doc, lex: Lexicon) -> list[Found]:
    """Every attribution of the six constructions in ``doc``."""
    out: list[Found] = []
    for tok in doc:
        for rule in (raising, adverb, nominal, adjective, poll, line_colon):
            found = rule(tok, lex)
            if found is not None:
                out.append(found)
                break
    return out
