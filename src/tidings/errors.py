"""The TidingsError tree: every error Tidings raises on purpose.

    TidingsError
    ├── ConfigError          unknown registry name, bad setting
    ├── InputError           one input cannot be read or decoded (names the file)
    │   └── TooLargeError    a document above ``max_document_bytes``
    ├── ExtractionError      no usable text left in a document
    ├── StoreError           the database cannot be opened or written
    └── QueryError           a filter value is invalid (REST returns 400)
        └── QueryTimeoutError  a read ran past its time budget or was cancelled (REST 503)

Messages are one line naming the input and the problem, e.g.
``page.html: no text left after boilerplate removal``.
"""

from __future__ import annotations


class TidingsError(Exception):
    """Base of every error Tidings raises on purpose."""


class ConfigError(TidingsError):
    """A configuration value or registry name is invalid."""


class InputError(TidingsError):
    """One input (file, line, record) cannot be read."""


class TooLargeError(InputError):
    """A document is larger than the configured limit."""


class ExtractionError(TidingsError):
    """No usable article text could be extracted."""


class StoreError(TidingsError):
    """The store cannot be opened or written."""


class QueryError(TidingsError):
    """A query filter is invalid."""


class QueryTimeoutError(QueryError):
    """A read ran past its time budget, or its client went away."""


def is_interrupt(exc: BaseException) -> bool:
    """Ctrl-C, also when a library turned it into its own error on the way up.

    DuckDB answers a SIGINT during a query with ``InterruptException`` or a ``RuntimeError``
    ("Query interrupted") whose cause is the ``KeyboardInterrupt``; the user still pressed
    Ctrl-C and should get the interrupted-run message, not a traceback.
    """
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, KeyboardInterrupt):
            return True
        if type(cur).__name__ == "InterruptException" or str(cur) == "Query interrupted":
            return True
        cur = cur.__cause__ or cur.__context__
    return False
