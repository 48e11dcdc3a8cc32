"""The receipt layout model: what a receipt says, independent of the database.

A :class:`Receipt` is plain frozen data filled from an order by
:mod:`app.receipts.from_order` (or by a test): the facts of the order.
:func:`app.receipts.document.build_document` decides from it every word and figure
the receipt shows (a :class:`~app.receipts.document.ReceiptDocument`), and
:func:`app.receipts.builder.build_blocks` lays that document out as width-aware
:class:`Block` objects that the ESC/POS, PDF roll and text renderers share.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path

from contract.enums import OrderKind, PaymentMethod, PaymentStatus

# The stored codes of payments and orders, declared once with their words (contract.enums);
# a receipt is a sale or a refund (retur).
ReceiptKind = OrderKind


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """One product line; ``total`` is after the line ``discount`` (whole rupiah).

    ``discount`` includes ``promo_discount``, what the promotion ``promo_name`` took off; a
    pack line (``1 dus``) names its pack and the base units in it (``pack_factor``);
    ``tier_note`` is the wholesale price applied (``Grosir ≥12``).
    """

    name: str
    qty: Decimal
    unit: str
    unit_price: int
    discount: int
    total: int
    pack_name: str = ""
    pack_factor: Decimal = Decimal(1)
    tier_note: str = ""
    promo_name: str = ""
    promo_discount: int = 0

    @property
    def gross(self) -> int:
        """The amount before the line discount (``total + discount``)."""
        return self.total + self.discount


@dataclass(frozen=True, slots=True)
class ReceiptPayment:
    """One payment of an order (orders can be split over several methods)."""

    label: str
    amount: int
    status: PaymentStatus = PaymentStatus.CONFIRMED
    method: PaymentMethod = PaymentMethod.OTHER


@dataclass(frozen=True, slots=True)
class TransferDetails:
    """The seller's bank account and the exact amount (total + kode unik) to transfer."""

    bank: str
    account_number: str
    holder: str
    amount_due: int
    unique_code: int = 0


@dataclass(frozen=True, slots=True)
class PpnInfo:
    """PPN contained in tax-inclusive prices, e.g. label ``PPN 12% (DPP 11/12)``."""

    label: str
    amount: int


@dataclass(frozen=True, slots=True)
class Receipt:
    """Everything a receipt (struk) or an A4 nota shows."""

    shop_name: str
    order_number: str
    created_at: datetime
    cashier: str
    lines: tuple[ReceiptLine, ...]
    subtotal: int
    total: int
    address: str = ""
    phone: str = ""
    npwp: str | None = None
    logo_path: Path | None = None
    channel: str | None = None
    order_discount: int = 0
    ppn: PpnInfo | None = None
    payments: tuple[ReceiptPayment, ...] = ()
    tendered: int | None = None
    change: int = 0
    transfer: TransferDetails | None = None
    qris_payload: str | None = None
    footer: str = ""
    is_copy: bool = False
    kind: ReceiptKind = ReceiptKind.SALE
    language: str = "id"  # fixed words of the print: "id" or "en" (setting receipt.language)
    rounding: int = 0  # cash rounding ("Pembulatan"): added to the total, negative when taken off
    code_discount: int = 0  # kode unik given back to the buyer (positive rupiah taken off)
    voided: bool = False  # the order was voided (dibatalkan): marked, never LUNAS, no drawer

    @property
    def amount_due(self) -> int:
        """What the buyer pays: the total with its cash rounding, less a kode unik discount."""
        return self.total + self.rounding - self.code_discount

    @property
    def paid_confirmed(self) -> int:
        """Sum of the confirmed payments."""
        return sum(p.amount for p in self.payments if p.status is PaymentStatus.CONFIRMED)

    @property
    def is_settled(self) -> bool:
        """True when confirmed payments cover the amount due (``LUNAS``)."""
        return self.paid_confirmed >= self.amount_due

    @property
    def has_cash(self) -> bool:
        """True when any payment was in cash (or cash was tendered)."""
        cash = any(p.method is PaymentMethod.CASH for p in self.payments)
        return cash or self.tendered is not None

    @property
    def opens_drawer(self) -> bool:
        """A cash sale opens the drawer; a reprint, a refund slip or a voided order never does."""
        return (self.has_cash and not self.is_copy and not self.voided
                and self.kind is ReceiptKind.SALE)


class Align(str, Enum):
    """Horizontal alignment of a text block."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Size(str, Enum):
    """Character size: DOUBLE is double width and height (half the columns), TALL only height."""

    NORMAL = "normal"
    TALL = "tall"
    DOUBLE = "double"


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One physical line of text that already fits the columns of its size."""

    text: str
    align: Align = Align.LEFT
    bold: bool = False
    size: Size = Size.NORMAL


@dataclass(frozen=True, slots=True)
class RowBlock:
    """A two-column line: ``left`` text and ``right`` (an amount) flush right."""

    left: str
    right: str
    bold: bool = False
    size: Size = Size.NORMAL


@dataclass(frozen=True, slots=True)
class SeparatorBlock:
    """A full-width rule made of ``char``."""

    char: str = "-"


@dataclass(frozen=True, slots=True)
class FeedBlock:
    """Blank lines."""

    lines: int = 1


@dataclass(frozen=True, slots=True)
class QrBlock:
    """A QR code (dynamic QRIS payload), centered."""

    payload: str


@dataclass(frozen=True, slots=True)
class LogoBlock:
    """The shop logo bitmap, centered."""

    path: Path


@dataclass(frozen=True, slots=True)
class CutBlock:
    """Feed and cut the paper (only feeds on printers without a cutter)."""


@dataclass(frozen=True, slots=True)
class DrawerBlock:
    """Kick the cash drawer (only when the printer profile has one)."""


Block = (
    TextBlock
    | RowBlock
    | SeparatorBlock
    | FeedBlock
    | QrBlock
    | LogoBlock
    | CutBlock
    | DrawerBlock
)


def size_columns(size: Size, columns: int) -> int:
    """How many characters fit on a line of ``size`` when normal text has ``columns``."""
    return columns // 2 if size is Size.DOUBLE else columns


def row_line(block: RowBlock, columns: int) -> str:
    """The fixed-width line of a row: left text padded so ``right`` ends at the last column."""
    width = size_columns(block.size, columns)
    gap = max(1, width - len(block.left) - len(block.right))
    return f"{block.left}{' ' * gap}{block.right}"


def text_line(block: TextBlock, columns: int) -> str:
    """The fixed-width line of a text block, padded for its alignment (no trailing spaces)."""
    width = size_columns(block.size, columns)
    if block.align is Align.CENTER:
        return block.text.center(width).rstrip()
    if block.align is Align.RIGHT:
        return block.text.rjust(width)
    return block.text
