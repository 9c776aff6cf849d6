"""Per-outlet line history in the store: a second run on the same outlet cleans better."""

from __future__ import annotations

from pathlib import Path

from tidings.config import load_config
from tidings.extract import extract_articles, group_line_stats, line_group
from tidings.model import RawDoc
from tidings.store import Store

PAGES = Path(__file__).parent / "pages"
PROMO = "Support independent journalism in the valleys and become a member of our club today."


def marked(name: str) -> list[str]:
    lines = (PAGES / name).read_text(encoding="utf-8").split("\n")
    return [line[2:] for line in lines if line.startswith("+ ")]


def doc(name: str, folder: str = "scrapes/valley") -> RawDoc:
    body = "\n".join([f"Story {name}", PROMO, *marked(name)])
    return RawDoc(name, f"{folder}/{name}", "text", body, "")


def test_store_history_makes_the_second_run_cleaner(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    store.migrate()
    config = load_config()
    first_run = [doc(n) for n in ("tab_label.txt", "labelled_dates.txt", "published_bullet.txt")]
    groups = group_line_stats(first_run)
    assert set(groups) == {"scrapes/valley"}
    store.add_outlet_lines({g: s.storable() for g, s in groups.items()})
    store.add_outlet_lines({g: s.storable() for g, s in groups.items()})  # counts add up
    history = store.outlet_line_counts(["scrapes/valley", "elsewhere"])
    assert history["elsewhere"] == {}
    key = "support independent journalism in the valleys and become a member of our club today"
    assert history["scrapes/valley"][key] == 6

    new = doc("caption_glued.txt")
    alone = group_line_stats([new])[line_group(new)]
    cold = extract_articles(new, config, alone)
    warm = extract_articles(new, config, alone.plus(history[line_group(new)]))
    assert PROMO in cold[0].text  # one page alone: the promo reads like prose
    assert all(PROMO not in a.text for a in warm)
    store.close()


def test_line_group_prefers_outlet_then_site_then_folder() -> None:
    assert line_group(RawDoc("a", "x/y.txt", "text", "", "", outlet="Herald")) == "Herald"
    assert line_group(RawDoc("a", "x/y.txt", "text", "", "", url="https://www.h.com/a")) == "h.com"
    assert line_group(RawDoc("a", "x/y.txt", "text", "", "")) == "x"
