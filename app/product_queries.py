"""Fast paged reads of the product catalog for the products table (100 000 rows and more).

The table asks for a COUNT with the current filter and then for pages of ~200 rows
by offset with the current sort. Everything here is plain SQL over indexed columns;
the name search uses the FTS5 trigram index (terms of 3+ characters) and LIKE for
shorter terms, and an exact barcode also matches.

Reads only: deleting a product, its photo and categories by name are written by
:mod:`app.catalog` and :mod:`app.categories`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.base import QTY_SCALE

COLUMNS = ("sku", "barcode", "name", "category", "unit", "price", "cost", "on_hand", "min_stock",
           "published")
_SORT_SQL = {
    "sku": "p.sku",
    "barcode": "(SELECT MIN(b.code) FROM barcodes b WHERE b.product_id = p.id)",
    "name": "p.name",
    "category": "c.name",
    "unit": "p.unit",
    "price": "p.price",
    "cost": "p.cost",
    "on_hand": "p.on_hand",
    "min_stock": "p.min_stock",
    "published": "p.published",
}


@dataclass(frozen=True)
class ProductFilter:
    """What the seller narrowed the table to.

    ``archived``: False shows active products only, True archived only.
    """

    search: str = ""
    category_id: int | None = None
    low_stock: bool = False
    archived: bool = False
    unpublished: bool = False


@dataclass(frozen=True)
class ProductSort:
    """Sort column (one of :data:`COLUMNS`) and direction."""

    column: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class ProductRow:
    """One row of the products table."""

    id: int
    sku: str
    barcode: str
    name: str
    category: str
    unit: str
    price: int
    cost: int
    on_hand: Decimal
    min_stock: Decimal
    published: bool
    archived: bool
    parent_id: int | None = None  # a variant: its parent product
    variants: int = 0  # a parent: how many (active) variants; ``on_hand`` is their sum


def _qty(raw: int | None) -> Decimal:
    return (Decimal(raw or 0) / QTY_SCALE).quantize(Decimal("0.001"))


def _where(flt: ProductFilter) -> tuple[str, dict[str, Any]]:
    """The WHERE clause and its parameters for a filter."""
    # Nearly every product is active, so the archived index only helps to find archived ones.
    parts = ["p.archived = :archived" if flt.archived else "+p.archived = :archived"]
    params: dict[str, Any] = {"archived": 1 if flt.archived else 0}
    if flt.category_id is not None:
        parts.append("p.category_id = :cat")
        params["cat"] = flt.category_id
    if flt.low_stock:
        parts.append("p.min_stock > 0 AND p.on_hand <= p.min_stock")
    if flt.unpublished:
        parts.append("p.published = 0")
    search = _search_clause(flt.search, params)
    if search:
        parts.append(search)
    return " AND ".join(parts), params


def _search_clause(query: str, params: dict[str, Any]) -> str:
    """Every word in the name or SKU (FTS trigram for 3+ chars, LIKE for shorter); one word may
    also be an exact barcode. Written as ``id IN (...)`` so SQLite looks rows up by id."""
    words = query.lower().split()
    if not words:
        return ""
    long_terms = [w for w in words if len(w) >= 3]
    short_terms = [w for w in words if len(w) < 3]
    barcode = "SELECT product_id FROM barcodes WHERE code = :code"
    params["code"] = query.strip()
    clauses: list[str] = []
    if long_terms:
        params["fts"] = " ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        fts = "SELECT rowid FROM product_fts WHERE product_fts MATCH :fts"
        clauses.append(f"p.id IN ({fts} UNION {barcode})" if len(words) == 1 else f"p.id IN ({fts})")
    for i, term in enumerate(short_terms):
        key = f"like{i}"
        params[key] = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        like = f"(p.name LIKE :{key} ESCAPE '\\' OR p.sku LIKE :{key} ESCAPE '\\')"
        clauses.append(f"({like} OR p.id IN ({barcode}))" if len(words) == 1 else like)
    return "(" + " AND ".join(clauses) + ")"


def is_plain(flt: ProductFilter, sort: ProductSort) -> bool:
    """The unfiltered catalog by name: counted and paged straight off the name index."""
    return flt == ProductFilter() and sort.column == "name"


def count_products(session: Session, flt: ProductFilter) -> int:
    """How many products match the filter: with none but the archived flag, the count the
    triggers keep (``rollup_product_counts``, migration 0018), not a scan of the catalog."""
    if flt == ProductFilter(archived=flt.archived):
        kept = session.execute(text("SELECT products FROM rollup_product_counts "
                                    "WHERE archived = :archived"),
                               {"archived": 1 if flt.archived else 0}).scalar()
        return int(kept or 0)
    where, params = _where(flt)
    sql = f"SELECT COUNT(*) FROM products p WHERE {where}"
    return int(session.execute(text(sql), params).scalar_one())


# A variant parent (option_names set) shows its variants' count and summed stock; the
# subqueries run only for parent rows (CASE) and off ix_products_parent_id.
_VARIANTS = "FROM products v WHERE v.parent_id = p.id AND v.archived = 0"
_ROW_SQL = (
    "SELECT p.id, p.sku, (SELECT MIN(b.code) FROM barcodes b WHERE b.product_id = p.id), "
    "p.name, COALESCE(c.name, ''), p.unit, p.price, p.cost, "
    "CASE WHEN p.option_names = '' THEN p.on_hand "
    f"ELSE (SELECT COALESCE(SUM(v.on_hand), 0) {_VARIANTS}) END, "
    "p.min_stock, p.published, p.archived, p.parent_id, "
    f"CASE WHEN p.option_names = '' THEN 0 ELSE (SELECT COUNT(*) {_VARIANTS}) END "
    "FROM products p LEFT JOIN categories c ON c.id = p.category_id "
)


def _order(sort: ProductSort, use_index: bool = True) -> str:
    """The ORDER BY; ``use_index=False`` (a unary +) makes SQLite filter first, then sort the
    matches, instead of walking the whole name index for a selective filter."""
    key = _SORT_SQL.get(sort.column, "p.name")
    direction = "DESC" if sort.descending else "ASC"
    plus = "" if use_index else "+"
    return f"ORDER BY {plus}{key} {direction}, p.id {direction}"


def _row(r: Any) -> ProductRow:
    return ProductRow(int(r[0]), r[1], r[2] or "", r[3], r[4], r[5], int(r[6]), int(r[7]),
                      _qty(int(r[8] or 0)), _qty(r[9]), bool(r[10]), bool(r[11]),
                      int(r[12]) if r[12] is not None else None, int(r[13] or 0))


def fetch_page(
    session: Session, flt: ProductFilter, sort: ProductSort, offset: int, limit: int
) -> list[ProductRow]:
    """``limit`` rows from ``offset`` in the requested order (ties broken by id)."""
    where, params = _where(flt)
    params.update(offset=offset, limit=limit)
    sql = f"{_ROW_SQL} WHERE {where} {_order(sort)} LIMIT :limit OFFSET :offset"
    return [_row(r) for r in session.execute(text(sql), params)]


def matching_ids(session: Session, flt: ProductFilter, sort: ProductSort) -> list[int]:
    """Ids of every matching product in display order: one scan gives count and order."""
    where, params = _where(flt)
    sql = f"SELECT p.id FROM products p LEFT JOIN categories c ON c.id = p.category_id " \
          f"WHERE {where} {_order(sort, use_index=False)}"
    return [int(r[0]) for r in session.execute(text(sql), params)]


def fetch_rows(session: Session, ids: list[int]) -> list[ProductRow]:
    """The rows of these products, in the order of ``ids`` (missing ones skipped)."""
    if not ids:
        return []
    marks = ", ".join(str(int(i)) for i in ids)
    found = {r.id: r for r in (_row(x) for x in session.execute(text(f"{_ROW_SQL} WHERE p.id IN ({marks})")))}
    return [found[i] for i in ids if i in found]


def categories(session: Session) -> list[tuple[int, str]]:
    """All categories as (id, name), by name."""
    rows = session.execute(text("SELECT id, name FROM categories ORDER BY name COLLATE NOCASE"))
    return [(int(r[0]), str(r[1])) for r in rows]


def all_product_ids(session: Session, flt: ProductFilter) -> list[int]:
    """Ids of every product matching the filter (for "select all" label printing)."""
    where, params = _where(flt)
    rows = session.execute(text(f"SELECT p.id FROM products p WHERE {where} ORDER BY p.name"), params)
    return [int(r[0]) for r in rows]


def get_photo(session: Session, product_id: int) -> bytes | None:
    """The product's stored photo (JPEG bytes) or None."""
    row = session.execute(text("SELECT photo FROM products WHERE id = :i"), {"i": product_id}).first()
    return bytes(row[0]) if row is not None and row[0] is not None else None
