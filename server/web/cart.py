"""The buyer's cart (a cookie) and the checkout that splits it into one order per seller.

Cookie ``keranjang``: ``<listing uuid>:<qty>`` or, for a pack, ``<listing uuid>:<qty>:<pack>``
(the pack's name percent-encoded; the quantity then counts packs) joined by ``|`` (at most
:data:`MAX_LINES`), quantities as 3-decimal strings. It holds no prices: the page and the
order always read them from the server (:mod:`server.orders.pricing`). Placed orders are
remembered in cookie ``pesanan`` (``<id>.<secret>`` joined by ``|``, HttpOnly) so "Pesanan
saya" can list them again on this phone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import quote, unquote

from fastapi import Request
from pydantic import ValidationError

from contract.enums import PaymentMethod
from contract.quantity import QuantityError, milli_text, wire_milli
from server.config import Settings
from server.db import Database
from server.errors import ApiError
from server.orders import placement
from server.orders.schemas import OrderIn, PlacedOrder

CART_COOKIE = "keranjang"
ORDERS_COOKIE = "pesanan"
MAX_LINES = 50
MAX_ORDERS = 20
MAX_QTY_MILLI = 1_000_000 * 1000
MAX_PACK = 20
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
FORM_KEY_RE = re.compile(r"^[A-Za-z0-9_-]{22,60}$")
ORDER_REF_RE = re.compile(r"^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$")


CartKey = tuple[str, str]  # (listing uuid, pack name; "" for the listing's own unit)


def read_cart(request: Request) -> dict[CartKey, int]:
    """The cart as ``{(listing uuid, pack): thousandths}``; malformed parts are dropped."""
    cart: dict[CartKey, int] = {}
    for part in request.cookies.get(CART_COOKIE, "").split("|")[:MAX_LINES]:
        uuid, _, rest = part.partition(":")
        text, _, pack = rest.partition(":")
        uuid, pack = uuid.lower(), unquote(pack)
        if not UUID_RE.match(uuid) or len(pack) > MAX_PACK:
            continue
        try:
            milli = wire_milli(text)
        except QuantityError:
            continue
        if 0 < milli <= MAX_QTY_MILLI:
            cart[(uuid, pack)] = milli
    return cart


def cart_cookie(cart: dict[CartKey, int]) -> str:
    """The cookie value of ``cart``."""
    return "|".join(f"{u}:{milli_text(m)}" + (f":{quote(p, safe='')}" if p else "")
                    for (u, p), m in list(cart.items())[:MAX_LINES])


def parse_buyer_qty(text: str) -> int | None:
    """A quantity typed by a buyer (``2``, ``0,5``, ``1.25``) in thousandths, or None."""
    try:
        milli = wire_milli(text.strip().replace(",", "."))
    except QuantityError:
        return None
    return milli if 0 <= milli <= MAX_QTY_MILLI else None


def read_orders(request: Request) -> list[tuple[str, str]]:
    """The ``(order id, secret)`` pairs this phone placed, newest first."""
    pairs = []
    for part in request.cookies.get(ORDERS_COOKIE, "").split("|")[:MAX_ORDERS]:
        if match := ORDER_REF_RE.match(part):
            pairs.append((match.group(1), match.group(2)))
    return pairs


def orders_cookie(new: list[tuple[str, str]], old: list[tuple[str, str]]) -> str:
    """The cookie value remembering ``new`` orders before the ``old`` ones."""
    unique: dict[str, str] = {}
    for oid, secret in new + old:
        unique.setdefault(oid, secret)  # a resent checkout returns orders already remembered
    return "|".join(f"{oid}.{secret}" for oid, secret in list(unique.items())[:MAX_ORDERS])


@dataclass
class Buyer:
    """The checkout form."""

    name: str
    phone: str
    nip: str | None
    pay_method: Literal[PaymentMethod.TRANSFER, PaymentMethod.QRIS]
    fulfilment: Literal["ambil", "antar"] = "ambil"
    address: str | None = None
    note: str | None = None


@dataclass
class CheckoutResult:
    """Orders placed and, per seller whose order failed, why."""

    placed: list[PlacedOrder] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)


def _order_in(seller_id: int, buyer: Buyer, lines: dict[CartKey, int], method: str) -> OrderIn:
    data: dict[str, Any] = {
        "seller_id": seller_id, "buyer_name": buyer.name, "phone": buyer.phone,
        "nip": buyer.nip, "pay_method": method, "fulfilment": buyer.fulfilment,
        "address": buyer.address, "note": buyer.note,
        "lines": [{"listing_id": u, "qty": milli_text(m), **({"pack": p} if p else {})}
                  for (u, p), m in lines.items()],
    }
    return OrderIn.model_validate(data)


def _place_one(db: Database, settings: Settings, body: OrderIn, key: str | None,
               client_ip: str | None) -> PlacedOrder:
    with db.write_sessions() as session, session.begin():
        return placement.place(session, settings, body, key, client_ip)


def checkout(db: Database, settings: Settings, buyer: Buyer,
             by_seller: dict[int, dict[CartKey, int]], has_qris: dict[int, bool],
             before_each: Callable[[], None] = lambda: None,
             form_key: str | None = None, client_ip: str | None = None) -> CheckoutResult:
    """Place one order per seller, each in its own transaction.

    A seller without QRIS gets a transfer order even when the buyer chose QRIS. One seller's
    refusal (stock ran out, seller closed, rate limit from ``before_each``) does not undo the
    others: it is reported per seller. ``form_key`` (random, one per checkout form) makes a
    resent form (double tap, a retry after a lost answer) return the same orders, not new ones.
    ``client_ip`` counts against each seller's cap of unpaid orders per address, as on the API.
    """
    result = CheckoutResult()
    for seller_id, lines in by_seller.items():
        method = buyer.pay_method if has_qris.get(seller_id) else PaymentMethod.TRANSFER
        try:
            before_each()
            key = f"{form_key}-{seller_id}" if form_key else None
            body = _order_in(seller_id, buyer, lines, method)
            result.placed.append(_place_one(db, settings, body, key, client_ip))
        except ApiError as exc:
            result.failed[seller_id] = exc.message
        except ValidationError:
            result.failed[seller_id] = "Data pesanan tidak valid."
    return result
