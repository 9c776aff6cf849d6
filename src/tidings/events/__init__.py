"""Find and code political events (PLOVER type/mode, CAMEO code, actors, modality) in articles."""

from __future__ import annotations

from tidings.events.rules import RuleCoder, make_rule_coder

__all__ = ["RuleCoder", "make_rule_coder"]
