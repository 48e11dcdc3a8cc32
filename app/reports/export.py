"""Export a report's figures to CSV (semicolon, UTF-8 with BOM, as Excel in Indonesia opens it)
or to an XLSX workbook with one sheet per table (openpyxl)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from app.clock import local
from app.errors import ValidationError
from app.reports.figures import KIND_LABELS, Report

Cell = str | int
Table = tuple[str, list[str], list[list[Cell]]]


def summary_rows(report: Report, include_costs: bool = True) -> list[list[Cell]]:
    """Headline figures as (label, value) rows; money as whole rupiah."""
    t = report.totals
    rows: list[list[Cell]] = [
        ["Toko", report.shop_name], ["Periode", report.period.title()],
        ["Dibuat", local(report.generated_at).strftime("%d/%m/%Y %H:%M WIB")],
        ["Penjualan kotor", t.gross_sales], ["Retur", t.refunds], ["Penjualan bersih", t.net_sales],
        ["Jumlah pesanan", t.orders], ["Jumlah retur", t.refund_orders],
        ["Rata-rata belanja", t.average_basket], ["Diskon", t.discounts],
    ]
    if include_costs:
        rows += [["Harga pokok penjualan", t.cost_of_goods], ["Laba kotor", t.gross_profit],
                 ["Nilai stok (harga pokok)", report.stock.at_cost]]
    rows += [["Nilai stok (harga jual)", report.stock.at_price],
             [f"Omzet PEKEN {report.peken.month}", report.peken.turnover],
             ["Batas omzet PEKEN", report.peken.cap], ["Sisa sebelum batas", report.peken.remaining]]
    return rows


def tables(report: Report, include_costs: bool = True) -> list[Table]:
    """Every table of the report: (title, headers, rows)."""
    product_headers = ["Produk", "SKU", "Satuan", "Terjual", "Penjualan bersih"]
    if include_costs:
        product_headers += ["Harga pokok", "Laba kotor"]
    top: list[list[Cell]] = []
    for r in report.top_products:
        row: list[Cell] = [r.name, r.sku, r.unit, f"{r.qty:f}", r.net]
        top.append(row + ([r.cost, r.profit] if include_costs else []))
    slow_headers = ["Produk", "SKU", "Satuan", "Terjual", "Stok"] + (["Nilai stok"] if include_costs else [])
    return [
        ("Ringkasan", ["Keterangan", "Nilai"], summary_rows(report, include_costs)),
        ("Per cara bayar", ["Cara bayar", "Transaksi", "Penjualan", "Retur", "Bersih"],
         [[r.label, r.payments, r.sales, r.refunds, r.net] for r in report.by_method]),
        ("Per jam", ["Jam (WIB)", "Pesanan", "Penjualan bersih"],
         [[f"{r.key:02d}:00", r.orders, r.net] for r in report.by_hour]),
        ("Per hari", ["Tanggal", "Pesanan", "Penjualan bersih"],
         [[str(r.key), r.orders, r.net] for r in report.by_day]),
        ("Per saluran", ["Saluran / acara", "Jenis", "Pesanan", "Penjualan", "Retur", "Bersih"],
         [[r.name, KIND_LABELS.get(r.kind, r.kind), r.orders, r.sales, r.refunds, r.net]
          for r in report.by_channel]),
        ("Produk terlaris", product_headers, top),
        ("Kurang laku", slow_headers,
         [[r.name, r.sku, r.unit, f"{r.qty_sold:f}", f"{r.on_hand:f}",
           *([r.stock_value] if include_costs else [])] for r in report.slow_movers]),
        ("Stok menipis", ["Produk", "SKU", "Satuan", "Stok", "Minimum"],
         [[r.name, r.sku, r.unit, f"{r.on_hand:f}", f"{r.min_stock:f}"] for r in report.low_stock]),
    ]


def to_csv(report: Report, path: Path, include_costs: bool = True) -> Path:
    """One CSV file with every table one after the other, each under its title."""
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        for title, headers, rows in tables(report, include_costs):
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


def to_xlsx(report: Report, path: Path, include_costs: bool = True) -> Path:
    """A workbook with one sheet per table; money cells are numbers formatted ``#,##0``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    if book.active is not None:
        book.remove(book.active)
    for title, headers, rows in tables(report, include_costs):
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


def export_report(report: Report, path: Path, kind: str, include_costs: bool = True) -> Path:
    """Write ``report`` as ``csv``, ``xlsx`` or ``pdf``."""
    if kind == "csv":
        return to_csv(report, path, include_costs)
    if kind == "xlsx":
        return to_xlsx(report, path, include_costs)
    if kind == "pdf":
        from app.reports.pdf import to_pdf

        return to_pdf(report, path, include_costs)
    raise ValidationError("Format ekspor '{kind}' tidak dikenal (csv, xlsx atau pdf).", kind=kind)

