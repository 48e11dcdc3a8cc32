"""Receipts: one layout model rendered to ESC/POS bytes, PDF (roll and A4 nota) and text."""

from app.receipts.builder import build_blocks
from app.receipts.escpos_render import render_escpos
from app.receipts.layout import (
    Block,
    PaymentMethod,
    PaymentStatus,
    PpnInfo,
    Receipt,
    ReceiptKind,
    ReceiptLine,
    ReceiptPayment,
    TransferDetails,
)
from app.receipts.pdf import render_pdf
from app.receipts.preview import render_text

__all__ = [
    "Block",
    "PaymentMethod",
    "PaymentStatus",
    "PpnInfo",
    "Receipt",
    "ReceiptKind",
    "ReceiptLine",
    "ReceiptPayment",
    "TransferDetails",
    "build_blocks",
    "render_escpos",
    "render_pdf",
    "render_text",
]
