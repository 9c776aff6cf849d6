"""Speed of tidings.temporal find() against dateparser.search.search_dates on the same text.

Run: .venv/bin/python bench/temporal.py   (prints chars/s of each and their ratio, one run)
"""

from __future__ import annotations

import time
from datetime import datetime

from dateparser.search import search_dates

from tidings.temporal import TemporalResolver

SENTENCES = [
    "Blinken met Sudani in Baghdad on Friday, two weeks after rebels took Damascus.",
    "The minister will travel to Ankara next week and return on December 20.",
    "Protests began earlier this month and have continued for several days.",
    "The treaty, signed in 2014, expires by September 2025, officials said yesterday.",
    "Profits fell 12% in the third quarter from a year earlier, the company said on Tuesday.",
    "Fighting intensified late last year; a decade ago the town had 40,000 residents.",
]


def main() -> None:
    text = " ".join(SENTENCES * 200)
    ref = datetime(2024, 12, 14)
    resolver = TemporalResolver()
    resolver.find(text[:2000], ref)  # warm the compiled rules

    t0 = time.perf_counter()
    ours = resolver.find(text, ref)
    t_ours = time.perf_counter() - t0

    t0 = time.perf_counter()
    theirs = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": ref}) or []
    t_base = time.perf_counter() - t0

    n = len(text)
    print(f"text: {n:,} chars")
    print(f"tidings.temporal.v1 find(): {n / t_ours:,.0f} chars/s, {len(ours)} expressions")
    print(f"dateparser search_dates:    {n / t_base:,.0f} chars/s, {len(theirs)} dates")
    print(f"speed ratio (ours / dateparser): {t_base / t_ours:.1f}x")


if __name__ == "__main__":
    main()
