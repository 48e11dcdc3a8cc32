"""A lean HTTP/1.1 client for the simulated devices and buyers of :mod:`bench.server_load`.

A thousand simulated clients share two client processes on the load generator's machine;
with a general-purpose client (httpx: pool bookkeeping, timeouts through anyio, a
transport stack per request) the generator spent more CPU per request than the server
and its own event-loop lag dominated the latencies it recorded. This client does only
what those clients need: one kept-alive connection per simulated client (as each real
device has its own), a request with a JSON body, and an answer with a
``Content-Length`` or chunked body, all under one deadline per request.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any


class RequestTimeout(Exception):
    """No complete answer before the request's deadline (the client gives up)."""


class ConnectionLost(Exception):
    """The connection broke (e.g. a kept-alive connection the server had closed)."""


@dataclass(frozen=True)
class Answer:
    """One HTTP answer: status, lower-cased headers and the body."""

    status_code: int
    headers: dict[str, str]
    content: bytes

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.content)


class Connection:
    """One kept-alive HTTP/1.1 connection to ``host:port``, opened on first use."""

    def __init__(self, host: str, port: int, connect_timeout: float = 2.0) -> None:
        self.host = host
        self.port = port
        self.connect_timeout = connect_timeout
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, *, timeout: float,
                      headers: dict[str, str] | None = None, body: Any = None) -> Answer:
        """Send one request and read its answer within ``timeout`` seconds.

        A timeout or a broken connection closes the connection (the next request opens a
        new one), as a real client does with a connection whose answer it gave up on.
        """
        try:
            return await asyncio.wait_for(self._exchange(method, path, headers or {}, body),
                                          timeout)
        except TimeoutError as exc:
            self.close()
            raise RequestTimeout(path) from exc
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            self.close()
            raise ConnectionLost(str(exc)) from exc

    async def _exchange(self, method: str, path: str, headers: dict[str, str],
                        body: Any) -> Answer:
        reader, writer = await self._open()
        payload = b"" if body is None else json.dumps(body).encode("utf-8")
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                 f"Content-Length: {len(payload)}"]
        if body is not None:
            lines.append("Content-Type: application/json")
        lines += [f"{name}: {value}" for name, value in headers.items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload)
        await writer.drain()
        answer = await _read_answer(reader)
        if answer.headers.get("connection", "").lower() == "close":
            self.close()
        return answer

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """The kept-alive connection, opened if there is none."""
        if self._reader is not None and self._writer is not None:
            if not self._reader.at_eof() and not self._writer.is_closing():
                return self._reader, self._writer
            self.close()  # the server closed it while idle (keep-alive timeout)
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(self.host, self.port), self.connect_timeout)
        self._reader, self._writer = reader, writer
        return reader, writer

    def close(self) -> None:
        """Drop the connection (a new one is opened by the next request)."""
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None


async def _read_answer(reader: asyncio.StreamReader) -> Answer:
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split(" ", 2)[1])
    headers: dict[str, str] = {}
    for line in header_lines:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        return Answer(status, headers, await _read_chunked(reader))
    length = int(headers.get("content-length", "0"))
    return Answer(status, headers, await reader.readexactly(length) if length else b"")


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    parts: list[bytes] = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
        if size == 0:
            await reader.readuntil(b"\r\n")  # no trailers are sent: the closing CRLF
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)
