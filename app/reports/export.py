"""Export a report's figures to CSV (semicolon, UTF-8 with BOM, as Excel in Indonesia opens it)
or to an XLSX workbook with one sheet per table (openpyxl).

Titles and headers come from the catalog (:mod:`app.labels_i18n`) in the language asked
for (the setting ``receipt.language``); Indonesian by default."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from app.clock import local, zone_label
from app.errors import ValidationError
from app.labels_i18n import channel_label, method_label, translate
from app.reports.figures import Report

Cell = str | int
Table = tuple[str, list[str], list[list[Cell]]]


def _words(language: str, *keys: str) -> list[str]:
    """Fixed report words in ``language``, from the catalog."""
    return [translate(f"report.{key}", language) for key in keys]


def summary_rows(report: Report, include_costs: bool = True, language: str = "id") -> list[list[Cell]]:
    """Headline figures as (label, value) rows; money as whole rupiah."""
    t = report.totals

    def w(key: str, **values: object) -> str:
        return translate(f"report.{key}", language, **values)

    rows: list[list[Cell]] = [
        [w("shop"), report.shop_name], [w("period"), report.period.title(language)],
        [w("made"), local(report.generated_at).strftime(f"%d/%m/%Y %H:%M {zone_label()}")],
        [w("gross_sales"), t.gross_sales], [w("refunds"), t.refunds], [w("net_sales"), t.net_sales],
        [w("orders"), t.orders], [w("refund_orders"), t.refund_orders],
        [w("average"), t.average_basket], [w("discounts"), t.discounts],
        [w("unique_codes"), t.unique_codes], [w("rounding"), t.rounding],
        [w("money_in"), t.money_in],
    ]
    if include_costs:
        rows += [[w("cost_of_goods"), t.cost_of_goods], [w("gross_profit"), t.gross_profit],
                 [w("stock_cost_long"), report.stock.at_cost]]
    rows += [[w("stock_price"), report.stock.at_price],
             [w("peken_turnover", month=report.peken.month), report.peken.turnover],
             [w("peken_cap_long"), report.peken.cap], [w("peken_left"), report.peken.remaining]]
    return rows


def tables(report: Report, include_costs: bool = True, language: str = "id") -> list[Table]:
    """Every table of the report: (title, headers, rows), titles and headers in ``language``."""
    def w(*keys: str) -> list[str]:
        return _words(language, *keys)

    product_headers = w("col_product", "col_sku", "col_unit", "col_sold", "net_sales")
    if include_costs:
        product_headers += w("col_cost", "gross_profit")
    top: list[list[Cell]] = []
    for r in report.top_products:
        row: list[Cell] = [r.name, r.sku, r.unit, f"{r.qty:f}", r.net]
        top.append(row + ([r.cost, r.profit] if include_costs else []))
    slow_headers = (w("col_product", "col_sku", "col_unit", "col_sold", "col_stock")
                    + (w("col_stock_value") if include_costs else []))
    money = w("col_sales", "col_refunds", "col_net")
    hour = translate("report.col_hour", language, zone=zone_label())
    title = {key: w(key)[0] for key in ("summary", "per_method", "per_hour", "per_day",
                                        "per_channel_short", "top", "slow_short", "low")}
    return [
        (title["summary"], w("col_what", "col_value"), summary_rows(report, include_costs, language)),
        (title["per_method"], w("col_method", "col_payments") + money,
         [[method_label(r.method, language), r.payments, r.sales, r.refunds, r.net]
          for r in report.by_method]),
        (title["per_hour"], [hour, *w("col_orders", "net_sales")],
         [[f"{r.key:02d}:00", r.orders, r.net] for r in report.by_hour]),
        (title["per_day"], w("col_date", "col_orders", "net_sales"),
         [[str(r.key), r.orders, r.net] for r in report.by_day]),
        (title["per_channel_short"], w("col_channel", "col_kind", "col_orders") + money,
         [[r.name, channel_label(r.kind, language), r.orders, r.sales, r.refunds, r.net]
          for r in report.by_channel]),
        (title["top"], product_headers, top),
        (title["slow_short"], slow_headers,
         [[r.name, r.sku, r.unit, f"{r.qty_sold:f}", f"{r.on_hand:f}",
           *([r.stock_value] if include_costs else [])] for r in report.slow_movers]),
        (title["low"], w("col_product", "col_sku", "col_unit", "col_stock", "col_min"),
         [[r.name, r.sku, r.unit, f"{r.on_hand:f}", f"{r.min_stock:f}"] for r in report.low_stock]),
    ]


def to_csv(report: Report, path: Path, include_costs: bool = True, language: str = "id") -> Path:
    """One CSV file with every table one after the other, each under its title."""
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        for title, headers, rows in tables(report, include_costs, language):
            writer.writerow([title])
            writer.writerow(headers)
            writer.writerows(rows)
            writer.writerow([])
    return path


def _widths(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[int]:
    widths = [len(h) for h in headers]
    for row in rows[:500]:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(f"{cell:,}" if isinstance(cell, int) else str(cell)))
    return [min(60, w + 2) for w in widths]


def to_xlsx(report: Report, path: Path, include_costs: bool = True, language: str = "id") -> Path:
    """A workbook with one sheet per table of the report."""
    return to_workbook(tables(report, include_costs, language), path)


def to_workbook(sheets: Sequence[Table], path: Path) -> Path:
    """A workbook with one sheet per table; money cells are numbers formatted ``#,##0``."""
    from openpyxl import Workbook  # noqa: PLC0415 (openpyxl ~340 ms, only for an .xlsx export)
    from openpyxl.styles import Font  # noqa: PLC0415 (openpyxl ~340 ms, only for an .xlsx export)
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 (openpyxl ~340 ms, only for an .xlsx export)

    book = Workbook()
    if book.active is not None:
        book.remove(book.active)
    for title, headers, rows in sheets:
        sheet = book.create_sheet(title[:31])
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
        for column, width in enumerate(_widths(headers, rows), start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        for row_cells in sheet.iter_rows(min_row=2):
            for cell in row_cells:
                if isinstance(cell.value, int):
                    cell.number_format = "#,##0"
        sheet.freeze_panes = "A2"
    book.save(path)
    return path


def export_report(report: Report, path: Path, kind: str, include_costs: bool = True,
                  language: str = "id") -> Path:
    """Write ``report`` as ``csv``, ``xlsx`` or ``pdf``, its fixed words in ``language``."""
    if kind == "csv":
        return to_csv(report, path, include_costs, language)
    if kind == "xlsx":
        return to_xlsx(report, path, include_costs, language)
    if kind == "pdf":
        from app.reports.pdf import to_pdf  # noqa: PLC0415 (reportlab via app.reports.pdf ~110 ms, only for a PDF export)

        return to_pdf(report, path, include_costs, language)
    raise ValidationError("Format ekspor '{kind}' tidak dikenal (csv, xlsx atau pdf).", kind=kind)

