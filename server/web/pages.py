"""Rendering of storefront pages: the Jinja environment, filters and the security headers."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from server.web.cart import read_cart

HERE = Path(__file__).parent
WIB = timezone(timedelta(hours=7), "WIB")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")

# No inline script or style anywhere: only our own files, and data: for the QRIS image.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # order links carry the buyer secret in their path
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def rupiah(amount: int) -> str:
    """``12500`` → ``Rp12.500`` (negative amounts keep their sign)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(int(amount)):,}".replace(",", ".")


def qty(milli: int) -> str:
    """Thousandths as an Indonesian quantity: ``2500`` → ``2,5``; ``3000`` → ``3``."""
    whole, frac = divmod(abs(int(milli)), 1000)
    sign = "-" if milli < 0 else ""
    text = f"{whole:,}".replace(",", ".")
    return sign + text + (f",{frac:03d}".rstrip("0") if frac else "")


def qty_text(value: str) -> str:
    """A 3-decimal quantity string (``"2.500"``) as an Indonesian quantity."""
    whole, _, frac = value.partition(".")
    milli = int(whole) * 1000 + int((frac + "000")[:3])
    return qty(milli)


def when(value: datetime | None) -> str:
    """A moment in Surabaya time: ``30 Nov 2026 09.15 WIB``."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone(WIB)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year} {local:%H.%M} WIB"


BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def nobidi(text: str) -> str:
    """``text`` without bidi controls, for places a <bdi> cannot isolate (title, alt)."""
    return BIDI_CONTROLS.sub("", str(text))


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(["html"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(rupiah=rupiah, qty=qty, qty_text=qty_text, when=when, nobidi=nobidi)
    return env


ENV = _env()
# Static files are cached a day; their URLs change with their content, so a new release is
# picked up at once.
ENV.globals["asset_version"] = hashlib.sha256(
    b"".join((HERE / "static" / name).read_bytes() for name in ("web.css", "web.js"))
).hexdigest()[:12]


def render(request: Request, template: str, status_code: int = 200,
           headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    """A page from ``template`` with the security headers."""
    cart_count = len(read_cart(request))
    site = str(request.base_url).rstrip("/")
    html = ENV.get_template(template).render(request=request, cart_count=cart_count, site=site,
                                             **context)
    return HTMLResponse(html, status_code, headers={**SECURITY_HEADERS, **(headers or {})})


def render_error(status: int, title: str, message: str,
                 headers: dict[str, str] | None = None) -> HTMLResponse:
    """A friendly error page (no request needed: also used by the middleware)."""
    html = ENV.get_template("error.html").render(status=status, title=title, message=message,
                                                 cart_count=0)
    return HTMLResponse(html, status, headers={**SECURITY_HEADERS, **(headers or {})})

