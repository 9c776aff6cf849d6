"""Cost of one long single-line document through `tidings run`: time and peak memory by size.

    .venv/bin/python bench/long_document.py [--sizes 100000,500000,2000000] [--profile N]

Each size runs in a fresh subprocess (so peak RSS is that run's alone): a synthetic news text
of that many characters, on ONE line (no paragraph breaks, as a scraped dump may come), is
written to a temporary folder and run through ``Tidings.run`` into a new store. A baseline run
of a 2,000-character document first measures the fixed cost (model load, store). The run's CPU
time (this process; wall time is shown too but swings with machine load) and its peak memory
beyond the baseline are divided by the length, and the table prints each per-character cost as
a ratio to the smallest size's (target: within 1.5x, near-linear).
``--profile N`` instead runs N characters once under cProfile and prints the top functions.
The text is generated here from made-up names and templates; no real article is used.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEOPLE = [
    "Amara Okafor", "Lena Vasquez", "Tomas Brandt", "Yusuf Demir", "Mei Lin Zhao",
    "Pavel Novak", "Farah Haddad", "Jonas Keller", "Ines Moreau", "Kwame Mensah",
]  # fmt: skip
TITLES = [
    "Prime Minister",
    "Foreign Minister",
    "President",
    "Defence Minister",
    "opposition leader",
]
COUNTRIES = ["France", "Germany", "Turkey", "Nigeria", "Brazil", "Japan", "Egypt", "Kenya"]
CITIES = ["Paris", "Berlin", "Ankara", "Lagos", "Brasilia", "Tokyo", "Cairo", "Nairobi"]
TEMPLATES = [
    "{title} {person} of {country} met {other} in {city} on Tuesday to discuss trade.",
    "{person} said the government would not accept the proposal, officials told reporters.",
    "Protesters gathered outside the parliament in {city}, and police arrested dozens.",
    "The minister accused {country} of violating the ceasefire agreement.",
    'He told reporters: "We will continue to talk with our partners in {country}."',
    "{other} criticised the decision and threatened to impose sanctions on {country}.",
    "The talks in {city} ended without agreement, according to a statement on Friday.",
    "{country} and {country2} signed an agreement to cooperate on energy last week.",
]


def make_text(chars: int, seed: int = 14) -> str:
    """``chars`` characters of synthetic news sentences on one line."""
    rng = random.Random(seed)
    parts: list[str] = ["CAIRO - "]
    size = len(parts[0])
    while size < chars:
        sentence = rng.choice(TEMPLATES).format(
            title=rng.choice(TITLES),
            person=rng.choice(PEOPLE),
            other=rng.choice(PEOPLE),
            country=rng.choice(COUNTRIES),
            country2=rng.choice(COUNTRIES),
            city=rng.choice(CITIES),
        )
        parts.append(sentence + " ")
        size += len(sentence) + 1
    return "".join(parts)[:chars]


def one_run(chars: int) -> dict[str, float]:
    """Run one document of ``chars`` characters; seconds and peak RSS (MiB) of this process."""
    from tidings.db import Tidings

    with tempfile.TemporaryDirectory(prefix="tidings-long-") as tmp:
        doc = Path(tmp) / "long.txt"
        doc.write_text(make_text(chars), encoding="utf-8")
        with Tidings(Path(tmp) / "t.duckdb") as db:
            started = time.perf_counter()
            cpu = time.process_time()
            report = db.run([doc])
            seconds = time.perf_counter() - started
            cpu_seconds = time.process_time() - cpu
            stored = db.store.con.execute("SELECT count(*) FROM articles").fetchone()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "chars": chars,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_mib": peak,
        "errors": len(report.errors),
        "events": report.events,
        "articles": int(stored[0]) if stored else 0,
    }


def measure(chars: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(chars)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000,500000,2000000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--profile", type=int, help="profile one run of N characters")
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(one_run(args.one)))
        return
    if args.profile:
        import cProfile
        import pstats

        cProfile.run(f"one_run({args.profile})", "/tmp/tidings-long.prof")
        pstats.Stats("/tmp/tidings-long.prof").sort_stats("cumulative").print_stats(40)
        return
    base = measure(2_000)
    print(
        f"baseline 2,000 chars: {base['seconds']:.2f} s ({base['cpu_seconds']:.2f} s CPU), "
        f"peak {base['peak_mib']:.0f} MiB"
    )
    print(f"{'chars':>10} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9} {'events':>7} "
          f"{'CPU us/char':>11} {'CPU x':>6} {'KiB/char':>9} {'mem x':>6} errors",
          flush=True)  # fmt: skip
    first: dict[str, float] | None = None
    for size in args.sizes.split(","):
        r = measure(int(size))  # each row printed as soon as measured: sizes take minutes
        first = first or r
        per_t = r["cpu_seconds"] / r["chars"]
        per_m = (r["peak_mib"] - base["peak_mib"]) / r["chars"]
        t0 = first["cpu_seconds"] / first["chars"]
        m0 = max(first["peak_mib"] - base["peak_mib"], 1e-9) / first["chars"]
        print(
            f"{r['chars']:>10,} {r['seconds']:>8.1f} {r['cpu_seconds']:>8.1f} "
            f"{r['peak_mib']:>9.0f} {r['events']:>7.0f} {per_t * 1e6:>11.1f} {per_t / t0:>6.2f} "
            f"{per_m * 1024:>9.3f} {per_m / m0:>6.2f} {r['errors']:.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
