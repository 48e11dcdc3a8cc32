"""Pre-orders (pesanan) with a DP: taken now, picked up (or delivered) later.

A pre-order names its customer (a known one by uuid, or just a name and phone), when it is
due, its lines (catalog products by uuid — kept aside from stock when ``reserved`` — or made to
order, free text allowed) with a note each (ukuran, tulisan di kue, warna), and any DP.

This module takes the pre-order (:func:`create`) and marks it made (:func:`mark_ready`); the
rest lives beside it and is importable from here too: the reads (money, reserved stock,
upcoming pickups) in :mod:`app.preorder_queries`, the DP, cancel and pickup in
:mod:`app.preorder_settle`. Every row written is shared with the shop's other devices
(:func:`app.sync.books.share`) and audited in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.clock import now_utc, shop_day
from app.errors import NotFoundError, ValidationError
from app.money import MAX_AMOUNT, line_total, quantize_qty
from app.preorder_queries import (
    OPEN,
    DayGroup,
    Money,
    available,
    get,
    lines_of,
    money,
    payments_of,
    reserved_by_product,
    upcoming,
    urgency,
)
from app.preorder_settle import (
    CUSTOM_SKU,
    DEPOSIT_METHODS,
    DepositInput,
    add_deposit,
    cancel,
    confirm_deposit,
    confirm_pending_deposits,
    pickup,
    pickup_cart,
)
from app.sales import device_code
from app.sync.books import share
from contract.enums import PreorderStatus
from models.books import Customer, Preorder, PreorderLine

__all__ = [
    "CUSTOM_SKU", "DEPOSIT_METHODS", "OPEN", "DayGroup", "DepositInput", "LineInput", "Money",
    "PreorderInput", "add_deposit", "available", "cancel", "confirm_deposit",
    "confirm_pending_deposits", "create", "get", "lines_of", "mark_ready", "money", "payments_of",
    "pickup", "pickup_cart", "reserved_by_product", "upcoming", "urgency",
]


@dataclass
class LineInput:
    """One item as typed in the pre-order dialog."""

    name: str
    qty: Decimal
    unit_price: int
    product_uuid: str | None = None  # None: made to order, free text
    unit: str = "pcs"
    reserved: bool = False
    note: str = ""


@dataclass
class PreorderInput:
    """What the pre-order dialog gives."""

    due_at: datetime
    lines: list[LineInput]
    customer_uuid: str | None = None
    customer_name: str = ""
    customer_phone: str = ""
    delivery: bool = False
    address: str = ""
    note: str = ""
    deposit: DepositInput | None = None


def _check_lines(lines: list[LineInput]) -> int:
    if not lines:
        raise ValidationError("Isi paling sedikit satu barang pesanan.", field="lines")
    total = 0
    for line in lines:
        if not line.name.strip():
            raise ValidationError("Nama barang pesanan belum diisi.", field="lines")
        if line.qty <= 0 or line.qty != quantize_qty(line.qty):
            raise ValidationError("Jumlah '{name}' harus lebih dari nol.", field="lines",
                                  name=line.name)
        if not 0 < line.unit_price <= MAX_AMOUNT:
            raise ValidationError("Harga '{name}' tidak sah.", field="lines", name=line.name)
        if line.reserved and not line.product_uuid:
            raise ValidationError("Hanya produk dari katalog yang bisa disisihkan dari stok.",
                                  field="lines")
        total += line_total(line.qty, line.unit_price)
    if total > MAX_AMOUNT:
        raise ValidationError("Total pesanan tidak masuk akal.", field="lines")
    return total


def _customer(session: Session, data: PreorderInput) -> tuple[str | None, str, str]:
    """(uuid, name, phone): a known customer's own name and phone, else what was typed."""
    if data.customer_uuid:
        known = session.scalar(select(Customer).where(Customer.uuid == data.customer_uuid))
        if known is None:
            raise NotFoundError("Pelanggan tidak ditemukan.")
        return known.uuid, known.name, known.phone
    name, phone = " ".join(data.customer_name.split()), "".join(data.customer_phone.split())
    if not name:
        raise ValidationError("Isi nama pemesan.", field="customer")
    if len(name) > 120 or len(phone) > 20:
        raise ValidationError("Nama atau nomor HP pemesan terlalu panjang.", field="customer")
    return None, name, phone


def _next_number(session: Session, when: datetime) -> str:
    prefix = f"PO-{device_code(session)}-{shop_day(when):%Y%m%d}-"
    last = session.scalar(select(func.max(Preorder.number)).where(Preorder.number.like(f"{prefix}%")))
    digits = str(last or "")[len(prefix):len(prefix) + 4]  # "0007" (or "0007-ab12": settled)
    seq = int(digits) + 1 if digits.isdigit() else 1
    return f"{prefix}{seq:04d}"


def create(session: Session, data: PreorderInput, *, user_id: int | None = None) -> Preorder:
    """Save a new pre-order with its lines and DP (one transaction, shared and audited)."""
    total = _check_lines(data.lines)
    customer_uuid, name, phone = _customer(session, data)
    now = now_utc()
    if data.due_at.tzinfo is None or data.due_at < now.replace(second=0, microsecond=0):
        raise ValidationError("Waktu ambil harus nanti, bukan yang sudah lewat.", field="due_at")
    order = Preorder(number=_next_number(session, now), customer_uuid=customer_uuid,
                     customer_name=name, customer_phone=phone, due_at=data.due_at,
                     delivery=data.delivery, address=data.address.strip()[:300],
                     note=data.note.strip(), total=total, created_at=now)
    session.add(order)
    share(session, order)
    for position, line in enumerate(data.lines):
        row = PreorderLine(preorder_uuid=order.uuid, position=position,
                           product_uuid=line.product_uuid, name=line.name.strip()[:160],
                           unit=line.unit[:12] or "pcs", qty=quantize_qty(line.qty),
                           unit_price=line.unit_price, reserved=line.reserved,
                           note=line.note.strip()[:300], created_at=now)
        session.add(row)
        share(session, row)
    audit.record(session, "preorder.create", user_id, None, preorder=order.uuid,
                 number=order.number, total=total)
    if data.deposit is not None and data.deposit.amount:
        add_deposit(session, order.uuid, data.deposit, user_id=user_id)
    return order


def mark_ready(session: Session, uuid: str, *, user_id: int | None = None) -> None:
    """The order is made and waits for its customer."""
    order = get(session, uuid)
    if order.status != PreorderStatus.OPEN:
        raise ValidationError("Hanya pesanan yang masih dipesan bisa ditandai siap.")
    order.status = PreorderStatus.READY
    share(session, order)
    audit.record(session, "preorder.ready", user_id, None, preorder=uuid)
