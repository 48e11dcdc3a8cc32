"""Build a :class:`Receipt` from a saved order in the shop database.

This is the only place that knows both the order tables and the receipt layout
model: shop header, number, local (WIB) date and time, cashier, sales channel,
lines, discounts, totals, PPN, payments with their status, cash tendered and
change, the transfer box (bank, account, holder, exact amount with the kode
unik) and the QRIS code of a pending payment, and the footer. Refunds become a
"RETUR" slip with positive amounts; ``reprint=True`` marks the copy, and a voided
order is marked as such. :func:`app.receipts.document.build_document` then words it.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.clock import local
from app.errors import UserError
from app.labels_i18n import method_label, normal_language, translate
from app.money import ppn_included
from app.receipts.layout import (
    PaymentMethod,
    PaymentStatus,
    PpnInfo,
    Receipt,
    ReceiptKind,
    ReceiptLine,
    ReceiptPayment,
    TransferDetails,
)
from app.sales import get_order
from contract import qris
from contract.enums import ChannelKind, OrderStatus
from models import (
    BankAccount,
    Order,
    OrderLine,
    Payment,
    Promotion,
    SalesChannel,
    ShopProfile,
    User,
)

DEFAULT_SHOP_NAME = "Toko"
NO_CASHIER = "-"


def receipt_from_order(session: Session, order_id: int, *, reprint: bool = False) -> Receipt:
    """The receipt of order ``order_id`` (raises :class:`~app.errors.NotFoundError`).

    Reads only; the caller's session is not written to.
    """
    order = get_order(session, order_id)
    profile = session.scalar(select(ShopProfile).limit(1))
    refund = order.kind == ReceiptKind.REFUND
    sign = -1 if refund else 1
    payments = [p for p in order.payments if p.status != PaymentStatus.VOID]
    cash = [p for p in payments if p.method == PaymentMethod.CASH]
    tendered_parts = [p.tendered for p in cash if p.tendered is not None]
    language = receipt_language(session)
    return Receipt(
        shop_name=(profile.name if profile else "") or DEFAULT_SHOP_NAME,
        address=profile.address if profile else "",
        phone=profile.phone if profile else "",
        npwp=(profile.npwp or None) if profile else None,
        order_number=order.number,
        created_at=local(order.created_at),
        cashier=_cashier(session, order),
        channel=_channel(session, order),
        lines=_lines(session, order, sign),
        subtotal=sign * order.subtotal,
        order_discount=sign * order.discount,
        total=sign * order.total,
        ppn=_ppn(session, order, sign),
        payments=tuple(_payment(session, p, sign, refund, language) for p in payments),
        tendered=sum(tendered_parts) if tendered_parts and not refund else None,
        change=sum(p.change for p in cash) if not refund else 0,
        transfer=_transfer(session, payments),
        qris_payload=_qris_payload(session, payments),
        footer=_footer(session, order, language),
        is_copy=reprint,
        kind=ReceiptKind.REFUND if refund else ReceiptKind.SALE,
        language=language,
        rounding=sign * order.rounding,
        code_discount=-sum(min(p.unique_code, 0) for p in payments
                            if p.method == PaymentMethod.TRANSFER),
        voided=order.status == OrderStatus.VOID,
    )


def receipt_language(session: Session) -> str:
    """The language receipts and report files print their fixed words in (``id``/``en``)."""
    return normal_language(settings.get(session, "receipt.language"))


def _cashier(session: Session, order: Order) -> str:
    """The name of who sold (or refunded), or a dash."""
    if order.cashier_id is None:
        return NO_CASHIER
    user = session.get(User, order.cashier_id)
    return user.name if user is not None else NO_CASHIER


def _channel(session: Session, order: Order) -> str | None:
    """The event or online channel name; the shop counter itself is not printed."""
    if order.channel_id is None:
        return None
    channel = session.get(SalesChannel, order.channel_id)
    if channel is None or channel.kind == ChannelKind.COUNTER:
        return None
    return channel.name


def _lines(session: Session, order: Order, sign: int) -> tuple[ReceiptLine, ...]:
    """The order's lines with the names of their promotions (one query when any has one)."""
    ids = {line.promotion_id for line in order.lines if line.promotion_id is not None}
    names: dict[int, str] = {}
    if ids:
        names = {int(i): n for i, n in session.execute(
            select(Promotion.id, Promotion.name).where(Promotion.id.in_(ids)))}
    return tuple(_line(line, sign, names) for line in order.lines)


def _line(line: OrderLine, sign: int, promo_names: dict[int, str]) -> ReceiptLine:
    """One order line as a receipt line (refund lines turned positive)."""
    promo = promo_names.get(line.promotion_id, "") if line.promotion_id is not None else ""
    return ReceiptLine(line.name, sign * line.qty, line.unit, line.unit_price, line.discount,
                       sign * line.total, pack_name=line.pack_name or "",
                       pack_factor=line.pack_factor or Decimal(1), tier_note=line.price_note or "",
                       promo_name=promo, promo_discount=line.promo_discount or 0)


def _ppn(session: Session, order: Order, sign: int) -> PpnInfo | None:
    """The PPN contained in the total: the amount recorded at sale, or computed when PPN is on."""
    enabled = bool(settings.get(session, "ppn.enabled"))
    if not order.tax and not enabled:
        return None
    amount = order.tax or ppn_included(sign * order.total,
                                       int(settings.get(session, "ppn.numerator")),
                                       int(settings.get(session, "ppn.denominator")))
    label = str(settings.get(session, "ppn.rate_label")).strip()
    return PpnInfo(f"PPN {label}".strip(), abs(amount))


def payment_label(session: Session, payment: Payment, refund: bool = False,
                  language: str = "id") -> str:
    """``Tunai``, ``Transfer BCA``, ``QRIS``…; ``Tunai dikembalikan`` on a refund."""
    label = method_label(payment.method, language)
    if payment.method == PaymentMethod.TRANSFER and payment.bank_account_id is not None:
        account = session.get(BankAccount, payment.bank_account_id)
        if account is not None:
            label = translate("receipt.transfer_bank", language, bank=account.bank)
    if refund:
        label = translate("receipt.refunded", language, label=label)
    return label


def _payment(session: Session, payment: Payment, sign: int, refund: bool,
             language: str) -> ReceiptPayment:
    """A payment as printed; a transfer shows what the buyer pays: amount + kode unik."""
    amount = sign * payment.amount
    if payment.method == PaymentMethod.TRANSFER:
        amount += payment.unique_code
    status = PaymentStatus.PENDING if payment.status == PaymentStatus.PENDING else PaymentStatus.CONFIRMED
    try:
        method = PaymentMethod(payment.method)
    except ValueError:
        method = PaymentMethod.OTHER
    return ReceiptPayment(payment_label(session, payment, refund, language), amount, status, method)


def _transfer(session: Session, payments: list[Payment]) -> TransferDetails | None:
    """The bank box for the first pending transfer whose account is known."""
    for payment in payments:
        if payment.method != PaymentMethod.TRANSFER or payment.status != PaymentStatus.PENDING:
            continue
        if payment.bank_account_id is None:
            continue
        account = session.get(BankAccount, payment.bank_account_id)
        if account is None:
            continue
        return TransferDetails(account.bank, account.number, account.holder,
                               payment.amount + payment.unique_code, payment.unique_code)
    return None


def _qris_payload(session: Session, payments: list[Payment]) -> str | None:
    """The dynamic QRIS payload of a pending QRIS payment.

    Uses the payload stored with the payment, else makes one from the shop's static
    QRIS (Pengaturan → Pembayaran); None when neither is usable.
    """
    for payment in payments:
        if payment.method != PaymentMethod.QRIS or payment.status != PaymentStatus.PENDING:
            continue
        if payment.qris_payload:
            return payment.qris_payload
        static = str(settings.get(session, "qris.static_payload")).strip()
        if not static:
            return None
        try:
            return qris.to_dynamic(static, payment.amount)
        except UserError:
            return None
    return None


def _footer(session: Session, order: Order, language: str) -> str:
    """The shop's footer text; a refund first names the original order and the reason."""
    footer = str(settings.get(session, "receipt.footer"))
    if order.kind != ReceiptKind.REFUND:
        return footer
    parts = []
    if order.refund_of_id is not None:
        original = session.get(Order, order.refund_of_id)
        if original is not None:
            parts.append(translate("receipt.refund_of", language, number=original.number))
    if order.reason:
        parts.append(translate("receipt.reason", language, reason=order.reason))
    return "\n".join([*parts, footer]) if footer.strip() else "\n".join(parts)
