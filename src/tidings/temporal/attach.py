"""Give each event the date of the time expression of its own clause.

For an event, the candidates are the dated expressions of its sentence. The best one hangs on
the event's own verb; next, one on a verb joined to it without reported speech in between
(conj, xcomp, advcl...); next, one with no verb at all (a headline, a dateline); last, one
across a reporting verb ("said on Friday that ..."), which dates the report, an upper bound.
Ties go to the nearest. Apposition anchors ("Last Saturday, the day before rebels took
Damascus") shift the events of the clause that follows. No candidate: the publication date,
marked ``date_source = "publication"``; no publication date either, or an act the clause
recalls from before the news (past perfect, "used to", "recently", "for decades", "since"), a
state or habit in the present simple ("Turkey backs the rebels") or one still to come ("will
appeal"): no date, ``"none"``, with the reason in ``extra["date_note"]``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from tidings.model import AnnotatedDoc, Event, TimeExpr
from tidings.temporal._calendar import period_end
from tidings.temporal.found import Found, resolve_anchors
from tidings.temporal.narrative import later_from_text, narrative_date
from tidings.temporal.normalise import normalise
from tidings.temporal.recognise import recognise
from tidings.temporal.tense import REPORTED, SAYING, _verb_of, tense_from_text, tense_of_verb
from tidings.temporal.vague import counted_weeks, recent_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _root(doc: Doc, start: int, end: int) -> Token | None:
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


# No link: the expression dates another act than the event's.
_UNLINKED = 4


def _opens_span(t: Token) -> bool:
    """ "since the scandal erupted three years ago": the clause starts a span, not the act."""
    return t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in t.children)


def _link_score(ev_verb: Token | None, gov: Token | None) -> int:
    """0 same verb, 1 joined without reported speech, 2 no governing verb, 3 across a report,
    4 (``_UNLINKED``) through a relative clause ("the deal, which they want to finalize next
    year": the noun's own act) or from a "since" clause (the start of a span)."""
    if gov is None:
        return 2
    if ev_verb is None:
        return 1
    if gov.i == ev_verb.i:
        return 0
    up_ev = [ev_verb, *ev_verb.ancestors]
    up_gov = [gov, *gov.ancestors]
    common = next((t for t in up_ev if t in up_gov), None)
    if common is None:
        return 3
    path = up_ev[: up_ev.index(common)] + up_gov[: up_gov.index(common)]
    if any(t.dep_ == "relcl" or _opens_span(t) for t in path):
        return _UNLINKED
    return 3 if any(t.dep_ in REPORTED for t in path) else 1


def _clause_end(doc: Doc, start: int, end: int) -> int:
    """End of the clause an anchored phrase introduces ("the day before [rebels took X]")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return end
    phrase = {t.i for t in span}
    for t in doc[span.end : span.sent.end]:
        if t.pos_ in {"VERB", "AUX"} and any(a.i in phrase for a in t.ancestors):
            return max(d.idx + len(d) for d in t.subtree)
    for t in doc[span.end : span.sent.end]:
        if t.text in {",", ";"}:
            return t.idx
    return span.sent.end_char


def recalled(verb: Token | None) -> bool:
    """The clause tells an act from before the news: past perfect ("had warned", "had been
    killed") or habitual "used to". Without a date of its own such an act has none."""
    if verb is None:
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lower_ == "used"


# Adverbs that put an act before the day's news, at no date the text gives.
_EARLIER = frozenset({"recently", "previously", "formerly", "once", "repeatedly", "long"})
# "for decades", "for years": a span of time, not a day.
_SPANS = frozenset({"decades", "years", "months", "centuries", "generations", "ages"})


def background(verb: Token | None) -> bool:
    """The clause tells an earlier or lasting act with no day: "Recently, X detained Y",
    "defied the US for decades", "since 1985 ... have been killed", "has already ratified".
    Such an act gets no date rather than the publication day."""
    if verb is None:
        return False
    for c in verb.children:
        if c.dep_ == "advmod" and (
            c.lower_ in _EARLIER or c.lower_ == "already" and _perfect(verb)
        ):
            return True
        since = c.dep_ == "prep" and c.lower_ == "since"
        if since or (c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children)):
            # "have not met since then" is a state holding today; "have been killed since
            # 1985" sums a span of acts
            return not any(n.dep_ == "neg" for n in verb.children)
        spans = (o.dep_ == "pobj" and o.lower_ in _SPANS for o in c.children)
        if c.dep_ == "prep" and c.lower_ == "for" and any(spans):
            return True
    return False


# The lead tells the news in the present perfect ("has killed 13 soldiers"); after it, an
# active present perfect with no date recalls the story's context ("has imposed an embargo").
_LEAD_SENTENCES = 3


def context_perfect(verb: Token | None, sent_index: int) -> bool:
    """An active present perfect ("has expelled") after the lead's first sentences. A
    statement in the present perfect ("has called them indecent", "has denied") is the
    reaction the story reports, not its context."""
    if verb is None or sent_index < _LEAD_SENTENCES or not _perfect(verb):
        return False
    if verb.lemma_ in SAYING:
        return False
    return not any(c.dep_ == "auxpass" for c in verb.children)


def habitual(verb: Token | None) -> bool:
    """A present-simple act that is not a statement ("Turkey backs some of the rebel groups",
    "the treaty amounts to recognition"): a state or habit, which has no day of its own."""
    if verb is None or verb.tag_ not in ("VBZ", "VBP") or verb.lemma_ in SAYING:
        return False
    if verb.dep_ in REPORTED:  # the present inside a report is the speaker's, not a habit
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def backshifted(verb: Token | None) -> bool:
    """A past perfect inside someone's report ("they said they had agreed on the buses"): the
    tense is the report's backshift of a simple past, an act of the story's days, not one the
    story recalls from before them."""
    if verb is None:
        return False
    node = verb
    while node.head is not node:
        if node.dep_ in REPORTED:
            # "said he believed Howes had been killed": a belief, not the report's backshift
            return node.head.lemma_ in SAYING and not recalled(node.head)
        if node.dep_ not in ("conj", "ccomp", "advcl", "xcomp"):
            return False
        node = node.head
    return any(c.dep_ in REPORTED and c.lemma_ in SAYING for c in node.children)


def _perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children
    )


_NOT_YET = frozenset({"will", "'ll", "shall", "would", "could", "may", "might"})


def not_yet(verb: Token | None) -> bool:
    """The clause tells an act that has not happened ("will appeal", "could file"): it has
    no date of its own unless the text gives one, and the publication day is not it."""
    if verb is None:
        return False
    while verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PHASE_VERBS:
        verb = verb.head  # "will begin withdrawing": the phase verb carries the tense (s5b)
    return any(c.dep_ == "aux" and c.lower_ in _NOT_YET for c in verb.children)


_PHASE_VERBS = frozenset({"begin", "start", "continue", "resume", "keep"})


def _dated(f: Found) -> bool:
    return f.start_date is not None


_LINKS = ("same_clause", "linked_clause", "no_verb", "reported")


def _with_date(
    event: Event, f: Found, link: str, day: date | None = None, precision: str = "day"
) -> Event:
    """The event dated by ``f``: at the expression's own first day and precision, or at
    ``day`` (``precision``) when the date is counted from it (an apposition's shift, a
    "week after" clause); a count of weeks ("two weeks ago") at the week it means."""
    if day is None:
        start = counted_weeks(f) or f.start_date
        assert start is not None
        day, precision = start
    extra = event.extra.copy()
    extra["date_value"] = f.event_value or f.resolved.value
    extra["date_link"] = link  # how the expression reaches the event: says how sure the date is
    if f.resolved.flags:
        extra["date_flags"] = list(f.resolved.flags)
    return replace(
        event,
        event_date=day.isoformat(),
        date_precision=precision,
        date_text=f.mention.text,
        date_source="text",
        extra=extra,
    )


def _fallback(event: Event, ref: date | None, unresolved: Found | None = None) -> Event:
    """Publication date (or none); an expression of the event's clause that could not be
    resolved ("February 30", "on Friday" with no publication date) keeps its text and flags."""
    extra = event.extra.copy()
    text = None
    if unresolved is not None:
        text = unresolved.mention.text
        extra["date_flags"] = sorted({*unresolved.resolved.flags, "unresolved_expression"})
    if ref is None:
        return replace(
            event,
            event_date=None,
            date_precision=None,
            date_text=text,
            date_source="none",
            extra=extra,
        )
    return replace(
        event,
        event_date=ref.isoformat(),
        date_precision="day",
        date_text=text,
        date_source="publication",
        extra=extra,
    )


def _unresolved_in_clause(
    found: Sequence[Found], govs: Sequence[Token | None], ev_verb: Token | None, sent: Span
) -> Found | None:
    """An undated expression attached to the event's own clause, if any."""
    for i, f in enumerate(found):
        inside = sent.start_char <= f.mention.start and f.mention.end <= sent.end_char
        if inside and not _dated(f) and _link_score(ev_verb, govs[i]) == 0:
            return f
    return None


def governor(root: Token) -> Token | None:
    """The verb a time expression dates. "said on Monday it would impose duties": the parse
    often hangs "on Monday" on the reported verb, but an expression standing between a verb
    of saying and its report's subject (or "that") dates the saying."""
    gov = _verb_of(root)
    if gov is None or gov.dep_ not in REPORTED or gov.head.lemma_ not in SAYING:
        return gov
    saying = gov.head
    if root.i < saying.i:
        return gov
    opening = [
        c.left_edge.i for c in gov.children if c.dep_ in ("nsubj", "nsubjpass", "mark", "expl")
    ]
    if opening and root.i < min(opening) and gov.i > root.i:
        return saying
    return gov


def find_in_doc(doc: AnnotatedDoc, far_days: int = 730) -> list[Found]:
    """Recognise and resolve the time expressions of a parsed article, tense from the parse."""
    text = doc.article.text
    published = doc.article.published_at
    ref = published.date() if isinstance(published, datetime) else published
    sdoc = doc.doc
    out: list[Found] = []
    for m in recognise(text[: len(sdoc.text)]):
        root = _root(sdoc, m.start, m.end)
        direction = None
        if root is not None:
            gov = governor(root)
            direction = tense_of_verb(gov) if gov is not None else None
            if direction is None and gov is None:
                direction = tense_from_text(text, m.start, m.end)
        else:
            direction = tense_from_text(text, m.start, m.end)
        out.append(Found(m, normalise(m, ref, direction, far_days)))
    return resolve_anchors(text, out)


def date_events(
    doc: AnnotatedDoc, events: Sequence[Event], far_days: int = 730
) -> tuple[list[Event], list[TimeExpr]]:
    """Events with ``event_date`` etc. filled, and every time expression of the article."""
    expressions = find_in_doc(doc, far_days)
    found = later_from_text(doc.article.text, expressions)
    published = doc.article.published_at
    ref = published.date() if isinstance(published, datetime) else published
    sdoc = doc.doc
    roots = [_root(sdoc, f.mention.start, f.mention.end) for f in found]
    govs = [governor(r) if r is not None else None for r in roots]
    sent_starts = [s.start for s in sdoc.sents]
    out: list[Event] = []
    for event in events:
        trig = _root(sdoc, event.trigger_start, event.trigger_end)
        if trig is None:
            trig = _root(sdoc, event.evidence_start, event.evidence_end)
        if trig is None:
            out.append(_fallback(event, ref))
            continue
        sent = trig.sent
        ev_verb = _verb_of(trig)
        at = trig.idx
        # An apposition anchor before the trigger in its sentence shifts this clause.
        shifted = [
            f
            for f in found
            if f.clause_shift is not None
            and sent.start_char <= f.mention.start
            and f.mention.end <= at < _clause_end(sdoc, f.mention.start, f.mention.end)
            and f.anchor_value is not None
        ]
        if shifted:
            f = shifted[-1]
            assert f.anchor_value is not None and f.clause_shift is not None
            day = date.fromisoformat(f.anchor_value) + timedelta(days=f.clause_shift)
            out.append(_with_date(event, f, "apposition", day))
            continue
        # A promise, threat or request told of an act still to come ("said Thursday they
        # will meet Friday") happened when it was told: the act's own date is not its date.
        told = pledge(event, ev_verb)
        best: tuple[int, int, int] | None = None
        act_date: str | None = None
        rel: tuple[date, str] | None = None
        opener: Found | None = None
        spans: dict[int, tuple[date, str]] = {}
        for i, f in enumerate(found):
            if not (sent.start_char <= f.mention.start and f.mention.end <= sent.end_char):
                continue
            opens = _opens_clause(roots[i])
            if opens is not None:
                # "a week after Y was killed" counts from the head clause's day, not from
                # an earlier anchor: only the act of Y gets a date from it, and the acts
                # inside Y's clause ("after X was elected promising ...") none from the day
                if ev_verb is not None and opener is None and opens.i == ev_verb.i:
                    opener = f
                    rel = _relative(f, ev_verb, ref)
                elif ev_verb is not None and opener is None and opens in ev_verb.ancestors:
                    opener = f
                continue
            span = recent_span(f, ref) if not _dated(f) else None
            if (not _dated(f) and span is None) or f.clause_shift is not None:
                continue
            score = _link_score(ev_verb, govs[i])
            if score == _UNLINKED and _fronted(roots[i], govs[i]) and not recalled(ev_verb):
                # "Earlier this week, Trump poured scorn on claims that ..., calling them
                # ridiculous": a fronted expression sets the time of its whole sentence,
                # whatever clause the parse hangs the act on
                score = 1
            if score == _UNLINKED:
                continue
            if score < 3 and not_yet(ev_verb) and _long_past(f, ref):
                # "would investigate the genocide of nearly four years ago": an act still
                # to come is not dated in the past; the date is its object's
                continue
            if span is not None:
                spans[i] = span
            if told and score < 2:
                act_date = act_date or f.resolved.value
                continue
            dist = abs(f.mention.start - at)
            if best is None or (score, dist) < best[:2]:
                best = (score, dist, i)
        if rel is not None and opener is not None:
            out.append(_with_date(event, opener, "relative", *rel))
            continue
        if best is None:
            unresolved = opener or _unresolved_in_clause(found, govs, ev_verb, sent)
            note = (
                "relative"
                if unresolved is not None and (unresolved is opener or _elsewhere(unresolved))
                else "not_happened"
                if event.negated or event.modality == "hypothetical"
                else "recalled"
                if (recalled(ev_verb) and not backshifted(ev_verb))
                or background(ev_verb)
                or context_perfect(ev_verb, bisect_right(sent_starts, sent.start) - 1)
                else "habitual"
                if habitual(ev_verb)
                else "not_yet"
                if not_yet(ev_verb)
                else None
            )
            if told:  # the pledge is the day's news, whatever date its act has
                note = None
                unresolved = None
            if note:  # an earlier act the news recalls, or one still to come: not "today"
                dated = _fallback(event, None, unresolved)
                out.append(replace(dated, extra={**dated.extra, "date_note": note}))
            elif (
                not told
                and unresolved is None
                and (before := narrative_date(found, govs, sdoc, sent, ev_verb, ref))
            ):
                # "opened fire Thursday night. The attack left one officer dead": the story's
                # next act in the simple past goes on at the day the sentence before told
                out.append(_with_date(event, before, "narrative"))
            else:
                out.append(_with_act(_fallback(event, ref, unresolved), act_date))
        else:
            dated = _with_date(event, found[best[2]], _LINKS[best[0]], *spans.get(best[2], ()))
            out.append(_with_act(dated, act_date))
    return out, [f.to_time_expr() for f in expressions]


# A date this many days or more before publication is long past for an act still to come.
_PAST_DAYS = 31


def _long_past(f: Found, ref: date | None) -> bool:
    """The whole period the expression names ended well before publication."""
    start = f.start_date
    if start is None or ref is None:
        return False
    return period_end(*start) < ref - timedelta(days=_PAST_DAYS)


def _fronted(root: Token | None, gov: Token | None) -> bool:
    """The expression opens its sentence, a comma after it, and hangs on the main verb."""
    if root is None or gov is None or gov.dep_ != "ROOT":
        return False
    sent = root.sent
    phrase = [t.i for t in sent if t.i == root.i or root in t.ancestors]
    first, last = min(phrase), max(phrase)
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        first = min(first, root.head.i)  # "On Friday, ...": the preposition opens it
    after = last + 1
    return first == sent.start and after < sent.end and root.doc[after].text == ","


def _opens_clause(root: Token | None) -> Token | None:
    """The verb whose "after"/"before" clause a duration opens ("a week after 44 people were
    killed" -> killed), or None."""
    if root is None or root.dep_ != "npadvmod":
        return None
    after = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    if after is None or after.lower_ not in ("after", "before") or after.dep_ != "mark":
        return None  # "11 days before the election": counted from a thing, not a clause
    return after.head  # the parse hangs "a week" on either verb, or on "after" itself


def _elsewhere(f: Found) -> bool:
    """An expression that dates the act away from the news day without giving a day: "a few
    years ago", "11 days before the election": never the publication day."""
    r = f.resolved
    return r.value == "PAST_REF" or (r.kind == "DURATION" and "anchored" in r.flags)


# "X comes days after Y resigned": a vague count of days keeps Y in X's month only when the
# month has had at least this many days before X.
_FEW_DAYS = 9


def _relative(f: Found, ev_verb: Token | None, ref: date | None) -> tuple[date, str] | None:
    """ "It comes a week after 44 people were killed": the act of the clause that "after" or
    "before" opens is dated from its head clause's act, the news of the day (the publication
    date) when that head is told in the present or simple past with no date of its own."""
    if ev_verb is None or ref is None or f.resolved.kind != "DURATION":
        return None
    marks = {c.lower_ for c in ev_verb.children if c.dep_ == "mark"}
    if ev_verb.dep_ != "advcl":
        return None
    head = ev_verb.head
    if recalled(head) or background(head) or not_yet(head):
        return None
    if head.tag_ not in ("VBZ", "VBP", "VBD"):
        return None
    sign = -1 if "after" in marks else 1
    if f.resolved.offset_days is not None:
        return ref + timedelta(days=sign * abs(f.resolved.offset_days)), "day"
    if f.resolved.value == "PXD" and sign < 0 and ref.day > _FEW_DAYS:
        return ref.replace(day=1), "month"
    return None


def _with_act(event: Event, act_date: str | None) -> Event:
    """Keep the date of the promised/threatened/requested act beside the pledge's own."""
    if act_date is None:
        return event
    return replace(event, extra={**event.extra, "act_date": act_date})


# Modalities whose event is a speech act about a later act: dated when spoken. "intended" is
# not one: "said it will appeal" codes the appeal itself, which has no date yet.
_TOLD = frozenset({"promised", "threatened", "requested"})


def pledge(event: Event, verb: Token | None) -> bool:
    """The event is a promise, threat or request of an act still to come, coded on that act's
    verb ("they will meet Friday"), or future cooperation, which PLOVER codes as the AGREE
    stated that day: the saying is dated, not the act."""
    if not not_yet(verb):
        return False
    # an announced retreat is the CONCEDE stated that day, as future cooperation is AGREE (s5b)
    return event.modality in _TOLD or event.plover_type in ("AGREE", "CONCEDE")
