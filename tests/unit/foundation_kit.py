"""Small helpers shared by the foundation unit tests: products, carts, snapshots, refusals.

Import as ``from tests.unit.foundation_kit import ...``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import TextClause, select, text
from sqlalchemy.orm import Session

from app import catalog, inventory
from app.cart import Cart, CartLine, Discount
from app.db import Database
from app.errors import UserError
from app.sales import PaymentInput
from models import Base, Order, Payment, Product

Snapshot = dict[str, Any]


def add_product(
    session: Session,
    sku: str,
    name: str,
    price: int = 10_000,
    *,
    stock: Decimal | int = 0,
    weighed: bool = False,
    barcodes: tuple[str, ...] = (),
    min_stock: Decimal | int = 0,
    cost: int = 0,
) -> int:
    """Create a product (kg when weighed) and receive its opening stock."""
    data = catalog.ProductInput(
        sku=sku, name=name, price=price, cost=cost, unit="kg" if weighed else "pcs",
        sold_by_weight=weighed, barcodes=list(barcodes), min_stock=Decimal(min_stock),
    )
    pid = catalog.create_product(session, data)
    if stock:
        inventory.receive(session, pid, Decimal(stock))
    return int(pid)


def cart_of(
    session: Session, items: list[tuple[int, Decimal | int | str]], discount: Discount | None = None
) -> Cart:
    """A cart with ``(product_id, qty)`` lines priced from the stored products."""
    cart = Cart(discount=discount or Discount())
    for pid, qty in items:
        product = session.get(Product, pid)
        assert product is not None
        cart.add(CartLine(product.id, product.name, product.unit, Decimal(qty), product.price,
                          product.sold_by_weight))
    return cart


def cash(total: int, tendered: int | None = None) -> list[PaymentInput]:
    """One cash payment of exactly ``total``."""
    return [PaymentInput("cash", total, tendered)]


@functools.cache
def _count_every_table() -> TextClause:
    """One statement counting the rows of every table (one query instead of one per table)."""
    return text(" UNION ALL ".join(f"SELECT '{table.name}', count(*) FROM \"{table.name}\""
                                   for table in Base.metadata.sorted_tables))


def snapshot(database: Database) -> Snapshot:
    """Row counts of every table plus on-hand, order and payment states (for 'unchanged')."""
    with database.read() as session:
        snap: Snapshot = {str(name): count for name, count in session.execute(_count_every_table())}
        snap["on_hand"] = list(session.execute(select(Product.id, Product.on_hand).order_by(Product.id)))
        snap["products"] = list(session.execute(
            select(Product.id, Product.sku, Product.name, Product.price, Product.archived)
            .order_by(Product.id)))
        snap["orders"] = list(session.execute(select(Order.id, Order.status).order_by(Order.id)))
        snap["payments"] = list(session.execute(
            select(Payment.id, Payment.status, Payment.reference).order_by(Payment.id)))
    return snap


def assert_refused(
    database: Database,
    action: Callable[[Session], object],
    error: type[UserError],
    *words: str,
) -> UserError:
    """Run ``action`` in a unit of work; it must raise ``error`` naming ``words``, changing nothing."""
    before = snapshot(database)
    with pytest.raises(error) as info, database.unit_of_work() as session:
        action(session)
    message = str(info.value).lower()
    for word in words:
        assert word.lower() in message, f"{word!r} not in message {message!r}"
    assert snapshot(database) == before
    return info.value
