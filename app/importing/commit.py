"""Writing a checked import plan in one transaction, in bulk.

The caller's unit of work commits; any error (or the user's cancel raised from
``progress``) rolls everything back. Bulk inserts keep the same invariants as the
single-product services: on-hand equals the sum of the ledger (an "initial" movement
per stocked new product), the FTS triggers fire on every insert/update, and each
listing and movement gets its outbox row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.importing.extras import write_extras
from app.importing.plan import CHUNK, ImportPlan, PlannedProduct, ProgressFn, extras_items
from app.sync import hlc
from models import Barcode, Category, FieldClock, OutboxOp, Product, StockMovement
from models.base import new_uuid, utcnow

IMPORT_NOTE = "Stok awal (impor)"
PRODUCTS = cast(Table, Product.__table__)
BARCODES = cast(Table, Barcode.__table__)
MOVEMENTS = cast(Table, StockMovement.__table__)
OUTBOX = cast(Table, OutboxOp.__table__)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote."""

    created: int
    updated: int
    categories: int
    movements: int


def _noop(_done: int, _total: int) -> None:
    return None


def _category_ids(session: Session, plan: ImportPlan) -> dict[str, int]:
    ids = {name.lower(): cid for cid, name in session.execute(select(Category.id, Category.name))}
    for name in plan.new_categories:
        if name.lower() not in ids:
            category = Category(name=name[:80])
            session.add(category)
            session.flush()
            ids[name.lower()] = category.id
    return ids


def _product_values(item: PlannedProduct, category_id: int | None, now: datetime) -> dict[str, Any]:
    d = item.data
    return {
        "sku": d.sku, "name": d.name, "price": d.price, "cost": d.cost, "unit": d.unit,
        "sold_by_weight": d.sold_by_weight, "category_id": category_id, "min_stock": d.min_stock,
        "published": d.published, "favourite": d.favourite, "color": d.color,
        "archived": item.archived, "updated_at": now,
    }


def _listing(item: PlannedProduct, barcodes: bool = True) -> dict[str, Any]:
    """The shared fields of an imported product (as :func:`app.sync.fields.product_fields`)."""
    d = item.data
    values: dict[str, Any] = {
        "sku": d.sku, "name": d.name, "price": d.price, "unit": d.unit,
        "category": item.category or "", "published": d.published, "archived": item.archived,
        "sold_by_weight": d.sold_by_weight, "cost": d.cost, "min_stock": f"{d.min_stock:.3f}",
    }
    if barcodes:
        values["barcodes"] = list(d.barcodes)
    return values


class _Writer:
    """Accumulates outbox rows and writes the plan chunk by chunk."""

    def __init__(self, session: Session, plan: ImportPlan, progress: ProgressFn) -> None:
        self.session = session
        self.plan = plan
        self.progress = progress
        self.now = utcnow()
        self.ops: list[dict[str, Any]] = []
        self.movements = 0
        self.done = 0
        self.total = len(plan.creates) + len(plan.updates)
        self.stamp = hlc.tick(session)
        self.clocks: list[dict[str, Any]] = []

    def cat_id(self, item: PlannedProduct, ids: dict[str, int]) -> int | None:
        return ids[item.category.lower()] if item.category else None

    def op(self, kind: str, payload: dict[str, Any]) -> None:
        self.ops.append({"op_id": new_uuid(), "kind": kind, "status": "pending",
                         "payload": json.dumps(payload, default=str)})

    def edit(self, item: PlannedProduct, values: dict[str, Any]) -> None:
        """A ``product.edit`` of these fields, stamped once for the whole import."""
        key = str(item.uuid)
        self.op("product.edit", {"product_uuid": key,
                                 "fields": {k: {"value": v, "hlc": self.stamp} for k, v in values.items()}})
        self.clocks += [{"product_uuid": key, "field": k, "hlc": self.stamp} for k in values]

    def creates(self, items: list[PlannedProduct], ids: dict[str, int]) -> None:
        rows = []
        for item in items:
            item.uuid = new_uuid()
            stock = item.stock or Decimal(0)
            values = _product_values(item, self.cat_id(item, ids), self.now)
            values.update(uuid=item.uuid, on_hand=stock, has_history=stock > 0, created_at=self.now)
            rows.append(values)
        table = PRODUCTS
        result = self.session.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
        new_ids = [int(r[0]) for r in result]
        codes = [{"code": c, "product_id": pid} for item, pid in zip(items, new_ids, strict=True)
                 for c in item.data.barcodes]
        if codes:
            self.session.execute(insert(BARCODES), codes)
        for item, pid in zip(items, new_ids, strict=True):
            item.product_id = pid
            self.edit(item, _listing(item))
        self._initial_movements(items)

    def _initial_movements(self, items: list[PlannedProduct]) -> None:
        rows = []
        for item in items:
            if not item.stock:
                continue
            movement_uuid = new_uuid()
            rows.append({"uuid": movement_uuid, "product_id": item.product_id, "kind": "initial",
                         "qty": item.stock, "reason": "impor", "note": IMPORT_NOTE, "device": "",
                         "remote": False, "created_at": self.now})
            self.op("stock.movement", {"movement_uuid": movement_uuid, "product_uuid": item.uuid,
                                       "qty": f"{item.stock:.3f}", "kind": "initial",
                                       "created_at": self.now.isoformat()})
        if rows:
            self.session.execute(insert(MOVEMENTS), rows)
            self.movements += len(rows)

    def updates(self, items: list[PlannedProduct], ids: dict[str, int]) -> None:
        table = PRODUCTS
        rows = []
        for item in items:
            values = {f"v_{k}": v for k, v in _product_values(item, self.cat_id(item, ids), self.now).items()}
            values["pid"] = item.product_id
            rows.append(values)
        keys = _product_values(items[0], None, self.now).keys()
        stmt = update(table).where(table.c.id == bindparam("pid")).values(
            {k: bindparam(f"v_{k}") for k in keys})
        self.session.execute(stmt, rows)
        replaced = [item for item in items if item.barcodes_given]
        if replaced:
            pids = [item.product_id for item in replaced]
            self.session.execute(delete(BARCODES).where(BARCODES.c.product_id.in_(pids),
                                                        BARCODES.c.pack_id.is_(None)))
            codes = [{"code": c, "product_id": item.product_id} for item in replaced
                     for c in item.data.barcodes]
            if codes:
                self.session.execute(insert(BARCODES), codes)
        for item in items:
            self.edit(item, _listing(item, barcodes=item.barcodes_given))

    def step(self, count: int) -> None:
        self.done += count
        self.progress(self.done, self.total)


def commit_plan(session: Session, plan: ImportPlan, progress: ProgressFn | None = None) -> ImportResult:
    """Write a plan with no errors; refuses a plan that has any bad row."""
    if not plan.ok:
        raise ValidationError("Impor ditolak: {count} baris salah. Tidak ada yang disimpan.",
                              count=len(plan.errors))
    writer = _Writer(session, plan, progress or _noop)
    session.flush()
    ids = _category_ids(session, plan)
    # Updates first: a SKU renamed away frees nothing here, but barcodes replaced on existing
    # products must be gone before new products claim codes.
    for start in range(0, len(plan.updates), CHUNK):
        chunk = plan.updates[start:start + CHUNK]
        writer.updates(chunk, ids)
        writer.step(len(chunk))
    for start in range(0, len(plan.creates), CHUNK):
        chunk = plan.creates[start:start + CHUNK]
        writer.creates(chunk, ids)
        writer.step(len(chunk))
    if writer.ops:
        session.execute(insert(OUTBOX), writer.ops)
    if writer.clocks:
        session.execute(sqlite_insert(FieldClock).on_conflict_do_update(
            index_elements=["product_uuid", "field"], set_={"hlc": writer.stamp}), writer.clocks)
    session.expire_all()
    items = extras_items(plan)
    if items:
        write_extras(session, items, {i.data.sku: int(i.product_id or 0)
                                      for i in plan.updates + plan.creates})
        session.expire_all()
    return ImportResult(len(plan.creates), len(plan.updates), len(plan.new_categories), writer.movements)
