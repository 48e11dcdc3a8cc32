"""Friendly HTML error pages for the storefront's addresses.

The API answers every error as JSON (``server.errors``), also for addresses it does not know
and from the middlewares (413, 503 load shedding, 429 rate limits). For a page address (not
``/api/``, ``/docs``, ``/openapi.json``) this ASGI middleware turns such a JSON error into a
page in Bahasa Indonesia with the same status and ``Retry-After``: a buyer never sees JSON or a
stack trace. It must be the outermost middleware so it sees the others' answers.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.web.pages import render_error

log = logging.getLogger(__name__)

API_PREFIXES = ("/api/", "/docs", "/redoc", "/openapi.json")

TITLES: dict[int, tuple[str, str]] = {
    400: ("Permintaan tidak valid", "Alamat atau isian tidak bisa diproses."),
    404: ("Halaman tidak ditemukan", "Halaman atau produk ini tidak ada atau sudah tidak dijual."),
    405: ("Tidak bisa dibuka", "Halaman ini tidak bisa dibuka dengan cara itu."),
    413: ("Isian terlalu besar", "Data yang dikirim terlalu besar."),
    422: ("Isian tidak valid", "Periksa lagi isian Anda."),
    429: ("Terlalu banyak permintaan",
          "Anda membuka halaman terlalu sering. Tunggu sebentar, lalu coba lagi."),
    500: ("Terjadi kesalahan", "Maaf, ada kesalahan di server PEKEN. Silakan coba lagi nanti."),
    503: ("Server sedang sibuk", "Server PEKEN sedang sibuk. Tunggu sebentar, lalu coba lagi."),
}


def is_page_path(path: str) -> bool:
    """Whether ``path`` is a storefront page (not the JSON API or its docs)."""
    return not path.startswith(API_PREFIXES)


def error_page_for(status: int, retry_after: str | None = None) -> tuple[int, bytes, list[Any]]:
    """Status, body and headers of the page answering a JSON error ``status``."""
    title, message = TITLES.get(status, TITLES[500] if status >= 500 else TITLES[400])
    if retry_after and retry_after.isdigit():
        message += f" (coba lagi dalam {int(retry_after)} detik)"
    headers = {"Retry-After": retry_after} if retry_after else None
    response = render_error(status, title, message, headers)
    return status, bytes(response.body), response.raw_headers


class HtmlErrorPages:
    """Replace JSON error answers on page addresses by HTML pages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass everything through except a JSON error start on a page address."""
        if scope["type"] != "http" or not is_page_path(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        state: dict[str, Any] = {"replace": False, "started": False}

        async def page_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
                headers = dict(message.get("headers", []))
                if message["status"] >= 400 and headers.get(
                        b"content-type", b"").startswith(b"application/json"):
                    state["replace"] = True
                    retry = headers.get(b"retry-after")
                    await _send_page(send, message["status"], retry.decode() if retry else None)
                    return
            elif state["replace"]:
                return  # the JSON body is dropped
            await send(message)

        try:
            await self.app(scope, receive, page_send)
        except Exception:
            log.exception("storefront page crashed")
            if state["started"]:
                raise
            await _send_page(send, 500, None)


async def _send_page(send: Send, status: int, retry_after: str | None) -> None:
    """Send the error page for ``status``."""
    status, body, raw = error_page_for(status, retry_after)
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
