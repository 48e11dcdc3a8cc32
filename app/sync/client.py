"""The HTTP client of the PEKEN catalog's device API (httpx, short timeouts).

Errors are sorted by what the caller should do:

* :class:`SyncUnavailable` — network trouble, timeouts, 5xx, 429: retry later (backoff);
* :class:`SyncAuthError` — the token is unknown or revoked (401): enroll again;
* :class:`SyncSuspended` — the shop is suspended (403): wait for the PEKEN admin;
* :class:`SyncRequestError` — the server refused this request (other 4xx): don't repeat it.

All are :class:`app.errors.UserError` with an Indonesian message; none carries the token.
"""

from __future__ import annotations

from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from app import clock
from app.errors import UserError

API = "/api/v1"
TIMEOUT = httpx.Timeout(15.0, connect=3.0)


class SyncError(UserError):
    """Something went wrong talking to the PEKEN server."""

    def __init__(self, message: str, *, code: str = "", status: int = 0) -> None:
        super().__init__(message)
        self.server_code = code  # the server's error code ('' when none); ``code`` is ours
        self.status = status


class SyncUnavailable(SyncError):
    """The server could not be reached or answered 5xx/429: try again later.

    ``retry_after``: seconds the server asked to wait (``Retry-After`` on 503/429), or None.
    """

    def __init__(self, message: str, *, code: str = "", status: int = 0,
                 retry_after: float | None = None) -> None:
        super().__init__(message, code=code, status=status)
        self.retry_after = retry_after


MAX_RETRY_AFTER = 3600.0


def retry_after_seconds(response: httpx.Response) -> float | None:
    """The ``Retry-After`` of an answer in seconds (delay or HTTP date), at most an hour."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, min((when - clock.now_utc()).total_seconds(), MAX_RETRY_AFTER))


class SyncAuthError(SyncError):
    """The device token is not (or no longer) valid."""


class SyncSuspended(SyncError):
    """The shop is suspended by the PEKEN admin."""


class SyncRequestError(SyncError):
    """The server refused the request itself (4xx other than 401/403/429)."""


def normalize_url(url: str) -> str:
    """A server URL without trailing slash; refuses anything but http(s)."""
    text = url.strip().rstrip("/")
    if not text.startswith(("http://", "https://")) or len(text) < 10:
        raise SyncRequestError("Alamat server PEKEN harus diawali http:// atau https://.")
    return text


def _server_message(response: httpx.Response) -> tuple[str, str]:
    """The server's error ``{code, message}`` (empty strings when absent)."""
    try:
        body = response.json()
    except ValueError:
        return "", ""
    if not isinstance(body, dict):
        return "", ""
    message = body.get("message")
    return str(body.get("code") or ""), message if isinstance(message, str) else ""


def raise_for(response: httpx.Response) -> None:
    """Turn an error answer into the matching :class:`SyncError`."""
    status = response.status_code
    if status < 400:
        return
    code, message = _server_message(response)
    if status >= 500 or status == 429:
        busy = status in (429, 503)
        text = "sedang sibuk" if busy else "sedang bermasalah"
        raise SyncUnavailable(f"Server PEKEN {text} (HTTP {status}); dicoba lagi nanti.",
                              code=code, status=status,
                              retry_after=retry_after_seconds(response) if busy else None)
    if status == 401:
        raise SyncAuthError(message or "Token perangkat tidak berlaku; daftarkan ulang perangkat.",
                            code=code, status=status)
    if status == 403:
        raise SyncSuspended(message or "Toko sedang dibekukan oleh admin PEKEN.",
                            code=code, status=status)
    raise SyncRequestError(message or f"Server PEKEN menolak permintaan (HTTP {status}).",
                           code=code, status=status)


class PekenClient:
    """Device API calls on one server; use as a context manager or call :meth:`close`."""

    def __init__(self, server_url: str, token: str = "", *,
                 timeout: httpx.Timeout | float = TIMEOUT) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(base_url=normalize_url(server_url) + API, headers=headers,
                                  timeout=timeout)

    def __enter__(self) -> PekenClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise SyncUnavailable("Server PEKEN tidak menjawab (waktu habis).") from exc
        except httpx.HTTPError as exc:
            raise SyncUnavailable("Tidak bisa terhubung ke server PEKEN (offline?).") from exc
        raise_for(response)
        try:
            return response.json()
        except ValueError as exc:
            raise SyncUnavailable("Jawaban server PEKEN tidak bisa dibaca.") from exc

    def enroll(self, code: str, device_name: str) -> dict[str, Any]:
        """Trade a one-time code for ``{device_id, shop_id, token}``."""
        body = {"code": code.strip(), "device_name": device_name.strip()[:100] or "Kasir"}
        result: dict[str, Any] = self._call("POST", "/devices/enroll", json=body)
        return result

    def push(self, ops: list[dict[str, Any]]) -> dict[str, Any]:
        """Send a batch ``[{op_id, seq, kind, payload}]``; ``{results, change_seq}``."""
        result: dict[str, Any] = self._call("POST", "/sync/push", json={"ops": ops})
        return result

    def changes(self, since: int, limit: int = 1000) -> dict[str, Any]:
        """A page of the shop's change log after ``since``: ``{changes, next, more}``."""
        result: dict[str, Any] = self._call("GET", "/sync/changes",
                                            params={"since": since, "limit": limit})
        return result

    def snapshot(self) -> dict[str, Any]:
        """Everything for a full resync (listings, open orders, ``change_seq``)."""
        result: dict[str, Any] = self._call("GET", "/sync/snapshot")
        return result

    def listing(self, product_uuid: str) -> dict[str, Any]:
        """One listing of this shop with its on-hand and reserved."""
        result: dict[str, Any] = self._call("GET", f"/shop/listings/{product_uuid}")
        return result

    def order(self, order_id: str) -> dict[str, Any]:
        """One order of this shop."""
        result: dict[str, Any] = self._call("GET", f"/shop/orders/{order_id}")
        return result
