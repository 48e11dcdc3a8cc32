"""A faulty HTTP proxy on 127.0.0.1 between the app and the catalog server.

Per request it may drop the request (close without forwarding), forward it and then drop
the answer, delay it, forward it twice (a duplicated request) or answer 5xx (with or
without forwarding). :meth:`FaultyProxy.heal` turns every fault off.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

HOP_HEADERS = {"host", "content-length", "connection", "keep-alive", "transfer-encoding"}


@dataclass
class Faults:
    """Probabilities of each fault for one request."""

    drop_request: float = 0.08
    drop_answer: float = 0.08
    duplicate: float = 0.08
    error_before: float = 0.06
    error_after: float = 0.06
    delay: float = 0.2
    max_delay: float = 0.15


class FaultyProxy:
    """Forward ``http://127.0.0.1:<port>`` to ``upstream`` with random faults (seeded)."""

    def __init__(self, upstream: str, seed: int, faults: Faults | None = None) -> None:
        self.upstream = upstream
        self.faults = faults or Faults()
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.counts: dict[str, int] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.server.handle_error = lambda *_args: None  # type: ignore[method-assign]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The proxy's base URL."""
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FaultyProxy:
        """Serve in a background thread."""
        self.thread.start()
        return self

    def close(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()

    def heal(self) -> None:
        """No more faults."""
        self.faults = Faults(0, 0, 0, 0, 0, 0, 0)

    def pick(self) -> tuple[set[str], float]:
        """The faults for the next request and its delay."""
        f = self.faults
        with self.lock:
            chosen = {name for name, p in (
                ("drop_request", f.drop_request), ("drop_answer", f.drop_answer),
                ("duplicate", f.duplicate), ("error_before", f.error_before),
                ("error_after", f.error_after)) if self.rng.random() < p}
            delay = self.rng.uniform(0, f.max_delay) if self.rng.random() < f.delay else 0.0
            for name in chosen:
                self.counts[name] = self.counts.get(name, 0) + 1
        return chosen, delay

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                """Quiet."""

            def do_GET(self) -> None:
                self._relay()

            def do_POST(self) -> None:
                self._relay()

            def _relay(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                chosen, delay = proxy.pick()
                if "drop_request" in chosen:
                    self.close_connection = True
                    return
                if "error_before" in chosen:
                    self._answer(503, b'{"code":"proxy","message":"sibuk"}')
                    return
                time.sleep(delay)
                answer = self._forward(body)
                if "duplicate" in chosen:
                    answer = self._forward(body)
                if "drop_answer" in chosen or answer is None:
                    self.close_connection = True
                    return
                if "error_after" in chosen:
                    self._answer(500, b'{"code":"proxy","message":"galat"}')
                    return
                self._answer(answer.status_code, answer.content)

            def _forward(self, body: bytes) -> httpx.Response | None:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
                try:
                    return httpx.request(self.command, proxy.upstream + self.path, content=body,
                                         headers=headers, timeout=10)
                except httpx.HTTPError:
                    return None

            def _answer(self, status: int, content: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

        return Handler
