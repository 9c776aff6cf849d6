"""``tidings serve --watch`` started for a live test (the ``serve_watch`` fixture's process).

Imported by name (``from live_server import Served``) as ``sample_store`` is: pytest puts this
folder on the path through its conftest.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

TIDINGS = [sys.executable, "-c", "from tidings.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    """A running ``tidings serve --watch`` process and where it answers."""

    process: subprocess.Popen[bytes]
    url: str
    inbox: Path  # the folder it watches

    def stop(self) -> None:
        """Ctrl-C, as a user stops it, and wait for it to exit (it unregisters on the way)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=60)


def start_serve_watch(db: Path, inbox: Path) -> Served:
    """Start ``tidings serve --db DB --watch INBOX`` on a free port; return once ``/runs``
    answers (fails the test if the process exits first or never answers)."""
    inbox.mkdir(exist_ok=True)
    port = _free_port()
    process = subprocess.Popen(
        [*TIDINGS, "serve", "--db", str(db), "--port", str(port),
         "--watch", str(inbox), "--every", "1s"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    served = Served(process, f"http://127.0.0.1:{port}", inbox)
    for _ in range(600):
        try:
            urllib.request.urlopen(f"{served.url}/runs", timeout=1).read()
            return served
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"tidings serve exited with {process.returncode} before answering")
            time.sleep(0.1)
    served.stop()
    pytest.fail(f"tidings serve did not answer {served.url}/runs after 600 tries")
