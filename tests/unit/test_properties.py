"""Property tests: random shop days keep the ledger, order totals and money types consistent.

A random sequence of sales (discounts, split payments), refunds, receipts, adjustments,
stocktakes, confirmations and voids runs on a small catalog. After every step:
on-hand equals the ledger for every product; each order's total equals its lines minus its
discount and equals its payments; refunds never pay back more than was paid; every money
column holds an integer; a refused step changed nothing.
"""

from __future__ import annotations

import sqlite3
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import inventory
from app.cart import Cart, CartLine, Discount
from app.db import Database
from app.errors import UserError
from app.money import (
    format_number,
    format_qty,
    format_rupiah,
    line_total,
    parse_qty,
    parse_rupiah,
    ppn_included,
    round_rupiah,
)
from app.orders import RefundRequest, confirm_payment, refund, void_pending
from app.sales import PaymentInput, checkout
from models import Order, Payment, Product
from tests.shop_template import new_shop
from tests.unit.foundation_kit import add_product, snapshot

MONEY_COLUMNS = {
    "orders": ("subtotal", "discount", "total", "tax"),
    "order_lines": ("unit_price", "unit_cost", "discount", "total"),
    "payments": ("amount", "change", "unique_code"),
    "products": ("price", "cost"),
    "held_carts": ("total",),
}
CATALOG = [  # sku, name, price, weighed
    ("P1", "Mie Instan Indomie Goreng", 3_500, False),
    ("P2", "Kopi Kapal Api Special", 14_500, False),
    ("W1", "Beras Pandan Wangi", 15_500, True),
    ("W2", "Telur Ayam Negeri", 28_333, True),
]

# ---------------------------------------------------------------- money properties


@given(st.integers(-10**13, 10**13))
def test_rupiah_format_parse_round_trip(amount: int) -> None:
    shown = format_rupiah(amount)
    assert parse_rupiah(shown) == amount
    assert parse_rupiah(format_number(amount)) == amount
    assert "," not in shown and (amount >= 0) == (not shown.startswith("-"))


@given(st.integers(0, 10**9), st.integers(0, 999))
def test_round_half_up(whole: int, thousandths: int) -> None:
    value = Decimal(whole) + Decimal(thousandths) / 1000
    assert round_rupiah(value) == whole + (1 if thousandths >= 500 else 0)
    assert round_rupiah(-value) == -round_rupiah(value)


@given(st.integers(1, 10**7), st.integers(1, 10**6))
def test_line_total_is_half_up_integer(thousandths: int, price: int) -> None:
    qty = Decimal(thousandths) / 1000
    total = line_total(qty, price)
    assert isinstance(total, int)
    assert total == (thousandths * price * 2 + 1000) // 2000


@given(st.integers(0, 10**12), st.integers(1, 20))
def test_ppn_is_the_half_up_inclusive_share(total: int, rate: int) -> None:
    ppn = ppn_included(total)
    assert isinstance(ppn, int) and 0 <= ppn <= total
    assert ppn == (total * 11 * 2 + 111) // 222
    assert ppn_included(total, rate, 100 + rate) == (total * rate * 2 + 100 + rate) // (2 * (100 + rate))


@given(st.integers(-10**9, 10**9))
def test_quantity_format_parse_round_trip(thousandths: int) -> None:
    qty = Decimal(thousandths) / 1000
    assert parse_qty(format_qty(qty), signed=True) == qty


# ---------------------------------------------------------------- shop-day strategies

discounts = st.one_of(
    st.just(("amount", 0)),
    st.tuples(st.just("percent"), st.integers(0, 100)),
    st.tuples(st.just("share"), st.integers(0, 100)),  # an amount: this % of the base, in rupiah
)
sale_lines = st.lists(st.tuples(st.integers(0, 3), st.integers(1, 3_000), discounts), min_size=1, max_size=4)
payment_plan = st.lists(st.tuples(st.sampled_from(["cash", "transfer", "qris", "other"]),
                                  st.integers(1, 100)), min_size=1, max_size=3)
steps = st.one_of(
    st.tuples(st.just("sale"), sale_lines, discounts, payment_plan, st.integers(0, 50_000)),
    st.tuples(st.just("refund"), st.integers(0, 99), st.integers(0, 9), st.integers(1, 4)),
    st.tuples(st.just("receive"), st.integers(0, 3), st.integers(1, 5_000)),
    st.tuples(st.just("adjust"), st.integers(0, 3), st.integers(-3_000, 3_000),
              st.sampled_from(["rusak", "hilang", "kadaluarsa", "lainnya", ""])),
    st.tuples(st.just("stocktake"), st.integers(0, 3), st.integers(0, 60_000)),
    st.tuples(st.just("confirm"), st.integers(0, 99), st.booleans()),
    st.tuples(st.just("void"), st.integers(0, 99)),
)


def _discount(spec: tuple[str, int], base: int) -> Discount:
    kind, value = spec
    if kind == "share":
        return Discount("amount", Decimal(max(base, 0) * value // 100))
    return Discount(kind, Decimal(value))


def _qty(product: Product, raw: int) -> Decimal:
    return Decimal(raw) / 1000 if product.sold_by_weight else Decimal(raw % 5 + 1)


def _split(total: int, plan: list[tuple[str, int]], extra: int) -> list[PaymentInput]:
    weights = [w for _m, w in plan][: max(1, min(len(plan), total))]
    amounts = [max(1, total * w // sum(weights)) for w in weights]
    amounts[-1] = total - sum(amounts[:-1])
    payments = []
    for (method, _w), amount in zip(plan, amounts, strict=False):
        tendered = amount + extra if method == "cash" and extra % 3 else None
        payments.append(PaymentInput(method, amount, tendered, unique_code=extra % 1000
                                     if method == "transfer" else 0))
    return payments


def _sale(session: Session, pids: list[int], step: tuple[Any, ...]) -> None:
    _kind, lines, order_discount, plan, extra = step
    cart = Cart()
    for index, raw, disc in lines:
        product = session.get(Product, pids[index])
        assert product is not None
        line = CartLine(product.id, product.name, product.unit, _qty(product, raw), product.price,
                        product.sold_by_weight)
        line.discount = _discount(disc, line.gross)
        cart.add(line)
    cart.discount = _discount(order_discount, cart.subtotal)
    checkout(session, cart, _split(cart.total, plan, extra))


def _pick(session: Session, query: Any, index: int) -> Any:
    rows = list(session.scalars(query))
    return rows[index % len(rows)] if rows else None


def _refund(session: Session, step: tuple[Any, ...]) -> None:
    _kind, order_pick, line_pick, parts = step
    order = _pick(session, select(Order).where(Order.kind == "sale").order_by(Order.id), order_pick)
    if order is None:
        return
    line = order.lines[line_pick % len(order.lines)]
    qty = line.qty if parts == 4 else (line.qty / parts).quantize(Decimal("0.001"))
    if not qty or (not session.get(Product, line.product_id).sold_by_weight and qty % 1):  # type: ignore[union-attr]
        qty = line.qty
    refund(session, order.id, [RefundRequest(line.id, qty)], "uji")


def _confirm(session: Session, step: tuple[Any, ...]) -> None:
    _kind, pick, exact = step
    payment = _pick(session, select(Payment).where(Payment.status != "confirmed").order_by(Payment.id), pick)
    if payment is not None:
        due = payment.amount + payment.unique_code
        confirm_payment(session, payment.id, received=due if exact else due + 1)


def _void(session: Session, step: tuple[Any, ...]) -> None:
    query = select(Order).where(Order.kind == "sale").order_by(Order.id)
    if step[1] % 4:  # mostly the pending ones, sometimes any (must then be refused)
        query = query.where(Order.status == "pending")
    order = _pick(session, query, step[1])
    if order is not None:
        void_pending(session, order.id, "uji")


def _apply(session: Session, pids: list[int], step: tuple[Any, ...]) -> None:
    kind = step[0]
    if kind == "sale":
        _sale(session, pids, step)
    elif kind == "refund":
        _refund(session, step)
    elif kind == "receive":
        inventory.receive(session, pids[step[1]], Decimal(step[2]) / 1000 if step[1] >= 2 else
                          Decimal(step[2] % 50 + 1))
    elif kind == "adjust":
        delta = Decimal(step[2]) / 1000 if step[1] >= 2 else Decimal(step[2] // 100)
        inventory.adjust(session, pids[step[1]], delta, step[3], note="uji" if step[3] == "lainnya" else "")
    elif kind == "stocktake":
        counted = Decimal(step[2]) / 1000 if step[1] >= 2 else Decimal(step[2] // 1000)
        inventory.stocktake(session, {pids[step[1]]: counted})
    elif kind == "confirm":
        _confirm(session, step)
    else:
        _void(session, step)


def _check_invariants(database: Database) -> None:
    with database.read() as session:
        for product in session.scalars(select(Product)):
            assert product.on_hand == inventory.ledger_sum(session, product.id), product.name
        for order in session.scalars(select(Order)):
            lines = sum(line.total for line in order.lines)
            assert order.subtotal == lines, order.number
            assert order.total == lines - order.discount, order.number
            assert order.total == sum(p.amount for p in order.payments), order.number
            for value in (order.subtotal, order.discount, order.total, order.tax):
                assert type(value) is int
            assert all(type(p.amount) is int and type(line.total) is int
                       for p in order.payments for line in order.lines)
            if order.kind == "sale":
                refunds = session.scalars(select(Order.total).where(Order.refund_of_id == order.id))
                assert -sum(refunds) <= order.total, order.number
    with sqlite3.connect(database.path) as conn:
        for table, columns in MONEY_COLUMNS.items():
            for column in columns:
                bad = conn.execute(
                    f"SELECT count(*) FROM {table} WHERE typeof({column}) NOT IN ('integer', 'null')"
                ).fetchone()[0]
                assert bad == 0, f"{table}.{column} holds a non-integer"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(steps, min_size=3, max_size=14))
def test_random_shop_day_keeps_everything_consistent(plan: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = new_shop(Path(folder) / "toko.sqlite")  # a fresh shop per example
        try:
            with database.unit_of_work() as session:
                pids = [add_product(session, sku, name, price, weighed=weighed,
                                    stock=Decimal("40.5") if weighed else 40)
                        for sku, name, price, weighed in CATALOG]
            for step in plan:
                before = snapshot(database)
                try:
                    with database.unit_of_work() as session:
                        _apply(session, pids, step)
                    event(f"{step[0]} done")
                except UserError:
                    event(f"{step[0]} refused")
                    assert snapshot(database) == before, f"refused {step[0]} changed the file"
                _check_invariants(database)
        finally:
            database.close()
