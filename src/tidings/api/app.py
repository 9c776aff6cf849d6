"""The FastAPI application: JSON/CSV routes over ``tidings.query``, the bundled web UI and docs.

Every error is JSON ``{"error": "<one line>"}``: bad parameters give 400 (FastAPI's 422
validation errors included), unknown ids 404, ingest without the configured key 401/403, a
read past the request's time budget (``query_timeout_s``) 503.
"""

from __future__ import annotations

import csv
import hmac
import io
import logging
import tempfile
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings import query
from tidings.db import Tidings
from tidings.errors import QueryError, QueryTimeoutError, StoreError, TidingsError
from tidings.query.cells import safe_rows

from ._budget import QueryBudgetMiddleware
from .params import (
    ActorParams,
    ArticleParams,
    EventParams,
    Format,
    QuoteParams,
    StoryParams,
    TimelineParams,
)

log = logging.getLogger(__name__)

WEB = Path(str(files("tidings").joinpath("web")))
MAX_INGEST_TEXTS = 100
MAX_INGEST_CHARS = 5_000_000
COUNT_CAP = 1_000  # /events counts matches up to this; beyond, "total_capped" is true
QUERY_TIMEOUT_S = 30.0  # a request's reads stop after this; `tidings serve --query-timeout`


class ApiError(Exception):
    """An error with an HTTP status, rendered as ``{"error": message}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class IngestText(BaseModel):
    """One uploaded document: its text (plain text or HTML) and a file name for its kind."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(
        ...,
        max_length=200,
        pattern=r"^[\w.-]+\.(txt|html?|jsonl|csv|xml)$",
        description="File name; its extension tells the reader (e.g. a.html).",
    )
    text: str = Field(..., description="The document's content.")


class IngestRequest(BaseModel):
    """``POST /ingest`` body: server-side paths and/or uploaded documents."""

    model_config = ConfigDict(extra="forbid")

    paths: list[str] = Field(
        default_factory=list, max_length=1000, description="Files, folders or globs on the server."
    )
    texts: list[IngestText] = Field(
        default_factory=list,
        max_length=MAX_INGEST_TEXTS,
        description="Uploaded documents, run like files.",
    )


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _wants_csv(request: Request, fmt: Format | None) -> bool:
    if fmt is not None:
        return fmt == "csv"
    return "text/csv" in request.headers.get("accept", "")


def _csv(rows: Sequence[dict[str, Any]], raw: bool = False) -> Response:
    # Formula-like text cells are defused unless the client asked for raw=true.
    if not raw:
        rows = safe_rows(rows)
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8")


def _page(
    request: Request,
    rows: list[dict[str, Any]],
    fmt: Format | None,
    limit: int,
    offset: int,
    total: int | None = None,
    raw: bool = False,
) -> Any:
    if _wants_csv(request, fmt):
        return _csv(rows, raw)
    more = len(rows) == limit if total is None else offset + len(rows) < total
    nxt = None
    if more:
        nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return {"rows": rows, "limit": limit, "offset": offset, "total": total, "next": nxt}


def _json(body: Any) -> JSONResponse:
    # Rows are already JSON-ready: skip FastAPI's per-value encoder, the slowest step of a page.
    return JSONResponse(body)


def _listing(
    request: Request,
    rows: list[dict[str, Any]],
    fmt: Format | None,
    limit: int,
    offset: int,
    raw: bool = False,
) -> Any:
    if _wants_csv(request, fmt):
        return _csv(rows, raw)
    return _json(_page(request, rows, None, limit, offset))


def _found(value: dict[str, Any] | None, what: str, key: str) -> dict[str, Any]:
    if value is None:
        raise ApiError(404, f"{what} {key!r} not found")
    return value


def create_app(
    db: str | Path | Tidings,
    api_key: str | None = None,
    query_timeout_s: float | None = QUERY_TIMEOUT_S,
) -> FastAPI:
    """Build the app over a database path or an open ``Tidings``.

    With a path, the database opens read-only unless an ``api_key`` enables ``POST /ingest``.
    Each request's reads together get ``query_timeout_s`` seconds (None: no limit); a client
    that disconnects cancels them.
    """
    if not isinstance(db, Tidings):
        db = Tidings(db, read_only=api_key is None)
    tdb: Tidings = db
    app = FastAPI(
        title="Tidings",
        summary="Political events coded from news, with the evidence behind every record.",
        version="1",
        docs_url=None,  # the stock page loads Swagger UI from a CDN; ours is bundled below
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db = tdb
    app.add_middleware(QueryBudgetMiddleware, timeout_s=query_timeout_s)

    # -- errors -------------------------------------------------------------------------
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message)

    @app.exception_handler(QueryTimeoutError)
    async def _query_timeout(_: Request, exc: QueryTimeoutError) -> JSONResponse:
        return _error(503, str(exc))

    @app.exception_handler(QueryError)
    async def _query_error(_: Request, exc: QueryError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(400, _validation_line(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return _error(500, f"internal error: {type(exc).__name__}")

    # -- events -------------------------------------------------------------------------
    @app.get("/events", tags=["events"], summary="Events matching the filters, newest first")
    def list_events(request: Request, params: Annotated[EventParams, Query()]) -> Any:
        filt = params.to_filter()
        if _wants_csv(request, params.format):
            return _csv(query.events(tdb.store, filt, "records"), params.raw)
        # Within the first COUNT_CAP matches, the page's own scan counts them too.
        rows, counted = query.events_page(tdb.store, filt, COUNT_CAP + 1, "records")
        capped = False
        if len(rows) < filt.limit and (rows or filt.offset == 0):
            total = filt.offset + len(rows)  # the last page: no need to count
        else:
            if counted is None:
                counted = query.count_events(tdb.store, filt, cap=COUNT_CAP + 1)
            capped = counted > COUNT_CAP
            total = min(counted, COUNT_CAP)
        body = _page(request, rows, None, filt.limit, filt.offset, total)
        if capped:
            body["next"] = str(request.url.include_query_params(offset=filt.offset + filt.limit))
        body["total_capped"] = capped
        return _json(body)

    @app.get(
        "/events/{event_id}",
        tags=["events"],
        summary="One event with every reporting article, its evidence and quotes",
    )
    def get_event(event_id: str) -> JSONResponse:
        return _json(_found(query.event(tdb.store, event_id), "event", event_id))

    @app.get("/timeline", tags=["events"], summary="Event counts by date bucket and type")
    def get_timeline(request: Request, params: Annotated[TimelineParams, Query()]) -> Any:
        rows = query.timeline(tdb.store, params.to_filter(), params.bucket)
        if _wants_csv(request, params.format):
            return _csv(rows, params.raw)
        return _json({"rows": rows, "bucket": params.bucket})

    # -- stories, articles, quotes, actors ----------------------------------------------
    @app.get("/stories", tags=["stories"], summary="Stories, most recent first")
    def list_stories(request: Request, params: Annotated[StoryParams, Query()]) -> Any:
        rows = query.stories(tdb.store, limit=params.limit, offset=params.offset, as_="records")
        return _listing(request, rows, params.format, params.limit, params.offset, params.raw)

    @app.get(
        "/stories/{story_id}",
        tags=["stories"],
        summary="One story: articles, events and what each outlet reported",
    )
    def get_story(story_id: str) -> JSONResponse:
        return _json(_found(query.story(tdb.store, story_id), "story", story_id))

    @app.get("/articles", tags=["articles"], summary="Articles (without text), newest first")
    def list_articles(request: Request, params: Annotated[ArticleParams, Query()]) -> Any:
        rows = query.articles(
            tdb.store,
            outlet=params.outlet,
            story_id=params.story_id,
            limit=params.limit,
            offset=params.offset,
            as_="records",
        )
        return _listing(request, rows, params.format, params.limit, params.offset, params.raw)

    @app.get(
        "/articles/{article_id}",
        tags=["articles"],
        summary="One article with its text, events and quotes",
    )
    def get_article(article_id: str) -> JSONResponse:
        return _json(_found(query.article(tdb.store, article_id), "article", article_id))

    @app.get("/quotes", tags=["quotes"], summary="Quotes with speaker, newest first")
    def list_quotes(request: Request, params: Annotated[QuoteParams, Query()]) -> Any:
        rows = query.quotes(
            tdb.store,
            speaker=params.speaker,
            q=params.q,
            article_id=params.article_id,
            event_id=params.event_id,
            limit=params.limit,
            offset=params.offset,
            as_="records",
        )
        return _listing(request, rows, params.format, params.limit, params.offset, params.raw)

    @app.get("/actors", tags=["actors"], summary="Actor codes with names and event counts")
    def list_actors(request: Request, params: Annotated[ActorParams, Query()]) -> Any:
        rows = query.actors(
            tdb.store, q=params.q, limit=params.limit, offset=params.offset, as_="records"
        )
        return _listing(request, rows, params.format, params.limit, params.offset, params.raw)

    @app.get("/actors/{code}", tags=["actors"], summary="One actor code with its dyads")
    def get_actor(code: str) -> JSONResponse:
        return _json(_found(query.actor(tdb.store, code), "actor", code))

    @app.get("/stats", tags=["stats"], summary="Counts by table, type, QuadClass and outlet")
    def get_stats() -> JSONResponse:
        return _json(query.stats(tdb.store))

    # -- ingest -------------------------------------------------------------------------
    def require_key(x_api_key: Annotated[str | None, Header()] = None) -> None:
        if api_key is None:
            raise ApiError(403, "ingest is disabled: start the server with an API key")
        if x_api_key is None or not hmac.compare_digest(x_api_key, api_key):
            raise ApiError(401, "missing or wrong X-API-Key header")

    @app.post(
        "/ingest",
        tags=["ingest"],
        dependencies=[Depends(require_key)],
        summary="Run the pipeline on server paths and/or uploaded documents",
    )
    def ingest(body: IngestRequest) -> dict[str, Any]:
        if not body.paths and not body.texts:
            raise ApiError(400, "nothing to ingest: give paths and/or texts")
        if sum(len(t.text) for t in body.texts) > MAX_INGEST_CHARS:
            raise ApiError(400, f"texts: more than {MAX_INGEST_CHARS} characters in one request")
        with tempfile.TemporaryDirectory(prefix="tidings-ingest-") as tmp:
            sources = list(body.paths)
            names: dict[str, str] = {}
            for i, t in enumerate(body.texts):
                # Stored under the name the client gave (one folder each: names may repeat),
                # so that documents and error rows name what was sent, not a temp path.
                path = Path(tmp) / f"{i:03d}" / t.name
                path.parent.mkdir()
                path.write_text(t.text, encoding="utf-8")
                sources.append(str(path))
                names[str(path)] = f"upload:{t.name}"
            try:
                with query.time_budget(None):  # a run is bounded by its input limits instead
                    report = tdb.run(sources, names=names)
            except StoreError as exc:
                raise ApiError(409, str(exc)) from None
            except TidingsError as exc:
                raise ApiError(400, str(exc)) from None
        return {"run_id": report.run_id, "counts": report.counts(), "errors": report.errors}

    # -- web UI and docs ----------------------------------------------------------------
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse((WEB / "templates" / "index.html").read_text(encoding="utf-8"))

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Tidings API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # no call to the online validator
        )

    return app


def _validation_line(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "header"))
        msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        if err.get("type") == "extra_forbidden":
            msg = "unknown parameter"
        value = err.get("input")
        shown = f" (got {value!r})" if isinstance(value, str | int | float) and loc else ""
        parts.append(f"{loc}: {msg}{shown}" if loc else msg)
    return "; ".join(parts) or "invalid request"


__all__ = ["ApiError", "create_app"]
