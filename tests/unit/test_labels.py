"""Barcode label PDFs decode back to the right barcodes (rendered with pdfium, read with zxing-cpp)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
import zxingcpp

from app.errors import ValidationError
from app.labels import LabelItem, barcode_kind, render_labels

ITEMS = [
    (LabelItem("Minyak Goreng Bimoli 2 liter pouch isi ulang, nama yang sangat panjang", 38_500,
               "8991234567891"), 2),
    (LabelItem("Kopi Bubuk", 12_500, "BJ-1001"), 1),
    (LabelItem("Tempe", 5_000, "2000000000015"), 1),
]


def _decode(pdf: bytes) -> list[list[tuple[str, str]]]:
    doc = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for i in range(len(doc)):
            image = doc[i].render(scale=300 / 72).to_pil()
            found = zxingcpp.read_barcodes(image)
            pages.append(sorted((r.format.name, r.text) for r in found))
        return pages
    finally:
        doc.close()


def test_a4_sheet_decodes_to_every_barcode() -> None:
    pages = _decode(render_labels(ITEMS, "a4"))
    assert pages == [sorted([("EAN13", "8991234567891"), ("EAN13", "8991234567891"),
                             ("Code128", "BJ-1001"), ("EAN13", "2000000000015")])]


def test_roll_has_one_label_per_page() -> None:
    pages = _decode(render_labels(ITEMS, "roll"))
    assert pages == [[("EAN13", "8991234567891")], [("EAN13", "8991234567891")],
                     [("Code128", "BJ-1001")], [("EAN13", "2000000000015")]]


def test_a4_sheet_overflows_to_a_second_page_and_start_at_skips_used_labels() -> None:
    pdf = render_labels([(LabelItem("Gula", 18_500, "G-1"), 5)], "a4", start_at=28)
    pages = _decode(pdf)
    assert [len(p) for p in pages] == [2, 3]


def test_price_and_name_are_printed() -> None:
    import io

    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(render_labels(ITEMS[1:2], "roll"))).pages[0].extract_text()
    assert "Kopi Bubuk" in text and "Rp12.500" in text


def test_kind_and_refusals() -> None:
    assert barcode_kind("8991234567891") == "ean13"
    assert barcode_kind("8991234567890") == "code128"
    with pytest.raises(ValidationError, match="minimal satu"):
        render_labels([(LabelItem("Gula", 1, "G"), 0)])
    with pytest.raises(ValidationError, match="tidak dikenal"):
        render_labels(ITEMS, "a5")
