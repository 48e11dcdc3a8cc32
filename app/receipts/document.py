"""The receipt document: every word and figure a receipt shows, decided once.

:func:`build_document` turns the facts of an order (a :class:`~app.receipts.layout.Receipt`,
read from the database by :mod:`app.receipts.from_order` or made by a test) into a
:class:`ReceiptDocument`: a frozen tree of sections whose labels are already in the
receipt's language (from :mod:`app.labels_i18n`) and whose amounts are already formatted.
It is the one place that decides which rows a receipt has, which word each row says
(``TOTAL RETUR`` on a refund, ``(menunggu konfirmasi)`` on a pending payment, the kode
unik note...), and which amount stands beside it (the amount due after rounding and
kode unik, the QRIS amount, LUNAS or BELUM LUNAS).

Every renderer only lays the document out: the ESC/POS roll, the PDF roll and the
text preview through :func:`app.receipts.builder.build_blocks`, the A4 nota in
:mod:`app.receipts.pdf_a4`. None of them computes a total or chooses a word, so a
refund, a pending transfer or a split payment says the same on paper, in the PDF and
on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from app.labels_i18n import translate
from app.money import format_qty, format_rupiah
from app.receipts.layout import (
    PaymentMethod,
    PaymentStatus,
    Receipt,
    ReceiptKind,
    ReceiptLine,
    ReceiptPayment,
    TransferDetails,
)
from contract.enums import OrderStatus

# Units that need no label after the quantity ("2 x Rp5.000" rather than "2 pcs x Rp5.000").
COUNT_UNITS = frozenset({"", "pcs", "pc", "buah", "biji", "bh"})
DATE_FORMAT = "%d/%m/%Y %H:%M"
TABLE_HEADS = ("col_no", "col_item", "col_qty_price", "col_discount", "col_amount")


class Weight(str, Enum):
    """How much a row stands out: GRAND is the total (bold and tall), STRONG is bold."""

    NORMAL = "normal"
    STRONG = "strong"
    GRAND = "grand"


@dataclass(frozen=True, slots=True)
class Field:
    """A label and its text value (``Kasir`` / ``Sari``; ``Jumlah tepat`` / ``Rp165.123``)."""

    label: str
    value: str
    weight: Weight = Weight.NORMAL


@dataclass(frozen=True, slots=True)
class MoneyRow:
    """A label and an amount; ``figure`` is the amount as printed (``-Rp2.000``)."""

    label: str
    amount: int
    figure: str
    weight: Weight = Weight.NORMAL


@dataclass(frozen=True, slots=True)
class PaymentRow:
    """One payment as printed: its label already carries the pending word."""

    label: str
    amount: int
    figure: str
    status: PaymentStatus
    method: PaymentMethod


@dataclass(frozen=True, slots=True)
class ShopHeader:
    """The shop's name, address lines, contact lines (phone, NPWP) and logo."""

    name: str
    address_lines: tuple[str, ...]
    contacts: tuple[str, ...]
    logo_path: Path | None


@dataclass(frozen=True, slots=True)
class DocLine:
    """A product line: ``quantity`` is ``2 x Rp35.000``; ``gross`` before, ``amount`` after the
    line discount and promotion. ``note`` is the wholesale price applied (``Grosir ≥12``),
    ``promo`` the promotion's row (``Beli 2 gratis 1  -Rp3.500``)."""

    name: str
    quantity: str
    gross: str
    discount: MoneyRow | None
    amount: str
    note: str = ""
    promo: MoneyRow | None = None


@dataclass(frozen=True, slots=True)
class PaymentSection:
    """Payments with their states, cash tendered and change, and LUNAS/BELUM LUNAS."""

    rows: tuple[PaymentRow, ...]
    cash: tuple[MoneyRow, ...]
    settlement: Field | None


@dataclass(frozen=True, slots=True)
class TransferBox:
    """Where to transfer: bank, account, holder, the exact amount, and what to mind."""

    title: str
    fields: tuple[Field, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QrisBox:
    """A dynamic QRIS code to scan and the amount it asks."""

    title: str
    payload: str
    amount: int
    figure: str


@dataclass(frozen=True, slots=True)
class ReceiptDocument:
    """Everything one receipt shows, worded in ``language``; renderers only lay it out."""

    language: str
    number: str
    is_refund: bool
    is_copy: bool
    shop: ShopHeader
    nota_title: str
    marks: tuple[str, ...]
    info: tuple[Field, ...]
    table_heads: tuple[str, ...]
    lines: tuple[DocLine, ...]
    totals: tuple[MoneyRow, ...]
    payment: PaymentSection | None
    transfer: TransferBox | None
    qris: QrisBox | None
    footer: str
    opens_drawer: bool
    pdf_title: str
    roll_title: str

    def words(self) -> tuple[str, ...]:
        """Every label the document prints (for checks that all renderers say the same)."""
        found = [*self.marks, *(f.label for f in self.info), *(r.label for r in self.totals)]
        if self.payment is not None:
            found += [r.label for r in self.payment.rows] + [r.label for r in self.payment.cash]
            if self.payment.settlement is not None:
                found.append(self.payment.settlement.value)
        if self.transfer is not None:
            found += [self.transfer.title, *(f.label for f in self.transfer.fields)]
        if self.qris is not None:
            found.append(self.qris.title)
        return tuple(found)

    def figures(self) -> tuple[str, ...]:
        """Every amount the document prints next to a total, payment or transfer label."""
        found = [r.figure for r in self.totals]
        if self.payment is not None:
            found += [r.figure for r in self.payment.rows] + [r.figure for r in self.payment.cash]
        if self.transfer is not None:
            found += [f.value for f in self.transfer.fields if f.weight is Weight.GRAND]
        if self.qris is not None:
            found.append(self.qris.figure)
        return tuple(found)


class _Words:
    """The fixed words of one receipt language (``receipt.*`` entries of the catalog)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, key: str, **values: object) -> str:
        return translate(f"receipt.{key}", self.language, **values)

    def money(self, key: str, amount: int, weight: Weight = Weight.NORMAL,
              **values: object) -> MoneyRow:
        """A worded amount row."""
        return MoneyRow(self(key, **values), amount, format_rupiah(amount), weight)


def as_document(source: Receipt | ReceiptDocument) -> ReceiptDocument:
    """``source`` itself when it is a document, else the document built from it."""
    return source if isinstance(source, ReceiptDocument) else build_document(source)


def build_document(receipt: Receipt) -> ReceiptDocument:
    """Decide every word and figure of ``receipt`` once, for all renderers."""
    words = _Words(receipt.language)
    refund = receipt.kind is ReceiptKind.REFUND
    return ReceiptDocument(
        language=receipt.language, number=receipt.order_number, is_refund=refund,
        is_copy=receipt.is_copy, shop=_shop(receipt, words), nota_title=words("nota"),
        marks=_marks(receipt, words), info=_info(receipt, words),
        table_heads=tuple(words(key) for key in TABLE_HEADS),
        lines=tuple(_line(line, words) for line in receipt.lines),
        totals=_totals(receipt, words), payment=_payment_section(receipt, words),
        transfer=_transfer(receipt.transfer, words), qris=_qris(receipt, words),
        footer=receipt.footer, opens_drawer=receipt.opens_drawer,
        pdf_title=words("nota_doc_title", number=receipt.order_number),
        roll_title=words("roll_doc_title", number=receipt.order_number),
    )


def _shop(receipt: Receipt, words: _Words) -> ShopHeader:
    """Name, address lines and the phone and NPWP lines."""
    contacts = []
    if receipt.phone:
        contacts.append(words("phone", phone=receipt.phone))
    if receipt.npwp:
        contacts.append(f"NPWP {receipt.npwp}")
    return ShopHeader(receipt.shop_name.strip(), tuple(receipt.address.splitlines()),
                      tuple(contacts), receipt.logo_path)


def _marks(receipt: Receipt, words: _Words) -> tuple[str, ...]:
    """RETUR PENJUALAN on a refund, DIBATALKAN on a voided order, CETAK ULANG on a copy."""
    marks = []
    if receipt.kind is ReceiptKind.REFUND:
        marks.append(words("refund_title"))
    if receipt.voided:
        marks.append(f"*** {OrderStatus.VOID.label(receipt.language).upper()} ***")
    if receipt.is_copy:
        marks.append(words("reprint"))
    return tuple(marks)


def _info(receipt: Receipt, words: _Words) -> tuple[Field, ...]:
    """Number, local date and time, cashier and the sales channel."""
    info = [Field(words("number"), receipt.order_number),
            Field(words("date"), receipt.created_at.strftime(DATE_FORMAT)),
            Field(words("cashier"), receipt.cashier)]
    if receipt.channel:
        info.append(Field(words("channel"), receipt.channel))
    return tuple(info)


def qty_text(line: ReceiptLine) -> str:
    """``2 x Rp5.000``, ``1,5 kg x Rp16.000`` (units that are counted get no label) or, for a
    pack, ``1 dus (40 pcs) x Rp110.000``."""
    unit = line.unit.strip()
    if line.pack_name:
        inside = format_qty(line.qty * line.pack_factor)
        return (f"{format_qty(line.qty)} {line.pack_name} ({inside} {unit or 'pcs'})"
                f" x {format_rupiah(line.unit_price)}")
    unit_part = "" if unit.lower() in COUNT_UNITS else f" {unit}"
    return f"{format_qty(line.qty)}{unit_part} x {format_rupiah(line.unit_price)}"


def _line(line: ReceiptLine, words: _Words) -> DocLine:
    """A product line with its tier note, discount row and promotion row."""
    own = line.discount - line.promo_discount
    discount = words.money("discount", -own) if own else None
    promo = None
    if line.promo_discount:
        promo = MoneyRow(line.promo_name or words("discount"), -line.promo_discount,
                         format_rupiah(-line.promo_discount))
    return DocLine(line.name, qty_text(line), format_rupiah(line.gross), discount,
                   format_rupiah(line.total), line.tier_note, promo)


def _totals(receipt: Receipt, words: _Words) -> tuple[MoneyRow, ...]:
    """Subtotal, order discount, TOTAL (TOTAL RETUR), PPN inside it, then the adjustments."""
    rows = []
    if receipt.order_discount or receipt.subtotal != receipt.total:
        rows.append(words.money("subtotal", receipt.subtotal))
    if receipt.order_discount:
        rows.append(words.money("order_discount", -receipt.order_discount))
    total_key = "refund_total" if receipt.kind is ReceiptKind.REFUND else "total"
    rows.append(words.money(total_key, receipt.total, Weight.GRAND))
    if receipt.ppn is not None:
        rows.append(words.money("includes", receipt.ppn.amount, tax=receipt.ppn.label))
    return (*rows, *_adjustments(receipt, words))


def _adjustments(receipt: Receipt, words: _Words) -> tuple[MoneyRow, ...]:
    """Kode unik taken off and cash rounding ("Pembulatan"), then what the buyer pays."""
    if not receipt.rounding and not receipt.code_discount:
        return ()
    rows = []
    if receipt.code_discount:
        rows.append(words.money("code_discount", -receipt.code_discount))
    if receipt.rounding:
        rows.append(words.money("rounding", receipt.rounding))
    rows.append(words.money("amount_due", receipt.amount_due, Weight.STRONG))
    return tuple(rows)


def _payment_row(payment: ReceiptPayment, words: _Words) -> PaymentRow:
    """A payment; a pending one says so in the words of its status (``menunggu konfirmasi``)."""
    label = payment.label
    if payment.status is PaymentStatus.PENDING:
        label = f"{label} ({PaymentStatus.PENDING.label(words.language).lower()})"
    return PaymentRow(label, payment.amount, format_rupiah(payment.amount), payment.status,
                      payment.method)


def _payment_section(receipt: Receipt, words: _Words) -> PaymentSection | None:
    """Payments, cash tendered and change, and LUNAS/BELUM LUNAS on a sale."""
    if not receipt.payments and receipt.tendered is None:
        return None
    cash: tuple[MoneyRow, ...] = ()
    if receipt.tendered is not None:
        cash = (words.money("tendered", receipt.tendered),
                words.money("change", receipt.change, Weight.STRONG))
    settlement = None
    if receipt.kind is ReceiptKind.SALE and not receipt.voided:
        state = words("paid" if receipt.is_settled else "unpaid")
        settlement = Field(words("status"), state, Weight.STRONG)
    rows = tuple(_payment_row(p, words) for p in receipt.payments)
    return PaymentSection(rows, cash, settlement)


def _transfer(details: TransferDetails | None, words: _Words) -> TransferBox | None:
    """Bank, account, holder and the exact amount with its kode unik note."""
    if details is None:
        return None
    fields = (Field(words("bank"), details.bank),
              Field(words("account_short"), details.account_number, Weight.STRONG),
              Field(words("holder"), details.holder),
              Field(words("exact_amount"), format_rupiah(details.amount_due), Weight.GRAND))
    notes = []
    if details.unique_code > 0:
        notes.append(words("unique_code", code=details.unique_code))
    elif details.unique_code < 0:
        notes.append(words("unique_code_off", code=-details.unique_code))
    notes.append(words("transfer_exact"))
    return TransferBox(words("transfer_title"), fields, tuple(notes))


def qris_amount(receipt: Receipt) -> int:
    """The amount asked by the QRIS code: the pending QRIS payment, else the total."""
    for payment in receipt.payments:
        if payment.method is PaymentMethod.QRIS and payment.status is PaymentStatus.PENDING:
            return payment.amount
    return receipt.total


def _qris(receipt: Receipt, words: _Words) -> QrisBox | None:
    """The dynamic QRIS code with the amount to pay."""
    if not receipt.qris_payload:
        return None
    amount = qris_amount(receipt)
    return QrisBox(words("qris_title"), receipt.qris_payload, amount, format_rupiah(amount))
