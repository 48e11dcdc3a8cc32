"""The order slip (nota pesanan) of a pre-order: what was ordered, when it is picked up, the
DP paid and the balance due at pickup — as ESC/POS bytes for the receipt printer and as a roll
PDF (same blocks, the layout of :mod:`app.receipts.pdf_roll`).

Built from the stored pre-order (:mod:`app.preorders`), so a slip printed again on another
device of the shop says the same.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from app import preorder_queries, shop
from app.clock import local
from app.money import format_qty, format_rupiah
from app.printing.profile import PrinterProfile
from app.receipts.escpos_render import render_blocks_escpos
from app.receipts.layout import Align, Block, CutBlock, RowBlock, SeparatorBlock, Size, TextBlock
from app.receipts.pdf_roll import PDF_ENCODING, ROLLS, _block_height, _RollCanvas
from app.receipts.text import safe_text, wrap

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def when_text(moment: datetime) -> str:
    """``Sabtu, 05/12/2026 10:00`` in shop time (Indonesian day names, whatever the PC's locale)."""
    shown = local(moment)
    return f"{DAYS[shown.weekday()]}, {shown:%d/%m/%Y %H:%M}"


def _text(text: str, columns: int, encoding: str, align: Align = Align.LEFT,
          indent: str = "") -> list[Block]:
    return [TextBlock(line, align) for line in wrap(safe_text(text, encoding), columns, indent)]


def slip_blocks(session: Session, uuid: str, columns: int, encoding: str) -> list[Block]:
    """The slip's blocks for a paper ``columns`` wide."""
    order = preorder_queries.get(session, uuid)
    money = preorder_queries.money(session, order)
    blocks: list[Block] = _text(shop.profile(session).name, columns, encoding, Align.CENTER)
    blocks += [TextBlock("NOTA PESANAN", Align.CENTER, True, Size.TALL),
               TextBlock(order.number, Align.CENTER), SeparatorBlock()]
    blocks += _text(f"Pemesan: {order.customer_name} {order.customer_phone}".rstrip(),
                    columns, encoding)
    blocks += _text(f"{'Antar' if order.delivery else 'Ambil'}: {when_text(order.due_at)}",
                    columns, encoding)
    if order.delivery and order.address:
        blocks += _text(f"Alamat: {order.address}", columns, encoding)
    blocks += _text(f"Dipesan: {when_text(order.created_at)}", columns, encoding)
    blocks.append(SeparatorBlock())
    for line in preorder_queries.lines_of(session, uuid):
        blocks += _text(line.name, columns, encoding)
        blocks.append(RowBlock(safe_text(f"  {format_qty(line.qty)} x {format_rupiah(line.unit_price)}",
                                         encoding),
                               format_rupiah(int(line.qty * line.unit_price))))
        if line.note:
            blocks += _text(f"* {line.note}", columns, encoding, indent="  ")
    if order.note:
        blocks += _text("Catatan: " + " ".join(order.note.split()), columns, encoding)
    blocks += [SeparatorBlock(), RowBlock("Total", format_rupiah(money.total)),
               RowBlock("DP dibayar", format_rupiah(money.paid))]
    if money.pending:
        blocks.append(RowBlock("DP menunggu", format_rupiah(money.pending)))
    blocks += [RowBlock("SISA BAYAR", format_rupiah(money.due), True, Size.TALL),
               SeparatorBlock("=")]
    blocks += _text("Tunjukkan nota ini saat mengambil pesanan.", columns, encoding, Align.CENTER)
    blocks.append(CutBlock())
    return blocks


def slip_escpos(session: Session, uuid: str, profile: PrinterProfile) -> bytes:
    """ESC/POS bytes of the slip for the shop's receipt printer."""
    return render_blocks_escpos(slip_blocks(session, uuid, profile.columns, profile.encoding),
                                profile)


def slip_pdf(session: Session, uuid: str, width_mm: int = 58) -> bytes:
    """The slip as a one-page roll PDF ``width_mm`` wide (58 or 80)."""
    paper = ROLLS[width_mm]
    blocks = slip_blocks(session, uuid, paper.columns, PDF_ENCODING)
    height = sum(_block_height(b, paper) for b in blocks) + 2 * paper.margin_mm * mm
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(paper.width, height), pageCompression=1)
    canvas.setTitle(f"Nota pesanan {preorder_queries.get(session, uuid).number}")
    roll = _RollCanvas(canvas, paper, height)
    for block in blocks:
        roll.draw(block)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
