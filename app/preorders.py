"""Pre-orders (pesanan) with a DP: taken now, picked up (or delivered) later.

A pre-order names its customer (a known one by uuid, or just a name and phone), when it is
due, its lines (catalog products by uuid — kept aside from stock when ``reserved`` — or made to
order, free text allowed) with a note each (ukuran, tulisan di kue, warna), and any DP. A DP in
cash goes into the open shift's drawer (``shift_id``; no shift open: refused, as is a cash DP
given back or the cash rest of a pickup); by transfer or QRIS it waits as pending until
confirmed, like any transfer. The rest is paid at pickup: :func:`pickup` turns the
pre-order into an ordinary sale (cart filled with its lines, the DP as a
:attr:`~contract.enums.PaymentMethod.DEPOSIT` payment — never cash of the pickup shift, the
money was counted when the DP was taken — and the rest paid normally), all in one transaction.

Cancelling refunds the DP (a refund row: cash out of the open drawer) or keeps it
(``dp_kept``); the shop's rule ``preorder.keep_dp_on_cancel`` is the default and the seller
may choose at cancel. Every row written here is shared with the shop's other devices
(:func:`app.sync.books.share`) and audited in the same transaction.

Reservation: a reserved line of an open or ready pre-order holds its quantity, so a product's
available stock is ``on_hand − reserved`` (:func:`available`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit, settings
from app.cart import Cart, CartLine
from app.clock import now_utc, shop_day
from app.errors import ConflictError, NotFoundError, ValidationError
from app.money import MAX_AMOUNT, format_rupiah, line_total, quantize_qty
from app.sales import CheckoutResult, PaymentInput, checkout, device_code
from app.shifts import current_shift
from app.sync.books import share
from contract.enums import (
    PENDING_METHODS,
    PaymentMethod,
    PaymentStatus,
    PreorderPaymentKind,
    PreorderStatus,
)
from models import Order, Product
from models.books import Customer, Preorder, PreorderLine, PreorderPayment

OPEN = (PreorderStatus.OPEN, PreorderStatus.READY)
DEPOSIT_METHODS = (PaymentMethod.CASH, PaymentMethod.TRANSFER, PaymentMethod.QRIS,
                   PaymentMethod.OTHER)
CUSTOM_SKU = "PESANAN-KHUSUS"


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
class DepositInput:
    """A DP (or a later top-up) as chosen: method, amount, reference of a transfer."""

    method: str
    amount: int
    reference: str = ""
    unique_code: int = 0


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


@dataclass(frozen=True)
class Money:
    """A pre-order's money: total, DP counted, DP still pending, and what is left to pay."""

    total: int
    paid: int
    pending: int
    kept: int = 0

    @property
    def due(self) -> int:
        """What the customer still pays at pickup."""
        return max(self.total - self.paid, 0)


@dataclass
class DayGroup:
    """The pre-orders due on one shop day (upcoming pickups list)."""

    day: date
    orders: list[Preorder] = field(default_factory=list)


# ----- reading ------------------------------------------------------------------------------------


def get(session: Session, uuid: str) -> Preorder:
    """The pre-order with this uuid (NotFoundError when unknown here)."""
    row = session.scalar(select(Preorder).where(Preorder.uuid == uuid))
    if row is None:
        raise NotFoundError("Pesanan tidak ditemukan.")
    return row


def lines_of(session: Session, uuid: str) -> list[PreorderLine]:
    """The pre-order's lines in order."""
    return list(session.scalars(select(PreorderLine).where(PreorderLine.preorder_uuid == uuid)
                                .order_by(PreorderLine.position, PreorderLine.id)))


def payments_of(session: Session, uuid: str) -> list[PreorderPayment]:
    """The pre-order's DP payments and refunds, oldest first."""
    return list(session.scalars(select(PreorderPayment)
                                .where(PreorderPayment.preorder_uuid == uuid)
                                .order_by(PreorderPayment.created_at, PreorderPayment.id)))


def money(session: Session, order: Preorder) -> Money:
    """Total, DP counted (confirmed deposits − refunds), DP pending, DP kept."""
    paid = pending = 0
    for p in payments_of(session, order.uuid):
        sign = 1 if p.kind == PreorderPaymentKind.DEPOSIT else -1
        if p.status == PaymentStatus.CONFIRMED:
            paid += sign * p.amount
        elif p.status == PaymentStatus.PENDING and sign > 0:
            pending += p.amount
    return Money(order.total, paid, pending, order.dp_kept)


def reserved_by_product(session: Session, *, without: str | None = None) -> dict[str, Decimal]:
    """Quantity kept aside per product uuid by reserved lines of open pre-orders."""
    query = (select(PreorderLine.product_uuid, func.sum(PreorderLine.qty))
             .join(Preorder, Preorder.uuid == PreorderLine.preorder_uuid)
             .where(PreorderLine.reserved.is_(True), PreorderLine.product_uuid.is_not(None),
                    Preorder.status.in_(OPEN))
             .group_by(PreorderLine.product_uuid))
    if without:
        query = query.where(Preorder.uuid != without)
    return {str(k): quantize_qty(Decimal(str(v))) for k, v in session.execute(query)}


def available(session: Session, product_uuids: Iterable[str]) -> dict[str, Decimal]:
    """``on_hand − reserved`` per product uuid (products unknown here are left out)."""
    keys = list(product_uuids)
    reserved = reserved_by_product(session)
    rows = session.execute(select(Product.uuid, Product.on_hand).where(Product.uuid.in_(keys)))
    return {str(k): quantize_qty(Decimal(on_hand) - reserved.get(str(k), Decimal(0)))
            for k, on_hand in rows}


def upcoming(session: Session, days: int = 14, *, today: date | None = None) -> list[DayGroup]:
    """Open pre-orders by due shop day: every overdue one first, then up to ``days`` ahead."""
    first = today or shop_day(now_utc())
    rows = session.scalars(select(Preorder).where(Preorder.status.in_(OPEN))
                           .order_by(Preorder.due_at, Preorder.id))
    groups: dict[date, DayGroup] = {}
    for row in rows:
        day = shop_day(row.due_at)
        if (day - first).days > days:
            break
        groups.setdefault(day, DayGroup(day)).orders.append(row)
    return list(groups.values())


def urgency(order: Preorder, today: date) -> str:
    """``overdue``, ``today``, ``tomorrow`` or ``later`` for the list's highlight."""
    delta = (shop_day(order.due_at) - today).days
    return "overdue" if delta < 0 else "today" if delta == 0 else \
        "tomorrow" if delta == 1 else "later"


# ----- writing ------------------------------------------------------------------------------------


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


def _check_open(order: Preorder) -> None:
    """Refuse to change a pre-order that was picked up or cancelled (a whole sentence each)."""
    if order.status == PreorderStatus.PICKED_UP:
        raise ValidationError("Pesanan ini sudah diambil.")
    if order.status not in OPEN:
        raise ValidationError("Pesanan ini sudah dibatalkan.")


def add_deposit(session: Session, uuid: str, deposit: DepositInput, *,
                user_id: int | None = None) -> PreorderPayment:
    """Take a DP (or more of it): cash into the open drawer, transfer/QRIS pending."""
    order = get(session, uuid)
    _check_open(order)
    if deposit.method not in DEPOSIT_METHODS:
        raise ValidationError("Cara bayar DP harus tunai, transfer, QRIS atau lainnya.", field="deposit")
    left = money(session, order)
    if not 0 < deposit.amount <= left.total - left.paid - left.pending:
        raise ValidationError("DP harus lebih dari nol dan tidak melebihi sisa {due}.",
                              field="deposit", due=format_rupiah(left.due - left.pending))
    pending = deposit.method in PENDING_METHODS
    if _no_drawer(session, deposit.method):
        raise ConflictError("Belum ada shift yang dibuka: DP tunai masuk ke laci shift. Buka shift "
                            "dulu di Laporan → Shift, atau pilih transfer/QRIS.")
    shift = current_shift(session) if deposit.method == PaymentMethod.CASH else None
    payment = PreorderPayment(preorder_uuid=uuid, kind=PreorderPaymentKind.DEPOSIT,
                              method=deposit.method, amount=deposit.amount,
                              status=PaymentStatus.PENDING if pending else PaymentStatus.CONFIRMED,
                              unique_code=deposit.unique_code, reference=deposit.reference[:120],
                              user_id=user_id, shift_id=shift.id if shift else None,
                              created_at=now_utc())
    session.add(payment)
    share(session, payment)
    audit.record(session, "preorder.deposit", user_id, None, preorder=uuid,
                 method=deposit.method, amount=deposit.amount)
    return payment


def confirm_deposit(session: Session, payment_uuid: str, *, user_id: int | None = None) -> None:
    """The seller saw the DP transfer/QRIS arrive: pending → confirmed."""
    payment = session.scalar(select(PreorderPayment).where(PreorderPayment.uuid == payment_uuid))
    if payment is None or payment.status != PaymentStatus.PENDING:
        raise ValidationError("DP ini tidak menunggu konfirmasi.")
    payment.status = PaymentStatus.CONFIRMED
    share(session, payment)
    audit.record(session, "preorder.deposit_confirm", user_id, None, payment=payment_uuid)


def confirm_pending_deposits(session: Session, uuid: str, *, user_id: int | None = None) -> int:
    """Confirm every DP of the pre-order still waiting (the seller saw the money); how many."""
    pending = [p for p in payments_of(session, uuid) if p.status == PaymentStatus.PENDING]
    for payment in pending:
        confirm_deposit(session, payment.uuid, user_id=user_id)
    return len(pending)


def mark_ready(session: Session, uuid: str, *, user_id: int | None = None) -> None:
    """The order is made and waits for its customer."""
    order = get(session, uuid)
    if order.status != PreorderStatus.OPEN:
        raise ValidationError("Hanya pesanan yang masih dipesan bisa ditandai siap.")
    order.status = PreorderStatus.READY
    share(session, order)
    audit.record(session, "preorder.ready", user_id, None, preorder=uuid)


def cancel(session: Session, uuid: str, *, keep_dp: bool | None = None,
           user_id: int | None = None) -> Money:
    """Cancel: the DP counted so far is refunded (per method it came in; cash out of the open
    drawer) or kept by the shop (``keep_dp``; None = the shop's rule). Pending DPs are voided."""
    order = get(session, uuid)
    _check_open(order)
    keep = bool(settings.get(session, "preorder.keep_dp_on_cancel")) if keep_dp is None else keep_dp
    by_method: dict[str, int] = defaultdict(int)
    for p in payments_of(session, uuid):
        if p.status == PaymentStatus.PENDING:
            p.status = PaymentStatus.VOID
            share(session, p)
        elif p.status == PaymentStatus.CONFIRMED:
            by_method[p.method] += p.amount if p.kind == PreorderPaymentKind.DEPOSIT else -p.amount
    paid = sum(by_method.values())
    if not keep and by_method.get(PaymentMethod.CASH, 0) > 0 and _no_drawer(session, PaymentMethod.CASH):
        raise ConflictError("Belum ada shift yang dibuka: DP tunai dikembalikan dari laci shift. Buka "
                            "shift dulu di Laporan → Shift, atau pilih DP disimpan toko.")
    if keep:
        order.dp_kept = paid
    else:
        for method, amount in by_method.items():
            if amount > 0:
                _refund(session, uuid, method, amount, user_id)
    order.status = PreorderStatus.CANCELLED
    share(session, order)
    audit.record(session, "preorder.cancel", user_id, None, preorder=uuid, number=order.number,
                 dp=paid, kept=keep)
    return money(session, order)


def _no_drawer(session: Session, method: str) -> bool:
    """Cash of ``method`` with no shift open: refused, like every drawer line of the money book
    (no shift's expected cash would ever count it); transfer/QRIS/other need no drawer."""
    return method == PaymentMethod.CASH and current_shift(session) is None


def _refund(session: Session, uuid: str, method: str, amount: int, user_id: int | None) -> None:
    shift = current_shift(session) if method == PaymentMethod.CASH else None
    refund = PreorderPayment(preorder_uuid=uuid, kind=PreorderPaymentKind.REFUND, method=method,
                             amount=amount, status=PaymentStatus.CONFIRMED, user_id=user_id,
                             shift_id=shift.id if shift else None, created_at=now_utc())
    session.add(refund)
    share(session, refund)


def _custom_product(session: Session) -> Product:
    """The one placeholder product made-to-order lines are sold as (names kept per line)."""
    product = session.scalar(select(Product).where(Product.sku == CUSTOM_SKU))
    if product is None:
        product = Product(sku=CUSTOM_SKU, name="Pesanan khusus", unit="pcs", price=1,
                          sold_by_weight=True, published=False)
        session.add(product)
        session.flush()
    return product


def pickup_cart(session: Session, uuid: str) -> Cart:
    """The pre-order's lines as a till cart (agreed prices; made-to-order lines as the
    ``Pesanan khusus`` placeholder with their own names)."""
    cart = Cart(note=f"Pesanan {get(session, uuid).number}")
    for line in lines_of(session, uuid):
        product = session.scalar(select(Product).where(Product.uuid == line.product_uuid)) \
            if line.product_uuid else None
        if line.product_uuid and product is None:
            raise NotFoundError("Produk '{name}' belum ada di perangkat ini; tunggu sinkron.",
                                name=line.name)
        product = product or _custom_product(session)
        cart.add(CartLine(product.id, line.name, line.unit, line.qty, line.unit_price,
                          product.sold_by_weight))
    return cart


def pickup(session: Session, uuid: str, payments: list[PaymentInput], *,
           cashier_id: int | None = None) -> CheckoutResult:
    """The customer takes the order: one sale with the DP as a DEPOSIT payment and ``payments``
    for the rest; the pre-order is picked up with the sale's uuid (all one transaction)."""
    order = get(session, uuid)
    _check_open(order)
    left = money(session, order)
    if left.pending:
        raise ValidationError("DP {amount} masih menunggu konfirmasi; konfirmasi dulu.",
                              amount=format_rupiah(left.pending))
    if any(p.method == PaymentMethod.CASH and p.amount > 0 for p in payments) \
            and _no_drawer(session, PaymentMethod.CASH):
        raise ConflictError("Belum ada shift yang dibuka: sisa bayar tunai masuk ke laci shift. Buka "
                            "shift dulu di Laporan → Shift, atau pilih transfer/QRIS.")
    deposit = [PaymentInput(PaymentMethod.DEPOSIT, left.paid)] if left.paid > 0 else []
    result = checkout(session, pickup_cart(session, uuid), deposit + payments,
                      cashier_id=cashier_id, customer_uuid=order.customer_uuid, agreed_prices=True)
    sale = session.get(Order, result.order_id)
    assert sale is not None
    sale.buyer_name, sale.buyer_phone = order.customer_name, order.customer_phone
    order.status, order.order_uuid = PreorderStatus.PICKED_UP, sale.uuid
    share(session, order)
    audit.record(session, "preorder.pickup", cashier_id, None, preorder=uuid,
                 number=order.number, order=result.number, deposit=left.paid)
    return result
