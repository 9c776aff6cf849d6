"""Map the coder's raw confidence score to a calibrated probability (monotone table).

The table ``confidence_calibration.tsv`` is fitted at dev time by
``scripts/build_event_lexicon.py --calibrate`` on ``calibration.jsonl`` (our own written
sentences with their expected PLOVER types; no evaluation gold): isotonic regression (pool
adjacent violators) of "the emitted type is one of the sentence's types" on the raw score,
with add-one smoothing per block. Between breakpoints the mapping is linear.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files

TABLE = "confidence_calibration.tsv"
LOW, HIGH = 0.05, 0.99


def isotonic(points: Sequence[tuple[float, bool]]) -> list[tuple[float, float, int]]:
    """Pool adjacent violators: (mean raw score, smoothed precision, size) per block."""
    blocks: list[list[float]] = []  # [sum_raw, sum_correct, n]
    for raw, ok in sorted(points):
        blocks.append([raw, 1.0 if ok else 0.0, 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            for k in range(3):
                blocks[-1][k] += last[k]
    out: list[tuple[float, float, int]] = []
    level = 0.0
    for s_raw, s_ok, n in blocks:
        level = max(level, (s_ok + 1.0) / (n + 2.0))  # add-one smoothing, kept monotone
        out.append((round(s_raw / n, 4), round(level, 4), int(n)))
    return out


@lru_cache(maxsize=1)
def load_table() -> tuple[tuple[float, float], ...]:
    """The bundled breakpoints (raw, calibrated); empty when the table is absent."""
    path = files("tidings").joinpath("data", "events", TABLE)
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return tuple((float(r["raw"]), float(r["calibrated"])) for r in rows)


def calibrate(raw: float, table: Sequence[tuple[float, float]] | None = None) -> float:
    """The calibrated confidence of a raw score (the raw score itself without a table)."""
    pts = load_table() if table is None else table
    if not pts:
        return raw
    if raw <= pts[0][0]:
        value = pts[0][1]
    elif raw >= pts[-1][0]:
        value = pts[-1][1]
    else:
        value = pts[-1][1]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            if x0 <= raw <= x1:
                value = y0 if x1 == x0 else y0 + (y1 - y0) * (raw - x0) / (x1 - x0)
                break
    return round(max(LOW, min(HIGH, value)), 3)
