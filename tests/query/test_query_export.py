"""Exports: GDELT 2.0 TSV columns and month-partitioned Parquet."""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from tidings.db import Tidings
from tidings.errors import QueryError
from tidings.query import GDELT_COLUMNS


def test_gdelt_has_61_columns_in_order(db: Tidings) -> None:
    buf = io.StringIO()
    n = db.export_gdelt(buf, header=True, type="CONSULT")
    lines = buf.getvalue().splitlines()
    assert n == 1 and len(lines) == 2
    header, row = lines[0].split("\t"), lines[1].split("\t")
    assert len(GDELT_COLUMNS) == 61 and len(header) == 61 and len(row) == 61
    rec = dict(zip(header, row, strict=True))
    assert header[0] == "GLOBALEVENTID" and header[-1] == "SOURCEURL"
    assert int(rec["GLOBALEVENTID"]) > 0
    assert (rec["SQLDATE"], rec["MonthYear"], rec["Year"]) == ("20241213", "202412", "2024")
    assert (rec["Actor1Code"], rec["Actor1Name"], rec["Actor1CountryCode"]) == (
        "USAGOV",
        "ANTONY BLINKEN",
        "USA",
    )
    assert (rec["Actor2Code"], rec["Actor2Type1Code"]) == ("IRQGOV", "GOV")
    assert (rec["EventCode"], rec["EventBaseCode"], rec["EventRootCode"]) == ("042", "042", "04")
    assert (rec["QuadClass"], rec["GoldsteinScale"], rec["IsRootEvent"]) == ("1", "1.9", "1")
    assert (rec["NumMentions"], rec["NumSources"], rec["NumArticles"]) == ("2", "2", "2")
    assert (rec["ActionGeo_FullName"], rec["ActionGeo_CountryCode"]) == ("Baghdad", "IRQ")
    assert (rec["ActionGeo_Lat"], rec["ActionGeo_FeatureID"]) == ("33.34058", "98182")
    assert rec["SOURCEURL"] == "https://example.org/ledger-baghdad"
    assert rec["AvgTone"] == ""


def test_gdelt_rows_never_break_on_tabs(db: Tidings) -> None:
    buf = io.StringIO()
    assert db.export_gdelt(buf) == 7
    assert all(len(line.split("\t")) == 61 for line in buf.getvalue().splitlines())


def test_parquet_dataset_partitioned_by_month(db: Tidings, tmp_path: Path) -> None:
    out = tmp_path / "events"
    assert db.export_parquet(out) == 7
    parts = sorted(p.name for p in out.iterdir())
    assert parts == ["event_month=2024-11", "event_month=2024-12", "event_month=undated"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 7
    with pytest.raises(QueryError, match="directory exists and is not empty"):
        db.export_parquet(out)
