"""Score event coders on the news_events dev articles, all with the default config's settings.

``tidings eval news --coder NAME`` builds the named coder without the configured
``[event_coder]`` settings; this runs the rule coder and ``tidings.learned.v2`` (at the given
``none_threshold:learned_roles`` pairs) with ``require_actor`` and ``context_actors`` on, as
the default config has them, on articles parsed once, and prints one line per coder:

    python scripts/compare_coders_news.py 0.95:1 0.95:0
"""

from __future__ import annotations

import sys

from tidings import registry
from tidings.config import load_config
from tidings.eval import eval_dir
from tidings.eval import news as news_eval
from tidings.pipeline import Components


def main(argv: list[str]) -> None:
    config = load_config()
    records = news_eval.load(sorted((eval_dir() / news_eval.FOLDER).glob("*.dev.jsonl")))
    parts = Components.from_config(config)
    on = {"require_actor": True, "context_actors": True, "actor_linker": parts.actor_linker}
    coders = {"tidings.rules.v1": registry.resolve("event_coder", "tidings.rules.v1", **on)}
    for arg in argv or ["0.95:1"]:
        th, roles = arg.split(":")
        coders[f"tidings.learned.v2 {arg}"] = registry.resolve(
            "event_coder",
            "tidings.learned.v2",
            none_threshold=float(th),
            learned_roles=roles == "1",
            **on,
        )
    items = news_eval.run_coders(records, config, parts, coders)
    gold = [[news_eval.gold_item(e) for e in r["events"]] for r in records]
    for name in coders:
        tally = news_eval.Tally()
        for s, g in zip(items[name], gold, strict=True):
            tally.add(s, g)
        sc = tally.scores()
        t, d = sc["type"], sc["dyad"]
        print(
            f"{name}: events {sc['n_system']} type P {t['p']:.3f} R {t['r']:.3f} F1 {t['f1']:.3f}"
            f" | dyad P {d['p']:.3f} R {d['r']:.3f} F1 {d['f1']:.3f}"
            f" | no background type F1 {sc['type_no_background']['f1']:.3f}"
            f" dyad F1 {sc['dyad_no_background']['f1']:.3f}"
            f" | date {sc['date_acc']:.3f} place {sc['place_country_acc']:.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
