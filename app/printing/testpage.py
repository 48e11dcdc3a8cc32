""""Cetak uji": a test page that shows whether a printer profile is set up right."""

from __future__ import annotations

from datetime import datetime

from app.clock import local, now_utc
from app.money import format_rupiah
from app.printing.profile import PrinterProfile
from app.receipts.escpos_render import render_blocks_escpos
from app.receipts.layout import (
    Align,
    Block,
    CutBlock,
    DrawerBlock,
    QrBlock,
    RowBlock,
    SeparatorBlock,
    Size,
    TextBlock,
)
from app.receipts.text import safe_text, wrap

TEST_QR = "PEKEN Kasir - cetak uji"


def test_page_blocks(profile: PrinterProfile, now: datetime | None = None) -> list[Block]:
    """The blocks of the test page: settings, a column ruler, sample rows, QR, cut, drawer."""
    columns = profile.columns
    ruler = "".join(str(i % 10) for i in range(1, columns + 1))
    stamp = local(now or now_utc()).strftime("%d/%m/%Y %H:%M")
    lines = [f"Nama    : {profile.name}", f"Koneksi : {profile.kind.value} {profile.describe()}",
             f"Kertas  : {profile.paper_mm} mm, {columns} kolom", f"Code page: {profile.code_page}",
             f"QR      : {profile.qr_mode.value}", f"Pemotong: {'ya' if profile.has_cutter else 'tidak'}"]
    blocks: list[Block] = [TextBlock("CETAK UJI", Align.CENTER, True, Size.DOUBLE),
                           TextBlock(stamp, Align.CENTER), SeparatorBlock()]
    blocks += [TextBlock(safe_text(line, profile.encoding)[:columns]) for line in lines]
    blocks += [SeparatorBlock(), TextBlock(ruler)]
    blocks += _wrapped("Angka di atas harus pas satu baris; jika terpotong, ubah jumlah kolom.",
                       columns, Align.LEFT)
    blocks += [RowBlock("Contoh barang", format_rupiah(12_500)),
               RowBlock("TOTAL", format_rupiah(1_250_000), True, Size.TALL),
               SeparatorBlock("="), QrBlock(TEST_QR)]
    blocks += _wrapped("Jika QR terbaca, mode QR sudah benar.", columns, Align.CENTER)
    if profile.drawer_pin is not None:
        blocks.insert(0, DrawerBlock())
    blocks.append(CutBlock())
    return blocks


def _wrapped(text: str, columns: int, align: Align) -> list[Block]:
    """Text blocks of ``text`` wrapped to the paper."""
    return [TextBlock(line, align) for line in wrap(text, columns)]


def test_page(profile: PrinterProfile, now: datetime | None = None) -> bytes:
    """ESC/POS bytes of the test page for ``profile`` ("Cetak uji")."""
    return render_blocks_escpos(test_page_blocks(profile, now), profile)
