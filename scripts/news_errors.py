"""List the type errors of the configured event coder on the news_events dev articles.

Prints, per article, every gold event (``+`` matched by type, ``-`` missed, with the system
types found in the same sentence) and every emitted event that matched nothing (``FP``), with
its trigger; a second pass without the relevance gate marks missed events it would have found
(``gate``). Write the output outside the repo (it quotes the dev articles):

    python scripts/news_errors.py > /tmp/news_errors.txt
"""

from __future__ import annotations

from collections import Counter

from tidings import registry
from tidings.config import load_config
from tidings.eval import eval_dir
from tidings.eval import news as news_eval
from tidings.extract import extract_articles
from tidings.pipeline import Components, process_annotated


def main() -> None:
    config = load_config()
    records = news_eval.load(sorted((eval_dir() / news_eval.FOLDER).glob("*.dev.jsonl")))
    parts = Components.from_config(config)
    ungated = registry.resolve(
        "event_coder", "tidings.rules.v1", actor_linker=parts.actor_linker, require_actor=False
    )
    fn: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    gate: Counter[str] = Counter()
    for rec in records:
        docs = list(parts.annotator.annotate(extract_articles(news_eval._raw(rec), config)))
        evs = [
            e
            for d in docs
            for e in process_annotated(d, parts).events
            if "requested_by_event" not in e.extra
        ]
        free = [
            e
            for d in docs
            for e in process_annotated(d, _with(parts, ungated)).events
            if "requested_by_event" not in e.extra
        ]
        gold = rec["events"]
        g_items = [news_eval.gold_item(g) for g in gold]
        s_items = [news_eval.system_item(e) for e in evs]
        f_items = [news_eval.system_item(e) for e in free]
        pairs = news_eval.match(s_items, g_items)
        hit = {j for j, _ in pairs.values()}
        free_hit = {j for j, _ in news_eval.match(f_items, g_items).values()}
        print(f"=== {rec['doc_id']} {rec.get('title', '')}")
        for j, (g, gi) in enumerate(zip(gold, g_items, strict=True)):
            near = [
                f"{e.plover_type}:{e.trigger_text}"
                for e, si in zip(evs, s_items, strict=True)
                if news_eval.same_sentence(si, gi)
            ]
            mark = "+" if j in hit else ("gate" if j in free_hit else "-")
            if j not in hit:
                fn[g["type"]] += 1
                if j in free_hit:
                    gate[g["type"]] += 1
            src = (g.get("source") or {}).get("code")
            tgt = (g.get("target") or {}).get("code")
            print(
                f"  {mark} {g['type']}/{g.get('mode')} {src}->{tgt}"
                f"{' bg' if g.get('background') else ''} | {g['evidence']} | sys {near}"
            )
        for i, e in enumerate(evs):
            if i not in pairs:
                fp[e.plover_type] += 1
                print(f"  FP {e.plover_type} [{e.trigger_text}] | {e.evidence_text}")
    print("FN", dict(fn.most_common()))
    print("gate-dropped FN", dict(gate.most_common()))
    print("FP", dict(fp.most_common()))


def _with(parts: Components, coder: object) -> Components:
    from dataclasses import replace

    return replace(parts, coder=coder)


if __name__ == "__main__":
    main()
