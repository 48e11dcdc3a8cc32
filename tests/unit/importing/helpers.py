"""Helpers for import tests: write CSV/XLSX files and read the catalog back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app.db import Database
from app.inventory import ledger_sum
from models import Category, Product


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` as a CSV file in the given encoding."""
    path.write_bytes(text.encode(encoding))
    return path


def catalog_snapshot(db: Database) -> list[tuple[object, ...]]:
    """Every product's user-visible fields, by SKU (for round-trip comparisons)."""
    with db.read() as s:
        cats = {c.id: c.name for c in s.scalars(select(Category))}
        rows: list[tuple[object, ...]] = []
        for p in s.scalars(select(Product).order_by(Product.sku)):
            rows.append((p.sku, p.name, p.price, p.cost, p.unit, p.sold_by_weight,
                         cats.get(p.category_id or 0, ""), tuple(b.code for b in p.barcodes),
                         p.on_hand, p.min_stock, p.published, p.archived))
        return rows


def ledger_consistent(db: Database) -> bool:
    """On-hand equals the ledger sum for every product."""
    with db.read() as s:
        return all(ledger_sum(s, p.id) == p.on_hand for p in s.scalars(select(Product)))


QTY = Decimal
