"""Run the pipeline's CPU-heavy stages in a child process, at lower priority, for the server.

DuckDB allows one process to hold the file for writing and no other process to read it, so
the server (which answers readers through cursors of its one connection) must stay the only
writer. What starves its readers is not the writes, which are short transactions, but
extraction, annotation and coding holding the interpreter (the GIL) and the cores. So the
server keeps reading sources, checking hashes and writing batches, and sends each batch of
documents to one child process that runs ``process_documents`` under ``os.nice``; the finished
outcomes come back pickled and are written in-process as before.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from tidings.config import Config
from tidings.extract import group_line_stats
from tidings.model import RawDoc, SourceError
from tidings.pipeline import Components, DocOutcome, Pipeline, process_documents
from tidings.store import Store

__all__ = ["NICE", "OffloadedPipeline", "ParseWorker"]

NICE = 10  # the child yields the cores to the server's request threads

_parts: Components | None = None
_config: Config | None = None


def _start_child(config: Config, nice: int) -> None:
    """Child initializer: lower priority, leave Ctrl-C to the parent, build the stages once."""
    global _parts, _config
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops runs; a child must not die
    if nice:
        os.nice(nice)
    _config = config
    _parts = Components.from_config(config)


def _process(
    docs: Sequence[RawDoc], history: dict[str, dict[str, int]]
) -> list[DocOutcome | SourceError]:
    assert _parts is not None and _config is not None
    return process_documents(docs, _parts, _config, history)


class ParseWorker:
    """One child process running ``process_documents`` for a given configuration.

    Started lazily and kept across runs (the models load once); ``close()`` ends it.
    """

    def __init__(self, config: Config, nice: int = NICE) -> None:
        self.config = config
        self.nice = nice
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the server has threads (uvicorn, DuckDB) a fork would copy
            # mid-operation.
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_child,
                initargs=(self.config, self.nice),
            )
        return self._pool

    def process(
        self, docs: Sequence[RawDoc], history: dict[str, dict[str, int]]
    ) -> list[DocOutcome | SourceError]:
        """The outcomes of ``docs``, computed in the child (waiting frees the GIL)."""
        try:
            return self._executor().submit(_process, list(docs), history).result()
        except BrokenProcessPool:
            # The child died (killed, out of memory): its batch becomes error rows (a rerun
            # reads those documents again) and the next batch starts a new child.
            self._pool = None
            why = "the pipeline's worker process died; document not stored (rerun to retry)"
            return [SourceError(d.source_uri, "process", why) for d in docs]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


class OffloadedPipeline(Pipeline):
    """``Pipeline`` whose ``process_documents`` runs in ``worker``; reads and writes stay here."""

    def __init__(self, store: Store, config: Config, worker: ParseWorker) -> None:
        super().__init__(store, config)
        self.worker = worker

    def process(self, batch: Sequence[RawDoc]) -> list[DocOutcome | SourceError]:
        if not batch:
            return []
        groups = group_line_stats(batch)
        history = self.store.outlet_line_counts(sorted(groups)) if groups else {}
        outcomes = self.worker.process(batch, history)
        self.store.add_outlet_lines({g: s.storable() for g, s in groups.items()})
        return outcomes
