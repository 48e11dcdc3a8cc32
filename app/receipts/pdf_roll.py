"""Render a receipt as a PDF roll (58 or 80 mm wide, as tall as its content) with reportlab."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.receipts.builder import build_blocks
from app.receipts.document import ReceiptDocument, as_document
from app.receipts.images import qr_image
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
)

PDF_ENCODING = "cp1252"  # what the standard Helvetica font can show
FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
SIZE_SCALE = {Size.NORMAL: 1.0, Size.TALL: 1.35, Size.DOUBLE: 1.75}
LINE_FACTOR = 1.32
INDENT_EM = 0.5  # width of one leading space of a wrapped or indented line
LOGO_MAX_HEIGHT = 18 * mm
QR_SIDE = {58: 38 * mm, 80: 46 * mm}


@dataclass(frozen=True, slots=True)
class RollPaper:
    """Page geometry of a roll PDF."""

    width_mm: int
    margin_mm: float
    columns: int
    font_size: float

    @property
    def width(self) -> float:
        """Page width in points."""
        return self.width_mm * mm

    @property
    def left(self) -> float:
        """Left edge of the text area."""
        return self.margin_mm * mm

    @property
    def right(self) -> float:
        """Right edge of the text area."""
        return self.width - self.margin_mm * mm

    @property
    def line_height(self) -> float:
        """Height of one normal text line."""
        return self.font_size * LINE_FACTOR


ROLLS: dict[int, RollPaper] = {
    58: RollPaper(58, 3.5, 34, 8.0),
    80: RollPaper(80, 4.5, 46, 8.8),
}


def _block_height(block: Block, paper: RollPaper) -> float:
    """Vertical space a block takes on the page."""
    if isinstance(block, TextBlock | RowBlock):
        return paper.line_height * SIZE_SCALE[block.size]
    if isinstance(block, SeparatorBlock):
        return paper.line_height * 0.8
    if isinstance(block, FeedBlock):
        return paper.line_height * block.lines * 0.6
    if isinstance(block, QrBlock):
        return QR_SIDE[paper.width_mm] + paper.line_height * 0.5
    if isinstance(block, LogoBlock):
        size = _logo_size(block.path, paper)
        return size[1] + paper.line_height * 0.5 if size else 0.0
    return 0.0


def _logo_size(path: Path, paper: RollPaper) -> tuple[float, float] | None:
    """Drawn size of the logo (fits the text width and 18 mm height), None when missing."""
    if not path.is_file():
        return None
    width_px, height_px = _image_pixels(str(path), path.stat().st_mtime_ns)
    scale = min((paper.right - paper.left) / width_px, LOGO_MAX_HEIGHT / height_px)
    return width_px * scale, height_px * scale


@lru_cache(maxsize=8)
def _image_pixels(path: str, mtime_ns: int) -> tuple[int, int]:
    """Pixel size of an image file (cached by modification time)."""
    del mtime_ns
    width, height = ImageReader(path).getSize()
    return int(width), int(height)


@lru_cache(maxsize=32)
def _qr_reader(payload: str) -> ImageReader:
    """A reusable reportlab image of the QR code."""
    return ImageReader(qr_image(payload, 4).convert("L"))


class _RollCanvas:
    """Draws blocks top to bottom on a canvas."""

    def __init__(self, canvas: Canvas, paper: RollPaper, height: float) -> None:
        self.canvas = canvas
        self.paper = paper
        self.y = height - paper.margin_mm * mm

    def _fit(self, texts: list[str], font: str, size: float) -> float:
        """Largest font size ≤ ``size`` at which ``texts`` fit side by side on a line."""
        avail = self.paper.right - self.paper.left - (3 if len(texts) > 1 else 0)
        width = sum(stringWidth(t, font, size) for t in texts)
        return size if width <= avail else size * avail / width

    def text(self, block: TextBlock) -> None:
        """One text line at its alignment."""
        font = FONT_BOLD if block.bold else FONT
        height = self.paper.line_height * SIZE_SCALE[block.size]
        size = self._fit([block.text], font, self.paper.font_size * SIZE_SCALE[block.size])
        self.y -= height
        base = self.y + (height - size) * 0.45
        self.canvas.setFont(font, size)
        if block.align is Align.CENTER:
            self.canvas.drawCentredString(self.paper.width / 2, base, block.text)
        elif block.align is Align.RIGHT:
            self.canvas.drawRightString(self.paper.right, base, block.text)
        else:
            self._left_string(base, block.text, size)

    def row(self, block: RowBlock) -> None:
        """Label at the left edge, amount flush with the right edge."""
        font = FONT_BOLD if block.bold else FONT
        height = self.paper.line_height * SIZE_SCALE[block.size]
        size = self._fit([block.left, block.right], font,
                         self.paper.font_size * SIZE_SCALE[block.size])
        self.y -= height
        base = self.y + (height - size) * 0.45
        self.canvas.setFont(font, size)
        self._left_string(base, block.left, size)
        self.canvas.drawRightString(self.paper.right, base, block.right)

    def _left_string(self, base: float, text: str, size: float) -> None:
        """Left-aligned text; leading spaces become an indent of half an em each."""
        stripped = text.lstrip(" ")
        indent = (len(text) - len(stripped)) * size * INDENT_EM
        self.canvas.drawString(self.paper.left + indent, base, stripped)

    def separator(self, block: SeparatorBlock) -> None:
        """A thin dashed (``-``) or solid (``=``) rule."""
        height = _block_height(block, self.paper)
        self.y -= height
        self.canvas.saveState()
        self.canvas.setLineWidth(0.5)
        if block.char != "=":
            self.canvas.setDash(1.5, 1.5)
        mid = self.y + height / 2
        self.canvas.line(self.paper.left, mid, self.paper.right, mid)
        self.canvas.restoreState()

    def image(self, block: QrBlock | LogoBlock) -> None:
        """The QR code or the logo, centered."""
        if isinstance(block, QrBlock):
            side = QR_SIDE[self.paper.width_mm]
            size: tuple[float, float] | None = (side, side)
            source: ImageReader | str = _qr_reader(block.payload)
        else:
            size = _logo_size(block.path, self.paper)
            source = str(block.path)
        if size is None:
            return
        self.y -= size[1] + self.paper.line_height * 0.25
        x = (self.paper.width - size[0]) / 2
        self.canvas.drawImage(source, x, self.y, size[0], size[1], mask="auto")
        self.y -= self.paper.line_height * 0.25

    def draw(self, block: Block) -> None:
        """Draw any block (cut and drawer have no ink)."""
        if isinstance(block, TextBlock):
            self.text(block)
        elif isinstance(block, RowBlock):
            self.row(block)
        elif isinstance(block, SeparatorBlock):
            self.separator(block)
        elif isinstance(block, QrBlock | LogoBlock):
            self.image(block)
        elif isinstance(block, FeedBlock):
            self.y -= _block_height(block, self.paper)
        elif not isinstance(block, CutBlock | DrawerBlock):
            raise TypeError(f"unknown block {block!r}")


def render_pdf_roll(receipt: Receipt | ReceiptDocument, width_mm: int = 58) -> bytes:
    """A one-page PDF exactly ``width_mm`` wide and as tall as the receipt."""
    paper = ROLLS[width_mm]
    document = as_document(receipt)
    blocks = build_blocks(document, paper.columns, PDF_ENCODING)
    height = sum(_block_height(b, paper) for b in blocks) + 2 * paper.margin_mm * mm
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(paper.width, height), pageCompression=1)
    canvas.setTitle(document.roll_title)
    canvas.setAuthor(document.shop.name)
    roll = _RollCanvas(canvas, paper, height)
    for block in blocks:
        roll.draw(block)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
