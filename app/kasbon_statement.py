"""A customer's kasbon statement: the lines with a running balance, the aging, and the same as
WhatsApp text with a ``https://wa.me/62…?text=`` link (no WhatsApp API: the seller's own
WhatsApp opens with the text filled in). The PDF is :mod:`app.kasbon_pdf`.

Everything is as of a shop day passed in (never the PC's date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote

from sqlalchemy.orm import Session

from app import kasbon_allocation, kasbon_ledger, shop
from app.clock import local, shop_day
from app.customers import get_customer, local_phone
from app.errors import ValidationError
from app.kasbon_allocation import Aging, OpenSale
from app.money import format_rupiah
from contract.enums import CreditKind, PaymentMethod, PaymentStatus
from models.books import Customer

# The words of the statement's lines (Indonesian: the customer reads them).
KIND_TEXT = {CreditKind.SALE: "Belanja", CreditKind.PAYMENT: "Bayar", CreditKind.REFUND: "Retur",
             CreditKind.ADJUST: "Koreksi"}
METHOD_TEXT = {PaymentMethod.CASH: "tunai", PaymentMethod.TRANSFER: "transfer bank",
               PaymentMethod.QRIS: "QRIS"}


@dataclass(frozen=True)
class StatementLine:
    """One confirmed kasbon line: what, how much up (debit) or down (credit), the balance after."""

    at: datetime
    text: str
    debit: int
    credit: int
    balance: int


@dataclass(frozen=True)
class Statement:
    """Everything a statement shows, as of shop day ``day``."""

    shop_name: str
    shop_phone: str
    customer_name: str
    customer_phone: str
    day: date
    lines: tuple[StatementLine, ...]
    open_sales: tuple[OpenSale, ...]
    aging: Aging
    balance: int
    pending: int


def _text(kind: str, method: str | None, number: str) -> str:
    words = KIND_TEXT.get(CreditKind(kind), kind)
    if kind == CreditKind.PAYMENT and method in METHOD_TEXT:
        words += " " + METHOD_TEXT[PaymentMethod(method)]
    return f"{words} {number}".strip()


def statement(session: Session, customer_uuid: str, day: date) -> Statement:
    """The customer's statement up to the end of shop day ``day``."""
    customer = get_customer(session, customer_uuid)
    running, lines, pending = 0, [], 0
    for entry in kasbon_ledger.entries(session, customer_uuid):
        if shop_day(entry.created_at) > day:
            continue
        if entry.status == PaymentStatus.PENDING:
            pending += entry.amount
            continue
        if entry.status != PaymentStatus.CONFIRMED:
            continue
        up = entry.amount if entry.kind == CreditKind.SALE else 0
        running += up - (entry.amount - up)
        lines.append(StatementLine(entry.created_at, _text(entry.kind, entry.method, entry.order_number),
                                   up, entry.amount - up, running))
    sales = tuple(s for s in kasbon_allocation.open_sales(session, customer_uuid, day) if s.unpaid > 0)
    profile = shop.profile(session)
    return Statement(profile.name, profile.phone, customer.name, customer.phone, day, tuple(lines),
                     sales, kasbon_allocation.age_of(sales, day), running, pending)


def whatsapp_text(st: Statement) -> str:
    """The reminder a seller sends: each unpaid sale with its date and rest, the total."""
    rows = [f"Halo {st.customer_name},", "",
            f"Rincian kasbon di {st.shop_name} per {st.day:%d/%m/%Y}:"]
    for sale in st.open_sales:
        rest = "" if sale.unpaid == sale.amount else f" (sisa {format_rupiah(sale.unpaid)})"
        rows.append(f"- {local(sale.created_at):%d/%m} {sale.order_number}: "
                    f"{format_rupiah(sale.amount)}{rest}")
    rows += ["", f"Total kasbon: *{format_rupiah(st.balance)}*"]
    if st.pending:
        rows.append(f"(Pembayaran {format_rupiah(st.pending)} sedang kami cek.)")
    rows += ["", "Terima kasih."]
    if st.shop_phone:
        rows.append(f"{st.shop_name} · {st.shop_phone}")
    return "\n".join(rows)


def wa_link(phone: str, text: str) -> str:
    """``https://wa.me/62…?text=…`` (URL-encoded) for a stored ``+62…`` phone."""
    if not phone.startswith("+62"):
        raise ValidationError("Pelanggan belum punya nomor HP untuk WhatsApp.", field="phone")
    return f"https://wa.me/{phone[1:]}?text={quote(text, safe='')}"


def whatsapp_link(session: Session, customer: Customer, day: date) -> str:
    """The wa.me link with this customer's statement text filled in."""
    if not customer.phone:
        raise ValidationError("Pelanggan {name} belum punya nomor HP untuk WhatsApp.",
                              field="phone", name=customer.name)
    return wa_link(customer.phone, whatsapp_text(statement(session, customer.uuid, day)))


def phone_text(customer: Customer) -> str:
    """The customer's phone as a seller writes it, or a dash."""
    return local_phone(customer.phone) if customer.phone else "–"
