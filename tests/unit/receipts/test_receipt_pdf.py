"""PDF receipts: every line, the total and the payments are in the extracted text."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdf
import pytest
from reportlab.lib.units import mm

from app.errors import ValidationError
from app.money import format_rupiah
from app.receipts import Receipt, render_pdf
from app.receipts.text import safe_text


def _text(pdf: bytes) -> tuple[str, pypdf.PdfReader]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), reader


def _norm(text: str) -> str:
    return " ".join(safe_text(text, "cp1252").split())


@pytest.mark.parametrize("paper", ["58mm", "80mm", "a4"])
@pytest.mark.parametrize("which", ["cash_qris_receipt", "transfer_receipt"])
def test_pdf_holds_lines_total_and_payments(
    paper: str, which: str, request: pytest.FixtureRequest
) -> None:
    receipt: Receipt = request.getfixturevalue(which)
    text, reader = _text(render_pdf(receipt, paper))
    assert len(reader.pages) == 1
    for line in receipt.lines:
        assert _norm(line.name) in text, line.name
        assert format_rupiah(line.total) in text or format_rupiah(line.gross) in text
    assert format_rupiah(receipt.total) in text
    for payment in receipt.payments:
        assert payment.label in text and format_rupiah(payment.amount) in text
    assert receipt.order_number in text and "28/11/2026" in text


@pytest.mark.parametrize(("paper", "width_mm"), [("58mm", 58), ("80mm", 80)])
def test_roll_page_is_paper_wide_and_fits_content(
    paper: str, width_mm: int, cash_qris_receipt: Receipt
) -> None:
    _, reader = _text(render_pdf(cash_qris_receipt, paper))
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(width_mm * mm, abs=0.01)
    one_line = replace(cash_qris_receipt, lines=cash_qris_receipt.lines[:1], qris_payload=None)
    short, short_reader = _text(render_pdf(one_line, paper))
    assert float(short_reader.pages[0].mediabox.height) < float(box.height) - 60 * mm
    assert "SCAN QRIS" not in short


def test_a4_nota_shows_transfer_box_and_copy_mark(transfer_receipt: Receipt) -> None:
    text, reader = _text(render_pdf(replace(transfer_receipt, is_copy=True), "a4"))
    assert float(reader.pages[0].mediabox.width) == pytest.approx(595.27, abs=0.1)
    for expected in ("NOTA", "*** CETAK ULANG ***", "TRANSFER KE REKENING", "1234567890",
                     "Sari Wulandari", f"Jumlah tepat: {format_rupiah(transfer_receipt.total + 123)}",
                     "(sudah termasuk kode unik 123)", "SCAN QRIS", "BELUM LUNAS",
                     "(menunggu konfirmasi)", "NPWP 0123456789012345"):
        assert expected in text, expected


def test_unknown_paper_is_a_user_error(transfer_receipt: Receipt) -> None:
    with pytest.raises(ValidationError, match="58mm, 80mm atau A4"):
        render_pdf(transfer_receipt, "letter")
