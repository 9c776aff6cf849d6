"""An event coder backed by an OpenAI-compatible chat endpoint (off unless configured).

Settings (``[event_coder]``): ``base_url`` (e.g. ``http://127.0.0.1:8000``), ``model``,
``api_key_env`` (name of the environment variable holding the key; empty = no key),
``timeout`` seconds and ``sentences_per_call``. Sentences go to ``POST /v1/chat/completions``
in numbered batches; the model answers with JSON ``{"events": [...]}``, one object per event
with ``sentence`` (number), ``type``, ``trigger``, ``source``, ``target`` (verbatim text),
``mode``, ``cameo_code``, ``negated``, ``modality``. Everything the model says is checked:
unknown types are dropped, texts are located in the sentence (not found -> no span), CAMEO
codes are validated against the bundled table, actors are linked by the actor linker.
"""

from __future__ import annotations

import json
import logging
import os
import re
from typing import Any

from spacy.tokens import Span

from tidings.config import default_setting
from tidings.errors import ConfigError
from tidings.events._lexicon import load_lexicon
from tidings.events._records import doc_actors
from tidings.interfaces import ActorLinker, DocActors
from tidings.model import ActorRef, AnnotatedDoc, Event, content_id
from tidings.registry import register

log = logging.getLogger(__name__)

MODALITIES = (
    "asserted",
    "requested",
    "promised",
    "threatened",
    "intended",
    "hypothetical",
    "denied",
)

PROMPT = """You code political events in news sentences with the PLOVER ontology.
Types: {types}.
For each numbered sentence, list every political event it reports. Answer with JSON only:
{{"events": [{{"sentence": 1, "type": "CONSULT", "mode": null, "cameo_code": "042",
"trigger": "met", "source": "exact source text", "target": "exact target text or null",
"negated": false, "modality": "asserted"}}]}}
Copy trigger, source and target verbatim from the sentence. modality is one of: {modalities}.
Sentences with no event contribute nothing; answer {{"events": []}} when there are none."""


class LLMCoder:
    """Ask a chat model for events; validate and locate what it returns."""

    name = "tidings.llm.v1"
    version = "1.0.0"

    def __init__(
        self,
        base_url: str = "",
        model: str = "",
        api_key_env: str = "",
        timeout: float = 60.0,
        sentences_per_call: int = 10,
        actor_linker: ActorLinker | None = None,
    ) -> None:
        if not base_url or not model:
            raise ConfigError("tidings.llm.v1 needs [event_coder] base_url and model settings")
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key_env = api_key_env
        self.timeout = timeout
        self.batch = max(1, sentences_per_call)
        self.lexicon = load_lexicon()
        self.linker = actor_linker  # None: actors stay uncoded

    def _ask(self, sentences: list[str]) -> list[dict[str, Any]]:
        import httpx  # only this optional coder needs it

        headers = {"Content-Type": "application/json"}
        if self.api_key_env:
            key = os.environ.get(self.api_key_env)
            if not key:
                raise ConfigError(f"tidings.llm.v1: environment variable {self.api_key_env} unset")
            headers["Authorization"] = f"Bearer {key}"
        numbered = "\n".join(f"[{i + 1}] {s}" for i, s in enumerate(sentences))
        body = {
            "model": self.model,
            "temperature": 0,
            "response_format": {"type": "json_object"},
            "messages": [
                {
                    "role": "system",
                    "content": PROMPT.format(
                        types=", ".join(sorted(self.lexicon.plover_types)),
                        modalities=", ".join(MODALITIES),
                    ),
                },
                {"role": "user", "content": numbered},
            ],
        }
        resp = httpx.post(
            f"{self.base_url}/v1/chat/completions", json=body, headers=headers, timeout=self.timeout
        )
        resp.raise_for_status()
        content = resp.json()["choices"][0]["message"]["content"]
        return _parse_events(content)

    def code(self, doc: AnnotatedDoc) -> list[Event]:
        sents = [s for s in doc.doc.sents if s.text.strip()]
        if not sents:
            return []
        actors = doc_actors(self.linker, doc)
        events: list[Event] = []
        for i in range(0, len(sents), self.batch):
            chunk = sents[i : i + self.batch]
            try:
                answers = self._ask([s.text for s in chunk])
            except ConfigError:
                raise
            except Exception as exc:  # noqa: BLE001 - a failed call loses this chunk only
                log.warning("LLM call failed for %s: %s", doc.article.article_id, exc)
                continue
            for a in answers:
                try:
                    idx = int(a.get("sentence", 0)) - 1
                except (TypeError, ValueError):
                    continue
                if 0 <= idx < len(chunk):
                    ev = self._event(doc, chunk[idx], i + idx, a, actors)
                    if ev is not None:
                        events.append(ev)
        return events

    def _actor(
        self, doc: AnnotatedDoc, sent: Span, text: Any, actors: DocActors
    ) -> ActorRef | None:
        """The model's actor text, linked: at its place in the sentence through the article's
        index (aliases, pronouns); a text the sentence does not hold verbatim through the
        linker alone (its reading's ``ref``, with no span)."""
        if not isinstance(text, str) or not text.strip():
            return None
        span = _locate(sent, text)
        if span is None:
            if self.linker is None:
                return ActorRef(text=text)
            return self.linker.link(text, when=doc.article.published_at)
        return actors.at(*span) or ActorRef(
            text=sent.doc.text[span[0] : span[1]], start=span[0], end=span[1]
        )

    def _event(
        self, doc: AnnotatedDoc, sent: Span, sent_idx: int, a: dict[str, Any], actors: DocActors
    ) -> Event | None:
        lex = self.lexicon
        etype = str(a.get("type") or "").upper()
        if etype not in lex.plover_types:
            return None
        code = lex.code(str(a.get("cameo_code") or ""))
        if code is None or code.plover_event != etype:
            root = lex.plover_types[etype]["cameo_roots"].split(";")[0]
            code = lex.code(root + "0")
        if code is None:
            return None
        mode = a.get("mode") or code.plover_mode or None
        if mode not in lex.plover_modes.get(etype, set()):
            mode = None
        modality = a.get("modality") if a.get("modality") in MODALITIES else "asserted"
        trig = _locate(sent, a.get("trigger"))
        start = trig[0] if trig else sent.start_char
        end = trig[1] if trig else sent.start_char
        return Event(
            event_id=content_id(doc.article.article_id, str(start), etype, self.name, prefix="ev_"),
            article_id=doc.article.article_id,
            sentence_idx=sent_idx,
            plover_type=etype,
            plover_mode=mode,
            cameo_code=code.code,
            cameo_root=code.root,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            source=self._actor(doc, sent, a.get("source"), actors),
            target=self._actor(doc, sent, a.get("target"), actors),
            evidence_text=sent.text,
            evidence_start=sent.start_char,
            evidence_end=sent.end_char,
            trigger_text=doc.article.text[start:end],
            trigger_start=start,
            trigger_end=end,
            coder=self.name,
            coder_version=self.version,
            plover_context=code.plover_context,
            negated=bool(a.get("negated")),
            modality=str(modality),
            confidence=0.6 if trig else 0.4,
            extra={"model": self.model},
        )


def _parse_events(content: str) -> list[dict[str, Any]]:
    """The ``events`` list of the model's JSON answer (tolerates code fences around it)."""
    match = re.search(r"\{.*\}", content, re.DOTALL)
    if not match:
        return []
    try:
        data = json.loads(match.group(0))
    except json.JSONDecodeError:
        return []
    events = data.get("events") if isinstance(data, dict) else None
    return [e for e in events if isinstance(e, dict)] if isinstance(events, list) else []


def _locate(sent: Span, text: Any) -> tuple[int, int] | None:
    """Article offsets of ``text`` inside the sentence (case-insensitive), if present."""
    if not isinstance(text, str) or not text.strip():
        return None
    pos = sent.text.lower().find(text.strip().lower())
    if pos < 0:
        return None
    return sent.start_char + pos, sent.start_char + pos + len(text.strip())


@register("event_coder", "tidings.llm.v1")
def make_llm_coder(
    base_url: str = "",
    model: str = "",
    api_key_env: str = "",
    timeout: float = 60.0,
    sentences_per_call: int = 10,
    actor_linker: ActorLinker | None = None,
    keep_background: bool = bool(default_setting("event_coder", "keep_background")),
    require_actor: bool = bool(default_setting("event_coder", "require_actor")),
    context_actors: bool = bool(default_setting("event_coder", "context_actors")),
    skip_non_political: bool = bool(default_setting("event_coder", "skip_non_political")),
) -> LLMCoder:
    """``keep_background``, ``require_actor``, ``context_actors`` and ``skip_non_political`` are
    rule-coder settings of the shared ``[event_coder]`` section (accepted, unused): the model
    decides."""
    return LLMCoder(
        base_url=base_url,
        model=model,
        api_key_env=api_key_env,
        timeout=timeout,
        sentences_per_call=sentences_per_call,
        actor_linker=actor_linker,
    )
