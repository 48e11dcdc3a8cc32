"""A generated shop for report and shift tests: random orders over several days, channels,
payment methods, refunds, a void, an expired and a pending order."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from app import orders, shop
from app.cart import Cart, CartLine, Discount
from app.sales import PaymentInput, checkout
from models import Order, Product
from tests.unit.foundation_kit import add_product

START = datetime(2026, 11, 9, 17, 0, tzinfo=UTC)  # 10 Nov 2026 00:00 WIB
DAYS = 6


@dataclass
class GeneratedShop:
    """Ids of what the generator made."""

    products: list[int]
    channels: list[int]
    voided: int
    expired: int
    pending: int


def _products(session: Session) -> list[int]:
    specs = [("Beras 5 kg", 75_000, 62_000), ("Minyak Goreng 1 L", 18_500, 15_000),
             ("Gula Pasir 1 kg", 17_000, 14_250), ("Kopi Kapal Api", 1_500, 1_100),
             ("Batik Tulis", 350_000, 210_000), ("Keripik Tempe", 12_000, 7_500),
             ("Sambal Bu Rudy", 35_000, 24_000)]
    ids = [add_product(session, f"RP-{i}", name, price, stock=500, cost=cost, min_stock=3)
           for i, (name, price, cost) in enumerate(specs)]
    ids.append(add_product(session, "RP-W", "Telur Ayam", 28_000, stock=Decimal("80.000"),
                           weighed=True, cost=24_500))
    add_product(session, "RP-LOW", "Teh Celup", 6_000, stock=2, cost=4_000, min_stock=5)
    add_product(session, "RP-IDLE", "Kain Tenun", 420_000, stock=4, cost=300_000)
    return ids


def _cart(session: Session, rng: random.Random, pids: list[int], channel: int) -> Cart:
    cart = Cart(channel_id=channel)
    for pid in rng.sample(pids, rng.randint(1, 3)):
        p = session.get(Product, pid)
        assert p is not None
        qty = Decimal(rng.choice(["0.250", "1.5", "0.8"])) if p.sold_by_weight else Decimal(
            rng.randint(1, 3))
        cart.add(CartLine(p.id, p.name, p.unit, qty, p.price, p.sold_by_weight))
    if rng.random() < 0.2:
        cart.discount = Discount("percent", Decimal(5))
    return cart


def _pay(rng: random.Random, total: int) -> list[PaymentInput]:
    method = rng.choice(["cash", "cash", "cash", "transfer", "qris", "other"])
    if method == "cash" and rng.random() < 0.2 and total > 2:
        part = total // 2
        return [PaymentInput("cash", part, part + 500), PaymentInput("qris", total - part)]
    if method == "cash":
        return [PaymentInput("cash", total, ((total // 50_000) + 1) * 50_000)]
    code = rng.randint(1, 999) if method == "transfer" else 0
    return [PaymentInput(method, total, unique_code=code)]


def _settle(session: Session, order_id: int) -> None:
    order = session.get(Order, order_id)
    assert order is not None
    for payment in order.payments:
        if payment.status == "pending":
            orders.confirm_payment(session, payment.id, received=payment.amount + payment.unique_code)


def generate(session: Session, seed: int = 3, count: int = 90) -> GeneratedShop:
    """Fill the shop: ``count`` orders over DAYS days at random WIB hours, then the odd ones."""
    rng = random.Random(seed)
    shop.ensure_channels(session)
    shop.create_event(session, "Bazar UMKM Balai Kota")
    channels = [c.id for c in shop.channels(session)]
    pids = _products(session)
    paid: list[int] = []
    for _ in range(count):
        when = START + timedelta(days=rng.randint(0, DAYS - 1), minutes=rng.randint(0, 24 * 60 - 1))
        cart = _cart(session, rng, pids, rng.choice(channels))
        result = checkout(session, cart, _pay(rng, cart.total), now=when)
        _settle(session, result.order_id)
        paid.append(result.order_id)
    for order_id in rng.sample(paid, min(8, len(paid))):
        order = session.get(Order, order_id)
        assert order is not None
        line = order.lines[0]
        qty = line.qty if rng.random() < 0.5 else min(line.qty, Decimal(1))
        orders.refund(session, order_id, [orders.RefundRequest(line.id, qty)], "rusak",
                      now=order.created_at + timedelta(hours=rng.randint(0, 30)))
    odd = []
    for _ in range(3):
        cart = _cart(session, rng, pids, channels[0])
        when = START + timedelta(days=2, hours=rng.randint(1, 10))
        odd.append(checkout(session, cart, [PaymentInput("transfer", cart.total, unique_code=7)],
                            now=when).order_id)
    orders.void_pending(session, odd[0], "pembeli batal")
    for order_id in odd[1:]:  # two unpaid online reservations (only those expire)
        reserved = session.get(Order, order_id)
        assert reserved is not None
        reserved.source, reserved.expires_at = "online", reserved.created_at + timedelta(hours=2)
    orders.expire_pending(session, now=START + timedelta(days=30))  # expires odd[1] and odd[2]
    cart = _cart(session, rng, pids, channels[0])
    pending = checkout(session, cart, [PaymentInput("qris", cart.total)],
                       now=START + timedelta(days=3, hours=3)).order_id
    session.flush()
    return GeneratedShop(pids, channels, odd[0], odd[1], pending)
