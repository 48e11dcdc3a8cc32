"""Render receipts to ESC/POS bytes with python-escpos ``Dummy``.

The bytes are made here, off any device, and sent later by :mod:`app.printing`
(the "preprocess printing" pattern), so rendering never waits on a printer.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

from escpos.capabilities import Profile as EscposProfile
from escpos.capabilities import get_profile
from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy

from app.printing.profile import PrinterProfile, QrMode
from app.receipts.builder import build_blocks
from app.receipts.document import ReceiptDocument
from app.receipts.images import centered, load_logo, qr_box_size, qr_image
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
    row_line,
)

NATIVE_QR_MAX_MODULE = 8
FEED_WITHOUT_CUTTER = 4
ESC = 0x1B


class _PaperProfile(EscposProfile):
    """A python-escpos profile matching one of our printer profiles (width, cut, QR)."""

    def __init__(self, columns: int, dots: int, cutter: bool, native_qr: bool) -> None:
        base = copy.deepcopy(get_profile("default").profile_data)
        features = dict(base["features"])
        features.update(paperFullCut=cutter, paperPartCut=cutter, qrCode=native_qr,
                        bitImageRaster=True, graphics=False)
        super().__init__(columns=columns, features=features)
        base["features"] = features
        base["media"] = {"dpi": 203, "width": {"mm": "Unknown", "pixels": dots}}
        base["fonts"] = {"0": {"name": "Font A", "columns": columns}}
        self.profile_data = base


@lru_cache(maxsize=16)
def _escpos_profile(columns: int, dots: int, cutter: bool, native_qr: bool) -> _PaperProfile:
    """Cached python-escpos profile for the given paper and features."""
    return _PaperProfile(columns, dots, cutter, native_qr)


def new_dummy(profile: PrinterProfile) -> Dummy:
    """A python-escpos ``Dummy`` printer set up for ``profile`` (nothing sent yet)."""
    escpos_profile = _escpos_profile(profile.columns, profile.dots, profile.has_cutter,
                                     profile.qr_mode is QrMode.NATIVE)
    return Dummy(profile=escpos_profile)


@lru_cache(maxsize=32)
def _qr_raster(payload: str, dots: int) -> bytes:
    """``GS v 0`` raster bytes of a QR code centered on a ``dots``-wide strip."""
    box = qr_box_size(payload, dots, largest=6 if dots <= 384 else 8)
    printer = Dummy(profile=_escpos_profile(32, dots, False, False))
    printer.image(centered(qr_image(payload, box), dots), impl="bitImageRaster")
    return bytes(printer.output)


@lru_cache(maxsize=8)
def _logo_raster(path: str, mtime_ns: int, dots: int) -> bytes:
    """``GS v 0`` raster bytes of the shop logo centered on the paper."""
    del mtime_ns  # part of the cache key only
    printer = Dummy(profile=_escpos_profile(32, dots, False, False))
    printer.image(centered(load_logo(Path(path), dots), dots), impl="bitImageRaster")
    return bytes(printer.output)


def drawer_sequence(pin: int, pulse_ms: int) -> list[int]:
    """``ESC p m t1 t2`` as decimals: pin 2 → m=0, pin 5 → m=1; t1/t2 in 2 ms units."""
    units = max(1, min(255, pulse_ms // 2))
    return [ESC, ord("p"), 0 if pin == 2 else 1, units, units]


class _Writer:
    """Writes blocks to a Dummy, sending style commands only when the style changes."""

    def __init__(self, printer: Dummy, profile: PrinterProfile) -> None:
        self.printer = printer
        self.profile = profile
        self.align = Align.LEFT
        self.bold = False
        self.size = Size.NORMAL

    def style(self, align: Align, bold: bool, size: Size) -> None:
        """Switch alignment, emphasis and size (``ESC !`` clears bold, so resend it)."""
        if size is not self.size:
            self.printer.set(normal_textsize=size is Size.NORMAL,
                             double_height=size is not Size.NORMAL,
                             double_width=size is Size.DOUBLE, bold=bold)
            self.size, self.bold = size, bold
        elif bold != self.bold:
            self.printer.set(bold=bold)
            self.bold = bold
        if align is not self.align:
            self.printer.set(align=align.value)
            self.align = align

    def write(self, block: Block) -> None:
        """Emit one block."""
        columns, printer = self.profile.columns, self.printer
        if isinstance(block, TextBlock):
            self.style(block.align, block.bold, block.size)
            printer.textln(block.text)
        elif isinstance(block, RowBlock):
            self.style(Align.LEFT, block.bold, block.size)
            printer.textln(row_line(block, columns))
        elif isinstance(block, SeparatorBlock):
            self.style(Align.LEFT, False, Size.NORMAL)
            printer.textln(block.char * columns)
        elif isinstance(block, FeedBlock):
            printer.ln(block.lines)
        else:
            self.write_special(block)

    def write_special(self, block: Block) -> None:
        """QR, logo, cut and drawer blocks."""
        printer, profile = self.printer, self.profile
        if isinstance(block, QrBlock):
            self.style(Align.CENTER, False, Size.NORMAL)
            if profile.qr_mode is QrMode.NATIVE:
                size = qr_box_size(block.payload, profile.dots, NATIVE_QR_MAX_MODULE)
                printer.qr(block.payload, ec=QR_ECLEVEL_M, size=size, native=True)
            else:
                printer._raw(_qr_raster(block.payload, profile.dots))
        elif isinstance(block, LogoBlock):
            if profile.logo and block.path.is_file():
                stat = block.path.stat()
                printer._raw(_logo_raster(str(block.path), stat.st_mtime_ns, profile.dots))
        elif isinstance(block, CutBlock):
            if profile.has_cutter:
                printer.cut()
            else:
                printer.print_and_feed(FEED_WITHOUT_CUTTER)
        elif isinstance(block, DrawerBlock):
            if profile.drawer_pin is not None:
                printer.cashdraw(drawer_sequence(profile.drawer_pin, profile.drawer_pulse_ms))
        else:
            raise TypeError(f"unknown block {block!r}")


def render_blocks_escpos(blocks: list[Block], profile: PrinterProfile) -> bytes:
    """ESC/POS bytes for ready-made blocks: init, code page, the blocks."""
    printer = new_dummy(profile)
    printer.hw("INIT")
    printer.charcode(profile.code_page)
    writer = _Writer(printer, profile)
    for block in blocks:
        writer.write(block)
    return bytes(printer.output)


def render_escpos(receipt: Receipt | ReceiptDocument, profile: PrinterProfile) -> bytes:
    """The receipt as ESC/POS bytes for the printer described by ``profile``."""
    blocks = build_blocks(receipt, profile.columns, profile.encoding)
    return render_blocks_escpos(blocks, profile)
