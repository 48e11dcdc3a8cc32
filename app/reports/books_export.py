"""The money book's reports as files: an XLSX workbook (one sheet each) or an A4 PDF.

Laba rugi (only with ``include_costs``: it holds the cost of goods), arus kas per day, piutang
and utang aging. Words from the catalog (:mod:`app.labels_i18n`, group ``books``) in the
language asked for (the setting ``receipt.language``).
"""

from __future__ import annotations

from pathlib import Path

from app.errors import ValidationError
from app.labels_i18n import translate
from app.money import format_rupiah
from app.reports.books import Aging, CashDay, ProfitLoss
from app.reports.export import Cell, Table, to_workbook
from app.reports.periods import format_date


def _w(language: str, key: str, **values: object) -> str:
    group = "report" if key in ("net_sales", "cost_of_goods", "gross_profit", "col_date", "col_net",
                                "col_what", "col_value") else "books"
    return translate(f"{group}.{key}", language, **values)


def profit_table(p: ProfitLoss, language: str = "id") -> Table:
    """Laba rugi as (item, rupiah) rows."""
    rows: list[list[Cell]] = [[_w(language, "net_sales"), p.net_sales],
                              [_w(language, "cost_of_goods"), -p.cost_of_goods],
                              [_w(language, "gross_profit"), p.gross_profit]]
    if p.other_income:
        rows.append([_w(language, "other_income"), p.other_income])
    if p.dp_kept:
        rows.append([_w(language, "dp_kept"), p.dp_kept])
    rows += [[_w(language, "expense", what=e.label), -e.amount] for e in p.expenses]
    rows.append([_w(language, "net_profit"), p.net_profit])
    return _w(language, "profit"), [_w(language, "col_what"), _w(language, "col_value")], rows


def flow_table(days: list[CashDay], language: str = "id") -> Table:
    """Arus kas: one row per day that had money in or out."""
    headers = [_w(language, k) for k in ("col_date", "drawer_in", "drawer_out", "bank_in", "bank_out",
                                         "col_net")]
    rows: list[list[Cell]] = [[format_date(d.day), d.drawer_in, d.drawer_out, d.bank_in, d.bank_out,
                               d.drawer_net + d.bank_net]
                              for d in days if d.drawer_in or d.drawer_out or d.bank_in or d.bank_out]
    return _w(language, "flow"), headers, rows


def aging_table(aging: Aging, key: str, language: str = "id") -> Table:
    """Piutang (``key`` receivables) or utang (payables) per name, with a total row."""
    headers = [_w(language, k) for k in ("col_name", "col_phone", "col_left", "col_b0", "col_b1", "col_b2")]
    rows: list[list[Cell]] = [[r.name, r.phone, r.balance, *r.buckets] for r in aging.rows]
    rows.append([_w(language, "total"), "", aging.total, *aging.bucket_totals])
    return _w(language, key, day=format_date(aging.as_of)), headers, rows


def books_tables(profit: ProfitLoss, flow: list[CashDay], receivables: Aging, payables: Aging,
                 include_costs: bool = True, language: str = "id") -> list[Table]:
    """Every table of the money book, laba rugi only for a user who may see costs."""
    tables = [flow_table(flow, language), aging_table(receivables, "receivables", language),
              aging_table(payables, "payables", language)]
    return [profit_table(profit, language), *tables] if include_costs else tables


def export_books(profit: ProfitLoss, flow: list[CashDay], receivables: Aging, payables: Aging,
                 path: Path, kind: str, *, include_costs: bool = True, language: str = "id") -> Path:
    """Write the money book's reports to ``path`` as ``xlsx`` or ``pdf``."""
    tables = books_tables(profit, flow, receivables, payables, include_costs, language)
    if kind == "xlsx":
        return to_workbook(tables, path)
    if kind == "pdf":
        from app.reports.pdf import tables_pdf  # noqa: PLC0415 (reportlab ~110 ms, only for a PDF export)

        title = _w(language, "title", period=profit.period.title(language))
        return tables_pdf(title, [(t, h, [[format_rupiah(c) if isinstance(c, int) else c for c in row]
                                           for row in rows]) for t, h, rows in tables], path, language)
    raise ValidationError("Format ekspor '{kind}' tidak dikenal (xlsx atau pdf).", kind=kind)
