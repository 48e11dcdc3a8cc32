"""PDF receipts: a 58/80 mm roll or an A4 nota."""

from __future__ import annotations

from typing import Literal

from app.errors import ValidationError
from app.receipts.document import ReceiptDocument
from app.receipts.layout import Receipt
from app.receipts.pdf_a4 import render_pdf_a4
from app.receipts.pdf_roll import render_pdf_roll

PaperName = Literal["58mm", "80mm", "a4"]
PAPERS: tuple[str, ...] = ("58mm", "80mm", "a4")


def render_pdf(receipt: Receipt | ReceiptDocument, paper: str = "58mm") -> bytes:
    """The receipt as PDF bytes on ``paper``: ``"58mm"``, ``"80mm"`` (roll) or ``"a4"`` (nota)."""
    key = paper.strip().lower()
    if key == "a4":
        return render_pdf_a4(receipt)
    if key in ("58mm", "80mm"):
        return render_pdf_roll(receipt, int(key[:2]))
    raise ValidationError("Ukuran kertas PDF '{paper}' tidak dikenal: pilih 58mm, 80mm atau A4.",
                          field="paper", paper=paper)
