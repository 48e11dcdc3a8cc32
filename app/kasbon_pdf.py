"""A customer's kasbon statement as an A4 PDF (reportlab), in the shipped DejaVu Sans
(resources/fonts/, so the rupiah and dashes print the same on every PC; Helvetica when the
files are missing, as in app.reports.pdf).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.clock import local
from app.customers import local_phone
from app.kasbon_statement import Statement
from app.money import format_rupiah

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
GREY = colors.HexColor("#607d8b")
WIDTH = A4[0] - 30 * mm


def _fonts() -> tuple[str, str]:
    """The regular and bold font names (DejaVu Sans registered once)."""
    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return "DejaVuSans", "DejaVuSans-Bold"
    try:
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    except OSError:
        return "Helvetica", "Helvetica-Bold"
    return "DejaVuSans", "DejaVuSans-Bold"


def _table(data: list[list[str]], widths: list[float], fonts: tuple[str, str]) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), fonts[1], 8), ("FONT", (0, 1), (-1, -1), fonts[0], 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eceff1")),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cfd8dc")),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _money(value: int) -> str:
    return format_rupiah(value) if value else ""


def story(st: Statement) -> list[Any]:
    """The flowables of the statement."""
    fonts = _fonts()
    title = ParagraphStyle("t", fontName=fonts[1], fontSize=14, leading=18)
    body = ParagraphStyle("b", fontName=fonts[0], fontSize=9, leading=12)
    h2 = ParagraphStyle("h", fontName=fonts[1], fontSize=10, leading=14, spaceBefore=6)
    phone = local_phone(st.customer_phone) if st.customer_phone else "–"
    parts: list[Any] = [
        Paragraph(f"Tagihan kasbon · {st.shop_name}", title),
        Paragraph(f"{st.customer_name} · {phone} · per {st.day:%d/%m/%Y}", body),
        Spacer(1, 4 * mm),
        _table([["Sisa kasbon", "0–7 hari", "8–30 hari", "> 30 hari"],
                [format_rupiah(st.balance), format_rupiah(st.aging.days_0_7),
                 format_rupiah(st.aging.days_8_30), format_rupiah(st.aging.over_30)]],
               [WIDTH / 4] * 4, fonts),
    ]
    if st.pending:
        parts.append(Paragraph(f"Pembayaran {format_rupiah(st.pending)} menunggu konfirmasi.", body))
    parts += [Paragraph("Belanja yang belum lunas", h2), _table(
        [["Tanggal", "Nota", "Belanja", "Sisa"]] + [
            [f"{local(s.created_at):%d/%m/%Y}", s.order_number, format_rupiah(s.amount),
             format_rupiah(s.unpaid)] for s in st.open_sales],
        [30 * mm, WIDTH - 100 * mm, 35 * mm, 35 * mm], fonts)]
    parts += [Paragraph("Riwayat", h2), _table(
        [["Tanggal", "Keterangan", "Tambah", "Kurang", "Saldo"]] + [
            [f"{local(line.at):%d/%m/%Y %H:%M}", line.text, _money(line.debit), _money(line.credit),
             format_rupiah(line.balance)] for line in st.lines],
        [32 * mm, WIDTH - 122 * mm, 30 * mm, 30 * mm, 30 * mm], fonts)]
    return parts


def to_pdf(st: Statement, path: Path) -> Path:
    """Write the statement to ``path`` (A4) and return it."""
    fonts = _fonts()

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts[0], 7)
        canvas.setFillColor(GREY)
        text = f"{st.shop_name} {st.shop_phone}".strip() + f" · halaman {doc.page}"
        canvas.drawString(15 * mm, 10 * mm, text)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=18 * mm,
                            title=f"Kasbon {st.customer_name}")
    doc.build(story(st), onFirstPage=footer, onLaterPages=footer)
    return path
