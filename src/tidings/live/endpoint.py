"""The read-only REST endpoint a plain ``tidings watch`` runs beside its loop.

``watch`` takes the write lock only while a poll ingests; a reader in another process that
meets it then finds this endpoint in ``<db>.server.json`` and reads through it
(``tidings.live.remote``), as it does with ``tidings serve --watch``. It listens on 127.0.0.1
at a port the system picks, has no API key (so ``POST /ingest`` is refused), and its requests
read through the same handle as the loop: a read-only connection between polls, the loop's
write connection during one (``Tidings.reading()``).
"""

from __future__ import annotations

import socket
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uvicorn

    from tidings.db import Tidings
    from tidings.live.watch import Watcher

__all__ = ["ReadEndpoint"]

STARTUP_S = 30.0


class ReadEndpoint:
    """uvicorn serving ``create_app(db)`` on 127.0.0.1 in a daemon thread."""

    def __init__(self, db: Tidings, watcher: Watcher | None = None) -> None:
        self.db = db
        self.watcher = watcher
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

    def start(self) -> str:
        """Listen and return the base URL once requests are answered."""
        import uvicorn

        from tidings.api import create_app
        from tidings.errors import TidingsError

        app = create_app(self.db, watcher=self.watcher)
        # Bound here, so the port is known before the thread starts (port 0: any free one).
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
        config = uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=5)
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="tidings-read-endpoint"
        )
        thread.daemon = True  # a stuck request must not keep the CLI alive after Ctrl-C
        thread.start()
        started = threading.Event()
        for _ in range(int(STARTUP_S / 0.05)):
            if server.started or not thread.is_alive():
                break
            started.wait(0.05)
        if not server.started:
            server.should_exit = True
            raise TidingsError("watch: the read endpoint on 127.0.0.1 did not start")
        self._server, self._thread = server, thread
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    def stop(self) -> None:
        """Stop answering (requests in flight get a few seconds to finish)."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None
