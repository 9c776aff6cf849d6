"""The LLM coder against a fake OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from tidings import registry
from tidings.errors import ConfigError
from tidings.model import AnnotatedDoc, Article

ANSWER = {
    "events": [
        {
            "sentence": 2,
            "type": "ASSAULT",
            "mode": "aerial",
            "cameo_code": "195",
            "trigger": "bombed",
            "source": "Israeli jets",
            "target": "Hezbollah positions",
            "negated": False,
            "modality": "asserted",
        },
        {"sentence": 1, "type": "NOT_A_TYPE", "trigger": "said"},
        {"sentence": 9, "type": "CONSULT", "trigger": "met"},
    ]
}


class _Fake(BaseHTTPRequestHandler):
    seen: list[dict[str, Any]] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Fake.seen.append({"path": self.path, "auth": self.headers.get("Authorization"), **body})
        reply = {"choices": [{"message": {"content": "```json\n" + json.dumps(ANSWER) + "\n```"}}]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        return None


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), _Fake)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_llm_coder_validates_and_locates(server: str, nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FAKE_LLM_KEY", "sekrit")
    coder = registry.resolve(
        "event_coder", "tidings.llm.v1", base_url=server, model="tiny", api_key_env="FAKE_LLM_KEY"
    )
    text = "Officials spoke on Monday. Israeli jets bombed Hezbollah positions in Lebanon."
    art = Article(article_id="a", doc_id="d", text=text)
    (ev,) = coder.code(AnnotatedDoc(article=art, doc=nlp(text)))
    assert (ev.plover_type, ev.plover_mode, ev.cameo_code, ev.cameo_root) == (
        "ASSAULT",
        "aerial",
        "195",
        "19",
    )
    assert text[ev.trigger_start : ev.trigger_end] == "bombed"
    assert ev.source is not None and ev.target is not None
    assert text[ev.source.start : ev.source.end] == "Israeli jets"  # type: ignore[misc]
    assert ev.target.text == "Hezbollah positions"
    assert ev.sentence_idx == 1 and ev.coder == "tidings.llm.v1"
    req = _Fake.seen[-1]
    assert req["path"] == "/v1/chat/completions" and req["model"] == "tiny"
    assert req["auth"] == "Bearer sekrit"
    assert "[2] Israeli jets bombed" in req["messages"][1]["content"]


def test_llm_coder_needs_settings() -> None:
    with pytest.raises(ConfigError):
        registry.resolve("event_coder", "tidings.llm.v1")


def test_llm_coder_survives_a_dead_server(nlp) -> None:  # type: ignore[no-untyped-def]
    coder = registry.resolve(
        "event_coder", "tidings.llm.v1", base_url="http://127.0.0.1:9", model="m", timeout=2
    )
    text = "Israeli jets bombed Hezbollah positions."
    assert coder.code(AnnotatedDoc(Article("a", "d", text), nlp(text))) == []


def test_llm_actor_not_in_the_sentence_is_still_linked(server: str, nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The model paraphrases: "the Israeli military" is not written in the sentence, so it has
    # no span, but the linker still reads it (country and sector, no offsets).
    answer = {
        "events": [
            {
                "sentence": 1,
                "type": "ASSAULT",
                "cameo_code": "195",
                "trigger": "bombed",
                "source": "the Israeli military",
                "target": "Hezbollah positions",
            }
        ]
    }
    monkeypatch.setattr(sys.modules[__name__], "ANSWER", answer)
    linker = registry.resolve("actor_linker", "tidings.actors.v1")
    coder = registry.resolve(
        "event_coder", "tidings.llm.v1", base_url=server, model="tiny", actor_linker=linker
    )
    text = "Jets bombed Hezbollah positions in Lebanon."
    (ev,) = coder.code(AnnotatedDoc(Article("a", "d", text), nlp(text)))
    assert ev.source is not None
    assert (ev.source.text, ev.source.start, ev.source.country_iso3, ev.source.sector) == (
        "the Israeli military",
        None,
        "ISR",
        "MIL",
    )
    assert ev.extra["model"] == "tiny"
