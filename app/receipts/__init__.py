"""Receipts: one document per order, laid out as ESC/POS bytes, PDF (roll and A4 nota) and text.

:func:`build_document` decides every word and figure once (:mod:`app.receipts.document`);
the renderers accept the document (or the :class:`Receipt` facts it is built from).
"""

from app.receipts.builder import build_blocks
from app.receipts.document import ReceiptDocument, build_document
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
    "ReceiptDocument",
    "ReceiptKind",
    "ReceiptLine",
    "ReceiptPayment",
    "TransferDetails",
    "build_blocks",
    "build_document",
    "render_escpos",
    "render_pdf",
    "render_text",
]
