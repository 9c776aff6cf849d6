"""The FastAPI application: JSON/CSV routes over ``tidings.query``, the bundled web UI and docs.

Every error is JSON ``{"error": "<one line>"}``: bad parameters give 400 (FastAPI's 422
validation errors included), unknown ids 404, ingest without the configured key 401/403, a
body above the size limit 413, a store another process is writing 503 (read-only server), a
read past the request's time budget (``query_timeout_s``) 503.
Every status and content type a route can answer is declared in the OpenAPI document.
"""

from __future__ import annotations

import csv
import hmac
import io
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tidings import query
from tidings.db import Tidings
from tidings.errors import QueryError, QueryTimeoutError, StoreError, TidingsError
from tidings.live.watch import Watcher
from tidings.query.cells import safe_rows
from tidings.store import Store, StoreLockedError

from ._budget import QueryBudgetMiddleware
from ._cache import ReadCache, file_signature
from .params import (
    ActorParams,
    ArticleParams,
    EventParams,
    ExportParams,
    Format,
    QuoteParams,
    RunParams,
    StoryParams,
    TimelineParams,
)

log = logging.getLogger(__name__)

WEB = Path(str(files("tidings").joinpath("web")))
MAX_INGEST_TEXTS = 100
MAX_INGEST_CHARS = 5_000_000
COUNT_CAP = 1_000  # /events counts matches up to this; beyond, "total_capped" is true
QUERY_TIMEOUT_S = 30.0  # a request's reads stop after this; `tidings serve --query-timeout`
MAX_BODY_BYTES = 8 * MAX_INGEST_CHARS  # JSON escapes can grow text; more is refused with 413

_ERROR_BODY = {
    "application/json": {
        "schema": {
            "type": "object",
            "properties": {"error": {"type": "string"}},
            "required": ["error"],
        }
    }
}
_CSV_BODY = {"text/csv": {"schema": {"type": "string"}}}
TSV = "text/tab-separated-values"
PARQUET = "application/vnd.apache.parquet"


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the error statuses a route can answer."""
    why = {
        400: "Invalid parameter or body",
        401: "Missing or wrong X-API-Key",
        403: "Ingest disabled (no API key configured)",
        404: "Not found",
        409: "Store cannot be written",
        413: "Request body too large",
        503: "Store is being written by another process; retry later",
    }
    out: dict[int | str, dict[str, Any]] = {
        c: {"description": why[c], "content": _ERROR_BODY} for c in codes
    }
    out[413] = {"description": why[413], "content": _ERROR_BODY}
    out[503] = {"description": why[503], "content": _ERROR_BODY}
    return out


def _with_csv(codes: dict[int | str, dict[str, Any]]) -> dict[int | str, dict[str, Any]]:
    """Declare CSV beside JSON on the 200 answer of a list route."""
    return {200: {"content": _CSV_BODY}, **codes}


class BodyLimit:
    """ASGI middleware: refuse request bodies above ``max_bytes`` with 413 (declared length
    or counted while streaming), before any route reads them."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_big = JSONResponse(
            {"error": f"request body above {self.max_bytes} bytes"}, status_code=413
        )
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.max_bytes + 1
                if declared > self.max_bytes:
                    await too_big(scope, receive, send)
                    return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise ApiError(413, f"request body above {self.max_bytes} bytes")
            return message

        await self.app(scope, counted, send)


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


def _reading(request: Request) -> Iterator[Store]:
    """The store a request reads: the owner's, else a short-lived read-only connection."""
    db: Tidings = request.app.state.db
    with db.reading() as store:
        yield store


ReadStore = Annotated[Store, Depends(_reading)]


def _found(value: dict[str, Any] | None, what: str, key: str) -> dict[str, Any]:
    if value is None:
        raise ApiError(404, f"{what} {key!r} not found")
    return value


def create_app(
    db: str | Path | Tidings,
    api_key: str | None = None,
    *,
    watcher: Watcher | None = None,
    cors_origins: Sequence[str] = (),
    max_body_bytes: int = MAX_BODY_BYTES,
    query_timeout_s: float | None = QUERY_TIMEOUT_S,
    cache: bool = True,
) -> FastAPI:
    """Build the app over a database path or an open ``Tidings``.

    With a path and no ``api_key``, every request reads through a short-lived read-only
    connection (so writers in other processes are never locked out for long); with an
    ``api_key`` the app owns the store (holds the write lock) and ``POST /ingest`` runs there.
    With a ``watcher`` (``serve --watch``), ``POST /ingest`` queues into its loop instead.
    CORS is closed unless ``cors_origins`` lists the origins allowed to call the API.
    Each request's reads together get ``query_timeout_s`` seconds (None: no limit); a client
    that disconnects cancels them. ``cache`` answers repeated GETs of the read routes from
    memory until the store file changes (``api/_cache.py``).
    """
    if not isinstance(db, Tidings):
        # A second of linger: requests share one read-only connection while they keep
        # coming, and a writer elsewhere gets the file once they pause.
        db = Tidings(db, read_only=api_key is None, own=api_key is not None, linger=1.0)
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
    app.state.watcher = watcher
    app.add_middleware(QueryBudgetMiddleware, timeout_s=query_timeout_s)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    if cache and tdb.path != ":memory:":  # an in-memory store has no file to watch
        path = tdb.path
        app.add_middleware(ReadCache, signature=lambda: file_signature(path))
    if cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["X-API-Key", "Content-Type"],
        )

    # -- errors -------------------------------------------------------------------------
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message)

    @app.exception_handler(StoreLockedError)
    async def _locked(_: Request, exc: StoreLockedError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=503, headers={"Retry-After": "5"})

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
        # Keep the exception's headers: a 405 must say which methods are allowed.
        return JSONResponse(
            {"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return _error(500, f"internal error: {type(exc).__name__}")

    # -- events -------------------------------------------------------------------------
    @app.get(
        "/events",
        tags=["events"],
        summary="Events matching the filters, newest first",
        responses=_with_csv(_errors(400)),
    )
    def list_events(
        request: Request, params: Annotated[EventParams, Query()], store: ReadStore
    ) -> Any:
        filt = params.to_filter()
        if _wants_csv(request, params.format):
            return _csv(query.events(store, filt, "records"), params.raw)
        # Within the first COUNT_CAP matches, the page's own scan counts them too.
        rows, counted = query.events_page(store, filt, COUNT_CAP + 1, "records")
        capped = False
        if len(rows) < filt.limit and (rows or filt.offset == 0):
            total = filt.offset + len(rows)  # the last page: no need to count
        else:
            if counted is None:
                counted = query.count_events(store, filt, cap=COUNT_CAP + 1)
            capped = counted > COUNT_CAP
            total = min(counted, COUNT_CAP)
        body = _page(request, rows, None, filt.limit, filt.offset, total)
        if capped:
            body["next"] = str(request.url.include_query_params(offset=filt.offset + filt.limit))
        body["total_capped"] = capped
        return _json(body)

    @app.get(
        "/export",
        tags=["events"],
        summary="Every matching event, no paging: GDELT 2.0 TSV or one Parquet file",
        response_class=Response,
        responses={
            200: {
                "description": "The export file",
                "content": {
                    TSV: {"schema": {"type": "string"}},
                    PARQUET: {"schema": {"type": "string", "format": "binary"}},
                },
            },
            **_errors(400),
        },
    )
    def export_events(params: Annotated[ExportParams, Query()], store: ReadStore) -> Response:
        # What `tidings export` writes; its CLI reads this when a server holds the store.
        # Written to a temporary file first: an export can be far larger than a page.
        fd, name = tempfile.mkstemp(prefix="tidings-export-")
        os.close(fd)
        try:
            if params.format == "parquet":
                query.write_parquet(store, name, params.to_filter())
                media = PARQUET
            else:
                with open(name, "w", encoding="utf-8", newline="") as fh:
                    query.export_gdelt(store, fh, params.to_filter(), params.header, params.raw)
                media = f"{TSV}; charset=utf-8"
        except BaseException:
            os.unlink(name)
            raise
        return FileResponse(name, media_type=media, background=BackgroundTask(os.unlink, name))

    @app.get(
        "/events/{event_id}",
        tags=["events"],
        summary="One event with every reporting article, its evidence and quotes",
        responses=_errors(400, 404),
    )
    def get_event(event_id: str, store: ReadStore) -> JSONResponse:
        return _json(_found(query.event(store, event_id), "event", event_id))

    @app.get(
        "/timeline",
        tags=["events"],
        summary="Event counts by date bucket and type",
        responses=_with_csv(_errors(400)),
    )
    def get_timeline(
        request: Request, params: Annotated[TimelineParams, Query()], store: ReadStore
    ) -> Any:
        rows = query.timeline(store, params.to_filter(), params.bucket)
        if _wants_csv(request, params.format):
            return _csv(rows, params.raw)
        return _json({"rows": rows, "bucket": params.bucket})

    # -- stories, articles, quotes, actors ----------------------------------------------
    @app.get(
        "/stories",
        tags=["stories"],
        summary="Stories, most recent first",
        responses=_with_csv(_errors(400)),
    )
    def list_stories(
        request: Request, params: Annotated[StoryParams, Query()], store: ReadStore
    ) -> Any:
        rows = query.stories(store, limit=params.limit, offset=params.offset, as_="records")
        return _listing(request, rows, params.format, params.limit, params.offset, params.raw)

    @app.get(
        "/stories/{story_id}",
        tags=["stories"],
        summary="One story: articles, events and what each outlet reported",
        responses=_errors(400, 404),
    )
    def get_story(story_id: str, store: ReadStore) -> JSONResponse:
        return _json(_found(query.story(store, story_id), "story", story_id))

    @app.get(
        "/articles",
        tags=["articles"],
        summary="Articles (without text), newest first",
        responses=_with_csv(_errors(400)),
    )
    def list_articles(
        request: Request, params: Annotated[ArticleParams, Query()], store: ReadStore
    ) -> Any:
        rows = query.articles(
            store,
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
        responses=_errors(400, 404),
    )
    def get_article(article_id: str, store: ReadStore) -> JSONResponse:
        return _json(_found(query.article(store, article_id), "article", article_id))

    @app.get(
        "/quotes",
        tags=["quotes"],
        summary="Quotes with speaker, newest first",
        responses=_with_csv(_errors(400)),
    )
    def list_quotes(
        request: Request, params: Annotated[QuoteParams, Query()], store: ReadStore
    ) -> Any:
        rows = query.quotes(
            store,
            speaker=params.speaker,
            q=params.q,
            article_id=params.article_id,
            event_id=params.event_id,
            limit=params.limit,
            offset=params.offset,
            as_="records",
        )
        return _listing(request, rows, params.format, params.limit, params.offset, params.raw)

    @app.get(
        "/actors",
        tags=["actors"],
        summary="Actor codes with names and event counts",
        responses=_with_csv(_errors(400)),
    )
    def list_actors(
        request: Request, params: Annotated[ActorParams, Query()], store: ReadStore
    ) -> Any:
        rows = query.actors(
            store, q=params.q, limit=params.limit, offset=params.offset, as_="records"
        )
        return _listing(request, rows, params.format, params.limit, params.offset, params.raw)

    @app.get(
        "/actors/{code}",
        tags=["actors"],
        summary="One actor code with its dyads",
        responses=_errors(400, 404),
    )
    def get_actor(code: str, store: ReadStore) -> JSONResponse:
        return _json(_found(query.actor(store, code), "actor", code))

    @app.get(
        "/stats",
        tags=["stats"],
        summary="Counts by table, type, QuadClass and outlet",
        responses=_errors(400),
    )
    def get_stats(store: ReadStore) -> JSONResponse:
        return _json(query.stats(store))

    @app.get(
        "/runs",
        tags=["runs"],
        summary="The watch loop's progress (when watching) and the last runs, newest first",
        responses=_errors(400),
    )
    def list_runs(params: Annotated[RunParams, Query()], store: ReadStore) -> JSONResponse:
        rows = query.runs(store, limit=params.limit, offset=params.offset)
        live = watcher.snapshot() if watcher is not None else None
        return _json({"watch": live, "rows": rows, "limit": params.limit, "offset": params.offset})

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
        responses={
            202: {
                "description": "Queued into the watch loop (serve --watch); see GET /runs",
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            **_errors(400, 401, 403, 409),
        },
    )
    def ingest(body: IngestRequest) -> Any:
        if not body.paths and not body.texts:
            raise ApiError(400, "nothing to ingest: give paths and/or texts")
        if sum(len(t.text) for t in body.texts) > MAX_INGEST_CHARS:
            raise ApiError(400, f"texts: more than {MAX_INGEST_CHARS} characters in one request")
        if watcher is not None:
            return _queue(watcher, body)
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


def _queue(watcher: Watcher, body: IngestRequest) -> JSONResponse:
    """Hand the request to the watch loop (the store's one writer); uploads are kept in a
    temporary folder until their run is over."""
    tmp = Path(tempfile.mkdtemp(prefix="tidings-ingest-"))
    sources = list(body.paths)
    for i, t in enumerate(body.texts):
        path = tmp / f"{i:03d}-{t.name}"
        path.write_text(t.text, encoding="utf-8")
        sources.append(str(path))
    waiting = watcher.submit(sources, cleanup=lambda: shutil.rmtree(tmp, ignore_errors=True))
    return JSONResponse({"queued": True, "jobs_waiting": waiting, "sources": len(sources)}, 202)


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
