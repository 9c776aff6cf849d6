"""Find direct, indirect and mixed quotes in a parsed article, each with speaker, cue and spans.

Direct quotes come from paired quotation marks, tied to a cue verb in the same sentence
("...," Blinken said / said Blinken / Blinken said: "..."), to a colon-ended cue in the
sentence before, or to the previous quote's speaker when a paragraph only continues it.
Indirect quotes are the clausal complements of cue verbs (ccomp: "Blinken said he told ...")
and "according to X" clauses; stance verbs ("criticized the plan", "called for talks") take
their object as content (slots in ``cues.tsv``); raising verbs, reporting adverbs, nominal cues
and polls come from ``extra_cues``. An indirect quote holding quotation marks is mixed.
"""

from __future__ import annotations

import bisect
import itertools
import logging
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.config import default_setting
from tidings.interfaces import DocActors
from tidings.model import AnnotatedDoc, Quote, content_id
from tidings.quotes._lexicon import lexicon
from tidings.quotes.extra_cues import find_extra
from tidings.quotes.marks import QuotedSpan, find_quoted
from tidings.quotes.speakers import Speaker, SpeakerResolver, speaker_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)

_SUBJ = {"nsubj", "nsubjpass"}
_INHERIT_SUBJ = {"advcl", "conj", "xcomp", "pcomp"}
_CONTENT_DEPS = {"ccomp"}
_TRIM = set(",.;:—–-()")
_NEXT_SENT_CUE_TOKENS = 8
_OBJ_PREPS = {"as", "of", "for"}  # "described X as ...", "accused X of ...", "blamed X for ..."


@dataclass
class _Cand:
    """A quote under construction."""

    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue: Token | None
    subject: Token | None = None
    fragments: list[tuple[int, int]] = field(default_factory=list)
    speaker: Speaker | None = None
    inherit_from: _Cand | None = None


@dataclass(frozen=True)
class FinderSettings:
    """Thresholds of the finder (from ``[quote_finder]`` in the configuration; the defaults
    are read from default_config.toml, the one place they are written)."""

    min_unattributed_words: int = int(default_setting("quote_finder", "min_unattributed_words"))
    max_open_chars: int = int(default_setting("quote_finder", "max_open_chars"))
    max_cue_gap_chars: int = int(default_setting("quote_finder", "max_cue_gap_chars"))
    min_indirect_tokens: int = 2  # an indirect quote's content has at least this many tokens


# The last document's sentences and their end offsets (per thread and task: components may
# run concurrently); holding the doc keeps its id from being reused while cached.
_SENTENCES: ContextVar[tuple[Doc, list[Span], list[int]] | None] = ContextVar(
    "tidings_quote_sentences", default=None
)


def _cues_in(cues: list[Token], lo: int, hi: int) -> list[Token]:
    """The cues (sorted by token index) with lo <= index < hi, by binary search."""
    return cues[
        bisect.bisect_left(cues, lo, key=_token_i) : bisect.bisect_left(cues, hi, key=_token_i)
    ]


def _token_i(tok: Token) -> int:
    return int(tok.i)


def _token_idx(tok: Token) -> int:
    return int(tok.idx)


class _Coverage:
    """Whether an offset lies inside any of some spans, in O(log n): spans sorted by start,
    with the running maximum of their ends (spans may nest or overlap)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_end = list(itertools.accumulate((e for _, e in ordered), max))

    def __call__(self, idx: int) -> bool:
        k = bisect.bisect_right(self.starts, idx)
        return k > 0 and self.max_end[k - 1] > idx


class QuoteExtractor:
    """Find the quotes of one document."""

    def __init__(self, settings: FinderSettings | None = None) -> None:
        self.settings = settings or FinderSettings()
        self.lex = lexicon()

    # -- cue verbs ---------------------------------------------------------------------
    def is_cue(self, tok: Token) -> bool:
        return (
            tok.lemma_.lower() in self.lex.cues
            and tok.pos_ in {"VERB", "AUX"}
            and tok.dep_ != "aux"
            # "so-called", "self-described": a compound adjective, not a report
            and not (tok.i > 0 and tok.nbor(-1).text == "-")
        )

    def subject(self, tok: Token) -> Token | None:
        """The grammatical subject of a cue verb, inherited from the governing verb for
        "..., adding that" and "and told"."""
        seen = 0
        while seen < 4:
            for child in tok.children:
                if child.dep_ in _SUBJ:
                    return child
            if child_agent := next((c for c in tok.children if c.dep_ == "agent"), None):
                pobj = next((c for c in child_agent.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
            if tok.dep_ in _INHERIT_SUBJ and tok.head is not tok:
                tok = tok.head
                seen += 1
                continue
            return None
        return None

    def content_of(self, tok: Token) -> tuple[int, int] | None:
        """Character span of the clausal complement of a cue verb, trimmed of edge punctuation."""
        lemma = tok.lemma_.lower()
        clausal = "xcomp" in self.lex.cue_slots.get(lemma, frozenset())
        deps = _CONTENT_DEPS | (
            {"xcomp"} if clausal or self.lex.cues.get(lemma) == "intent" else set()
        )
        comps = [c for c in tok.children if c.dep_ in deps]
        if not comps and (slots := self.lex.cue_slots.get(tok.lemma_.lower())):
            return self._slot_content(tok, slots)
        if not comps:
            if tok.dep_ == "parataxis" and any(c.dep_ in _SUBJ for c in tok.children):
                # "The campaign, he says, is different": the rest of the sentence is the content
                own = {t.i for t in tok.subtree}
                rest = [t for t in tok.sent if t.i not in own]
                return self._trim(rest) if len(rest) >= self.settings.min_indirect_tokens else None
            return None
        comp = comps[0]
        drop: set[int] = set()
        for t in comp.subtree:  # "..., speaking on condition of anonymity" is about the source
            if t.dep_ in {"advcl", "npadvmod"} and t.i > comp.i:
                sub = " ".join(x.lower_ for x in t.subtree)
                if any(p in sub for p in self.lex.anonymity_phrases):
                    drop.update(x.i for x in t.subtree)
        toks = [t for t in comp.subtree if t.i not in drop]
        if drop:
            toks = [t for t in toks if t.i < min(drop)]
        if len(toks) < self.settings.min_indirect_tokens:
            return None
        return self._trim(toks)

    def _slot_content(self, tok: Token, slots: frozenset[str]) -> tuple[int, int] | None:
        """The object ("criticized the plan as reckless") or prepositional object ("called for
        talks") of a stance verb without a clausal complement."""
        if tok.dep_ == "amod" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
            return None  # "the proposed law", "he was criticized": not a statement of the subject
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None) if "dobj" in slots else None
        if obj is not None:
            if obj.pos_ == "PRON" and obj.lower_ not in {"what", "this", "that"}:
                return None
            toks = list(obj.subtree)
            for sib in tok.children:
                if sib.i > obj.i and (
                    sib.dep_ in {"oprd", "xcomp", "ccomp"}
                    or (sib.dep_ == "prep" and sib.lower_ in _OBJ_PREPS)
                ):
                    toks.extend(sib.subtree)
            toks.sort(key=lambda t: t.i)
            return self._trim(toks)
        for child in tok.children:
            if child.dep_ == "prep" and f"prep:{child.lower_}" in slots:
                toks = [t for t in child.subtree if t.i != child.i]
                for sib in tok.children:  # "referred to the fee as a mistake"
                    if sib.i > child.i and sib.dep_ == "prep" and sib.lower_ == "as":
                        toks.extend(sib.subtree)
                if toks:
                    return self._trim(toks)
        return None

    def _trim(self, toks: list[Token]) -> tuple[int, int] | None:
        # a closing mark glued to the next paragraph's sentence is not part of the content
        for k, t in enumerate(toks[:3]):
            if t.is_space and "\n" in t.text:
                toks = toks[k + 1 :]
                break
        while toks and (toks[0].text in _TRIM or toks[0].is_space):
            toks = toks[1:]
        while toks and (toks[-1].text in _TRIM or toks[-1].is_space):
            toks = toks[:-1]
        if not toks:
            return None
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)

    # -- the whole document ------------------------------------------------------------
    def find(self, adoc: AnnotatedDoc, actors: DocActors | None = None) -> list[Quote]:
        doc = adoc.doc
        text = doc.text
        quoted = find_quoted(text, self.settings.max_open_chars)
        cues = [t for t in doc if self.is_cue(t)]
        quoted = [self._recover(q, doc, cues) for q in quoted]
        inside = [q.inner(text) for q in quoted]
        covered = _Coverage(inside)
        outer_cues = [c for c in cues if not covered(c.idx)]
        contents: dict[int, tuple[int, int] | None] = {}
        for c in outer_cues:
            span = self.content_of(c)
            contents[c.i] = self._snap(span, quoted) if span is not None else None
        cands: list[_Cand] = []
        used_cues: set[int] = set()
        mixed_spans: set[int] = set()
        # 1. quotation marks
        prev: _Cand | None = None
        for qi, q in enumerate(quoted):
            cand = self._direct(q, qi, doc, text, outer_cues, contents, mixed_spans, prev)
            if cand is None:
                continue
            if cand.cue is not None:
                used_cues.add(cand.cue.i)
            cands.append(cand)
            prev = cand
        cands = self._merge_split(cands, text)
        # 2. clausal complements of cue verbs (indirect and mixed)
        for c in outer_cues:
            span = contents.get(c.i)
            if span is None or c.i in used_cues:
                continue
            s, e = span
            if any(d.start <= s and e <= d.end for d in cands):
                continue  # the complement is itself a direct quote
            kind = "mixed" if any(s <= q.start and q.end <= e for q in quoted) else "indirect"
            cands.append(_Cand(s, e, kind, c, self.subject(c), [(s, e)]))
        # 3. "according to X"
        cands.extend(self._according(doc, cands))
        # 4. raising verbs, reporting adverbs, nominal cues, polls
        taken = {(c.start, c.end) for c in cands}
        for f in find_extra(doc, self.lex):
            if any(s <= f.cue.idx < e for s, e in inside):
                continue
            s, e = f.fragments[0][0], f.fragments[-1][1]
            if (s, e) in taken or any(
                d.start <= s and e <= d.end for d in cands if d.kind == "direct"
            ):
                continue
            taken.add((s, e))
            kind = "mixed" if any(s <= q.start and q.end <= e for q in quoted) else "indirect"
            cands.append(_Cand(s, e, kind, f.cue, f.source, list(f.fragments)))
        cands.sort(key=lambda c: c.start)
        return self._finish(adoc, cands, actors)

    @staticmethod
    def _snap(span: tuple[int, int], quoted: list[QuotedSpan]) -> tuple[int, int]:
        """Widen a complement cut just inside a quotation (before its '.”') to the marks."""
        s, e = span
        for q in quoted:
            if s <= q.start < e < q.end and q.end - e <= 3:
                e = q.end
            if q.start < s < q.end <= e and s - q.start <= 2:
                s = q.start
        return s, e

    def _recover(self, q: QuotedSpan, doc: Doc, cues: list[Token]) -> QuotedSpan:
        """An unclosed quote that runs over its own attribution ("We will fight, he said. ...")
        ends at the comma before that attribution."""
        if q.balanced:
            return q
        lo = bisect.bisect_right(cues, q.start, key=_token_idx)  # cues sorted: by offset too
        for c in cues[lo : bisect.bisect_left(cues, q.end, key=_token_idx)]:
            subj = self.subject(c)
            if subj is None or not (q.start < subj.idx < q.end):
                continue
            first = min(c, subj, key=lambda t: t.i)
            before = doc[first.i - 1] if first.i > 0 else None
            if before is not None and before.text in {",", "?", "!"}:
                return QuotedSpan(q.start, before.idx + 1, balanced=False)
        return q

    def _direct(
        self,
        q: QuotedSpan,
        qi: int,
        doc: Doc,
        text: str,  # doc.text, passed in: spaCy rebuilds it from every token on each access
        cues: list[Token],
        contents: dict[int, tuple[int, int] | None],
        mixed_spans: set[int],
        prev: _Cand | None,
    ) -> _Cand | None:
        sents = self._sentences(doc, q.start, q.end)
        near = _cues_in(cues, sents[0].start, sents[-1].end) if sents else []
        if sents and sents[-1].end < len(doc):
            # '"...?" Biden said.' split after the mark: a bare cue opening the next sentence
            nxt = doc[sents[-1].end].sent
            if "\n" not in text[q.end : nxt.start_char]:
                near += [
                    c
                    for c in _cues_in(cues, nxt.start, nxt.start + _NEXT_SENT_CUE_TOKENS)
                    if contents.get(c.i) is None
                ]
        # a cue whose complement is larger than the quote makes it a mixed quote
        for c in near:
            span = contents.get(c.i)
            if span is None:
                continue
            s, e = span
            if (
                s <= q.start
                and q.end <= e
                and self._words(text[s:e]) > self._words(text[q.start : q.end]) + 1
                and not (c.idx < q.start and text[c.idx : q.start].rstrip().endswith((":", ",")))
            ):
                mixed_spans.add(qi)
                return None
        best: Token | None = None
        best_gap = self.settings.max_cue_gap_chars + 1
        for c in near:
            gap = q.start - (c.idx + len(c.text)) if c.idx < q.start else c.idx - q.end
            between = (
                text[c.idx + len(c.text) : q.start] if c.idx < q.start else text[q.end : c.idx]
            )
            if any(ch in between for ch in '“”"') or "''" in between:
                continue
            if "\n" in between:  # spaCy may glue a closing mark to the next paragraph
                continue
            if gap < best_gap:
                best, best_gap = c, gap
        if best is not None:
            return _Cand(q.start, q.end, "direct", best, self.subject(best), [(q.start, q.end)])
        # "Blinken said:" at the end of the sentence before
        if sents:
            first = sents[0]
            if first.start > 0:
                before = doc[first.start - 1].sent
                if before.text.rstrip().endswith(":"):
                    colon_cues = _cues_in(cues, before.start, before.end)
                    if colon_cues:
                        c = colon_cues[-1]
                        return _Cand(
                            q.start, q.end, "direct", c, self.subject(c), [(q.start, q.end)]
                        )
        # the same speaker goes on: the next paragraph, or the next sentence after the cue
        if prev is not None and prev.kind == "direct" and 0 <= q.start - prev.end < 400:
            between = text[prev.end : q.start]
            if "\n" in between and "\n" not in between.strip() and between.find("\n") < 100:
                return _Cand(
                    q.start, q.end, "direct", None, None, [(q.start, q.end)], inherit_from=prev
                )
            if "\n" not in between and prev.cue is not None and prev.end <= prev.cue.idx:
                return _Cand(
                    q.start, q.end, "direct", prev.cue, None, [(q.start, q.end)], inherit_from=prev
                )
        if self._words(text[q.start : q.end]) >= self.settings.min_unattributed_words:
            return _Cand(q.start, q.end, "direct", None, None, [(q.start, q.end)])
        return None

    @staticmethod
    def _words(s: str) -> int:
        return len(s.split())

    @staticmethod
    def _sentences(doc: Doc, start: int, end: int) -> list[Span]:
        """The sentences overlapping [start, end): a binary search in the document's sentence
        list (built once per document), not a walk from its first sentence for every quote."""
        cached = _SENTENCES.get()
        if cached is None or cached[0] is not doc:
            sents = list(doc.sents)
            cached = (doc, sents, [sent.end_char for sent in sents])
            _SENTENCES.set(cached)
        _, sents, ends = cached
        out: list[Span] = []
        for sent in sents[bisect.bisect_right(ends, start) :]:
            if sent.start_char >= end:
                break
            out.append(sent)
        return out

    @staticmethod
    def _merge_split(cands: list[_Cand], text: str) -> list[_Cand]:
        """'"A," he said, "B."' is one quote in two fragments."""
        out: list[_Cand] = []
        for cand in cands:
            last = out[-1] if out else None
            if (
                last is not None
                and last.kind == cand.kind == "direct"
                and last.cue is not None
                and cand.cue is last.cue
                and last.end <= cand.cue.idx < cand.start
                and "\n" not in text[last.end : cand.start]
            ):
                last.end = cand.end
                last.fragments.append((cand.start, cand.end))
                continue
            out.append(cand)
        return out

    def _according(self, doc: Doc, cands: list[_Cand]) -> list[_Cand]:
        out: list[_Cand] = []
        for tok in doc:
            if tok.lower_ != "according":
                continue
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
            if to is None:
                continue
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree} | {tok.i}
            sent = tok.sent
            rest = [t for t in sent if t.i not in phrase]
            # the content is the larger side of the sentence around the "according to" phrase
            lo, hi = min(phrase), max(phrase)
            left = [t for t in rest if t.i < lo]
            right = [t for t in rest if t.i > hi]
            side = left if len(left) >= len(right) else right
            span = self._trim(side)
            if span is None:
                continue
            s, e = span
            if any(
                c.start <= s < c.end or c.start < e <= c.end for c in cands if c.kind != "direct"
            ):
                continue
            cand = _Cand(s, e, "indirect", tok, pobj, [(s, e)])
            out.append(cand)
        return out

    # -- speakers and records ----------------------------------------------------------
    def _finish(
        self, adoc: AnnotatedDoc, cands: list[_Cand], actors: DocActors | None
    ) -> list[Quote]:
        doc = adoc.doc
        text = doc.text
        resolver = SpeakerResolver(doc, actors)
        quotes: list[Quote] = []
        for cand in cands:
            if cand.inherit_from is not None and cand.inherit_from.speaker is not None:
                cand.speaker = cand.inherit_from.speaker
            elif cand.subject is not None:
                s, e = speaker_span(cand.subject)
                cand.speaker = resolver.resolve(s, e, cand.subject.sent)
                resolver.remember(cand.speaker)
            cue_s, cue_e, cue_text = self._cue_span(cand, text)
            content = (
                " ".join(text[s:e] for s, e in cand.fragments)
                if cand.fragments
                else text[cand.start : cand.end]
            )
            sp = cand.speaker
            quotes.append(
                Quote(
                    quote_id=content_id(adoc.article.article_id, str(cand.start), str(cand.end)),
                    article_id=adoc.article.article_id,
                    content=content,
                    start=cand.start,
                    end=cand.end,
                    direct=cand.kind == "direct",
                    speaker_text=sp.text if sp else None,
                    speaker_start=sp.start if sp else None,
                    speaker_end=sp.end if sp else None,
                    speaker_entity=sp.entity if sp else None,
                    speaker_code=sp.code if sp else None,
                    anonymous=bool(sp and sp.kind == "anonymous"),
                    cue=cue_text,
                    cue_start=cue_s,
                    cue_end=cue_e,
                    kind=cand.kind,
                    source_kind=sp.kind if sp else None,
                )
            )
        return quotes

    @staticmethod
    def _cue_span(cand: _Cand, text: str) -> tuple[int | None, int | None, str | None]:
        cue = cand.cue
        if cue is None:
            return None, None, None
        s, e = cue.idx, cue.idx + len(cue.text)
        if cue.lower_ == "according":
            nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                e = nxt.idx + len(nxt.text)
        else:  # "said in a statement": the document is part of the cue
            for child in cue.children:
                if child.dep_ == "prep" and child.lower_ == "in" and child.i == cue.i + 1:
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None and pobj.lower_ in lexicon().document_nouns:
                        e = pobj.idx + len(pobj.text)
        return s, e, text[s:e]
