"""Benchmark the gazetteer geocoder: load time and memory, names resolved per second.

Run: ``.venv/bin/python bench/geo.py``. Prints, in one run: the gazetteer's load time, the
memory it holds (tracemalloc peak during load, and process RSS growth), lookup and resolution
rates against the baseline of a bare highest-population lookup, and recognition+resolution
over parsed hand-written sentences (spaCy parsing timed separately).
"""

from __future__ import annotations

import resource
import time
import tracemalloc

SENTENCES = [
    "Blinken met Sudani in Baghdad on Friday before flying to Amman.",
    "Storms hit Paris, Texas, on Monday while Dallas stayed dry.",
    "Militias fought near Tripoli as Benghazi and Misrata waited.",
    "Airstrikes hit Gaza City and Khan Younis in the Gaza Strip.",
    "Missiles struck Kharkiv and Odesa overnight, officials in Kyiv said.",
    "Rebels advanced on Aleppo from Idlib as Damascus sent troops to Homs.",
    "Talks in Springfield, Illinois ended without a deal for Chicago.",
    "Britain, France and Germany warned Iran over its programme.",
]
NAMES = [
    "Baghdad", "Paris", "Texas", "Tripoli", "Lebanon", "Gaza", "Kharkov", "Aleppo", "Springfield",
    "Washington", "Georgia", "Idlib", "al-Raqqah", "Mosul", "Kyiv", "Moscow", "Zorbleton",
]  # fmt: skip


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    from tidings.geo.gazetteer import Gazetteer, data_dir

    files = (data_dir() / "gazetteer.tsv.gz", data_dir() / "supplement.tsv")
    rss0 = rss_mb()
    t0 = time.perf_counter()
    gaz = Gazetteer.from_files(*files)
    load_s = time.perf_counter() - t0
    rss1 = rss_mb()
    size = files[0].stat().st_size / 1e6
    print(f"gazetteer: {len(gaz):,} places, file {size:.1f} MB")
    print(f"load: {load_s:.2f} s; peak RSS growth {rss1 - rss0:.0f} MB")
    tracemalloc.start()
    kept = Gazetteer.from_files(*files)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"tracemalloc: {current / 1e6:.0f} MB held after load, {peak / 1e6:.0f} MB peak")
    del kept

    from tidings.annotate.spacy_annotator import make_spacy_annotator
    from tidings.geo.geocoder import GazetteerGeocoder
    from tidings.geo.recognise import Mention
    from tidings.geo.resolve import resolve_mentions

    geo = GazetteerGeocoder(annotator=make_spacy_annotator())
    geo.__dict__["gazetteer"] = gaz  # reuse the instance measured above
    rounds = 2000
    t0 = time.perf_counter()
    for _ in range(rounds):
        for n in NAMES:
            cands = gaz.lookup(n)
            if cands:
                max(cands, key=lambda c: c.population)
    base_rate = rounds * len(NAMES) / (time.perf_counter() - t0)
    text = " ".join(NAMES)
    mentions, pos = [], 0
    for n in NAMES:
        mentions.append(Mention(n, pos, pos + len(n), "bench"))
        pos += len(n) + 1
    t0 = time.perf_counter()
    for _ in range(rounds // 4):
        resolve_mentions(text, mentions, gaz, geo.weights)
    rate = (rounds // 4) * len(NAMES) / (time.perf_counter() - t0)
    print(f"resolve (scored, with article context): {rate:,.0f} names/s")
    print(f"baseline (highest-population lookup):   {base_rate:,.0f} names/s")
    print(f"ratio scored/baseline: {rate / base_rate:.2f}")

    t0 = time.perf_counter()
    _ = geo.matcher
    print(f"gazetteer matcher build: {time.perf_counter() - t0:.2f} s")
    docs = [geo._parse(s) for s in SENTENCES]  # warm spaCy up
    t0 = time.perf_counter()
    docs = [geo._parse(s) for s in SENTENCES * 10]
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    places = sum(len(geo.resolve_doc(d)) for d in docs)
    geo_s = time.perf_counter() - t0
    print(
        f"recognise+resolve on parsed sentences: {places / geo_s:,.0f} places/s "
        f"({len(docs) / geo_s:,.0f} sentences/s); spaCy parsing of the same: "
        f"{len(docs) / parse_s:,.0f} sentences/s; geo share of time "
        f"{geo_s / (geo_s + parse_s):.0%}"
    )
    print(f"process RSS now: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
