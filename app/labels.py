"""Barcode labels as PDF: an A4 sticker sheet (3 × 10) or a 50 × 30 mm label roll.

Each label shows the product name (up to two lines), the price (``Rp12.500``) and its
barcode: EAN-13 when the code is a valid EAN-13, otherwise Code 128 (SKU or in-store code).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128, eanbc
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.barcodes import is_valid_ean13
from app.errors import ValidationError
from app.money import format_rupiah
from models import Product

MAX_LABELS = 5000
BAR_WIDTH = 0.33 * mm
MIN_BAR_WIDTH = 0.19 * mm


@dataclass(frozen=True)
class LabelItem:
    """What goes on one product's label."""

    name: str
    price: int
    code: str


@dataclass(frozen=True)
class LabelLayout:
    """Page and label geometry (points)."""

    key: str
    title: str
    page_w: float
    page_h: float
    cols: int
    rows: int
    label_w: float
    label_h: float
    margin_x: float = 0.0
    margin_y: float = 0.0


LAYOUTS = {
    "a4": LabelLayout("a4", "Lembar A4 (3 × 10)", A4[0], A4[1], 3, 10, 70 * mm, 29.7 * mm),
    "roll": LabelLayout("roll", "Rol label 50 × 30 mm", 50 * mm, 30 * mm, 1, 1, 50 * mm, 30 * mm),
}


def label_items(session: Session, product_ids: list[int]) -> list[tuple[int, LabelItem]]:
    """(product id, label) for each product, in the order given (unknown ids skipped): the
    name, the price and the code (first barcode, else the SKU)."""
    found = {p.id: p for p in session.scalars(select(Product).where(Product.id.in_(product_ids))
                                              .options(selectinload(Product.barcodes)))}
    return [(pid, LabelItem(p.name, p.price, p.barcodes[0].code if p.barcodes else p.sku))
            for pid in product_ids if (p := found.get(pid)) is not None]


def barcode_kind(code: str) -> str:
    """``"ean13"`` for a valid EAN-13, else ``"code128"``."""
    return "ean13" if is_valid_ean13(code) else "code128"


def _expand(items: list[tuple[LabelItem, int]]) -> list[LabelItem]:
    labels: list[LabelItem] = []
    for item, count in items:
        if count < 0:
            raise ValidationError("Jumlah label untuk '{name}' tidak boleh negatif.", name=item.name)
        if not item.code.strip() or not item.code.isascii():
            raise ValidationError("Produk '{name}' tidak punya barcode atau SKU untuk label.",
                                  name=item.name)
        labels.extend([item] * count)
    if not labels:
        raise ValidationError("Pilih minimal satu label untuk dicetak.")
    if len(labels) > MAX_LABELS:
        raise ValidationError("Terlalu banyak label sekaligus (maks. {MAX_LABELS}).", MAX_LABELS=MAX_LABELS)
    return labels


def _slots(layout: LabelLayout, start_at: int) -> Iterator[tuple[bool, float, float]]:
    """(new page?, x, y of the label's bottom-left) for each label, forever."""
    per_page = layout.cols * layout.rows
    index = start_at % per_page
    first = True
    while True:
        row, col = divmod(index, layout.cols)
        x = layout.margin_x + col * layout.label_w
        y = layout.page_h - layout.margin_y - (row + 1) * layout.label_h
        yield (not first and index == 0), x, y
        first = False
        index = (index + 1) % per_page


def _wrap(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if stringWidth(trial, font, size) <= width or not current:
            current = trial
            continue
        lines.append(current)
        current = word
    lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += "…"
    return [_clip(line, font, size, width) for line in lines]


def _clip(line: str, font: str, size: float, width: float) -> str:
    while stringWidth(line, font, size) > width and len(line) > 1:
        line = line[:-2] + "…"
    return line


def _draw_barcode(canvas: Canvas, code: str, x: float, y: float, width: float, height: float) -> None:
    """The barcode centred in the box (x, y, width, height), human-readable digits below."""
    if barcode_kind(code) == "ean13":
        widget = eanbc.Ean13BarcodeWidget(code, barWidth=BAR_WIDTH, barHeight=height - 3 * mm,
                                          fontSize=7, quiet=True)
        bx0, _by0, bx1, _by1 = widget.getBounds()
        drawing = Drawing(bx1 - bx0, height)
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, x + (width - (bx1 - bx0)) / 2 - bx0, y)
        return
    bar = BAR_WIDTH
    symbol = code128.Code128(code, barWidth=bar, barHeight=height - 3 * mm, humanReadable=True,
                             fontSize=7, quiet=True)
    while symbol.width > width and bar > MIN_BAR_WIDTH:
        bar *= 0.9
        symbol = code128.Code128(code, barWidth=bar, barHeight=height - 3 * mm, humanReadable=True,
                                 fontSize=7, quiet=True)
    symbol.drawOn(canvas, x + (width - symbol.width) / 2, y + 3 * mm)


def _draw_label(canvas: Canvas, item: LabelItem, x: float, y: float, layout: LabelLayout) -> None:
    pad = 2.5 * mm
    inner_w = layout.label_w - 2 * pad
    top = y + layout.label_h - pad
    name_lines = _wrap(item.name, "Helvetica", 7, inner_w, 2)
    canvas.setFont("Helvetica", 7)
    for i, line in enumerate(name_lines):
        canvas.drawString(x + pad, top - 7 - i * 8, line)
    price_y = top - 7 - len(name_lines) * 8 - 3
    canvas.setFont("Helvetica-Bold", 10)
    canvas.drawString(x + pad, price_y, format_rupiah(item.price))
    bar_top = price_y - 3
    _draw_barcode(canvas, item.code, x + pad, y + pad - 1 * mm, inner_w, bar_top - (y + pad - 1 * mm))


def render_labels(
    items: list[tuple[LabelItem, int]], layout: str = "a4", start_at: int = 0
) -> bytes:
    """The PDF bytes: ``count`` labels of each item; ``start_at`` skips used A4 positions."""
    if layout not in LAYOUTS:
        raise ValidationError("Format label '{layout}' tidak dikenal.", layout=layout)
    geometry = LAYOUTS[layout]
    labels = _expand(items)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(geometry.page_w, geometry.page_h))
    canvas.setTitle("Label barcode")
    slots = _slots(geometry, start_at if layout == "a4" else 0)
    for item in labels:
        new_page, x, y = next(slots)
        if new_page:
            canvas.showPage()
        _draw_label(canvas, item, x, y, geometry)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
