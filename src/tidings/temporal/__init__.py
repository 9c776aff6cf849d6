"""Resolve when things happened: time expressions normalised against the publication date.

``TemporalResolver`` (registered as ``tidings.temporal.v1``) finds expressions such as
"on Friday", "last Saturday", "two weeks ago", "earlier this month", "by September 2025",
gives each a TIMEX3 value, a precision and a span, and dates every event from the expression
of its own clause, falling back to the publication date (and saying so).

Modules, in the order the work flows:
``recognise`` (regex rules over plain text -> ``Mention``), ``tense`` (past/future of the
clause, from the spaCy parse or from cue words), ``normalise`` (mention + reference date +
tense -> TIMEX3 value), ``found`` (anchored phrases: "the next day", "three days later",
"Last Saturday, the day before ..."), ``attach`` (each event's expression), ``resolver``
(the registered component). Word tables: ``data/temporal/lexicon.toml``.

Policies (what a reader of the records can rely on):
- Spans follow TimeML: "on", "in", "by" stay outside ("by September 2025" -> "September 2025").
- A bare weekday follows the tense: past -> the latest such day on or before publication
  ("met on Friday", published Saturday 14 Dec 2024 -> 2024-12-13), future -> the first on or
  after ("will meet on Friday" -> 2024-12-20); the publication weekday itself is that day.
  No tense: the latest such day within four days back, else the next one.
- "last Friday" is the latest Friday strictly before publication, "next Friday" the first
  strictly after; "this Friday" follows the tense, else the Friday of the current ISO week.
- Year-less dates ("Dec. 30", "in March") follow the tense within about ten months, else the
  nearest reading. "last/next/this month|year|week" shift whole calendar periods.
- "N units ago" -> day precision up to 45 days back ("two weeks ago" -> 2024-11-30), month
  for months and longer spans of weeks, year for years and decades ("a decade ago" -> 2014).
  "in two weeks" in a future clause is a date; "for two weeks" is a duration (P2W).
  An *event* told with a count of weeks takes the week of that day ("two weeks ago" ->
  week of 2024-11-25), with "in recent days" the week ending on publication, with "in recent
  weeks" that month (``vague``): the writer rounds, the record keeps the precision it has.
- No date from: a past date for an act still to come ("would investigate the massacre of
  1994" takes the report's day), the acts inside a clause "days after" opens ("comes days
  after X resigned, denying ..."). A past perfect inside a report ("said they had agreed") is
  the report's backshift, the story's own days; a statement in the present perfect ("has
  denied") is the day's reaction, not context.
- "the day before", "the next day", "three days later" resolve from the nearest earlier
  day-level expression in the same paragraph; "Last Saturday, the day before rebels took
  Damascus" makes the phrase Saturday and dates the clause it introduces one day later.
- Precision of a value: day, week, month, quarter, season, year, decade or century; an event
  gets ``event_date`` = the first day of that period and ``date_precision`` = that name.
- Flags on ``TimeExpr``: ``impossible_date`` ("February 30": no value), ``no_reference``
  (relative expression and no publication date: no value), ``far_from_publication`` (more
  than ``far_years`` from publication; value kept), ``anchored``, ``apposition``,
  ``weekday_mismatch`` ("Friday, Dec. 12" when Dec. 12 is a Thursday),
  ``ambiguous_day_month`` ("03/04/2024", read month-first; dotted "09.03.2018" is always
  day-first), ``mod=START|END|...``.
- Event records: ``date_source`` is "text" (an expression of the event's sentence),
  "publication" (none found: the publication date, ``date_text`` None) or "none" (neither;
  ``event_date`` None; never invented). ``extra["date_link"]`` says how the expression reaches
  the event: same_clause, linked_clause, no_verb, reported ("officials said on Thursday"
  dates the report: an upper bound for the event), apposition, relative ("a week after Y
  was killed"), narrative (the incident the sentence before dated: "The attack left ...").
"""

from __future__ import annotations

from tidings.temporal.resolver import TemporalResolver, make_temporal_resolver

__all__ = ["TemporalResolver", "make_temporal_resolver"]
