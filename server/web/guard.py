"""The server's rate limits (``server.ratelimit``) applied to the storefront's pages.

The pages call the order services directly, so they count against the same rules as the
JSON API: placing orders per client address, and wrong buyer secrets per client address and
per order. A limited buyer gets the 429 page with ``Retry-After``.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from server.ratelimit import RateLimited, client_ip, limiter, rules
from server.web.pages import render_error


def too_many(exc: RateLimited) -> HTMLResponse:
    """The 429 page."""
    return render_error(429, "Terlalu banyak permintaan",
                        f"Terlalu banyak percobaan dari sambungan Anda. Coba lagi dalam "
                        f"{exc.retry_after} detik.", {"Retry-After": str(exc.retry_after)})


def check_secret(request: Request, order_id: str) -> HTMLResponse | None:
    """The 429 page when this client or this order had too many wrong secrets, else None."""
    try:
        limiter(request).check(rules(request)["secret_failure"], client_ip(request))
        limiter(request).check(rules(request)["secret_failure_order"], order_id.lower())
    except RateLimited as exc:
        return too_many(exc)
    return None


def record_miss(request: Request, order_id: str) -> None:
    """Count a wrong (or unknown) order link."""
    limiter(request).record(rules(request)["secret_failure"], client_ip(request))
    limiter(request).record(rules(request)["secret_failure_order"], order_id.lower())


def check_ordering(request: Request) -> HTMLResponse | None:
    """The 429 page when this client placed too many orders lately, else None."""
    try:
        limiter(request).check(rules(request)["order"], client_ip(request))
    except RateLimited as exc:
        return too_many(exc)
    return None


def count_order(request: Request) -> None:
    """Count one order about to be placed (raises ``RateLimited`` past the limit)."""
    limiter(request).hit(rules(request)["order"], client_ip(request))
