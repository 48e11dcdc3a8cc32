"""Validating every row of a product spreadsheet before anything is written.

Policy (documented for sellers in the import report):
- A row whose SKU already exists **updates** that product (a supplier's new price list).
  A blank cell, or a column missing from the file, keeps the product's current value.
- A row without SKU updates the product owning its barcode, else the one product with the
  same name (case-insensitive; several products with that name → the row is refused);
  otherwise a new product gets a generated SKU (``IMP000001``...). So importing the same
  SKU-less supplier file twice updates instead of duplicating.
- The stock column creates an "initial" ledger movement for a **new** product. For an
  existing product stock is never overwritten (use a stocktake); a different number is
  reported as a notice. The cell may name the row's packs ("2 dus 5" = 2 × 40 + 5 pcs).
- Unknown categories are created.
- Any bad row makes the whole import refused: nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.catalog import ProductInput, validate
from app.errors import UserError, ValidationError
from app.importing.extras import ExtrasItem, RowExtras, check_extras, check_parents, parse_extras
from app.importing.mapping import label, missing_required
from app.importing.reader import RawTable
from app.importing.values import (
    RowError,
    parse_barcodes,
    parse_bool,
    parse_import_qty,
    parse_price,
    parse_unit,
)
from app.pack_units import count_in_packs
from app.packs import packs_of as pack_list
from models import Barcode, Category, Product

ProgressFn = Callable[[int, int], None]
CHUNK = 500


@dataclass
class PlannedProduct:
    """A validated row, ready to write."""

    line: int
    data: ProductInput
    category: str
    archived: bool
    barcodes_given: bool
    stock: Decimal | None = None
    product_id: int | None = None
    uuid: str | None = None
    extras: RowExtras | None = None


@dataclass
class ImportPlan:
    """The outcome of checking a file: what would be created/updated, and every bad row."""

    creates: list[PlannedProduct] = field(default_factory=list)
    updates: list[PlannedProduct] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    new_categories: list[str] = field(default_factory=list)
    total_rows: int = 0

    @property
    def ok(self) -> bool:
        """True when every row is good (the import may be committed)."""
        return not self.errors

    def report(self) -> str:
        """The per-row report shown in the wizard and printed by the CLI."""
        lines = [f"{self.total_rows} baris dibaca: {len(self.creates)} produk baru, "
                 f"{len(self.updates)} diperbarui, {len(self.errors)} baris salah."]
        if self.new_categories:
            lines.append("Kategori baru: " + ", ".join(self.new_categories))
        lines += [str(e) for e in self.errors]
        lines += self.notices
        if self.errors:
            lines.append("Tidak ada yang disimpan: perbaiki baris di atas lalu impor lagi.")
        return "\n".join(lines)


@dataclass
class _Existing:
    """What the database already holds for the SKUs and barcodes in the file."""

    by_sku: dict[str, Product]
    barcode_owner: dict[str, int]
    by_id: dict[int, Product]
    categories: dict[str, int]
    category_names: dict[int, str]
    product_barcodes: dict[int, list[str]]
    by_name: dict[str, list[Product]]


def _cells(row: list[str], mapping: dict[int, str]) -> dict[str, str]:
    return {key: (row[i] if i < len(row) else "") for i, key in mapping.items() if key}


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]


def _load_existing(session: Session, rows: list[dict[str, str]]) -> _Existing:
    skus = sorted({r["sku"].strip() for r in rows if r.get("sku", "").strip()})
    codes = sorted({c for r in rows for c in parse_barcodes(r.get("barcodes", ""))}
                   | {c for r in rows for c in _pack_codes(r.get("pack_barcodes", ""))})
    by_sku: dict[str, Product] = {}
    for part in _chunks(skus):
        by_sku.update((p.sku, p) for p in session.scalars(select(Product).where(Product.sku.in_(part))))
    owners: dict[str, int] = {}
    for part in _chunks(codes):
        owners.update(session.execute(select(Barcode.code, Barcode.product_id)
                                      .where(Barcode.code.in_(part))).all())
    by_id = {p.id: p for p in by_sku.values()}
    by_name: dict[str, list[Product]] = {}
    names_wanted = sorted({_name_key(r.get("name", "")) for r in rows if not r.get("sku", "").strip()} - {""})
    for part in _chunks(names_wanted):
        for p in session.scalars(select(Product).where(func.lower(Product.name).in_(part))):
            by_name.setdefault(_name_key(p.name), []).append(p)
            by_id[p.id] = p
    missing = sorted({pid for pid in owners.values() if pid not in by_id})
    for part in _chunks([str(i) for i in missing]):
        by_id.update((p.id, p) for p in session.scalars(
            select(Product).where(Product.id.in_([int(i) for i in part]))))
    product_barcodes: dict[int, list[str]] = {}
    for part in _chunks([str(i) for i in by_id]):
        for code, pid in session.execute(select(Barcode.code, Barcode.product_id).where(
                Barcode.product_id.in_([int(i) for i in part]), Barcode.pack_id.is_(None))
                .order_by(Barcode.id)):
            product_barcodes.setdefault(pid, []).append(code)
    names = dict(session.execute(select(Category.id, Category.name)).all())
    cats = {name.lower(): cid for cid, name in names.items()}
    return _Existing(by_sku, owners, by_id, cats, names, product_barcodes, by_name)


def _pack_codes(text: str) -> list[str]:
    """Every code in a Barcode Kemasan cell (``dus=111 222;renteng=333``), for the owner lookup."""
    return [c for part in text.split(";") for c in parse_barcodes(part.partition("=")[2])]


def _name_key(name: str) -> str:
    """Names compare case-insensitively with single spaces."""
    return " ".join(name.split()).lower()


def _base_input(product: Product | None, barcodes: list[str]) -> ProductInput:
    if product is None:
        return ProductInput(sku="", name="", price=0)
    return ProductInput(
        sku=product.sku, name=product.name, price=product.price, cost=product.cost,
        unit=product.unit, sold_by_weight=product.sold_by_weight, category_id=product.category_id,
        barcodes=list(barcodes), min_stock=product.min_stock, published=product.published,
        favourite=product.favourite, color=product.color,
    )


def _stock_cell(text: str) -> Decimal | str:
    """A Stok number; a cell with a unit word ("2 dus") is kept to be read with the row's packs."""
    return text if any(ch.isalpha() for ch in text) else parse_import_qty(text, label("stock"))


def _apply_cells(data: ProductInput, cells: dict[str, str], reasons: list[str]) -> dict[str, object]:
    """Parse each given (non-blank) cell into ``data``; collect every reason it is bad."""
    extra: dict[str, object] = {}
    parsers: dict[str, Callable[[str], None]] = {
        "name": lambda v: setattr(data, "name", v),
        "price": lambda v: setattr(data, "price", parse_price(v, label("price"))),
        "cost": lambda v: setattr(data, "cost", parse_price(v, label("cost"))),
        "unit": lambda v: setattr(data, "unit", parse_unit(v)),
        "by_weight": lambda v: setattr(data, "sold_by_weight", parse_bool(v, label("by_weight"))),
        "min_stock": lambda v: setattr(data, "min_stock", parse_import_qty(v, label("min_stock"))),
        "published": lambda v: setattr(data, "published", parse_bool(v, label("published"))),
        "barcodes": lambda v: setattr(data, "barcodes", parse_barcodes(v)),
        "stock": lambda v: extra.__setitem__("stock", _stock_cell(v)),
        "archived": lambda v: extra.__setitem__("archived", parse_bool(v, label("archived"))),
        "category": lambda v: extra.__setitem__("category", " ".join(v.split())),
    }
    for key, parse in parsers.items():
        value = cells.get(key, "").strip()
        if not value:
            continue
        try:
            parse(value)
        except UserError as exc:
            reasons.append(str(exc))
    return extra


class _Planner:
    """Checks rows one by one, remembering SKUs and barcodes already claimed in the file."""

    def __init__(self, session: Session, existing: _Existing, plan: ImportPlan) -> None:
        self.session = session
        self.existing = existing
        self.plan = plan
        self.sku_line: dict[str, int] = {}
        self.code_line: dict[str, int] = {}
        self.name_line: dict[str, int] = {}
        self.next_sku = 0

    def row(self, line: int, cells: dict[str, str]) -> None:
        reasons: list[str] = []
        try:
            product = self._target(cells)
        except ValidationError as exc:
            self.plan.errors.append(RowError(line, str(exc)))
            return
        if not cells.get("sku", "").strip() and not self._claim_name(line, cells, reasons):
            self.plan.errors.append(RowError(line, " ".join(reasons)))
            return
        barcodes = self.existing.product_barcodes.get(product.id, []) if product else []
        data = _base_input(product, barcodes)
        extra = _apply_cells(data, cells, reasons)
        extras = parse_extras(cells, reasons)
        if not reasons:
            check_extras(extras, data.unit, data.price, reasons)
        if isinstance(extra.get("stock"), str):  # "2 dus": in the row's packs (or the product's)
            extra["stock"] = self._stock_in_packs(str(extra["stock"]), data.unit, extras, product, reasons)
        if product is None:
            for key in ("name", "price"):
                if not cells.get(key, "").strip():
                    reasons.append(f"{label(key)} wajib diisi.")
            data.sku = cells.get("sku", "").strip() or self._generated_sku()
        if not reasons:
            self._validate(data, reasons)
        self._check_claims(line, data, product, reasons, extras)
        if reasons:
            self.plan.errors.append(RowError(line, " ".join(reasons)))
            return
        self._add(line, data, product, cells, extra)
        last = (self.plan.creates if product is None else self.plan.updates)[-1]
        last.extras = extras

    def _stock_in_packs(self, text: str, unit: str, extras: RowExtras, product: Product | None,
                        reasons: list[str]) -> Decimal | None:
        """A Stok cell naming packs ("2 dus", "2 dus 5") in base units."""
        if extras.packs is not None:
            packs = [(p.name, p.factor) for p in extras.packs]
        else:
            packs = [(p.name, p.factor) for p in pack_list(self.session, product.id)] if product else []
        try:
            return count_in_packs(text, unit, packs)
        except UserError as exc:
            reasons.append(f"{label('stock')}: {exc}")
            return None

    def _target(self, cells: dict[str, str]) -> Product | None:
        sku = cells.get("sku", "").strip()
        if sku:
            return self.existing.by_sku.get(sku)
        for code in parse_barcodes(cells.get("barcodes", "")):
            owner = self.existing.barcode_owner.get(code)
            if owner is not None:
                return self.existing.by_id.get(owner)
        same_name = self.existing.by_name.get(_name_key(cells.get("name", "")), [])
        if len(same_name) > 1:
            raise ValidationError("Nama '{value}' dipakai {count} produk: isi kolom SKU supaya jelas "
                                  "produk mana yang diperbarui.", value=cells.get('name', '').strip(),
                                  count=len(same_name))
        return same_name[0] if same_name else None

    def _claim_name(self, line: int, cells: dict[str, str], reasons: list[str]) -> bool:
        """Rows without SKU are told apart by name: the same name twice in a file is refused."""
        key = _name_key(cells.get("name", ""))
        if key and key in self.name_line:
            first = self.name_line[key]
            reasons.append(f"Produk '{cells['name'].strip()}' tanpa SKU sudah ada di baris {first}.")
            return False
        if key:
            self.name_line[key] = line
        return True

    def _generated_sku(self) -> str:
        if not self.next_sku:
            last = self.session.scalar(select(func.max(Product.sku)).where(Product.sku.like("IMP%")))
            self.next_sku = int(last[3:]) + 1 if last and last[3:].isdigit() else 1
        while True:
            sku = f"IMP{self.next_sku:06d}"
            self.next_sku += 1
            if sku not in self.existing.by_sku and sku not in self.sku_line:
                return sku

    @staticmethod
    def _validate(data: ProductInput, reasons: list[str]) -> None:
        try:
            validate(data)
        except ValidationError as exc:
            reasons.append(str(exc))

    def _check_claims(self, line: int, data: ProductInput, product: Product | None,
                      reasons: list[str], extras: RowExtras) -> None:
        """SKU and barcodes must be unique in the file and in the shop; claims them when the row is good."""
        if data.sku in self.sku_line:
            reasons.append(f"SKU '{data.sku}' sudah ada di baris {self.sku_line[data.sku]}.")
        elif product is None and data.sku in self.existing.by_sku:
            reasons.append(f"SKU '{data.sku}' sudah dipakai produk lain.")
        own_id = product.id if product else None
        for code in data.barcodes + extras.pack_codes:
            if code in self.code_line:
                reasons.append(f"Barcode '{code}' sudah ada di baris {self.code_line[code]}.")
            owner = self.existing.barcode_owner.get(code)
            if owner is not None and owner != own_id:
                other = self.existing.by_id.get(owner)
                who = f" ({other.sku} {other.name})" if other else ""
                reasons.append(f"Barcode '{code}' sudah dipakai produk lain{who}.")
        if not reasons:
            self.sku_line[data.sku] = line
            self.code_line.update(dict.fromkeys(data.barcodes + extras.pack_codes, line))

    def _add(self, line: int, data: ProductInput, product: Product | None, cells: dict[str, str],
             extra: dict[str, object]) -> None:
        category = str(extra.get("category", ""))
        if not category and product is not None and product.category_id is not None:
            category = self.existing.category_names.get(product.category_id, "")
        known = self.existing.categories.keys() | {c.lower() for c in self.plan.new_categories}
        if category and category.lower() not in known:
            self.plan.new_categories.append(category)
        archived = extra.get("archived")
        planned = PlannedProduct(
            line=line, data=data, category=category,
            archived=bool(archived) if archived is not None else bool(product and product.archived),
            barcodes_given=bool(cells.get("barcodes", "").strip()) or product is None,
        )
        stock = extra.get("stock")
        if product is None:
            planned.stock = stock if isinstance(stock, Decimal) else None
            if planned.stock is not None and planned.stock < 0:
                self.plan.notices.append(f"Baris {line}: stok awal negatif ({planned.stock.normalize():f}).")
            self.plan.creates.append(planned)
            return
        planned.product_id, planned.uuid = product.id, product.uuid
        if isinstance(stock, Decimal) and stock != product.on_hand:
            self.plan.notices.append(
                f"Baris {line}: stok produk '{product.sku}' tetap {product.on_hand.normalize():f}; "
                "stok produk yang sudah ada tidak diubah oleh impor (pakai opname).")
        self.plan.updates.append(planned)


def extras_items(plan: ImportPlan) -> list[ExtrasItem]:
    """The rows that give packs, tiers or variant cells (written after the products)."""
    return [ExtrasItem(item.line, item.data.sku, item.extras) for item in plan.updates + plan.creates
            if item.extras is not None and (item.extras.packs is not None or item.extras.tiers is not None
                                            or item.extras.option_names is not None
                                            or item.extras.values is not None)]


def build_plan(session: Session, table: RawTable, mapping: dict[int, str],
               progress: ProgressFn | None = None) -> ImportPlan:
    """Check every row against the shop; nothing is written."""
    plan = ImportPlan(total_rows=len(table.rows))
    missing = missing_required(mapping)
    if missing:
        plan.errors.append(RowError(1, "Kolom wajib tidak ditemukan: " + ", ".join(missing) + "."))
        return plan
    rows = [(line, _cells(cells, mapping)) for line, cells in table.rows]
    if not rows:
        plan.errors.append(RowError(1, "Tidak ada baris produk di bawah judul kolom."))
        return plan
    planner = _Planner(session, _load_existing(session, [c for _l, c in rows]), plan)
    for done, (line, cells) in enumerate(rows, start=1):
        planner.row(line, cells)
        if progress is not None and (done % CHUNK == 0 or done == len(rows)):
            progress(done, len(rows))
    plan.errors += check_parents(session, extras_items(plan))
    plan.errors.sort(key=lambda e: e.line)
    return plan
