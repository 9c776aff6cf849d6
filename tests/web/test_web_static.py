"""Static checks of the bundled UI (run without a browser): local assets only, no HTML sinks."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from fastapi.testclient import TestClient

from tidings.api import create_app
from tidings.db import Tidings

WEB = Path(str(files("tidings").joinpath("web")))


def test_script_never_writes_html() -> None:
    js = (WEB / "static" / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js, sink
    # Leaflet parses string popups as HTML: popups must be DOM nodes.
    assert re.search(r"bindPopup\(\s*h\(", js)


def test_every_asset_is_local_and_served() -> None:
    html = (WEB / "templates" / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="([^"#]+)"', html)
    assert refs and all(r.startswith("/") for r in refs), refs
    js = (WEB / "static" / "app.js").read_text(encoding="utf-8")
    urls = set(re.findall(r"https?://[^\s\"')]+", js + html))
    assert urls == {"http://www.w3.org/2000/svg"}  # an XML namespace name, never fetched
    with Tidings(":memory:") as db, TestClient(create_app(db)) as client:
        page = client.get("/")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        for ref in refs + ["/static/vendor/world-110m.geojson"]:
            if ref.startswith("/docs"):
                continue
            assert client.get(ref).status_code == 200, ref
