"""Rows of the ``actors`` store table from the knowledge base (one row per entity)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from tidings.actors._kb import KnowledgeBase, load_kb

ActorRow = tuple[
    str, str, str, str | None, str | None, str | None, str | None, str | None, str | None
]


def actor_table(extra_kb: Sequence[str] = ()) -> list[ActorRow]:
    """Rows ``(entity_id, name, aliases, country_iso3, sector, code, wikidata_id, valid_from,
    valid_to)``, one per KB entity.

    Country, sector and code are those of the entity's current (open-ended, best-ranked) role;
    ``valid_from``/``valid_to`` are that role's dates as written in the source (ISO date or year).
    Aliases are joined with ``"; "``. Entity ids are unique (the first entity wins a clash).
    """
    return entity_rows(load_kb(tuple(str(p) for p in extra_kb)))


def entity_rows(kb: KnowledgeBase, only: Collection[str] | None = None) -> list[ActorRow]:
    """``actor_table`` rows of ``kb``, restricted to the entity ids in ``only`` when given."""
    rows: dict[str, ActorRow] = {}
    for ent in kb.entities:
        if ent.entity_id in rows or (only is not None and ent.entity_id not in only):
            continue
        role = ent.role_at(None)
        rows[ent.entity_id] = (
            ent.entity_id,
            ent.name,
            "; ".join(ent.aliases),
            role.country if role else None,
            role.sector if role else None,
            role.code if role else None,
            ent.wikidata_id,
            (role.raw_from or None) if role else None,
            (role.raw_to or None) if role else None,
        )
    return list(rows.values())
