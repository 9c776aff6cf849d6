"""Compose the stages from configuration and run them over sources into a store.

sources -> ingest -> extract -> annotate -> code -> dates -> places -> quotes -> store -> stories

Each document is processed and written on its own (one transaction), so a failure of one input
becomes an ``errors`` row and the batch goes on; re-running the same inputs adds nothing.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from tidings import registry
from tidings.config import Config, config_hash, load_config
from tidings.errors import TidingsError, is_interrupt
from tidings.extract import batch_line_stats, extract_articles, group_line_stats, line_group
from tidings.ingest import read_sources
from tidings.interfaces import (
    ActorLinker,
    Annotator,
    Embedder,
    EventCoder,
    Geocoder,
    QuoteFinder,
    TimeResolver,
)
from tidings.model import (
    AnnotatedDoc,
    Article,
    ArticleResult,
    Event,
    Quote,
    RawDoc,
    SourceError,
)
from tidings.store import DocumentRecords, Store
from tidings.stories.runner import update_stories
from tidings.stories.settings import StorySettings

log = logging.getLogger(__name__)

ProgressFn = Callable[[int], None]


def tidings_version() -> str:
    try:
        return version("tidings")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


@dataclass
class RunReport:
    """What one run did: counts and the one-line error messages."""

    run_id: str
    documents_seen: int = 0
    documents_new: int = 0
    documents_skipped: int = 0
    articles: int = 0
    events: int = 0
    quotes: int = 0
    stories_new: int = 0
    events_merged: int = 0
    errors: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "documents_seen": self.documents_seen,
            "documents_new": self.documents_new,
            "documents_already_stored": self.documents_skipped,
            "articles": self.articles,
            "events": self.events,
            "quotes": self.quotes,
            "stories_new": self.stories_new,
            "events_merged": self.events_merged,
            "errors": len(self.errors),
        }


def _component(config: Config, section_name: str, kind: str, shared: Mapping[str, Any]) -> Any:
    """Build the component a section names, handing it the shared collaborators.

    A collaborator key (``actor_linker``, ``annotator``: ``registry.COLLABORATORS``) that names
    the component its own section configures, or that the section leaves out, gets that one
    instance (built with that section's settings: a user's extra_kb reaches every stage);
    another name is built by ``registry.resolve`` with its defaults; ``""`` is none.
    """
    section = dict(config.get(section_name, {}))
    name = section.pop("name", "")
    if not name:  # an empty name switches the stage off
        return None
    takes = registry.settings_of(kind, name)
    for key, (configured, instance) in shared.items():
        if key in takes and section.get(key, configured) == configured:
            section[key] = instance
    return registry.resolve(kind, name, **section)


def story_embedder(config: Config) -> Embedder:
    """The ``[stories] embedder`` the stories step is handed (it never looks one up); a
    factory that takes ``dim`` (the TF-IDF one) gets ``[stories] dim``."""
    settings = StorySettings.from_config(config.get("stories"))
    takes = registry.settings_of("embedder", settings.embedder)
    embedder: Embedder = registry.resolve(
        "embedder", settings.embedder, **({"dim": settings.dim} if "dim" in takes else {})
    )
    return embedder


@dataclass
class Components:
    """The configured stage implementations, built once per run."""

    annotator: Annotator
    coder: EventCoder | None
    time_resolver: TimeResolver | None
    geocoder: Geocoder | None
    quote_finder: QuoteFinder | None
    actor_linker: ActorLinker | None = None

    @classmethod
    def from_config(cls, config: Config) -> Components:
        """Build every stage once; the linker and the annotator are built first and passed
        to the stages that use them."""
        linker = _component(config, "actor_linker", "actor_linker", {})
        annotator = _component(config, "annotate", "annotator", {})
        shared = {
            "actor_linker": (config["actor_linker"]["name"], linker),
            "annotator": (config["annotate"]["name"], annotator),
        }
        return cls(
            annotator=annotator,
            coder=_component(config, "event_coder", "event_coder", shared),
            time_resolver=_component(config, "time_resolver", "time_resolver", shared),
            geocoder=_component(config, "geocoder", "geocoder", shared),
            quote_finder=_component(config, "quote_finder", "quote_finder", shared),
            actor_linker=linker,
        )


def process_annotated(
    doc: AnnotatedDoc, parts: Components, reference: datetime | None = None
) -> ArticleResult:
    """Run the per-article stages after annotation: code, date, place, quotes.

    ``reference`` (when the page was fetched) dates relative expressions ("2 hours ago") of
    an article that gives no publication date; the stored article keeps its own (none).
    """
    article = doc.article
    skipped = language_skip(article)
    if skipped is not None:  # process_articles never parses these; a direct caller may
        return skipped
    events: list[Event] = parts.coder.code(doc) if parts.coder else []
    times: tuple[Any, ...] = ()
    places: tuple[Any, ...] = ()
    quotes: list[Quote] = []
    if parts.time_resolver:
        dated = doc
        if article.published_at is None and reference is not None:
            dated = AnnotatedDoc(replace(article, published_at=reference), doc.doc)
        events, found_times = parts.time_resolver.date_events(dated, events)
        times = tuple(found_times)
    if parts.actor_linker is not None:  # actors stage, dated step: roles at the event's date
        events = parts.actor_linker.date_roles(events)
    if parts.geocoder:
        events, found_places = parts.geocoder.locate_events(doc, events)
        places = tuple(found_places)
    if parts.quote_finder:
        quotes = parts.quote_finder.find(doc)
        events, quotes = parts.quote_finder.attribute_events(doc, events, quotes)
    return ArticleResult(
        article=article, events=tuple(events), quotes=tuple(quotes), places=places, times=times
    )


def process_articles(
    articles: Iterable[Article],
    parts: Components,
    references: dict[str, datetime] | None = None,
) -> list[ArticleResult]:
    """Annotate articles in one batch and run the per-article stages on each
    (``references``: fetch times by article id, see ``process_annotated``)."""
    refs = references or {}
    todo = list(articles)
    # The language is known from extraction: other-language text is not parsed at all.
    skipped = {a.article_id: r for a in todo if (r := language_skip(a)) is not None}
    parsed = {
        d.article.article_id: process_annotated(d, parts, refs.get(d.article.article_id))
        for d in parts.annotator.annotate(a for a in todo if a.article_id not in skipped)
    }
    return [skipped.get(a.article_id) or parsed[a.article_id] for a in todo]


def language_skip(article: Article) -> ArticleResult | None:
    """The skipped result of an article detected as not English (the coders are English)."""
    if article.language and article.language != "en":
        return ArticleResult(
            article=article, skipped_reason=f"non-English text (detected: {article.language})"
        )
    return None


def _fetch_time(doc: RawDoc) -> datetime | None:
    if not doc.fetched_at:
        return None
    try:
        when = datetime.fromisoformat(doc.fetched_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@dataclass
class DocOutcome:
    """Everything derived from one document, ready to be written in one transaction."""

    doc: RawDoc
    articles: list[Article]
    results: list[ArticleResult]

    @property
    def events(self) -> list[Event]:
        return [e for r in self.results for e in r.events]

    @property
    def quotes(self) -> list[Quote]:
        return [q for r in self.results for q in r.quotes]

    @property
    def skipped(self) -> dict[str, str]:
        return {r.article.article_id: r.skipped_reason for r in self.results if r.skipped_reason}

    def records(self) -> DocumentRecords:
        return DocumentRecords(self.doc, self.articles, self.events, self.quotes, self.skipped)


def process_documents(
    docs: Sequence[RawDoc],
    parts: Components,
    config: Config,
    line_history: dict[str, dict[str, int]] | None = None,
) -> list[DocOutcome | SourceError]:
    """Extract, annotate (one batch) and code documents; pure, so any worker can run it.

    A failing document becomes a SourceError; the others go on. ``line_history`` is the
    stored per-outlet line counts (``Store.outlet_line_counts``) of earlier runs.
    """
    out: list[DocOutcome | SourceError] = []
    extracted: list[tuple[RawDoc, list[Article]]] = []
    stats = batch_line_stats(docs)  # lines that repeat across the batch are furniture
    history = line_history or {}
    for doc in docs:
        try:
            known = history.get(line_group(doc))
            mine = stats.plus(known) if known else stats  # and across the outlet's past pages
            extracted.append((doc, extract_articles(doc, config, mine)))
        except TidingsError as exc:
            out.append(SourceError(doc.source_uri, "extract", str(exc)))
    all_articles = [a for _, arts in extracted for a in arts]
    refs = {
        a.article_id: when
        for d, arts in extracted
        if (when := _fetch_time(d)) is not None
        for a in arts
    }
    try:
        by_id = {r.article.article_id: r for r in process_articles(all_articles, parts, refs)}
    except Exception as exc:  # one bad article must not sink the batch: retry one at a time
        if is_interrupt(exc):
            raise
        log.exception("batch failed; retrying documents one by one")
        by_id = {}
        for doc, arts in extracted:
            try:
                by_id.update({r.article.article_id: r for r in process_articles(arts, parts, refs)})
            except Exception as exc:  # noqa: BLE001 - any failure of one input is recorded
                if is_interrupt(exc):
                    raise
                out.append(SourceError(doc.source_uri, "process", _one_line(exc)))
    for doc, arts in extracted:
        if all(a.article_id in by_id for a in arts):
            out.append(DocOutcome(doc, arts, [by_id[a.article_id] for a in arts]))
    return out


class Pipeline:
    """A configured pipeline writing into one store."""

    def __init__(self, store: Store, config: Config | None = None) -> None:
        self.store = store
        self.config = config if config is not None else load_config()
        self.parts = Components.from_config(self.config)
        self.batch_docs = int(self.config.get("annotate", {}).get("batch_size", 32))
        self._embedder: Embedder | None = None  # built at the first stories step, then kept

    def start(self, sources: Sequence[str]) -> RunReport:
        """Open a run in the store and return its (empty) report."""
        run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        self.store.start_run(run_id, config_hash(self.config), tidings_version(), list(sources))
        return RunReport(run_id=run_id)

    def finish(self, report: RunReport, after_run: bool = True) -> RunReport:
        """Cross-article steps, then close the run with its counts."""
        if after_run:
            self.after_run(report)
        self.store.finish_run(report.run_id, report.counts())
        return report

    def run(
        self,
        sources: Sequence[str],
        progress: ProgressFn | None = None,
        after_run: bool = True,
        names: Mapping[str, str] | None = None,
        fetched_at: dict[str, str] | None = None,
    ) -> RunReport:
        """Ingest ``sources`` and store everything derived from them; returns the report.

        ``names`` maps a source path to the name documents and errors should carry instead
        (REST uploads: the file name the client gave, not the server's temporary copy).
        ``fetched_at`` maps a source file to when it was fetched (the watch loop's feed URLs),
        recorded on its documents that carry no fetch time of their own.
        """
        report = self.start([names.get(s, s) for s in sources] if names else sources)
        try:
            return self._run(report, sources, progress, after_run, names, fetched_at or {})
        except BaseException as exc:
            if not is_interrupt(exc):
                raise
            # Every stored batch is a committed transaction: record the stop, keep what is in.
            self.store.finish_run(report.run_id, report.counts(), status="interrupted")
            if isinstance(exc, KeyboardInterrupt):
                raise
            raise KeyboardInterrupt from exc

    def _run(
        self,
        report: RunReport,
        sources: Sequence[str],
        progress: ProgressFn | None,
        after_run: bool,
        names: Mapping[str, str] | None,
        fetched_at: dict[str, str],
    ) -> RunReport:
        batch: list[RawDoc] = []
        for read in read_sources(sources, self.config):
            item = renamed(read, names) if names else read
            if isinstance(item, SourceError):
                self.fail(report, item)
                continue
            if fetched_at and item.fetched_at is None:
                when = fetched_at.get(read.source_uri.split("#", 1)[0])
                if when is not None:
                    item = replace(item, fetched_at=when)
            report.documents_seen += 1
            if progress:
                progress(1)
            if self.store.has_document(item.doc_id):
                report.documents_skipped += 1
                continue
            batch.append(item)
            if len(batch) >= self.batch_docs:
                self.write(self.process(batch), report)
                batch = []
        self.write(self.process(batch), report)
        return self.finish(report, after_run)

    def process(self, batch: Sequence[RawDoc]) -> list[DocOutcome | SourceError]:
        """``process_documents`` with the outlets' stored line history, then add this batch's
        lines to it, so a second run on the same outlet cleans better than the first."""
        groups = group_line_stats(batch)
        history = self.store.outlet_line_counts(sorted(groups)) if groups else {}
        outcomes = process_documents(batch, self.parts, self.config, history)
        self.store.add_outlet_lines({g: s.storable() for g, s in groups.items()})
        return outcomes

    def after_run(self, report: RunReport) -> None:
        """Cross-article steps over everything stored: the actors events name, stories, then
        merged events."""
        self.record_actors(report)
        if not self.config.get("stories", {}).get("embedder"):
            return
        try:
            if self._embedder is None:
                self._embedder = story_embedder(self.config)
            story_report = update_stories(self.store, self.config, self._embedder)
        except Exception as exc:  # noqa: BLE001 - stored articles stay; the step is re-runnable
            if is_interrupt(exc):
                raise
            self.fail(report, SourceError("(stories)", "stories", _one_line(exc)))
            return
        report.stories_new = story_report.stories_new
        report.events_merged = story_report.events_merged

    def record_actors(self, report: RunReport) -> None:
        """Fill the ``actors`` table with the knowledge-base entities that events name (the
        linker's ``entity_rows``); nothing to do when no linker is configured."""
        linker = self.parts.actor_linker
        if linker is None:
            return
        try:
            self.store.upsert_actors(linker.entity_rows(self.store.referenced_entities()))
        except Exception as exc:  # noqa: BLE001 - stored events stay; the step is re-runnable
            if is_interrupt(exc):
                raise
            self.fail(report, SourceError("(actors)", "actors", _one_line(exc)))

    def write(self, outcomes: Iterable[DocOutcome | SourceError], report: RunReport) -> None:
        """Store outcomes: the batch in one transaction, else each document in its own.

        Failures are recorded; a document already stored (the same page twice) is skipped.
        """
        todo: list[DocOutcome] = []
        seen: set[str] = set()
        for outcome in outcomes:
            if isinstance(outcome, SourceError):
                self.fail(report, outcome)
            elif outcome.doc.doc_id in seen or self.store.has_document(outcome.doc.doc_id):
                report.documents_skipped += 1
            else:
                seen.add(outcome.doc.doc_id)
                todo.append(outcome)
        if not todo:
            return
        try:
            self.store.write_documents([o.records() for o in todo], report.run_id)
            written = todo
        except Exception as exc:  # noqa: BLE001 - find the faulty document, keep the others
            if is_interrupt(exc):  # Ctrl-C inside DuckDB arrives as its error: stop, don't retry
                raise
            log.exception("batch write failed; writing documents one by one")
            written = []
            for outcome in todo:
                try:
                    self.store.write_documents([outcome.records()], report.run_id)
                    written.append(outcome)
                except Exception as exc:  # noqa: BLE001
                    if is_interrupt(exc):
                        raise
                    self.fail(report, SourceError(outcome.doc.source_uri, "store", _one_line(exc)))
        for outcome in written:
            report.documents_new += 1
            report.articles += len(outcome.articles)
            report.events += len(outcome.events)
            report.quotes += len(outcome.quotes)

    def fail(self, report: RunReport, error: SourceError) -> None:
        """Record one input's failure: a log line, the report, an ``errors`` row."""
        # Readers already name the file (and line) in their messages; don't say it twice.
        name = error.source_uri.split("#")[0].rsplit("/", 1)[-1]
        named = error.message.startswith((error.source_uri, name or error.source_uri))
        line = error.message if named else f"{error.source_uri}: {error.message}"
        log.info(line)
        report.errors.append(line)
        self.store.record_error(report.run_id, error)


def renamed(item: RawDoc | SourceError, names: Mapping[str, str]) -> RawDoc | SourceError:
    """``item`` with its source path (before any ``#line=``) replaced as ``names`` says."""
    path, sep, rest = item.source_uri.partition("#")
    if path not in names:
        return item
    uri = names[path] + sep + rest
    if isinstance(item, SourceError):
        return replace(item, source_uri=uri, message=item.message.replace(path, names[path]))
    return replace(item, source_uri=uri)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".strip()
