"""Lay a receipt document out as width-aware blocks for a roll of paper.

The blocks are shared by the ESC/POS printer, the PDF roll and the text preview. Every
word and amount comes ready from :class:`~app.receipts.document.ReceiptDocument`; this
module only decides where they go on a 32- or 48-column roll (wrapping, sizes, rules).
"""

from __future__ import annotations

from collections.abc import Callable

from app.receipts.document import (
    Field,
    MoneyRow,
    ReceiptDocument,
    Weight,
    as_document,
)
from app.receipts.layout import (
    Align,
    Block,
    CutBlock,
    DrawerBlock,
    FeedBlock,
    LogoBlock,
    QrBlock,
    Receipt,
    RowBlock,
    SeparatorBlock,
    Size,
    TextBlock,
    size_columns,
)
from app.receipts.text import safe_text, wrap, wrap_paragraphs

MIN_LEFT_WIDTH = 10


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

    def amount(self, row: MoneyRow | Field) -> None:
        """A worded row at its weight: bold when strong, bold and tall for a grand total."""
        right = row.figure if isinstance(row, MoneyRow) else row.value
        size = Size.TALL if row.weight is Weight.GRAND else Size.NORMAL
        self.row(row.label, right, bold=row.weight is not Weight.NORMAL, size=size)

    def separator(self, char: str = "-") -> None:
        """A full-width rule."""
        self.add(SeparatorBlock(char))


def build_blocks(receipt: Receipt | ReceiptDocument, columns: int,
                 encoding: str = "cp437") -> list[Block]:
    """Lay out a receipt for a paper of ``columns`` characters (32 for 58 mm, 48 for 80 mm).

    Every text is made printable in ``encoding`` before it is measured, so the
    widths hold on the printer. The result is shared by the roll renderers.
    """
    document = as_document(receipt)
    out = _Out(columns, encoding)
    if document.opens_drawer:
        out.add(DrawerBlock())
    sections: tuple[Callable[[_Out, ReceiptDocument], None], ...] = (
        _header, _info, _items, _totals, _payments, _transfer, _qris, _footer,
    )
    for section in sections:
        section(out, document)
    out.add(CutBlock())
    return out.blocks


def _header(out: _Out, document: ReceiptDocument) -> None:
    """Logo, shop name (double size when it fits), address, contacts, then the marks."""
    shop = document.shop
    if shop.logo_path is not None:
        out.add(LogoBlock(shop.logo_path))
    name = out.safe(shop.name)
    if len(name) <= size_columns(Size.DOUBLE, out.columns):
        out.add(TextBlock(name, Align.CENTER, True, Size.DOUBLE))
    else:
        out.text(name, Align.CENTER, True, Size.TALL)
    for part in (*shop.address_lines, *shop.contacts):
        out.text(part, Align.CENTER)
    if document.is_refund:
        out.add(FeedBlock())
    for mark in document.marks:
        out.text(mark, Align.CENTER, True)
    out.separator()


def _info(out: _Out, document: ReceiptDocument) -> None:
    """Order number, date and time, cashier and sales channel."""
    for field in document.info:
        out.row(field.label, field.value)
    out.separator()


def _items(out: _Out, document: ReceiptDocument) -> None:
    """Each line: the name (wrapped, continuation indented), qty x price and amount, discount."""
    for line in document.lines:
        out.text(line.name, indent="  ")
        out.row(f"  {line.quantity}", line.gross, indent="    ")
        if line.note:
            out.text(f"  {line.note}", indent="    ")
        if line.discount is not None:
            out.row("  " + line.discount.label, line.discount.figure)
        if line.promo is not None:
            out.row("  " + line.promo.label, line.promo.figure)
    out.separator()


def _totals(out: _Out, document: ReceiptDocument) -> None:
    """Subtotal, discounts, TOTAL (bold, tall), PPN, rounding, kode unik, amount due."""
    for row in document.totals:
        out.amount(row)


def _payments(out: _Out, document: ReceiptDocument) -> None:
    """Payments (pending ones marked), cash tendered and change, settlement status."""
    section = document.payment
    if section is None:
        return
    out.separator()
    for payment in section.rows:
        out.row(payment.label, payment.figure)
    for row in section.cash:
        out.amount(row)
    if section.settlement is not None:
        out.text(section.settlement.value, Align.CENTER, True)


def _transfer(out: _Out, document: ReceiptDocument) -> None:
    """Bank, account number, holder, the exact amount to transfer and its notes."""
    box = document.transfer
    if box is None:
        return
    out.separator()
    out.text(box.title, Align.CENTER, True)
    for field in box.fields:
        out.amount(field)
    for note in box.notes:
        out.text(note, Align.CENTER)


def _qris(out: _Out, document: ReceiptDocument) -> None:
    """A dynamic QRIS code with the amount to pay."""
    box = document.qris
    if box is None:
        return
    out.separator()
    out.text(box.title, Align.CENTER, True)
    out.add(QrBlock(box.payload))
    out.text(box.figure, Align.CENTER, True, Size.TALL)


def _footer(out: _Out, document: ReceiptDocument) -> None:
    """The shop's footer text, centered, keeping its line breaks."""
    if not document.footer.strip():
        return
    out.add(FeedBlock())
    for line in wrap_paragraphs(out.safe(document.footer), out.columns):
        out.add(TextBlock(line, Align.CENTER))
