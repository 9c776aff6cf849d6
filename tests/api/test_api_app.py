"""REST through the real app: rows, formats, errors (400 never 500), ingest auth, docs."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sample_store import build_sample
from tidings.api import create_app
from tidings.db import Tidings


def test_events_worked_example(client: TestClient) -> None:
    r = client.get("/events", params={"actor": "IRQ", "type": "consult", "since": "2024-12-01"})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 1 and body["next"] is None
    row = body["rows"][0]
    assert (row["plover_type"], row["source_code"], row["target_code"]) == (
        "CONSULT",
        "USAGOV",
        "IRQGOV",
    )
    assert row["event_date"] == "2024-12-13"


def test_events_paging_links(client: TestClient) -> None:
    first = client.get("/events", params={"limit": 3}).json()
    assert (first["total"], len(first["rows"])) == (7, 3)
    assert "offset=3" in first["next"]
    second = client.get(first["next"]).json()
    assert second["offset"] == 3
    ids = [r["event_id"] for r in first["rows"] + second["rows"]]
    assert len(set(ids)) == 6


def test_csv_by_param_and_accept(client: TestClient) -> None:
    for r in (
        client.get("/events?format=csv&type=ASSAULT"),
        client.get("/events?type=ASSAULT", headers={"Accept": "text/csv"}),
    ):
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert [x["plover_type"] for x in rows] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/events?quad_class=9", "quad_class: Input should be less than or equal to 4 (got '9')"),
        ("/events?limit=5000", "limit: Input should be less than or equal to 1000 (got '5000')"),
        (
            "/events?since=yesterday",
            "since: not a date YYYY-MM-DD (got 'yesterday')",
        ),
        ("/events?lat=3", "lat, lon and km go together: give all three or none"),
        ("/events?bogus=1", "bogus: unknown parameter (got '1')"),
        ("/events?cameo_root=99", "cameo_root: not a CAMEO root 01..20 (got '99')"),
        ("/events?format=xml", "format: Input should be 'json' or 'csv' (got 'xml')"),
        ("/stories?offset=-1", "offset: Input should be greater than or equal to 0 (got '-1')"),
        (
            "/timeline?bucket=hour",
            "bucket: Input should be 'day', 'week', 'month' or 'year' (got 'hour')",
        ),
    ],
)
def test_bad_parameters_give_400_one_line(client: TestClient, url: str, message: str) -> None:
    r = client.get(url)
    assert r.status_code == 400
    assert r.json() == {"error": message}


def test_unknown_ids_give_404(client: TestClient) -> None:
    for url in ("/events/nope", "/stories/nope", "/articles/nope", "/actors/ZZZ"):
        r = client.get(url)
        assert r.status_code == 404
        assert r.json()["error"].endswith("not found")


def test_event_detail(client: TestClient, ids: dict[str, Any]) -> None:
    canonical = ids["events"]["ledger-baghdad"][0]
    body = client.get(f"/events/{canonical}").json()
    assert [m["outlet"] for m in body["mentions"]] == ["Daily Ledger", "Evening Courier"]
    assert body["quotes"][0]["speaker_text"] == "Sudani"


def test_other_endpoints(client: TestClient, ids: dict[str, Any]) -> None:
    assert len(client.get("/stories").json()["rows"]) == 5
    story = client.get(f"/stories/{ids['stories']['baghdad']}").json()
    assert story["story"]["n_outlets"] == 2
    views = {v["outlet"]: v for v in story["comparison"]["outlets"]}
    assert [e["plover_type"] for e in views["Daily Ledger"]["events_only_here"]] == ["REQUEST"]
    assert views["Evening Courier"]["events_only_here"] == []
    assert [e["plover_type"] for e in story["comparison"]["shared_events"]] == ["CONSULT"]
    assert client.get("/quotes?speaker=sudani").json()["rows"][0]["cue"] == "said"
    # "ken" is a code prefix of KENGOV/KENREB and part of the name "Blinken"
    ken = [a["code"] for a in client.get("/actors?q=ken").json()["rows"]]
    assert ken == ["USAGOV", "KENGOV", "KENREB"]
    assert client.get("/actors/IRQGOV").json()["actor"]["n_events"] == 2
    art = client.get(f"/articles/{ids['articles']['evil-nairobi']}").json()
    assert art["article"]["text"].startswith("<script>")  # stored and returned verbatim
    assert len(client.get("/articles?outlet=Daily Ledger").json()["rows"]) == 2
    assert client.get("/stats").json()["counts"]["canonical_events"] == 7
    timeline = client.get("/timeline?bucket=month&quad_class=4").json()["rows"]
    assert [(r["bucket"], r["plover_type"]) for r in timeline] == [
        ("2024-11-01", "PROTEST"),
        ("2024-12-01", "ASSAULT"),
    ]


def test_openapi_and_bundled_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    params = [p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]]
    assert params[:3] == ["actor", "side", "type"] and "min_confidence" in params
    page = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "https://" not in page
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_ingest_forbidden_without_key(client: TestClient) -> None:
    r = client.post("/ingest", json={"paths": ["x.txt"]})
    assert r.status_code == 403
    assert r.json() == {"error": "ingest is disabled: start the server with an API key"}


def test_ingest_with_key(monkeypatch: pytest.MonkeyPatch) -> None:
    db = Tidings(":memory:")
    build_sample(db.store)
    seen: list[list[str]] = []

    class Report:
        run_id = "r1"
        errors: list[str] = []

        def counts(self) -> dict[str, int]:
            return {"documents_new": len(seen[0])}

    def fake_run(sources: list[str], progress: object = None, names: object = None) -> Report:
        seen.append([Path(s).read_text("utf-8") if "tidings-ingest" in s else s for s in sources])
        return Report()

    monkeypatch.setattr(db, "run", fake_run)
    with TestClient(create_app(db, api_key="s3cret")) as c:
        assert c.post("/ingest", json={"paths": ["a"]}).status_code == 401
        bad = c.post("/ingest", json={"paths": ["a"]}, headers={"X-API-Key": "nope"})
        assert bad.status_code == 401
        empty = c.post("/ingest", json={}, headers={"X-API-Key": "s3cret"})
        assert (empty.status_code, empty.json()["error"]) == (
            400,
            "nothing to ingest: give paths and/or texts",
        )
        badname = c.post(
            "/ingest",
            json={"texts": [{"name": "../x.txt", "text": "t"}]},
            headers={"X-API-Key": "s3cret"},
        )
        assert badname.status_code == 400
        ok = c.post(
            "/ingest",
            headers={"X-API-Key": "s3cret"},
            json={"paths": ["feeds/"], "texts": [{"name": "a.txt", "text": "Hello."}]},
        )
        assert ok.status_code == 200
        assert ok.json() == {"run_id": "r1", "counts": {"documents_new": 2}, "errors": []}
    assert seen == [["feeds/", "Hello."]]
    db.close()


def test_total_is_capped_and_last_page_not_counted(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tidings.api.app as app_module

    last = client.get("/events?limit=5&offset=5").json()
    assert (last["total"], last["total_capped"], last["next"]) == (7, False, None)
    monkeypatch.setattr(app_module, "COUNT_CAP", 3)
    body = client.get("/events?limit=2").json()
    assert (body["total"], body["total_capped"]) == (3, True)
    assert "offset=2" in body["next"]
