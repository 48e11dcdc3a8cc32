"""Plain-text rendering of a receipt for the in-app preview."""

from __future__ import annotations

from app.receipts.builder import build_blocks
from app.receipts.document import ReceiptDocument
from app.receipts.layout import (
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
    row_line,
    text_line,
)


def block_lines(block: Block, columns: int) -> list[str]:
    """The preview lines of one block (images become bracketed placeholders)."""
    if isinstance(block, TextBlock):
        if block.size is Size.DOUBLE:
            return [block.text.center(columns).rstrip()]
        return [text_line(block, columns)]
    if isinstance(block, RowBlock):
        return [row_line(block, columns)]
    if isinstance(block, SeparatorBlock):
        return [block.char * columns]
    if isinstance(block, FeedBlock):
        return [""] * block.lines
    if isinstance(block, QrBlock):
        return ["[ QR QRIS ]".center(columns).rstrip()]
    if isinstance(block, LogoBlock):
        return ["[ LOGO ]".center(columns).rstrip()]
    if isinstance(block, CutBlock | DrawerBlock):
        return []
    raise TypeError(f"unknown block {block!r}")


def render_text(receipt: Receipt | ReceiptDocument, columns: int = 32,
                encoding: str = "cp437") -> str:
    """The receipt as monospace text, exactly as wide as the paper (``columns``)."""
    lines: list[str] = []
    for block in build_blocks(receipt, columns, encoding):
        lines.extend(block_lines(block, columns))
    return "\n".join(lines) + "\n"
