"""Test servers cope with their port being taken between "picked free" and "bound".

``ServerProcess`` (the catalog server as a child process) moves to another port on its
first start and waits for its own port on a restart (the devices know that URL).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import httpx

from tests.integration.sync.peken_kit import ServerProcess


def _occupy(port: int = 0) -> socket.socket:
    """Another program listening on ``port`` (0: any free one)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", port))
    sock.listen()
    return sock


def _refusals(log: Path) -> int:
    return log.read_text().lower().count("address already in use") if log.exists() else 0


def _release_after_refusal(blocker: socket.socket, log: Path, seen: int) -> threading.Thread:
    """Close ``blocker`` once the server's log shows it was refused the port once more."""
    def watch() -> None:
        deadline = time.monotonic() + 20
        while _refusals(log) <= seen and time.monotonic() < deadline:
            time.sleep(0.05)
        blocker.close()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_server_moves_off_a_taken_port_and_waits_for_its_own_on_restart(tmp_path: Path) -> None:
    squatter = _occupy()
    taken = int(squatter.getsockname()[1])
    server = ServerProcess(tmp_path, port=taken)
    try:
        server.start()
        assert server.port != taken
        assert httpx.get(server.url + "/api/v1/health").status_code == 200
        url = server.url
        server.kill()
        log = tmp_path / "server.log"
        assert _refusals(log) == 1  # the first start was refused once, then moved
        blocker = _occupy(server.port)  # someone grabs it while the server is down
        watcher = _release_after_refusal(blocker, log, seen=1)
        server.start()
        watcher.join()
        assert server.url == url
        assert httpx.get(server.url + "/api/v1/health").status_code == 200
    finally:
        server.stop()
        squatter.close()
    assert _refusals(tmp_path / "server.log") == 2  # the restart was refused once, then retried
