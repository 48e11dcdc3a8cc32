"""The PDF report (A4, reportlab): headline figures, charts by hour, by day and by payment
method (reportlab.graphics), and the tables of channels, products and stock.

Its fixed words come from the catalog (:mod:`app.labels_i18n`) in the language asked for
(the setting ``receipt.language``: Indonesian by default, or English)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.clock import local, zone_label
from app.labels_i18n import channel_label, method_label, translate
from app.money import format_qty, format_rupiah
from app.reports.figures import Report

GREEN = colors.HexColor("#2e7d32")
GREY = colors.HexColor("#607d8b")
PIE_COLOURS = [colors.HexColor(c) for c in ("#2e7d32", "#1565c0", "#f9a825", "#8e24aa", "#6d4c41")]
WIDTH = A4[0] - 30 * mm


def _w(language: str, key: str, **values: object) -> str:
    """A fixed word of the report in ``language``, from the catalog."""
    return translate(f"report.{key}", language, **values)


def axis_label(value: float, language: str = "id") -> str:
    """Compact rupiah for chart axes: ``1,5 jt``, ``250 rb`` (``1,5 M``, ``250 K`` in English)."""
    amount = int(value)
    if abs(amount) >= 1_000_000:
        millions = f"{amount / 1_000_000:.1f}".removesuffix(".0").replace(".", ",")
        return _w(language, "million", value=millions)
    if abs(amount) >= 1_000:
        return _w(language, "thousand", value=amount // 1000)
    return str(amount)


def _bar_chart(title: str, labels: list[str], values: list[int], every: int = 1,
               language: str = "id") -> Drawing:
    drawing = Drawing(WIDTH, 62 * mm)
    drawing.add(String(0, 58 * mm, title, fontName="Helvetica-Bold", fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 16 * mm, 10 * mm, WIDTH - 20 * mm, 42 * mm
    chart.data = [[max(0, v) for v in values] or [0]]
    chart.categoryAxis.categoryNames = [lab if i % every == 0 else "" for i, lab in enumerate(labels)]
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda value: axis_label(value, language)
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e0e0e0")
    chart.bars[0].fillColor = GREEN
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


def _pie(report: Report, language: str) -> Drawing:
    drawing = Drawing(WIDTH, 52 * mm)
    drawing.add(String(0, 48 * mm, _w(language, "by_method_money"), fontName="Helvetica-Bold",
                       fontSize=10))
    rows = [r for r in report.by_method if r.net > 0]
    if not rows:
        drawing.add(String(0, 20 * mm, _w(language, "no_payments"), fontSize=9))
        return drawing
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 6 * mm, 4 * mm, 40 * mm, 40 * mm
    pie.data = [r.net for r in rows]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    for i in range(len(rows)):
        pie.slices[i].fillColor = PIE_COLOURS[i % len(PIE_COLOURS)]
    drawing.add(pie)
    total = sum(r.net for r in rows)
    legend = Legend()
    legend.x, legend.y = 56 * mm, 40 * mm
    legend.fontSize = 9
    legend.alignment = "right"
    legend.columnMaximum = 6
    legend.colorNamePairs = [
        (PIE_COLOURS[i % len(PIE_COLOURS)],
         f"{method_label(r.method, language)}: {format_rupiah(r.net)} ({r.net * 100 // total}%)")
        for i, r in enumerate(rows)]
    drawing.add(legend)
    return drawing


def _table(headers: list[str], rows: list[list[str]], widths: list[float], numeric_from: int,
           language: str = "id") -> Table:
    empty = [_w(language, "no_data")] + [""] * (len(headers) - 1)
    data = [headers, *rows] if rows else [headers, empty]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8), ("FONT", (0, 1), (-1, -1), "Helvetica", 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eceff1")),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cfd8dc")),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _adjustment_rows(report: Report, language: str) -> list[list[str]]:
    """Kode unik received on transfers and the cash rounding, under the payment methods."""
    t = report.totals
    return [[_w(language, key), "", format_rupiah(value), "", format_rupiah(value)]
            for key, value in (("unique_codes", t.unique_codes), ("rounding", t.rounding))]


def _kpis(report: Report, include_costs: bool, language: str) -> Table:
    t, w = report.totals, lambda key, **values: _w(language, key, **values)
    cells = [(w("net_sales"), format_rupiah(t.net_sales)),
             (w("orders"), f"{t.orders:,}".replace(",", ".")),
             (w("average"), format_rupiah(t.average_basket)),
             (w("refunds"), f"{format_rupiah(t.refunds)} ({t.refund_orders})")]
    if include_costs:
        cells += [(w("gross_profit"), format_rupiah(t.gross_profit)),
                  (w("stock_cost"), format_rupiah(report.stock.at_cost))]
    cap = report.peken
    cells += [(w("peken_month", month=cap.month), f"{format_rupiah(cap.turnover)} ({cap.percent}%)"),
              (w("peken_cap"), format_rupiah(cap.cap))]
    grid: list[list[Any]] = []
    for i in range(0, len(cells), 4):
        chunk = cells[i:i + 4]
        grid.append([c[0] for c in chunk])
        grid.append([c[1] for c in chunk])
    table = Table(grid, colWidths=[WIDTH / 4] * 4)
    style = [("FONT", (0, 0), (-1, -1), "Helvetica", 8), ("TEXTCOLOR", (0, 0), (-1, -1), GREY)]
    for row in range(1, len(grid), 2):
        style += [("FONT", (0, row), (-1, row), "Helvetica-Bold", 12),
                  ("TEXTCOLOR", (0, row), (-1, row), colors.black),
                  ("BOTTOMPADDING", (0, row), (-1, row), 8)]
    table.setStyle(TableStyle(style))
    return table


def _product_tables(report: Report, include_costs: bool, h2: ParagraphStyle,
                    language: str) -> list[Any]:
    def w(*keys: str) -> list[str]:
        return [_w(language, key) for key in keys]

    top_headers = w("col_product", "col_sold", "col_sales") + (w("gross_profit") if include_costs else [])
    top = [[r.name[:48], f"{format_qty(r.qty)} {r.unit}", format_rupiah(r.net),
            *([format_rupiah(r.profit)] if include_costs else [])] for r in report.top_products]
    slow = [[r.name[:48], f"{format_qty(r.qty_sold)} {r.unit}", f"{format_qty(r.on_hand)} {r.unit}",
             format_rupiah(r.stock_value)] for r in report.slow_movers]
    low = [[r.name[:48], r.sku, f"{format_qty(r.on_hand)} {r.unit}", f"{format_qty(r.min_stock)} {r.unit}"]
           for r in report.low_stock[:25]]
    rest = WIDTH - 80 * mm
    return [
        Paragraph(_w(language, "top"), h2),
        _table(top_headers, top, [rest + (0 if include_costs else 25 * mm), 25 * mm, 30 * mm]
               + ([25 * mm] if include_costs else []), 1, language),
        Paragraph(_w(language, "slow"), h2),
        _table(w("col_product", "col_sold", "col_stock", "col_stock_value"), slow,
               [rest, 25 * mm, 25 * mm, 30 * mm], 1, language),
        Paragraph(_w(language, "low"), h2),
        _table(w("col_product", "col_sku", "col_stock", "col_min"), low,
               [rest, 30 * mm, 25 * mm, 25 * mm], 2, language),
    ]


def story(report: Report, include_costs: bool = True, language: str = "id") -> list[Any]:
    """The flowables of the report, top to bottom, with its fixed words in ``language``."""
    styles = getSampleStyleSheet()
    h1, small = styles["Heading1"], styles["Normal"]
    h2 = ParagraphStyle("section", parent=styles["Normal"], fontName="Helvetica-Bold", fontSize=11,
                        spaceBefore=8, spaceAfter=4, keepWithNext=1)
    made = local(report.generated_at).strftime(f"%d/%m/%Y %H:%M {zone_label()}")
    parts: list[Any] = [
        Paragraph(_w(language, "title", shop=report.shop_name), h1),
        Paragraph(_w(language, "period_line", period=report.period.title(language), made=made), small),
        Spacer(1, 4 * mm),
        _kpis(report, include_costs, language),
        _bar_chart(_w(language, "by_hour", zone=zone_label()), [f"{r.key:02d}" for r in report.by_hour],
                   [r.net for r in report.by_hour], language=language),
    ]
    if len(report.by_day) > 1:
        every = -(-len(report.by_day) // 16)
        one_month = (report.period.first.year, report.period.first.month) == (
            report.period.last.year, report.period.last.month)
        fmt = "%d" if one_month else "%d/%m"
        parts.append(_bar_chart(_w(language, "by_day"),
                                [f"{r.key:{fmt}}" for r in report.by_day if not isinstance(r.key, int)],
                                [r.net for r in report.by_day], every, language))
    return parts + _money_tables(report, h2, language) + _product_tables(report, include_costs, h2,
                                                                         language)


def _money_tables(report: Report, h2: ParagraphStyle, language: str) -> list[Any]:
    """The pie and the tables by payment method and by channel."""
    def w(*keys: str) -> list[str]:
        return [_w(language, key) for key in keys]

    return [_pie(report, language), Paragraph(_w(language, "per_method"), h2),
            _table(w("col_method", "col_payments", "col_sales", "col_refunds", "col_net"),
                   [[method_label(r.method, language), str(r.payments), format_rupiah(r.sales),
                     format_rupiah(r.refunds), format_rupiah(r.net)] for r in report.by_method]
                   + _adjustment_rows(report, language),
                   [WIDTH - 120 * mm, 24 * mm, 32 * mm, 32 * mm, 32 * mm], 1, language),
            Paragraph(_w(language, "per_channel"), h2),
            _table(w("col_channel", "col_kind", "col_orders", "col_sales", "col_refunds", "col_net"),
                   [[r.name, channel_label(r.kind, language), str(r.orders), format_rupiah(r.sales),
                     format_rupiah(r.refunds), format_rupiah(r.net)] for r in report.by_channel],
                   [WIDTH - 134 * mm, 26 * mm, 18 * mm, 30 * mm, 30 * mm, 30 * mm], 2, language)]


def _footer(language: str) -> Any:
    """The page footer (what is counted, page number) in ``language``."""
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.setFillColor(GREY)
        canvas.drawString(15 * mm, 10 * mm, _w(language, "footer"))
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, _w(language, "page", page=doc.page))
        canvas.restoreState()
    return draw


def to_pdf(report: Report, path: Path, include_costs: bool = True, language: str = "id") -> Path:
    """Write the A4 PDF report to ``path``, its fixed words in ``language`` (``id``/``en``)."""
    title = _w(language, "doc_title", shop=report.shop_name, period=report.period.title(language))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=14 * mm, bottomMargin=16 * mm, title=title, author="PEKEN Kasir")
    footer = _footer(language)
    doc.build(story(report, include_costs, language), onFirstPage=footer, onLaterPages=footer)
    return path


def tables_pdf(title: str, tables: list[tuple[str, list[str], list[list[str]]]], path: Path,
               language: str = "id") -> Path:
    """An A4 PDF of titled tables (the money book): first column text, the others figures."""
    styles = getSampleStyleSheet()
    story: list[Any] = [Paragraph(title, styles["Title"])]
    for heading, headers, rows in tables:
        first = WIDTH - (len(headers) - 1) * 28 * mm
        story += [Spacer(1, 4 * mm), Paragraph(heading, styles["Heading2"]),
                  _table(headers, rows, [first] + [28 * mm] * (len(headers) - 1), 1, language)]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=14 * mm, bottomMargin=16 * mm, title=title, author="PEKEN Kasir")
    footer = _footer(language)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path
