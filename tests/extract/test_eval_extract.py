"""Quality gate: our extraction scores no lower than bare trafilatura on its own eval pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tidings.eval import extract as extract_eval


@pytest.mark.slow
def test_extract_f1_not_below_trafilatura(floor_data: Callable[[Path, str], Path]) -> None:
    path = floor_data(extract_eval.DEFAULT_FILE, "306e802f0d960d89")
    result = extract_eval.evaluate(path)
    assert result["n"] == 297
    assert result["f1"] >= result["baseline"]["f1"]
    assert result["f1"] >= 0.915  # measured 0.921 (trafilatura 2.3.1 defaults: 0.917)
    assert result["precision"] >= result["baseline"]["precision"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("how", "f1", "titles", "dates", "glued"),
    [("inscriptis", 0.865, 0.72, 0.92, 97), ("dom", 0.845, 0.50, 0.88, 82)],
)
def test_as_text_floors(
    floor_data: Callable[[Path, str], Path],
    how: str,
    f1: float,
    titles: float,
    dates: float,
    glued: int,
) -> None:
    # floors a little under the figures measured at this commit (README): they catch a fall
    path = floor_data(extract_eval.DEFAULT_FILE, "306e802f0d960d89")
    result = extract_eval.evaluate(path, as_text=how, glued=True)
    assert result["f1"] >= f1
    assert result["title_accuracy"] >= titles
    assert result["date_found_share"] >= dates
    assert result["dates_from_clock"] == 0
    assert result["single_pages_split"] <= 9
    assert result["glued"]["split_right"] >= glued  # of 148 pairs
    assert result["glued"]["dates_from_clock"] == 0


def _page(title: str, body: list[str], menu: list[str]) -> str:
    items = "\n".join(f"<li>{m}</li>" for m in menu)
    paras = "\n".join(f"<p>{p}</p>" for p in body)
    return (
        f"<html><head><title>{title} | The Herald</title></head><body>\n<ul>{items}</ul>\n"
        f"<h1>{title}</h1>\n<p>Published: March 3, 2021</p>\n{paras}\n"
        "<footer>Contact us</footer>\n</body></html>"
    )


def test_as_text_run_on_written_pages(tmp_path: Path) -> None:
    import gzip
    import json

    body_a = [
        "The council voted on Monday to close the old bridge to lorries after engineers found "
        "cracks in two of its piers, officials said.",
        "Drivers will be sent along the ring road while repairs go on, which the council said "
        "could take most of the summer.",
    ]
    body_b = [
        "Teachers in the northern district began a two-day strike on Tuesday over pay and the "
        "size of classes, their union said.",
        "Schools stayed open for younger pupils, but most secondary classes were cancelled.",
    ]
    menu = ["Home", "News", "Sport", "Weather"]
    rows = [
        {"id": "a1", "html": _page("Council shuts old bridge to lorries", body_a, menu),
         "with": body_a, "without": ["Contact us"], "metadata": {}},
        {"id": "b2", "html": _page("Teachers strike over pay", body_b, menu),
         "with": body_b, "without": ["Contact us"], "metadata": {}},
    ]  # fmt: skip
    path = tmp_path / "pages.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)
    for how in ("inscriptis", "dom"):
        result = extract_eval.evaluate(path, as_text=how, glued=True)
        assert result["n"] == 2 and result["recall"] == 1.0
        assert result["dates_from_clock"] == 0 and result["labelled_date_pages"] == 2
        assert result["date_found"] == 2 and result["title_accuracy"] == 1.0
        assert result["raw_text"]["precision"] < 1.0  # the raw text keeps "Contact us"
        assert result["glued"]["pairs"] == 1
