"""Run the same stages over partitions of the sources on Dask, writing at the driver.

Workers read, extract, annotate and code their share of files (pure work, no store access);
the driver writes each partition's outcomes into the store as it completes, one document per
transaction, exactly as ``Pipeline.run`` does, so both give the same records.
Needs the ``[dask]`` extra (dask + distributed).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from tidings.config import Config
from tidings.errors import ConfigError
from tidings.ingest import read_path
from tidings.ingest._paths import expand_sources
from tidings.model import RawDoc, SourceError
from tidings.pipeline import (
    Components,
    DocOutcome,
    Pipeline,
    ProgressFn,
    RunReport,
    process_documents,
)
from tidings.store import Store

__all__ = ["partition_sources", "process_partition", "run_dask"]


def partition_sources(
    sources: Sequence[str], files_per_partition: int
) -> tuple[list[list[str]], list[SourceError]]:
    """Expand folders and globs and cut the file list into partitions (deterministic order)."""
    files: list[str] = []
    errors: list[SourceError] = []
    for item in expand_sources(sources):
        if isinstance(item, SourceError):
            errors.append(item)
        else:
            files.append(str(item))
    size = max(1, files_per_partition)
    return [files[i : i + size] for i in range(0, len(files), size)], errors


@lru_cache(maxsize=2)
def _components(config_json: str) -> Components:
    # Built once per worker process: loading spaCy per partition would dominate the cost.
    return Components.from_config(json.loads(config_json))


def process_partition(
    paths: Sequence[str], config_json: str
) -> tuple[list[DocOutcome | SourceError], int]:
    """Worker task: read and process a partition; returns outcomes and documents seen."""
    config: Config = json.loads(config_json)
    parts = _components(config_json)
    batch_size = int(config.get("annotate", {}).get("batch_size", 32))
    outcomes: list[DocOutcome | SourceError] = []
    batch: list[RawDoc] = []
    seen = 0
    for path in paths:
        for item in read_path(Path(path), config):
            if isinstance(item, SourceError):
                outcomes.append(item)
                continue
            seen += 1
            batch.append(item)
            if len(batch) >= batch_size:
                outcomes.extend(process_documents(batch, parts, config))
                batch = []
    outcomes.extend(process_documents(batch, parts, config))
    return outcomes, seen


def _client(scheduler: str | None, workers: int) -> Any:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ConfigError(
            "Dask is not installed; install it with `pip install 'tidings[dask]'`"
        ) from exc
    if scheduler and scheduler != "local":
        return Client(scheduler)  # type: ignore[no-untyped-call]
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    return Client(cluster)  # type: ignore[no-untyped-call]


def run_dask(
    store: Store,
    sources: Sequence[str],
    config: Config,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    files_per_partition: int = 16,
    progress: ProgressFn | None = None,
) -> RunReport:
    """Process ``sources`` on a Dask cluster (``scheduler`` address, or a local one)."""
    from dask.distributed import as_completed

    pipeline = Pipeline(store, config)
    report = pipeline.start(sources)
    partitions, errors = partition_sources(sources, files_per_partition)
    for error in errors:
        pipeline.fail(report, error)
    config_json = json.dumps(config, sort_keys=True, default=str)
    client = _client(scheduler, workers)
    try:
        key = hashlib.sha256(config_json.encode()).hexdigest()[:8]
        futures = client.map(
            process_partition,
            partitions,
            config_json=config_json,
            key=[f"tidings-{key}-{i}" for i in range(len(partitions))],
        )
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            outcomes, seen = future.result()
            report.documents_seen += seen
            if progress:
                progress(seen)
            pipeline.write(outcomes, report)
            future.release()
    finally:
        client.close()
    return pipeline.finish(report)
