"""HTTP routes for buyers: place an order, read it, cancel it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request

from server.config import Settings
from server.db import in_transaction, read_session, write_session
from server.errors import ApiError
from server.models import Seller
from server.orders import idempotency, placement
from server.orders.schemas import OrderIn, OrderView, PlacedOrder
from server.ratelimit import client_ip, limiter, rules

router = APIRouter(prefix="/api/v1/orders", tags=["orders"])

OrderId = Annotated[str, Path(min_length=1, max_length=36, pattern=r"^[0-9a-fA-F-]+$")]
BuyerSecret = Annotated[str | None, Header(alias="X-Buyer-Secret", max_length=100)]
IdempotencyKey = Annotated[
    str | None, Header(alias="Idempotency-Key", pattern=idempotency.KEY_PATTERN,
                       description="Kunci acak (UUID) per pesanan: kirim ulang = pesanan yang sama")]


@router.post("", response_model=PlacedOrder, status_code=201)
def place_order(
    body: OrderIn, request: Request, idempotency_key: IdempotencyKey = None
) -> PlacedOrder:
    """Place an order: stock is reserved; the answer says where and how much to pay.

    Sent again with the same ``Idempotency-Key``, the answer is the same order.
    """
    settings: Settings = request.app.state.settings
    limiter(request).hit(rules(request)["order"], client_ip(request))
    return in_transaction(
        request, lambda session: placement.place(session, settings, body, idempotency_key,
                                                 client_ip(request)))


@contextmanager
def _secret_guard(request: Request, order_id: str) -> Iterator[None]:
    """429 after too many wrong buyer secrets (per client and per order); counts misses."""
    per_ip, per_order = rules(request)["secret_failure"], rules(request)["secret_failure_order"]
    ip, order_key = client_ip(request), order_id.lower()
    limiter(request).check(per_ip, ip)
    limiter(request).check(per_order, order_key)
    try:
        yield
    except ApiError as exc:
        if exc.status == 404:
            limiter(request).record(per_ip, ip)
            limiter(request).record(per_order, order_key)
        raise


@router.get("/{order_id}", response_model=OrderView)
def get_order(order_id: OrderId, request: Request, x_buyer_secret: BuyerSecret = None) -> OrderView:
    """An order, for the buyer holding its secret (header ``X-Buyer-Secret``)."""
    with _secret_guard(request, order_id), read_session(request) as session:
        order = placement.buyer_order(session, order_id, x_buyer_secret)
        seller = session.get(Seller, order.seller_id)
        assert seller is not None
        return placement.order_view(seller, order)


@router.post("/{order_id}/cancel", response_model=OrderView)
def cancel_order(
    order_id: OrderId, request: Request, x_buyer_secret: BuyerSecret = None
) -> OrderView:
    """Cancel an unpaid order (needs the buyer secret)."""
    with _secret_guard(request, order_id), write_session(request) as session:
        return placement.cancel(session, order_id, x_buyer_secret)
