"""Render a receipt as an A4 "nota" (invoice) with reportlab platypus."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from app.labels_i18n import translate
from app.money import format_rupiah
from app.receipts.builder import DATE_FORMAT, qris_amount, qty_text
from app.receipts.images import qr_png
from app.receipts.layout import PaymentStatus, Receipt, ReceiptKind
from app.receipts.text import safe_text

ENC = "cp1252"
MARGIN = 15 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN
GRID = colors.HexColor("#B8BEC6")
HEADER_BG = colors.HexColor("#E8EEF4")
BOX_BG = colors.HexColor("#F6F8FA")


def _w(receipt: Receipt, key: str, **values: object) -> str:
    """A fixed word of the nota in the receipt's language, from the catalog."""
    return translate(f"receipt.{key}", receipt.language, **values)


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
    }


def _p(text: str, style: str = "base") -> Paragraph:
    """A paragraph of safe, escaped text (``<br/>`` for line breaks)."""
    lines = [escape(safe_text(t, ENC)) for t in text.splitlines() or [""]]
    return Paragraph("<br/>".join(lines), _styles()[style])


def _b(text: str, style: str = "base") -> Paragraph:
    """A bold paragraph."""
    return Paragraph(f"<b>{escape(safe_text(text, ENC))}</b>", _styles()[style])


def _header(receipt: Receipt) -> Table:
    """Shop name and contacts at the left, nota title and order info at the right."""
    contact = [receipt.address, _w(receipt, "phone", phone=receipt.phone) if receipt.phone else ""]
    if receipt.npwp:
        contact.append(f"NPWP {receipt.npwp}")
    left = [_p(receipt.shop_name, "shop"), _p("\n".join(c for c in contact if c), "small")]
    title = _w(receipt, "nota_refund" if receipt.kind is ReceiptKind.REFUND else "nota")
    info = [(_w(receipt, "number"), receipt.order_number),
            (_w(receipt, "date"), receipt.created_at.strftime(DATE_FORMAT)),
            (_w(receipt, "cashier"), receipt.cashier)]
    if receipt.channel:
        info.append((_w(receipt, "channel"), receipt.channel))
    right: list[Flowable] = [_p(title, "title")]
    if receipt.is_copy:
        right.append(_b(_w(receipt, "nota_copy"), "right"))
    right.append(_p("\n".join(f"{k}: {v}" for k, v in info), "right"))
    table = Table([[left, right]], colWidths=[CONTENT_WIDTH * 0.58, CONTENT_WIDTH * 0.42])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _items(receipt: Receipt) -> Table:
    """The product table: no, name, quantity × price, discount, amount."""
    rows: list[list[Any]] = [[_w(receipt, key) for key in (
        "col_no", "col_item", "col_qty_price", "col_discount", "col_amount")]]
    for index, line in enumerate(receipt.lines, start=1):
        discount = format_rupiah(-line.discount) if line.discount else "-"
        rows.append([str(index), _p(line.name), _p(qty_text(line)), discount,
                     format_rupiah(line.total)])
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


def _amount_rows(receipt: Receipt) -> list[tuple[str, str, bool]]:
    """Totals and payments as (label, amount, bold) rows."""
    rows: list[tuple[str, str, bool]] = []
    if receipt.order_discount or receipt.subtotal != receipt.total:
        rows.append((_w(receipt, "subtotal"), format_rupiah(receipt.subtotal), False))
    if receipt.order_discount:
        rows.append((_w(receipt, "order_discount"), format_rupiah(-receipt.order_discount), False))
    rows.append((_w(receipt, "total"), format_rupiah(receipt.total), True))
    if receipt.ppn is not None:
        rows.append((_w(receipt, "includes", tax=receipt.ppn.label), format_rupiah(receipt.ppn.amount),
                     False))
    if receipt.code_discount:
        rows.append((_w(receipt, "code_discount"), format_rupiah(-receipt.code_discount), False))
    if receipt.rounding:
        rows.append((_w(receipt, "rounding"), format_rupiah(receipt.rounding), False))
    if receipt.rounding or receipt.code_discount:
        rows.append((_w(receipt, "amount_due"), format_rupiah(receipt.amount_due), True))
    for payment in receipt.payments:
        label = payment.label
        if payment.status is PaymentStatus.PENDING:
            label = _w(receipt, "pending_long", label=label)
        rows.append((label, format_rupiah(payment.amount), False))
    if receipt.tendered is not None:
        rows.append((_w(receipt, "tendered"), format_rupiah(receipt.tendered), False))
        rows.append((_w(receipt, "change"), format_rupiah(receipt.change), True))
    if receipt.kind is ReceiptKind.SALE:
        rows.append((_w(receipt, "status"), _w(receipt, "paid" if receipt.is_settled else "unpaid"), True))
    return rows


def _totals(receipt: Receipt) -> Table:
    """Right-hand block of totals and payments."""
    data = [[_b(label) if bold else _p(label), _b(amount, "right") if bold else _p(amount, "right")]
            for label, amount, bold in _amount_rows(receipt)]
    inner = Table(data, colWidths=[62 * mm, 35 * mm])
    inner.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
                               ("TOPPADDING", (0, 0), (-1, -1), 2),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    outer = Table([["", inner]], colWidths=[CONTENT_WIDTH - 97 * mm, 97 * mm])
    outer.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return outer


def _payment_box(receipt: Receipt) -> Table | None:
    """Transfer instructions and/or the QRIS code in a shaded box."""
    details, payload = receipt.transfer, receipt.qris_payload
    if details is None and not payload:
        return None
    left: list[Flowable] = []
    if details is not None:
        lines = (_w(receipt, "bank_line", bank=details.bank),
                 _w(receipt, "account_line", number=details.account_number),
                 _w(receipt, "holder_line", holder=details.holder))
        left += [_p(_w(receipt, "how_transfer"), "box_title"), Spacer(1, 3), _p("\n".join(lines)),
                 Spacer(1, 4),
                 _b(_w(receipt, "exact_line", amount=format_rupiah(details.amount_due)), "box_title")]
        if details.unique_code:
            left.append(_p(_w(receipt, "unique_note", code=details.unique_code), "small"))
    right: list[Flowable] = []
    if payload:
        side = 42 * mm
        right = [Image(io.BytesIO(qr_png(payload, 4)), side, side),
                 _p(_w(receipt, "qris_scan", amount=format_rupiah(qris_amount(receipt))), "small")]
        if not left:
            left = [_p(_w(receipt, "how_qris"), "box_title")]
    table = Table([[left, right]], colWidths=[CONTENT_WIDTH - 50 * mm, 50 * mm])
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                               ("BACKGROUND", (0, 0), (-1, -1), BOX_BG),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 8),
                               ("LEFTPADDING", (0, 0), (-1, -1), 8)]))
    return table


def render_pdf_a4(receipt: Receipt) -> bytes:
    """An A4 nota of the receipt (for e-mail, WhatsApp or printing on an office printer)."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN,
                            title=_w(receipt, "nota_doc_title", number=receipt.order_number),
                            author=receipt.shop_name)
    story: list[Flowable] = [_header(receipt), Spacer(1, 8), _items(receipt), Spacer(1, 6),
                             _totals(receipt)]
    box = _payment_box(receipt)
    if box is not None:
        story += [Spacer(1, 12), box]
    if receipt.footer.strip():
        story += [Spacer(1, 14), _p(receipt.footer, "small")]
    doc.build(story)
    return buffer.getvalue()
