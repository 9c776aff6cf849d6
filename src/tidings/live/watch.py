"""The watch loop: poll folders, globs, feed files and feed URLs; ingest what is new.

One loop per store process does every write: its polls and the jobs ``POST /ingest`` queues
run one after another, so the process that owns the store is its only writer. A file is read
again only when its size or modification time changed (the pipeline's content hash then skips
documents already stored), so a poll costs little more than listing the folders.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidings.errors import TidingsError
from tidings.ingest._paths import expand_sources
from tidings.live.fetch import fetch_feed, is_url
from tidings.model import SourceError

if TYPE_CHECKING:
    from tidings.db import Tidings
    from tidings.live.offload import ParseWorker
    from tidings.pipeline import RunReport

__all__ = ["Stopped", "Watcher", "parse_every"]

log = logging.getLogger(__name__)

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """``"15m"`` -> 900.0 seconds (units s, m, h, d; a bare number is seconds)."""
    value = text.strip().lower()
    unit = value[-1:] if value[-1:] in _UNITS else "s"
    number = value[:-1] if value[-1:] in _UNITS else value
    try:
        seconds = float(number) * _UNITS[unit]
    except ValueError:
        raise TidingsError(f"--every: not a duration like 30s, 15m or 1h (got {text!r})") from None
    if not 0.1 <= seconds <= 7 * 86400:
        raise TidingsError(f"--every: between 0.1 s and 7 days (got {text!r})")
    return seconds


class Stopped(KeyboardInterrupt):  # noqa: N818 - it is an interrupt, like Ctrl-C
    """Raised inside a run when the loop is asked to stop: the run ends as ``interrupted``."""


@dataclass
class Job:
    """Sources queued by ``POST /ingest``; ``cleanup`` runs after (temporary uploads)."""

    sources: list[str]
    cleanup: Callable[[], None] | None = None


@dataclass
class WatchState:
    """What ``GET /runs`` and the web UI show about the loop."""

    sources: list[str]
    every_s: float
    status: str = "idle"  # idle | running | stopped
    documents: int = 0  # documents read by the current run
    current_sources: list[str] = field(default_factory=list)
    started: str | None = None
    last_run: dict[str, Any] | None = None
    next_poll: str | None = None
    queued: int = 0
    polls: int = 0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Watcher:
    """Poll ``sources`` every ``every`` seconds into ``db``, and run queued jobs between."""

    def __init__(
        self,
        db: Tidings,
        sources: Sequence[str],
        every: float,
        cache_dir: Path | None = None,
        *,
        offload: bool = False,
    ) -> None:
        """``offload`` runs the pipeline's stages in a lower-priority child process
        (``tidings.live.offload``): the server's readers then keep the cores and the GIL."""
        self.db = db
        self.offload = offload
        self._worker: ParseWorker | None = None
        self.sources = list(sources)
        self.every = every
        self.cache_dir = cache_dir or Path(db.path + ".feeds")
        self.state = WatchState(list(sources), every)
        self._jobs: queue.Queue[Job] = queue.Queue()
        self._seen: dict[str, tuple[int, int]] = {}
        self._pending: dict[str, tuple[int, int]] = {}
        self._fetched: dict[str, str] = {}  # cached feed file -> when its URL was fetched
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # -- what is new --------------------------------------------------------------------
    def changed(self) -> list[str]:
        """Files of the watched sources that are new or changed since the last poll."""
        out: list[str] = []
        for source in self.sources:
            if is_url(source):
                got = fetch_feed(source, self.cache_dir)
                if got.error:
                    log.warning("%s", got.error)
                elif got.changed and got.path is not None:
                    out.append(str(got.path))
                    self._fetched[str(got.path)] = got.fetched_at
                continue
            for item in expand_sources([source]):
                if isinstance(item, SourceError):  # nothing there yet is normal for a watch
                    log.info("%s", item.message)
                    continue
                try:
                    st = item.stat()
                except OSError:
                    continue
                key, sig = str(item), (st.st_mtime_ns, st.st_size)
                if self._seen.get(key) != sig:
                    out.append(key)
                    self._pending[key] = sig
        return out

    # -- running ------------------------------------------------------------------------
    def _progress(self, n: int) -> None:
        if self._stop.is_set():
            raise Stopped
        with self._lock:
            self.state.documents += n

    def _run(self, sources: list[str]) -> RunReport | None:
        if not sources:
            return None
        with self._lock:
            self.state.status = "running"
            self.state.documents = 0
            self.state.current_sources = sources[:20]
            self.state.started = _now()
        try:
            fetched = {k: v for k, v in self._fetched.items() if k in sources}
            report = self._ingest(sources, fetched)
        except Stopped:
            with self._lock:
                self.state.last_run = {"status": "interrupted", "finished": _now()}
            raise
        except TidingsError as exc:
            log.error("%s", exc)
            with self._lock:
                self.state.last_run = {"status": "failed", "error": str(exc), "finished": _now()}
            return None
        finally:
            with self._lock:
                self.state.status = "idle"
                self.state.current_sources = []
        with self._lock:
            self.state.last_run = {
                "run_id": report.run_id,
                "status": "finished",
                "finished": _now(),
                "counts": report.counts(),
                "errors": report.errors[:20],
            }
        return report

    def _ingest(self, sources: list[str], fetched: dict[str, str]) -> RunReport:
        if not self.offload:
            return self.db.run(sources, progress=self._progress, fetched_at=fetched)
        from tidings.live.offload import OffloadedPipeline, ParseWorker

        if self._worker is None:
            self._worker = ParseWorker(self.db.config)
        with self.db.writing() as store:
            pipeline = OffloadedPipeline(store, self.db.config, self._worker)
            return pipeline.run(sources, self._progress, fetched_at=fetched)

    def poll_once(self) -> RunReport | None:
        """Ingest what changed in the watched sources; None when nothing did."""
        self._pending = {}
        files = self.changed()
        report = self._run(files)
        self._seen.update(self._pending)  # only after the run: a killed run re-reads them
        with self._lock:
            self.state.polls += 1
        return report

    def submit(self, sources: Sequence[str], cleanup: Callable[[], None] | None = None) -> int:
        """Queue sources for the loop (``POST /ingest``); returns how many jobs wait."""
        self._jobs.put(Job(list(sources), cleanup))
        with self._lock:
            self.state.queued = self._jobs.qsize()
            return self.state.queued

    def _run_job(self, job: Job) -> None:
        try:
            self._run(job.sources)
        finally:
            if job.cleanup is not None:
                job.cleanup()
            with self._lock:
                self.state.queued = self._jobs.qsize()

    def loop(self) -> None:
        """Poll, then run queued jobs until the next poll is due; until ``stop()``."""
        try:
            while not self._stop.is_set():
                if self.sources:
                    self.poll_once()
                with self._lock:
                    when = datetime.now(UTC) + timedelta(seconds=self.every)
                    self.state.next_poll = when.isoformat(timespec="seconds")
                self.idle(self.every)
        except Stopped:
            pass
        finally:
            self.close()
            with self._lock:
                self.state.status = "stopped"

    def close(self) -> None:
        """End the child process of ``offload``, if one was started."""
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    def idle(self, seconds: float) -> None:
        """Wait ``seconds`` (or until ``stop()``), running queued jobs meanwhile."""
        due = time.monotonic() + seconds
        while not self._stop.is_set():
            left = due - time.monotonic()
            if left <= 0:
                return
            try:
                job = self._jobs.get(timeout=min(left, 0.5))
            except queue.Empty:
                continue
            self._run_job(job)

    def start(self) -> threading.Thread:
        """Run ``loop`` in a background thread (the server's)."""
        self._thread = threading.Thread(target=self.loop, name="tidings-watch", daemon=True)
        self._thread.start()
        return self._thread

    def stop(self, timeout: float = 30.0) -> None:
        """Ask the loop to stop (a run in progress ends as ``interrupted``) and wait."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def snapshot(self) -> dict[str, Any]:
        """The loop's state as JSON-ready values."""
        with self._lock:
            s = self.state
            return {
                "sources": s.sources,
                "every_s": s.every_s,
                "status": s.status,
                "documents": s.documents,
                "current_sources": s.current_sources,
                "started": s.started,
                "last_run": s.last_run,
                "next_poll": s.next_poll,
                "queued": s.queued,
                "polls": s.polls,
            }
