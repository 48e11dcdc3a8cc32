"""Lay a receipt document out as an A4 "nota" (invoice) with reportlab platypus.

The words and amounts come ready from :class:`~app.receipts.document.ReceiptDocument`,
the same as on the roll and the preview; this module only places them on the page.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from app.receipts.document import Field, ReceiptDocument, Weight, as_document
from app.receipts.images import qr_png
from app.receipts.layout import Receipt
from app.receipts.text import safe_text

ENC = "cp1252"
MARGIN = 15 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN
GRID = colors.HexColor("#B8BEC6")
HEADER_BG = colors.HexColor("#E8EEF4")
BOX_BG = colors.HexColor("#F6F8FA")


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles of the nota (built once)."""
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=9.5, leading=12.5)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "shop": ParagraphStyle("shop", parent=base, fontName="Helvetica-Bold", fontSize=16,
                               leading=20),
        "title": ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=18,
                                leading=22, alignment=TA_RIGHT),
        "box_title": ParagraphStyle("box_title", parent=base, fontName="Helvetica-Bold",
                                    fontSize=11, leading=14),
        "qr_amount": ParagraphStyle("qr_amount", parent=base, fontName="Helvetica-Bold",
                                    fontSize=11, leading=14, alignment=TA_CENTER),
    }


def _p(text: str, style: str = "base") -> Paragraph:
    """A paragraph of safe, escaped text (``<br/>`` for line breaks)."""
    lines = [escape(safe_text(t, ENC)) for t in text.splitlines() or [""]]
    return Paragraph("<br/>".join(lines), _styles()[style])


def _b(text: str, style: str = "base") -> Paragraph:
    """A bold paragraph."""
    return Paragraph(f"<b>{escape(safe_text(text, ENC))}</b>", _styles()[style])


def _header(document: ReceiptDocument) -> Table:
    """Shop name and contacts at the left, nota title, marks and order info at the right."""
    shop = document.shop
    contact = "\n".join((*shop.address_lines, *shop.contacts))
    left = [_p(shop.name, "shop"), _p(contact, "small")]
    right: list[Flowable] = [_p(document.nota_title, "title")]
    right += [_b(mark, "right") for mark in document.marks]
    right.append(_p("\n".join(f"{f.label}: {f.value}" for f in document.info), "right"))
    table = Table([[left, right]], colWidths=[CONTENT_WIDTH * 0.58, CONTENT_WIDTH * 0.42])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _items(document: ReceiptDocument) -> Table:
    """The product table: no, name, quantity × price, discount, amount."""
    rows: list[list[Any]] = [list(document.table_heads)]
    for index, line in enumerate(document.lines, start=1):
        shown = [row.figure for row in (line.discount, line.promo) if row is not None]
        name = "\n".join([line.name, *([line.note] if line.note else []),
                          *([line.promo.label] if line.promo is not None else [])])
        rows.append([str(index), _p(name), _p(line.quantity), "\n".join(shown) or "-",
                     line.amount])
    widths = [10 * mm, CONTENT_WIDTH - 10 * mm - 52 * mm - 26 * mm - 30 * mm, 52 * mm, 26 * mm,
              30 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9.5),
        ("FONT", (0, 1), (-1, -1), "Helvetica", 9.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
    ]))
    return table


def _amount_rows(document: ReceiptDocument) -> list[tuple[str, str, bool]]:
    """Totals, payments, cash and the settlement as (label, amount, bold) rows."""
    rows = [(r.label, r.figure, r.weight is not Weight.NORMAL) for r in document.totals]
    section = document.payment
    if section is not None:
        rows += [(r.label, r.figure, False) for r in section.rows]
        rows += [(r.label, r.figure, r.weight is not Weight.NORMAL) for r in section.cash]
        if section.settlement is not None:
            rows.append((section.settlement.label, section.settlement.value, True))
    return rows


def _totals(document: ReceiptDocument) -> Table:
    """Right-hand block of totals and payments."""
    data = [[_b(label) if bold else _p(label), _b(amount, "right") if bold else _p(amount, "right")]
            for label, amount, bold in _amount_rows(document)]
    inner = Table(data, colWidths=[62 * mm, 35 * mm])
    inner.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
                               ("TOPPADDING", (0, 0), (-1, -1), 2),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    outer = Table([["", inner]], colWidths=[CONTENT_WIDTH - 97 * mm, 97 * mm])
    outer.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return outer


def _field(field: Field) -> Paragraph:
    """``Label: value`` of the transfer box; the exact amount stands out."""
    text = f"{field.label}: {field.value}"
    if field.weight is Weight.GRAND:
        return _b(text, "box_title")
    return _b(text) if field.weight is Weight.STRONG else _p(text)


def _payment_box(document: ReceiptDocument) -> Table | None:
    """Transfer instructions and/or the QRIS code in a shaded box."""
    transfer, qris = document.transfer, document.qris
    if transfer is None and qris is None:
        return None
    left: list[Flowable] = []
    if transfer is not None:
        left += [_p(transfer.title, "box_title"), Spacer(1, 3)]
        left += [_field(field) for field in transfer.fields]
        left += [Spacer(1, 3), _p("\n".join(transfer.notes), "small")]
    right: list[Flowable] = []
    if qris is not None:
        side = 42 * mm
        right = [Image(io.BytesIO(qr_png(qris.payload, 4)), side, side), _p(qris.figure, "qr_amount")]
        left += [Spacer(1, 8 if transfer is not None else 0), _p(qris.title, "box_title")]
    table = Table([[left, right]], colWidths=[CONTENT_WIDTH - 50 * mm, 50 * mm])
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                               ("BACKGROUND", (0, 0), (-1, -1), BOX_BG),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 8),
                               ("LEFTPADDING", (0, 0), (-1, -1), 8)]))
    return table


def render_pdf_a4(receipt: Receipt | ReceiptDocument) -> bytes:
    """An A4 nota of the receipt (for e-mail, WhatsApp or printing on an office printer)."""
    document = as_document(receipt)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, title=document.pdf_title,
                            author=document.shop.name)
    story: list[Flowable] = [_header(document), Spacer(1, 8), _items(document), Spacer(1, 6),
                             _totals(document)]
    box = _payment_box(document)
    if box is not None:
        story += [Spacer(1, 12), box]
    if document.footer.strip():
        story += [Spacer(1, 14), _p(document.footer, "small")]
    doc.build(story)
    return buffer.getvalue()
