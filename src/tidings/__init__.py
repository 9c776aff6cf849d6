"""Tidings: turn raw news pages into political event data, with the evidence behind every record.

import tidings
db = tidings.open("tidings.duckdb")
db.run(["feeds/", "crawl.warc.gz"])
df = db.events(actor="IRQ", type="CONSULT", since="2024-12-01")
"""

from __future__ import annotations

from tidings.config import load_config
from tidings.db import Tidings, open
from tidings.errors import TidingsError
from tidings.model import ActorRef, Article, Event, Place, Quote, Story, TimeExpr
from tidings.query import EventFilter

__version__ = "0.1.0"

__all__ = [
    "ActorRef",
    "Article",
    "Event",
    "EventFilter",
    "Place",
    "Quote",
    "Story",
    "TimeExpr",
    "Tidings",
    "TidingsError",
    "load_config",
    "open",
]
