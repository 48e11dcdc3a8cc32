"""Sales service: checkout of a cart in one transaction.

A checkout writes the order (numbered per device and day, e.g. ``K1-20261128-0042``),
its lines, its payments and the stock movements, plus their outbox rows, all in
the caller's transaction. Cash is confirmed at once; bank transfer and QRIS stay
pending until the seller confirms the money arrived. A counter sale hands the goods
over at once, so a pending one never expires and never puts its stock back: it waits
as "belum dibayar" until a statement or the seller confirms it, days later if need be
(only online reservations expire, see :func:`app.orders.expire_pending`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, func, insert, select
from sqlalchemy.orm import Session

from app import cart_store, kasbon, settings
from app.cart import Cart, CartLine, check_stock
from app.clock import local, now_utc, shop_day
from app.errors import NotFoundError, ValidationError
from app.inventory import record_movements
from app.money import (
    MAX_AMOUNT,
    format_number,
    format_qty,
    format_rupiah,
    line_total,
    ppn_included,
    quantize_qty,
)
from app.owner_only import OwnerPin
from app.payments.rounding import rule as rounding_rule
from app.pricing import store as pricing_store
from contract.enums import (
    PENDING_METHODS,
    ChannelKind,
    MovementKind,
    OrderKind,
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
)
from models import Order, OrderLine, Payment, Product, SalesChannel, Shift, ShopProfile
from models.base import OrderId, new_uuid

_LINES = cast(Table, OrderLine.__table__)
_ORDERS = cast(Table, Order.__table__)
_PAYMENTS = cast(Table, Payment.__table__)
# The sale path runs prepared Core statements built once (cProfile: the ORM unit of work,
# statement building and full Product loads were most of a checkout's Python time).
_LAST_SEQ = select(func.max(Order.seq)).where(Order.device == bindparam("device"),
                                              Order.day == bindparam("day"))
_SOLD = select(Product.id, Product.uuid, Product.name, Product.unit, Product.archived,
               Product.sold_by_weight, Product.on_hand, Product.cost, Product.option_names).where(
    Product.id.in_(bindparam("ids", expanding=True)))
_DEVICE = select(ShopProfile.device_code).limit(1)
_OPEN_SHIFT = select(Shift.id).where(Shift.closed_at.is_(None)).order_by(Shift.opened_at.desc()).limit(1)
_INSERT_ORDER = insert(_ORDERS)

# The payment methods and their words: contract.enums.PaymentMethod (transfer and QRIS are
# the PENDING_METHODS, waiting for the seller's confirmation).
KNOWN_METHODS = frozenset(PaymentMethod)


@dataclass
class PaymentInput:
    """One payment of a (possibly split) order, as chosen in the pay dialog."""

    method: str
    amount: int
    tendered: int | None = None
    reference: str = ""
    bank_account_id: int | None = None
    unique_code: int = 0  # kode unik: added (+) or, as a discount, taken off (−) the transfer
    qris_payload: str | None = None
    note: str = ""


@dataclass(frozen=True)
class CheckoutResult:
    """What the pay dialog needs after a checkout."""

    order_id: OrderId
    number: str
    total: int
    change: int
    status: str


def device_code(session: Session) -> str:
    """This device's short code for order numbers (``K1`` unless set in the profile)."""
    code = session.scalar(_DEVICE)
    return code or "K1"


def next_number(session: Session, device: str, when: datetime) -> tuple[str, int]:
    """The next order number and sequence for ``device`` on the shop day of ``when``."""
    day = shop_day(when)
    last = session.scalar(_LAST_SEQ, {"device": device, "day": day})
    seq = int(last or 0) + 1
    return f"{device}-{day:%Y%m%d}-{seq:04d}", seq


@dataclass(frozen=True, slots=True)
class SoldProduct:
    """What a checkout reads of a product in the cart (one Core query, no ORM objects)."""

    id: int
    uuid: str
    name: str
    unit: str
    archived: bool
    sold_by_weight: bool
    on_hand: Decimal
    cost: int
    option_names: str = ""  # a variant parent: never sold itself, only its variants


def _check_line(line: CartLine, product: SoldProduct | None, max_qty: int) -> None:
    if product is None:
        raise NotFoundError("Produk '{name}' tidak ditemukan lagi.", name=line.name)
    if product.archived:
        raise ValidationError("Produk '{name}' sudah diarsipkan dan tidak bisa dijual.", name=product.name)
    if product.option_names:
        raise ValidationError("'{name}' punya varian: pilih varian yang dijual (ukuran, warna…).",
                              name=product.name)
    qty = quantize_qty(line.qty)
    if qty <= 0:
        raise ValidationError("Jumlah '{name}' harus lebih dari nol.", field="qty", name=product.name)
    if qty > max_qty:
        raise ValidationError("Jumlah {qty} untuk '{name}' tidak masuk akal: "
                              "paling banyak {limit} per baris.", field="qty", qty=format_qty(qty),
                              name=product.name, limit=format_number(max_qty))
    if not product.sold_by_weight and qty != qty.to_integral_value():
        raise ValidationError("'{name}' dijual per {unit}, jumlah harus bulat.", field="qty",
                              name=product.name, unit=product.unit)
    if line.unit_price <= 0 or line.unit_price > MAX_AMOUNT:
        raise ValidationError("Harga '{name}' tidak sah.", field="price", name=product.name)


def _check_stock(session: Session, cart: Cart, products: dict[int, SoldProduct]) -> None:
    """With ``sales.forbid_negative_stock`` on, no product is sold below zero (any path)."""
    rules = cart_store.entry_rules(session)
    if not rules.forbid_negative_stock:
        return
    for product_id, product in products.items():
        check_stock(product.name, product.unit, product.on_hand, cart.qty_of(product_id), rules)


def _check_payments(total: int, payments: list[PaymentInput]) -> None:
    if not payments:
        raise ValidationError("Pilih cara bayar.")
    for p in payments:
        if p.method not in KNOWN_METHODS:
            raise ValidationError("Cara bayar '{method}' tidak dikenal.", method=p.method)
        if not isinstance(p.amount, int) or p.amount <= 0:
            raise ValidationError("Jumlah bayar harus lebih dari nol.", field="amount")
        if p.method == PaymentMethod.CASH and p.tendered is not None and p.tendered < p.amount:
            raise ValidationError("Uang diterima kurang dari jumlah bayar tunai.", field="tendered")
        if p.method != PaymentMethod.CASH and p.tendered not in (None, p.amount):
            raise ValidationError("Kembalian hanya untuk pembayaran tunai.", field="tendered")
        if not -999 <= p.unique_code <= 999 or p.amount + p.unique_code <= 0:
            raise ValidationError("Kode unik harus 1–999.", field="unique_code")
    paid = sum(p.amount for p in payments)
    if paid != total:
        raise ValidationError(
            "Pembayaran {paid} tidak sama dengan total {total}.", paid=format_rupiah(paid),
            total=format_rupiah(total)
        )


def _load_products(session: Session, cart: Cart) -> dict[int, SoldProduct]:
    ids = sorted({line.product_id for line in cart.lines})
    return {int(r[0]): SoldProduct(*r) for r in session.execute(_SOLD, {"ids": ids})}


def _insert_lines(session: Session, order_id: int, cart: Cart, products: dict[int, SoldProduct]) -> None:
    """Write the order's lines in one executemany (the ORM would do one round per line)."""
    rows = [
        {"uuid": new_uuid(), "order_id": order_id, "position": position, "product_id": line.product_id,
         "name": line.name, "unit": line.unit, "qty": quantize_qty(line.qty),
         "unit_price": line.unit_price,
         # per unit sold: a pack's cost is factor × the base unit's (reports sum qty × unit_cost)
         "unit_cost": line_total(line.factor, products[line.product_id].cost),
         "discount": line.discount_amount + line.promo_amount, "total": line.total,
         "refund_of_line_id": None, "pack_name": line.pack_name, "pack_factor": line.factor,
         "price_note": line.tier_note, "promo_discount": line.promo_amount,
         "promotion_id": line.promos[0].promotion_id if line.promos else None}
        for position, line in enumerate(cart.lines)
    ]
    session.execute(insert(_LINES), rows)


def _insert_payments(session: Session, order_id: int, payments: list[PaymentInput], now: datetime) -> int:
    """Write the payments in one executemany; returns the change handed back."""
    rows = []
    for p in payments:
        pending = p.method in PENDING_METHODS
        change = (p.tendered - p.amount) if (p.method == PaymentMethod.CASH and p.tendered) else 0
        rows.append({
            "uuid": new_uuid(), "order_id": order_id, "method": p.method, "amount": p.amount,
            "tendered": p.tendered, "change": change,
            "status": PaymentStatus.PENDING if pending else PaymentStatus.CONFIRMED,
            "unique_code": p.unique_code, "bank_account_id": p.bank_account_id,
            "qris_payload": p.qris_payload, "reference": p.reference, "note": p.note,
            "created_at": now, "confirmed_at": None if pending else now,
        })
    session.execute(insert(_PAYMENTS), rows)
    return sum(int(r["change"]) for r in rows)  # type: ignore[call-overload]


def checkout(
    session: Session,
    cart: Cart,
    payments: list[PaymentInput],
    *,
    cashier_id: int | None = None,
    now: datetime | None = None,
    customer_uuid: str | None = None,
    owner_pin: OwnerPin | None = None,
    agreed_prices: bool = False,
) -> CheckoutResult:
    """Save the cart as an order with its payments and stock movements (one transaction).

    A KASBON payment (all or part of the total) needs ``customer_uuid`` and writes the credit
    sale line (app.kasbon); over the customer's limit ``owner_pin`` must approve it. The cart
    is repriced with the shop's tiers and promotions unless ``agreed_prices`` (a pre-order's
    pickup sells at the prices agreed when it was taken).
    """
    if not cart.lines:
        raise ValidationError("Keranjang masih kosong.")
    max_qty = int(settings.get(session, "sales.max_qty"))
    products = _load_products(session, cart)
    for line in cart.lines:
        _check_line(line, products.get(line.product_id), max_qty)
    _check_stock(session, cart, products)
    if not agreed_prices:
        _reprice(session, cart, now or now_utc(), customer_uuid)
    total = cart.total
    rounding = _cash_rounding(session, total, payments)
    _check_payments(total + rounding, payments)
    credit = kasbon.admit_credit(session, customer_uuid, _kasbon_part(payments), cashier_id, owner_pin)
    when = now or now_utc()
    device = device_code(session)
    number, seq = next_number(session, device, when)
    pending = any(p.method in PENDING_METHODS for p in payments)
    status = OrderStatus.PENDING if pending else OrderStatus.PAID
    session.flush()  # anything the caller added first reaches the database before the order
    order_uuid = new_uuid()
    order_id = int(cast(CursorResult[Any], session.execute(_INSERT_ORDER, {
        "uuid": order_uuid, "number": number, "device": device, "day": shop_day(when), "seq": seq,
        "kind": OrderKind.SALE, "refund_of_id": None, "channel_id": cart.channel_id,
        "source": _source(session, cart.channel_id), "remote_id": None, "status": status,
        "subtotal": cart.subtotal, "discount": cart.discount_amount, "total": total,
        "tax": _tax(session, total), "rounding": rounding, "note": cart.note, "reason": "",
        "buyer_name": "", "buyer_phone": "", "cashier_id": cashier_id,
        "shift_id": _open_shift_id(session), "created_at": when,
        "paid_at": None if pending else when, "expires_at": None,  # goods handed over: never expires
        "customer_uuid": customer_uuid,
    })).lastrowid)
    if credit is not None:
        kasbon.record_sale(session, credit.customer, credit.amount, order_uuid=order_uuid,
                           order_number=number, user_id=cashier_id,
                           approved_by_id=credit.approved_by_id, when=when)
    change = _insert_payments(session, order_id, payments, when)
    _insert_lines(session, order_id, cart, products)
    record_movements(session, MovementKind.SALE,
                     [(line.product_id, -line.base_qty) for line in cart.lines],
                     order_id=order_id, device=device, created_at=when,
                     product_uuids={pid: product.uuid for pid, product in products.items()})
    return CheckoutResult(OrderId(order_id), number, total, change, status.value)


def _reprice(session: Session, cart: Cart, when: datetime, customer_uuid: str | None) -> None:
    """Tiers and promotions from the shop's rules at the sale's moment (app.pricing), for the
    buyer's customer group when a customer is named: the till shows the same engine's numbers."""
    pricing_store.reprice_cart(session, cart, local(when), customer_uuid=customer_uuid)


def _kasbon_part(payments: list[PaymentInput]) -> int:
    """What of the order is bought on kasbon (app.kasbon)."""
    return sum(p.amount for p in payments if p.method == PaymentMethod.KASBON)


def _cash_rounding(session: Session, total: int, payments: list[PaymentInput]) -> int:
    """The order's "Pembulatan": the shop's cash rounding applied to the cash part
    (app.payments.rounding). Cash paid to the rupiah (exact coins) is taken as is: 0."""
    rounding = rounding_rule(session).for_payments(total, [(p.method, p.amount) for p in payments])
    paid = sum(p.amount for p in payments)
    return rounding if rounding and paid == total + rounding else 0


def _open_shift_id(session: Session) -> int | None:
    """The open cashier shift the order belongs to (see app.shifts), if any."""
    return session.scalar(_OPEN_SHIFT)


def _tax(session: Session, total: int) -> int:
    if not settings.get(session, "ppn.enabled"):
        return 0
    return ppn_included(total, settings.get(session, "ppn.numerator"),
                        settings.get(session, "ppn.denominator"))


def _source(session: Session, channel_id: int | None) -> str:
    if channel_id is None:
        return ChannelKind.COUNTER

    channel = session.get(SalesChannel, channel_id)
    if channel is None:
        raise ValidationError("Saluran penjualan tidak ditemukan.")
    return channel.kind


def get_order(session: Session, order_id: int) -> Order:
    """The order with this id (lines and payments load on access), or NotFoundError."""
    order = session.get(Order, order_id)
    if order is None:
        raise NotFoundError("Pesanan #{order_id} tidak ditemukan.", order_id=order_id)
    return order


def sold_qty(order: Order) -> dict[int, Decimal]:
    """Quantity sold per order line id."""
    return {line.id: line.qty for line in order.lines}
