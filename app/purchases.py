"""Purchases (barang masuk) from suppliers, purchase orders received in part, and returns.

A received purchase brings its goods in through the stock ledger (``MovementKind.PURCHASE``,
with each line's unit cost) and moves every product's cost to the moving average (HPP
rata-rata, :func:`app.inventory.moving_average`). It is paid now (from the drawer, in the open
shift, or from the bank) or owed (utang dagang) and paid later (:func:`pay_purchase`). A return
to the supplier takes goods out at the purchase's cost (``MovementKind.SUPPLIER_RETURN``),
lowers what is owed, and what it returns beyond that the supplier gives back (into the drawer
as a kas masuk, or to the bank). Each action is one transaction with its audit entry and its
rows shared with the shop's devices. Reads (lists, payables aging): :mod:`app.purchase_queries`.

A line bought in packs keeps its pack (name, factor, cost per pack): stock moves in base units
at the cost per base unit rounded to the rupiah (the HPP), while the line's money, hence the
purchase's total and what is owed, is qty in packs × cost per pack, exactly the supplier's
invoice (:func:`line_amount`, the one rule for every total here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit, inventory
from app.cashbook import CashInput, check_amount, record_cash
from app.clock import now_utc, shop_day
from app.errors import ConflictError, NotFoundError, StockError, ValidationError
from app.money import format_qty, format_rupiah, round_rupiah
from app.pack_units import exact_base, purchase_line_amount
from app.sales import device_code
from app.shifts import current_shift
from app.sync.books import share
from contract.enums import (
    CashCategory,
    CashDirection,
    MoneySource,
    MovementKind,
    PurchaseKind,
    PurchaseStatus,
)
from models import Product, Purchase, PurchaseLine, SupplierPayment
from models.base import new_uuid
from models.pricing import ProductPack


@dataclass(frozen=True)
class LineInput:
    """One product of a purchase: qty and unit cost of the product, or of a pack of it."""

    product_id: int
    qty: Decimal
    unit_cost: int
    pack_id: int | None = None


@dataclass(frozen=True)
class PurchaseInput:
    """A purchase as typed: supplier, lines, the supplier's invoice, and how it is paid now."""

    supplier_uuid: str | None
    lines: list[LineInput]
    invoice_no: str = ""
    invoice_date: date | None = None
    due_date: date | None = None
    note: str = ""
    pay_source: MoneySource | None = None  # None: owed, paid later
    pay_amount: int | None = None  # None with a source: the whole total
    ordered: bool = False  # a purchase order: nothing received yet


@dataclass
class _Line:
    product: Product
    qty: Decimal  # base units
    unit_cost: int  # per base unit
    pack: dict[str, object] = field(default_factory=dict)  # pack_name, pack_factor, pack_cost


def line_amount(line: PurchaseLine) -> int:
    """What a line's received goods cost: in its pack's money when bought in packs (exactly
    what the supplier's invoice says), else qty × unit cost (:func:`purchase_line_amount`)."""
    return purchase_line_amount(line.qty_received, line.unit_cost, line.pack_factor, line.pack_cost)


def _total(lines: list[PurchaseLine]) -> int:
    return sum(line_amount(line) for line in lines)


def _base_line(session: Session, item: LineInput) -> _Line:
    """The line in the product's base unit: a pack's qty × factor at its cost ÷ factor."""
    product = session.get(Product, item.product_id)
    if product is None:
        raise NotFoundError("Produk #{product_id} tidak ditemukan.", product_id=item.product_id)
    qty = inventory.check_qty(item.qty, label="Jumlah beli")
    cost = inventory.check_cost(item.unit_cost)
    pack: dict[str, object] = {}
    if item.pack_id is not None:
        found = session.get(ProductPack, item.pack_id)
        if found is None or found.product_id != product.id:
            raise NotFoundError("Kemasan itu bukan kemasan '{name}'.", name=product.name)
        pack = {"pack_name": found.name, "pack_factor": found.factor, "pack_cost": cost}
        qty = inventory.check_qty(exact_base(qty, found.factor), label="Jumlah beli")
        cost = round_rupiah(Decimal(cost) / found.factor)  # per base unit: stock value, HPP
    if not product.sold_by_weight and qty != qty.to_integral_value():
        raise ValidationError("'{name}' dihitung per {unit}, jumlah harus bulat.", field="qty",
                              name=product.name, unit=product.unit)
    return _Line(product, qty, cost, pack)


def _next_number(session: Session, when: datetime) -> str:
    prefix = f"PB-{device_code(session)}-{shop_day(when):%Y%m%d}-"
    last = session.scalar(select(func.max(Purchase.number)).where(Purchase.number.like(prefix + "%")))
    seq = int(str(last).rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:04d}"


def _check_dates(data: PurchaseInput) -> None:
    if data.invoice_date and data.due_date and data.due_date < data.invoice_date:
        raise ValidationError("Jatuh tempo sebelum tanggal nota.", field="due_date")
    if len(data.invoice_no.strip()) > 60:
        raise ValidationError("Nomor nota terlalu panjang (maks. 60).", field="invoice_no")


def create_purchase(session: Session, data: PurchaseInput, *, user_id: int | None = None,
                    now: datetime | None = None) -> Purchase:
    """Record a purchase (goods in now) or a purchase order (``ordered``: goods come later)."""
    if not data.lines:
        raise ValidationError("Belum ada barang di pembelian ini.")
    _check_dates(data)
    when = now or now_utc()
    lines = [_base_line(session, item) for item in data.lines]
    purchase = Purchase(
        uuid=new_uuid(), number=_next_number(session, when), kind=PurchaseKind.PURCHASE.value,
        supplier_uuid=data.supplier_uuid, invoice_no=data.invoice_no.strip(),
        invoice_date=data.invoice_date, due_date=data.due_date, note=data.note.strip(),
        status=(PurchaseStatus.ORDERED if data.ordered else PurchaseStatus.RECEIVED).value,
        user_id=user_id, created_at=when, received_at=None if data.ordered else when)
    session.add(purchase)
    rows = [PurchaseLine(purchase_uuid=purchase.uuid, position=i, product_uuid=line.product.uuid,
                         name=line.product.name, unit=line.product.unit, qty_ordered=line.qty,
                         qty_received=Decimal(0) if data.ordered else line.qty,
                         unit_cost=line.unit_cost, created_at=when, **line.pack)
            for i, line in enumerate(lines)]
    session.add_all(rows)
    session.flush()
    if not data.ordered:
        _stock_in(session, purchase, [(line.product, line.qty, line.unit_cost) for line in lines],
                  user_id, when)
    purchase.total = _total(rows)
    audit.record(session, "purchase.order" if data.ordered else "purchase.create", user_id, None,
                 purchase=purchase.number, total=purchase.total, invoice=purchase.invoice_no,
                 lines=len(rows))
    _share_all(session, purchase, rows)
    if data.pay_source is not None and purchase.total > 0:
        amount = purchase.total if data.pay_amount is None else data.pay_amount
        pay_purchase(session, purchase.uuid, amount, data.pay_source, user_id=user_id, now=when)
    return purchase


def _share_all(session: Session, purchase: Purchase, lines: list[PurchaseLine]) -> None:
    share(session, purchase)
    for row in lines:
        share(session, row)


def _stock_in(session: Session, purchase: Purchase, items: list[tuple[Product, Decimal, int]],
              user_id: int | None, when: datetime,
              kind: MovementKind = MovementKind.PURCHASE) -> None:
    """Goods in (or out, for a return): each product's cost to the moving average, then the
    ledger in one batch."""
    for product, qty, cost in items:
        inventory.set_average_cost(session, product, qty, cost)
        product.on_hand += qty  # so a second line of the same product averages on top of it
    for product, qty, _cost in items:
        product.on_hand -= qty  # the ledger below moves the projection itself
    session.flush()
    inventory.record_movements(
        session, kind.value, [(p.id, q) for p, q, _c in items],
        created_at=when, user_id=user_id, product_uuids={p.id: p.uuid for p, _q, _c in items},
        unit_costs=[c for _p, _q, c in items])
    purchase.updated_at = when


def get_purchase(session: Session, uuid: str) -> Purchase:
    """The purchase with this uuid, or NotFoundError."""
    purchase = session.scalar(select(Purchase).where(Purchase.uuid == uuid))
    if purchase is None:
        raise NotFoundError("Pembelian tidak ditemukan.")
    return purchase


def purchase_lines(session: Session, uuid: str) -> list[PurchaseLine]:
    """The lines of a purchase (or return) in their order."""
    return list(session.scalars(select(PurchaseLine).where(PurchaseLine.purchase_uuid == uuid)
                                .order_by(PurchaseLine.position)))


def _products(session: Session, lines: list[PurchaseLine]) -> dict[str, Product]:
    uuids = {line.product_uuid for line in lines}
    found = {p.uuid: p for p in session.scalars(select(Product).where(Product.uuid.in_(uuids)))}
    missing = uuids - found.keys()
    if missing:
        raise NotFoundError("Produk pembelian ini belum ada di perangkat ini.")
    return found


def receive_order(session: Session, uuid: str, received: dict[int, Decimal], *,
                  user_id: int | None = None, now: datetime | None = None) -> Purchase:
    """Goods of a purchase order arrived: ``{line position: qty}``; partial until all is in."""
    purchase = get_purchase(session, uuid)
    if purchase.status not in (PurchaseStatus.ORDERED, PurchaseStatus.PARTIAL):
        raise ConflictError("Pesanan pembelian {number} sudah diterima semua.", number=purchase.number)
    when = now or now_utc()
    lines = {line.position: line for line in purchase_lines(session, uuid)}
    products = _products(session, list(lines.values()))
    items: list[tuple[Product, Decimal, int]] = []
    for position, asked in sorted(received.items()):
        line = lines.get(position)
        if line is None:
            raise NotFoundError("Baris {n} bukan bagian dari {number}.", n=position + 1,
                                number=purchase.number)
        if asked == 0:
            continue
        qty = inventory.check_qty(asked, label="Jumlah diterima")
        line.qty_received += qty
        items.append((products[line.product_uuid], qty, line.unit_cost))
        share(session, line)
    if not items:
        raise ValidationError("Isi jumlah barang yang diterima.")
    _stock_in(session, purchase, items, user_id, when)
    done = all(line.qty_received >= line.qty_ordered for line in lines.values())
    purchase.status = (PurchaseStatus.RECEIVED if done else PurchaseStatus.PARTIAL).value
    purchase.received_at = when
    purchase.total = _total(list(lines.values()))
    audit.record(session, "purchase.receive", user_id, None, purchase=purchase.number,
                 status=purchase.status, total=purchase.total)
    share(session, purchase)
    return purchase


def paid_amount(session: Session, uuid: str) -> int:
    """What was paid to the supplier for this purchase."""
    return int(session.scalar(select(func.coalesce(func.sum(SupplierPayment.amount), 0))
                              .where(SupplierPayment.purchase_uuid == uuid)) or 0)


def returned_amount(session: Session, uuid: str) -> int:
    """The value of the goods returned to the supplier from this purchase."""
    return int(session.scalar(select(func.coalesce(func.sum(Purchase.total), 0)).where(
        Purchase.return_of == uuid, Purchase.kind == PurchaseKind.RETURN)) or 0)


def owed(session: Session, purchase: Purchase) -> int:
    """What the shop still owes for this purchase (never below zero)."""
    if purchase.kind != PurchaseKind.PURCHASE:
        return 0
    return max(0, purchase.total - paid_amount(session, purchase.uuid)
               - returned_amount(session, purchase.uuid))


def pay_purchase(session: Session, uuid: str, amount: int, source: MoneySource, *,
                 user_id: int | None = None, note: str = "",
                 now: datetime | None = None) -> SupplierPayment:
    """Pay (part of) what a purchase owes, from the drawer (the open shift) or the bank."""
    purchase = get_purchase(session, uuid)
    check_amount(amount)
    left = owed(session, purchase)
    if amount > left:
        raise ValidationError("Bayar {amount} melebihi sisa utang {left}.", field="amount",
                              amount=format_rupiah(amount), left=format_rupiah(left))
    source = MoneySource(source)
    shift = current_shift(session) if source == MoneySource.DRAWER else None
    if source == MoneySource.DRAWER and shift is None:
        raise ConflictError("Belum ada shift yang dibuka. Buka shift dulu untuk membayar dari laci.")
    payment = SupplierPayment(supplier_uuid=purchase.supplier_uuid, purchase_uuid=uuid,
                              source=source.value, amount=amount, note=note.strip()[:200],
                              user_id=user_id, shift_id=shift.id if shift else None,
                              created_at=now or now_utc())
    session.add(payment)
    session.flush()
    audit.record(session, "purchase.pay", user_id, None, purchase=purchase.number, amount=amount,
                 source=source.value, shift=payment.shift_id)
    share(session, payment)
    return payment


def _returned_qty(session: Session, uuid: str) -> dict[int, Decimal]:
    rows = session.execute(
        select(PurchaseLine.position, func.sum(PurchaseLine.qty_received))
        .join(Purchase, Purchase.uuid == PurchaseLine.purchase_uuid)
        .where(Purchase.return_of == uuid, Purchase.kind == PurchaseKind.RETURN)
        .group_by(PurchaseLine.position))
    return {int(pos): Decimal(qty) for pos, qty in rows}


def return_to_supplier(session: Session, uuid: str, items: dict[int, Decimal], *,
                       refund_source: MoneySource = MoneySource.DRAWER, reason: str = "",
                       user_id: int | None = None, now: datetime | None = None) -> Purchase:
    """Give goods of a purchase back (``{line position: qty}``) at the purchase's cost.

    The return lowers what is owed; what it returns beyond that the supplier pays back,
    into the drawer (a kas masuk in the open shift) or to the bank.
    """
    original = get_purchase(session, uuid)
    if original.kind != PurchaseKind.PURCHASE or original.status == PurchaseStatus.ORDERED:
        raise ConflictError("Hanya barang yang sudah diterima yang bisa diretur.")
    when = now or now_utc()
    lines = {line.position: line for line in purchase_lines(session, uuid)}
    products, done = _products(session, list(lines.values())), _returned_qty(session, uuid)
    owed_before = owed(session, original)
    back = Purchase(uuid=new_uuid(), number=_next_number(session, when), kind=PurchaseKind.RETURN.value,
                    supplier_uuid=original.supplier_uuid, return_of=uuid, note=reason.strip(),
                    status=PurchaseStatus.RECEIVED.value, user_id=user_id, created_at=when,
                    received_at=when)
    session.add(back)
    rows, moves = [], []
    for position, asked in sorted(items.items()):
        line = lines.get(position)
        if line is None:
            raise NotFoundError("Baris {n} bukan bagian dari {number}.", n=position + 1,
                                number=original.number)
        qty = inventory.check_qty(asked, label="Jumlah retur")
        left = line.qty_received - done.get(position, Decimal(0))
        if qty > left:
            raise StockError("Retur '{name}' {qty} melebihi yang diterima (sisa {left}).",
                             name=line.name, qty=format_qty(qty), left=format_qty(left))
        rows.append(PurchaseLine(purchase_uuid=back.uuid, position=position,
                                 product_uuid=line.product_uuid, name=line.name, unit=line.unit,
                                 qty_ordered=qty, qty_received=qty, unit_cost=line.unit_cost,
                                 pack_name=line.pack_name, pack_factor=line.pack_factor,
                                 pack_cost=line.pack_cost, created_at=when))
        moves.append((products[line.product_uuid], -qty, line.unit_cost))
    if not rows:
        raise ValidationError("Pilih barang yang diretur.")
    session.add_all(rows)
    session.flush()
    _stock_in(session, back, moves, user_id, when, MovementKind.SUPPLIER_RETURN)
    back.total = _total(rows)
    refund = max(0, back.total - owed_before)
    audit.record(session, "purchase.return", user_id, None, purchase=original.number,
                 number=back.number, total=back.total, refund=refund, source=refund_source.value)
    _share_all(session, back, rows)
    if refund and MoneySource(refund_source) == MoneySource.DRAWER:
        record_cash(session, CashInput(CashDirection.IN, CashCategory.SUPPLIER, refund,
                                       note=f"Retur {back.number}"),
                    user_id=user_id, purchase_uuid=back.uuid, now=when, exempt=True)
    return back
