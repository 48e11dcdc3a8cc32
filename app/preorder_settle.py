"""The money side of a pre-order: its DP taken and confirmed, the pre-order cancelled (DP
given back or kept) or picked up as one ordinary sale.

A DP in cash goes into the open shift's drawer (``shift_id``; no shift open: refused, as is a
cash DP given back or the cash rest of a pickup); by transfer or QRIS it waits as pending until
confirmed, like any transfer. :func:`pickup` turns the pre-order into an ordinary sale (cart
filled with its lines, the DP as a :attr:`~contract.enums.PaymentMethod.DEPOSIT` payment —
never cash of the pickup shift, the money was counted when the DP was taken — and the rest
paid normally), all in one transaction.

Cancelling refunds the DP (a refund row: cash out of the open drawer) or keeps it
(``dp_kept``); the shop's rule ``preorder.keep_dp_on_cancel`` is the default and the seller
may choose at cancel. Every row written here is shared with the shop's other devices
(:func:`app.sync.books.share`) and audited in the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, settings
from app.cart import Cart, CartLine
from app.clock import now_utc
from app.errors import ConflictError, NotFoundError, ValidationError
from app.money import format_rupiah
from app.preorder_queries import OPEN, Money, get, lines_of, money, payments_of
from app.sales import CheckoutResult, PaymentInput, checkout
from app.shifts import current_shift
from app.sync.books import share
from contract.enums import PENDING_METHODS, PaymentMethod, PaymentStatus, PreorderPaymentKind, PreorderStatus
from models import Order, Product
from models.books import Preorder, PreorderPayment

DEPOSIT_METHODS = (PaymentMethod.CASH, PaymentMethod.TRANSFER, PaymentMethod.QRIS,
                   PaymentMethod.OTHER)
CUSTOM_SKU = "PESANAN-KHUSUS"


@dataclass
class DepositInput:
    """A DP (or a later top-up) as chosen: method, amount, reference of a transfer."""

    method: str
    amount: int
    reference: str = ""
    unique_code: int = 0


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
