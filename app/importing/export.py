"""Exporting the catalog to CSV (semicolon, UTF-8 with BOM, opens in Indonesian Excel) or XLSX.

The headers are the Indonesian import headers, so an exported file imports back unchanged.
The cost price goes out only to a user allowed to see it (``cost_view``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app import packs, permissions
from app.errors import ValidationError
from app.importing.extras import format_options, format_packs, format_tiers
from app.importing.mapping import EXPORT_ORDER, label
from models import PriceTier, ProductPack
from models.base import QTY_SCALE

_SQL = text(
    "SELECT p.sku, (SELECT group_concat(code, ', ') FROM (SELECT b.code FROM barcodes b "
    "WHERE b.product_id = p.id AND b.pack_id IS NULL ORDER BY b.id)), p.name, "
    "COALESCE(c.name, ''), p.unit, p.sold_by_weight, p.price, p.cost, p.on_hand, p.min_stock, "
    "p.published, p.archived, p.id, COALESCE(pp.sku, ''), p.option_names, p.options "
    "FROM products p LEFT JOIN categories c ON c.id = p.category_id "
    "LEFT JOIN products pp ON pp.id = p.parent_id ORDER BY p.id"
)


_COST = EXPORT_ORDER.index("cost")


def _qty(raw: int) -> Decimal:
    return (Decimal(raw) / QTY_SCALE).quantize(Decimal("0.001")).normalize()


def _qty_text(value: Decimal) -> str:
    return f"{value:f}".replace(".", ",")


def _yes(flag: object) -> str:
    return "Ya" if flag else "Tidak"


def export_rows(session: Session, with_cost: bool = True) -> Iterator[list[object]]:
    """Every product as a row of cells in :data:`EXPORT_ORDER` (quantities as Decimal).

    Without ``with_cost`` the cost cell is left out (see :func:`export_columns`).
    """
    pack_cells, tier_cells = _pack_and_tier_cells(session)
    for r in session.execute(_SQL):
        pack_cell, codes_cell = pack_cells.get(r[12], ("", ""))
        row: list[object] = [r[0], r[1] or "", r[2], r[3], r[4], _yes(r[5]), int(r[6]),
                             int(r[7]), _qty(r[8]), _qty(r[9]), _yes(r[10]), _yes(r[11]),
                             pack_cell, codes_cell, tier_cells.get(r[12], ""), r[13],
                             format_options(r[14], r[15])]
        if not with_cost:
            del row[_COST]
        yield row


def _pack_and_tier_cells(session: Session) -> tuple[dict[int, tuple[str, str]], dict[int, str]]:
    """Product id → its Kemasan and Barcode Kemasan cells, and → its Harga Grosir cell."""
    pids = set(session.scalars(select(ProductPack.product_id).where(ProductPack.archived.is_(False))))
    pids |= set(session.scalars(select(PriceTier.product_id)))
    packs_cells = {pid: format_packs(packs.packs_of(session, pid)) for pid in sorted(pids)}
    tiers = {pid: format_tiers(packs.tiers_of(session, pid)) for pid in sorted(pids)}
    return packs_cells, tiers


def export_columns(with_cost: bool) -> list[str]:
    """The field keys written, in order (``cost`` only for someone allowed to see it)."""
    return [key for key in EXPORT_ORDER if with_cost or key != "cost"]


def export_products(session: Session, path: Path, viewer_id: int | None = None) -> int:
    """Write the whole catalog to ``path`` (.csv or .xlsx); returns the number of products.

    The cost price column is written only when ``viewer_id`` may see cost prices
    (``cost_view``; nobody logged in only in a shop without users).
    """
    with_cost = permissions.can_view_cost(session, viewer_id)
    suffix = path.suffix.lower()
    headers = [label(key) for key in export_columns(with_cost)]
    if suffix == ".csv":
        return _write_csv(path, headers, export_rows(session, with_cost))
    if suffix == ".xlsx":
        return _write_xlsx(path, headers, export_rows(session, with_cost))
    raise ValidationError("Ekspor hanya ke .csv atau .xlsx, bukan '{value}'.", value=suffix or path.name)


def _write_csv(path: Path, headers: list[str], rows: Iterator[list[object]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_qty_text(v) if isinstance(v, Decimal) else v for v in row])
            count += 1
    return count


def _write_xlsx(path: Path, headers: list[str], rows: Iterator[list[object]]) -> int:
    from openpyxl import Workbook  # noqa: PLC0415 (openpyxl ~340 ms, only for an .xlsx export)

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Produk")
    sheet.append(headers)
    count = 0
    for row in rows:
        cells = [int(v) if isinstance(v, Decimal) and v == v.to_integral_value() else v for v in row]
        sheet.append(cells)
        count += 1
    workbook.save(path)
    return count
