"""Small builders for the pricing tests: lines, promotions and a fixed shop-local moment."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from app.pricing import Context, LineIn, PromoItem, Promotion, Window
from contract.enums import PromoKind

MONDAY_10 = datetime(2026, 11, 30, 10, 0)  # a Monday, shop local time
CTX = Context(MONDAY_10)


def line(product_id: int, qty: int | str, price: int, **kw: object) -> LineIn:
    """A line of ``qty`` (pcs, or a weight as text) at ``price``."""
    return LineIn(product_id, Decimal(qty), price, **kw)  # type: ignore[arg-type]


def on_products(*ids: int) -> tuple[PromoItem, ...]:
    """Promotion items naming products."""
    return tuple(PromoItem(product_id=i) for i in ids)


def buy_get(pid: int, buy: int, free: int, items: tuple[PromoItem, ...], **kw: object) -> Promotion:
    """Beli ``buy`` gratis ``free``."""
    return Promotion(pid, f"Beli {buy} gratis {free}", PromoKind.BUY_GET, items, buy_qty=buy,
                     free_qty=free, **kw)  # type: ignore[arg-type]


def percent(pid: int, pct: int | str, items: tuple[PromoItem, ...], **kw: object) -> Promotion:
    """``pct`` % off."""
    return Promotion(pid, f"Diskon {pct}%", PromoKind.PERCENT, items, percent=Decimal(pct),
                     **kw)  # type: ignore[arg-type]


def amount(pid: int, rupiah: int, items: tuple[PromoItem, ...], **kw: object) -> Promotion:
    """``rupiah`` off each unit."""
    return Promotion(pid, f"Potongan {rupiah}", PromoKind.AMOUNT, items, amount=rupiah,
                     **kw)  # type: ignore[arg-type]


def bundle(pid: int, price: int, items: tuple[PromoItem, ...], **kw: object) -> Promotion:
    """A paket of ``items`` for ``price``."""
    return Promotion(pid, "Paket", PromoKind.BUNDLE, items, bundle_price=price,
                     **kw)  # type: ignore[arg-type]


HAPPY_HOUR = Window(from_minute=16 * 60, to_minute=18 * 60)
