"""Map the coder's raw confidence score to a calibrated probability (monotone table).

The table ``confidence_calibration.tsv`` is fitted at dev time by
``scripts/build_event_lexicon.py --calibrate`` on ``calibration.jsonl`` (our own written
sentences with their expected PLOVER types; no evaluation gold): isotonic regression
(``sklearn.isotonic.IsotonicRegression``) of "the emitted type is one of the sentence's types"
on the raw score, with add-one smoothing per block. Between breakpoints the mapping is linear.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files

import numpy as np

TABLE = "confidence_calibration.tsv"
LOW, HIGH = 0.05, 0.99


def isotonic(points: Sequence[tuple[float, bool]]) -> list[tuple[float, float, int]]:
    """(mean raw score, smoothed precision, size) per block of scikit-learn's isotonic fit.

    A block is a run of points the fit gives one level (pool adjacent violators); its level
    is re-estimated with add-one smoothing, kept monotone.
    """
    from sklearn.isotonic import IsotonicRegression  # fitting is a dev-time step: import lazily

    if not points:
        return []
    raw = np.array([p[0] for p in points], dtype=float)
    ok = np.array([1.0 if p[1] else 0.0 for p in points])
    order = np.lexsort((ok, raw))
    raw, ok = raw[order], ok[order]
    # Fitted on the rank, not the score: points with tied scores stay separate (misses first),
    # as the bundled table was fitted; sklearn would pool tied scores into one level, which
    # changes the table (9 of its 15 distinct raw scores are tied with both outcomes).
    fitted = IsotonicRegression(increasing=True).fit_transform(np.arange(len(raw)), ok)
    # Run boundaries: where the fitted level changes.
    starts = [0, *(int(i) + 1 for i in np.flatnonzero(np.diff(fitted) > 1e-12)), len(raw)]
    out: list[tuple[float, float, int]] = []
    level = 0.0
    for a, b in zip(starts, starts[1:], strict=False):
        n = b - a
        level = max(level, (float(ok[a:b].sum()) + 1.0) / (n + 2.0))
        out.append((round(float(raw[a:b].mean()), 4), round(level, 4), n))
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
