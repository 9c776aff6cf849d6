"""Actor linking: mention -> code (country ISO3 + sector) and canonical entity, roles by date.

``registry.resolve("actor_linker", "tidings.actors.v1", extra_kb=[...])`` builds an
:class:`ActorLinker`; ``link(text, when=...)`` reads one mention and ``link_doc(doc)`` indexes an
article for ``at(start, end)`` lookups. :func:`actor_table` gives rows for the ``actors`` table.
"""

from __future__ import annotations

from collections.abc import Sequence

from tidings.actors._grammar import OPPONENTS
from tidings.actors.doc import ArticleActors
from tidings.actors.linker import ActorLinker
from tidings.actors.roles import roles_at_event_date, roles_at_event_dates
from tidings.actors.table import actor_table
from tidings.config import default_setting
from tidings.registry import register

__all__ = [
    "OPPONENTS",  # "opponents of X": the event coder reads it too
    "ActorLinker",
    "ArticleActors",
    "actor_table",
    "make_actor_linker",
    "roles_at_event_date",
    "roles_at_event_dates",
]


@register("actor_linker", "tidings.actors.v1")
def make_actor_linker(
    extra_kb: Sequence[str] = (),
    fuzzy_threshold: float = float(default_setting("actor_linker", "fuzzy_threshold")),
) -> ActorLinker:
    """Factory: the KB-and-lexicon linker; ``extra_kb`` adds user TSV/JSONL entity files.
    The defaults are read from default_config.toml's ``[actor_linker]``: one source."""
    return ActorLinker(extra_kb=tuple(extra_kb), fuzzy_threshold=fuzzy_threshold)
