"""Turn a :class:`Receipt` into width-aware blocks; the one place the receipt layout lives."""

from __future__ import annotations

from collections.abc import Callable

from app.labels_i18n import translate
from app.money import format_qty, format_rupiah
from app.receipts.layout import (
    Align,
    Block,
    CutBlock,
    DrawerBlock,
    FeedBlock,
    LogoBlock,
    PaymentMethod,
    PaymentStatus,
    QrBlock,
    Receipt,
    ReceiptKind,
    ReceiptLine,
    RowBlock,
    SeparatorBlock,
    Size,
    TextBlock,
    size_columns,
)
from app.receipts.text import safe_text, wrap, wrap_paragraphs

# Units that need no label after the quantity ("2 x Rp5.000" rather than "2 pcs x Rp5.000").
COUNT_UNITS = frozenset({"", "pcs", "pc", "buah", "biji", "bh"})
MIN_LEFT_WIDTH = 10
DATE_FORMAT = "%d/%m/%Y %H:%M"


def _w(receipt: Receipt, key: str, **values: object) -> str:
    """A fixed word of the receipt in its language (``receipt.language``), from the catalog."""
    return translate(f"receipt.{key}", receipt.language, **values)


class _Out:
    """Collects blocks for one column width, sanitising every text to the target encoding."""

    def __init__(self, columns: int, encoding: str) -> None:
        self.columns = columns
        self.encoding = encoding
        self.blocks: list[Block] = []

    def safe(self, text: str) -> str:
        """Text made printable in the target encoding."""
        return safe_text(text, self.encoding)

    def add(self, block: Block) -> None:
        """Append one block."""
        self.blocks.append(block)

    def text(self, text: str, align: Align = Align.LEFT, bold: bool = False,
             size: Size = Size.NORMAL, indent: str = "") -> None:
        """Wrapped text: one :class:`TextBlock` per physical line."""
        width = size_columns(size, self.columns)
        for line in wrap(self.safe(text), width, indent):
            self.add(TextBlock(line, align, bold, size))

    def row(self, left: str, right: str, bold: bool = False, size: Size = Size.NORMAL,
            indent: str = "  ") -> None:
        """A label/amount row; a long label wraps and the amount stays on the last line."""
        left, right = self.safe(left), self.safe(right)
        width = size_columns(size, self.columns)
        if len(left) + 1 + len(right) <= width:
            self.add(RowBlock(left, right, bold, size))
            return
        if len(left) <= width and len(right) <= width:
            self.add(TextBlock(left, Align.LEFT, bold, size))
            self.add(RowBlock("", right, bold, size))
            return
        avail = width - len(right) - 1
        if avail >= MIN_LEFT_WIDTH:
            lines = wrap(left, avail, indent)
            for line in lines[:-1]:
                self.add(TextBlock(line, Align.LEFT, bold, size))
            self.add(RowBlock(lines[-1], right, bold, size))
            return
        for line in wrap(left, width, indent):
            self.add(TextBlock(line, Align.LEFT, bold, size))
        for line in wrap(right, width):
            self.add(TextBlock(line, Align.RIGHT, bold, size))

    def separator(self, char: str = "-") -> None:
        """A full-width rule."""
        self.add(SeparatorBlock(char))


def build_blocks(receipt: Receipt, columns: int, encoding: str = "cp437") -> list[Block]:
    """Lay out ``receipt`` for a paper of ``columns`` characters (32 for 58 mm, 48 for 80 mm).

    Every text is made printable in ``encoding`` before it is measured, so the
    widths hold on the printer. The result is shared by all renderers.
    """
    out = _Out(columns, encoding)
    if receipt.opens_drawer:
        out.add(DrawerBlock())
    sections: tuple[Callable[[_Out, Receipt], None], ...] = (
        _header, _info, _items, _totals, _payments, _transfer, _qris, _footer,
    )
    for section in sections:
        section(out, receipt)
    out.add(CutBlock())
    return out.blocks


def _header(out: _Out, receipt: Receipt) -> None:
    """Logo, shop name (double size when it fits), address, phone, NPWP, receipt title."""
    if receipt.logo_path is not None:
        out.add(LogoBlock(receipt.logo_path))
    name = out.safe(receipt.shop_name.strip())
    if len(name) <= size_columns(Size.DOUBLE, out.columns):
        out.add(TextBlock(name, Align.CENTER, True, Size.DOUBLE))
    else:
        out.text(name, Align.CENTER, True, Size.TALL)
    if receipt.address:
        for part in receipt.address.splitlines():
            out.text(part, Align.CENTER)
    if receipt.phone:
        out.text(_w(receipt, "phone", phone=receipt.phone), Align.CENTER)
    if receipt.npwp:
        out.text(f"NPWP {receipt.npwp}", Align.CENTER)
    if receipt.kind is ReceiptKind.REFUND:
        out.add(FeedBlock())
        out.text(_w(receipt, "refund_title"), Align.CENTER, True)
    if receipt.is_copy:
        out.text(_w(receipt, "reprint"), Align.CENTER, True)
    out.separator()


def _info(out: _Out, receipt: Receipt) -> None:
    """Order number, date and time, cashier and sales channel."""
    out.row(_w(receipt, "number"), receipt.order_number)
    out.row(_w(receipt, "date"), receipt.created_at.strftime(DATE_FORMAT))
    out.row(_w(receipt, "cashier"), receipt.cashier)
    if receipt.channel:
        out.row(_w(receipt, "channel"), receipt.channel)
    out.separator()


def qty_text(line: ReceiptLine) -> str:
    """``2 x Rp5.000`` or ``1,5 kg x Rp16.000`` (units that are counted get no label)."""
    unit = line.unit.strip()
    unit_part = "" if unit.lower() in COUNT_UNITS else f" {unit}"
    return f"{format_qty(line.qty)}{unit_part} x {format_rupiah(line.unit_price)}"


def _items(out: _Out, receipt: Receipt) -> None:
    """Each line: the name (wrapped, continuation indented), qty x price and amount, discount."""
    for line in receipt.lines:
        out.text(line.name, indent="  ")
        out.row(f"  {qty_text(line)}", format_rupiah(line.gross), indent="    ")
        if line.discount:
            out.row("  " + _w(receipt, "discount"), format_rupiah(-line.discount))
    out.separator()


def _totals(out: _Out, receipt: Receipt) -> None:
    """Subtotal, order discount, TOTAL (bold, tall) and the PPN contained in it."""
    if receipt.order_discount or receipt.subtotal != receipt.total:
        out.row(_w(receipt, "subtotal"), format_rupiah(receipt.subtotal))
    if receipt.order_discount:
        out.row(_w(receipt, "order_discount"), format_rupiah(-receipt.order_discount))
    label = _w(receipt, "refund_total" if receipt.kind is ReceiptKind.REFUND else "total")
    out.row(label, format_rupiah(receipt.total), bold=True, size=Size.TALL)
    if receipt.ppn is not None:
        out.row(_w(receipt, "includes", tax=receipt.ppn.label), format_rupiah(receipt.ppn.amount))
    _adjustments(out, receipt)


def _adjustments(out: _Out, receipt: Receipt) -> None:
    """Cash rounding ("Pembulatan") and a kode unik discount, then what the buyer pays."""
    if not receipt.rounding and not receipt.code_discount:
        return
    if receipt.code_discount:
        out.row(_w(receipt, "code_discount"), format_rupiah(-receipt.code_discount))
    if receipt.rounding:
        out.row(_w(receipt, "rounding"), format_rupiah(receipt.rounding))
    out.row(_w(receipt, "amount_due"), format_rupiah(receipt.amount_due), bold=True)


def _payments(out: _Out, receipt: Receipt) -> None:
    """Payments (pending ones marked), cash tendered and change, settlement status."""
    if not receipt.payments and receipt.tendered is None:
        return
    out.separator()
    for payment in receipt.payments:
        label = payment.label
        if payment.status is PaymentStatus.PENDING:
            label = _w(receipt, "pending", label=label)
        out.row(label, format_rupiah(payment.amount))
    if receipt.tendered is not None:
        out.row(_w(receipt, "tendered"), format_rupiah(receipt.tendered))
        out.row(_w(receipt, "change"), format_rupiah(receipt.change), bold=True)
    if receipt.kind is ReceiptKind.SALE:
        status = _w(receipt, "paid" if receipt.is_settled else "unpaid")
        out.text(status, Align.CENTER, True)


def _transfer(out: _Out, receipt: Receipt) -> None:
    """Bank, account number, holder and the exact amount to transfer."""
    details = receipt.transfer
    if details is None:
        return
    out.separator()
    out.text(_w(receipt, "transfer_title"), Align.CENTER, True)
    out.row(_w(receipt, "bank"), details.bank)
    out.row(_w(receipt, "account_short"), details.account_number, bold=True)
    out.row(_w(receipt, "holder"), details.holder)
    out.row(_w(receipt, "exact_amount"), format_rupiah(details.amount_due), bold=True,
            size=Size.TALL)
    if details.unique_code > 0:
        out.text(_w(receipt, "unique_code", code=details.unique_code), Align.CENTER)
    elif details.unique_code < 0:
        out.text(_w(receipt, "unique_code_off", code=-details.unique_code), Align.CENTER)
    out.text(_w(receipt, "transfer_exact"), Align.CENTER)


def qris_amount(receipt: Receipt) -> int:
    """The amount asked by the QRIS code: the pending QRIS payment, else the total."""
    for payment in receipt.payments:
        if payment.method is PaymentMethod.QRIS and payment.status is PaymentStatus.PENDING:
            return payment.amount
    return receipt.total


def _qris(out: _Out, receipt: Receipt) -> None:
    """A dynamic QRIS code with the amount to pay."""
    if not receipt.qris_payload:
        return
    out.separator()
    out.text(_w(receipt, "qris_title"), Align.CENTER, True)
    out.add(QrBlock(receipt.qris_payload))
    out.text(format_rupiah(qris_amount(receipt)), Align.CENTER, True, Size.TALL)


def _footer(out: _Out, receipt: Receipt) -> None:
    """The shop's footer text, centered, keeping its line breaks."""
    if not receipt.footer.strip():
        return
    out.add(FeedBlock())
    width = out.columns
    for line in wrap_paragraphs(out.safe(receipt.footer), width):
        out.add(TextBlock(line, Align.CENTER))
