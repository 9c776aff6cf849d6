"""Spreadsheet-safe export cells: a text cell a spreadsheet would run as a formula is defused.

OWASP's advice for CSV injection: prefix a single quote to any cell starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return. Only text cells are touched: a number (a Goldstein score
of -10, a longitude of -3.7) is data, and spreadsheets read it as a number either way. A text
cell such as ``"-5"`` is escaped like any other text. ``raw`` output (``--raw`` / ``raw=true``)
skips all of this, for programs that read the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` if it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Records with every text cell made safe."""
    return [{k: safe_cell(v) for k, v in row.items()} for row in rows]


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell made safe; numeric columns are left alone."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if not (
            pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column)
        ):
            out[name] = column.map(safe_cell)
    return out
