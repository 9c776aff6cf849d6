"""Find and code political events (PLOVER type/mode, CAMEO code, actors, modality) in articles.

Coders (all ``EventCoder``s, chosen by ``[event_coder] name``):
``tidings.rules.v1`` (default: lexicon + dependency rules), ``tidings.learned.v1``
(scikit-learn classifier trained on the lexicon rows), ``tidings.learned.v2`` (MiniLM
sentence heads gating the rule coder's events), ``tidings.llm.v1`` (an OpenAI-compatible
chat endpoint; off unless configured).
"""

from __future__ import annotations

from tidings.events.learned import LearnedCoder, make_learned_coder
from tidings.events.learned_v2 import LearnedV2Coder, make_learned_v2_coder
from tidings.events.llm import LLMCoder, make_llm_coder
from tidings.events.rules import RuleCoder, make_rule_coder

__all__ = [
    "LLMCoder",
    "LearnedCoder",
    "LearnedV2Coder",
    "RuleCoder",
    "make_learned_coder",
    "make_learned_v2_coder",
    "make_llm_coder",
    "make_rule_coder",
]
