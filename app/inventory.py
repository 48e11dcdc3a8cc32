"""Inventory service: the stock ledger and everything that writes to it.

On-hand is never set directly: every change is an immutable :class:`StockMovement`
and ``Product.on_hand`` is its projection, updated in the same transaction. A
stocktake writes the delta (counted − expected), never an absolute value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from app import outbox
from app.errors import NotFoundError, ValidationError
from app.money import MAX_AMOUNT, quantize_qty, round_rupiah
from app.pack_units import choice_of, unit_choices
from contract.quantity import wire_qty
from contract.sync import MovementPayload, build
from models import Product, StockMovement
from models.base import ProductId, Quantity, new_uuid, utcnow

_PRODUCTS = cast(Table, Product.__table__)
_MOVEMENTS = cast(Table, StockMovement.__table__)
ADJUST_REASONS = {"rusak": "Rusak", "hilang": "Hilang", "kadaluarsa": "Kadaluarsa", "lainnya": "Lainnya"}
MAX_QTY = Decimal(1_000_000)


@dataclass(frozen=True)
class MovementView:
    """One ledger row for the history screen."""

    id: int
    created_at: datetime
    kind: str
    qty: Decimal
    reason: str
    note: str
    order_id: int | None


@dataclass(frozen=True)
class LowStock:
    """A product at or below its minimum stock."""

    id: ProductId
    sku: str
    name: str
    unit: str
    on_hand: Decimal
    min_stock: Decimal


def check_qty(qty: Decimal, *, allow_negative: bool = False, label: str = "Jumlah") -> Decimal:
    """Refuse zero, negative (unless allowed) or absurd quantities."""
    value = quantize_qty(qty)
    if value == 0:
        raise ValidationError("{label} tidak boleh nol.", field="qty", label=label)
    if value < 0 and not allow_negative:
        raise ValidationError("{label} harus lebih dari nol.", field="qty", label=label)
    if abs(value) > MAX_QTY:
        raise ValidationError("{label} {value} tidak masuk akal (maks. {MAX_QTY}).", field="qty",
                              label=label, value=value, MAX_QTY=MAX_QTY)
    return value


def record_movement(
    session: Session,
    product_id: int,
    kind: str,
    qty: Decimal,
    *,
    order_id: int | None = None,
    unit_cost: int | None = None,
    reason: str = "",
    note: str = "",
    user_id: int | None = None,
    device: str = "",
    movement_uuid: str | None = None,
    created_at: datetime | None = None,
    remote: bool = False,
    product_uuid: str | None = None,
) -> StockMovement:
    """Append one movement and update the on-hand projection in the same transaction."""
    _add_on_hand(session, [(product_id, qty)])  # first: it names a missing product
    movement = StockMovement(
        uuid=movement_uuid or new_uuid(), product_id=product_id, kind=kind, qty=qty,
        unit_cost=unit_cost, reason=reason, note=note, order_id=order_id, user_id=user_id,
        device=device, remote=remote, created_at=created_at or utcnow(),
    )
    session.add(movement)
    if not remote:
        outbox.enqueue(session, "stock.movement", _movement_payload(session, movement, product_uuid))
    return movement


def record_movements(
    session: Session,
    kind: str,
    deltas: Sequence[tuple[int, Decimal]],
    *,
    order_id: int | None = None,
    device: str = "",
    created_at: datetime | None = None,
    user_id: int | None = None,
    product_uuids: Mapping[int, str] | None = None,
    unit_costs: Sequence[int | None] | None = None,
) -> list[str]:
    """Several movements of one action (a checkout's lines), written in batches; returns their UUIDs.

    Same rows as :func:`record_movement` once per delta (movement, outbox op, on-hand), but
    as three executemany statements instead of one ORM round per row. ``unit_costs`` (one per
    delta) is the cost each movement came in or went out at (a purchase, a supplier return).
    """
    costs = list(unit_costs) if unit_costs is not None else [None] * len(deltas)
    if len(costs) != len(deltas):
        raise ValueError("one unit cost per delta")
    when = created_at or utcnow()
    uuids = dict(product_uuids or {})
    missing = {pid for pid, _qty in deltas} - uuids.keys()
    if missing:
        found = session.execute(select(Product.id, Product.uuid).where(Product.id.in_(missing)))
        uuids.update((int(pid), str(puid)) for pid, puid in found)
    movement_uuids = [new_uuid() for _ in deltas]
    rows = [
        {"uuid": muid, "product_id": pid, "kind": kind, "qty": qty, "unit_cost": cost, "reason": "",
         "note": "", "order_id": order_id, "user_id": user_id, "device": device, "remote": False,
         "created_at": when}
        for muid, (pid, qty), cost in zip(movement_uuids, deltas, costs, strict=True)
    ]
    if not rows:
        return []
    _add_on_hand(session, deltas)  # first: it names a missing product before the FK would fail
    session.execute(insert(_MOVEMENTS), rows)
    outbox.enqueue_many(session, "stock.movement", [
        build(MovementPayload, movement_uuid=muid, product_uuid=uuids.get(pid), qty=wire_qty(qty),
              kind=kind, created_at=when)
        for muid, (pid, qty) in zip(movement_uuids, deltas, strict=True)
    ])
    return movement_uuids


_ON_HAND_UPDATE = (
    update(_PRODUCTS).where(_PRODUCTS.c.id == bindparam("pid"))
    .values(on_hand=_PRODUCTS.c.on_hand + bindparam("delta", type_=Quantity()), has_history=True)
)


def _add_on_hand(session: Session, deltas: Sequence[tuple[int, Decimal]]) -> None:
    """Move the on-hand projection of each product by its delta, in one executemany.

    No autoflush here, so an action's movements and outbox rows reach the database as one
    batch (at commit). A product added in this same action is flushed first.
    """
    params = [{"pid": pid, "delta": qty} for pid, qty in deltas]
    if not params:
        return
    if any(isinstance(obj, Product) for obj in session.new):
        session.flush()
    with session.no_autoflush:
        changed = cast(CursorResult[Any], session.execute(_ON_HAND_UPDATE, params)).rowcount
    if changed != len(params):
        wanted = {pid for pid, _qty in deltas}
        with session.no_autoflush:
            found = set(session.scalars(select(Product.id).where(Product.id.in_(wanted))))
        raise NotFoundError("Produk #{value} tidak ditemukan.", value=min(wanted - found, default=0))
    for pid, _qty in deltas:
        cached = session.identity_map.get(identity_key(Product, pid))
        if cached is not None:
            session.expire(cached, ["on_hand", "has_history", "updated_at"])


def _movement_payload(
    session: Session, movement: StockMovement, product_uuid: str | None
) -> MovementPayload:
    if product_uuid is None:
        product_uuid = session.scalar(select(Product.uuid).where(Product.id == movement.product_id))
    return build(MovementPayload, movement_uuid=movement.uuid, product_uuid=product_uuid,
                 qty=f"{movement.qty:.3f}", kind=movement.kind, created_at=movement.created_at)


def _product(session: Session, product_id: int) -> Product:
    product = session.get(Product, product_id)
    if product is None:
        raise NotFoundError("Produk #{product_id} tidak ditemukan.", product_id=product_id)
    return product


def _check_whole(product: Product, qty: Decimal) -> None:
    """A product sold by the piece only moves in whole units."""
    if not product.sold_by_weight and qty != qty.to_integral_value():
        raise ValidationError(
            "'{name}' dihitung per {unit}, jumlah harus bulat.", field="qty", name=product.name,
            unit=product.unit
        )


def moving_average(on_hand: Decimal, cost: int, qty: Decimal, unit_cost: int) -> int:
    """The cost (HPP rata-rata) after ``qty`` arrives at ``unit_cost`` onto ``on_hand`` at ``cost``.

    ``(max(on_hand, 0) × cost + qty × unit_cost) / (max(on_hand, 0) + qty)``, rounded half up to
    the rupiah. A negative ``qty`` takes goods out at ``unit_cost`` (a return to the supplier).
    Stock below zero counts as none, and so does a cost of 0 (never filled in: unknown); when
    nothing (or no value) is left, the cost is ``unit_cost``.
    """
    base = max(on_hand, Decimal(0)) if cost > 0 else Decimal(0)
    units = base + qty
    value = base * cost + qty * unit_cost
    if units <= 0 or value <= 0:
        return unit_cost
    return round_rupiah(value / units)


def check_cost(unit_cost: object) -> int:
    """Refuse a cost that is not whole rupiah, zero or more."""
    if not isinstance(unit_cost, int) or isinstance(unit_cost, bool) or not 0 <= unit_cost <= MAX_AMOUNT:
        raise ValidationError("Harga pokok harus rupiah bulat, nol atau lebih.", field="cost")
    return unit_cost


def set_average_cost(session: Session, product: Product, qty: Decimal, unit_cost: int) -> int:
    """Move the product's cost to the moving average with ``qty`` at ``unit_cost`` (before the
    movement is written); the shop's other devices get the new cost too. Returns it."""
    new_cost = moving_average(product.on_hand, product.cost, qty, unit_cost)
    if product.cost != new_cost:
        product.cost = new_cost
        outbox.queue_fields(session, product.uuid, {"cost": new_cost})
    return new_cost


def receive(
    session: Session, product_id: int, qty: Decimal, unit_cost: int | None = None,
    note: str = "", user_id: int | None = None, pack_id: int | None = None,
) -> StockMovement:
    """Goods arrived: add ``qty``; a given unit cost moves the product's cost to the moving average
    (HPP rata-rata) of the stock on hand and this receipt, never simply to the last price.

    With ``pack_id``, ``qty`` and ``unit_cost`` are per pack: the movement is ``qty × factor``
    base units at ``unit_cost ÷ factor``, and its note starts with what came ("3 dus (120 pcs)").
    """
    value = check_qty(qty, label="Jumlah barang masuk")
    product = _product(session, product_id)
    if pack_id is not None:
        value, unit_cost, note = _in_base(session, product, pack_id, value, unit_cost, note)
    _check_whole(product, value)
    if unit_cost is not None:
        set_average_cost(session, product, value, check_cost(unit_cost))
    return record_movement(session, product.id, "receive", value, unit_cost=unit_cost,
                           note=note, user_id=user_id)


def _in_base(session: Session, product: Product, pack_id: int, qty: Decimal, unit_cost: int | None,
             note: str) -> tuple[Decimal, int | None, str]:
    """A receipt in a pack as (base qty, cost per base unit, note naming the pack)."""
    choice = choice_of(unit_choices(session, product.id), pack_id)
    base = check_qty(choice.to_base(qty), label="Jumlah barang masuk")
    cost = choice.cost_per_base(check_cost(unit_cost)) if unit_cost is not None else None
    said = choice.describe(qty)
    return base, cost, f"{said} · {note}" if note.strip() else said


def adjust(
    session: Session, product_id: int, qty_delta: Decimal, reason: str,
    note: str = "", user_id: int | None = None,
) -> StockMovement:
    """Correct stock by a signed delta with a reason (rusak, hilang, kadaluarsa, lainnya)."""
    if reason not in ADJUST_REASONS:
        raise ValidationError("Pilih alasan penyesuaian: rusak, hilang, kadaluarsa atau lainnya.",
                              field="reason")
    if reason == "lainnya" and not note.strip():
        raise ValidationError("Alasan 'lainnya' perlu keterangan.", field="note")
    value = check_qty(qty_delta, allow_negative=True, label="Selisih stok")
    _check_whole(_product(session, product_id), value)
    return record_movement(session, product_id, "adjust", value, reason=reason, note=note,
                           user_id=user_id)


def stocktake(
    session: Session, counts: dict[int, Decimal], note: str = "", user_id: int | None = None,
) -> list[StockMovement]:
    """Commit counted quantities as deltas (counted − expected); unchanged ones write nothing."""
    if not counts:
        raise ValidationError("Belum ada produk yang dihitung.")
    movements: list[StockMovement] = []
    for product_id, counted in counts.items():
        value = quantize_qty(counted)
        if value < 0 or value > MAX_QTY:
            raise ValidationError("Hitungan {value} untuk produk #{product_id} tidak sah.", field="qty",
                                  value=value, product_id=product_id)
        product = _product(session, product_id)
        _check_whole(product, value)
        delta = value - product.on_hand
        if delta != 0:
            movements.append(record_movement(session, product.id, "stocktake", delta,
                                             reason="opname", note=note, user_id=user_id))
    return movements


def history(session: Session, product_id: int, limit: int = 500) -> list[MovementView]:
    """A product's movements, newest first."""
    rows = session.scalars(
        select(StockMovement).where(StockMovement.product_id == product_id)
        .order_by(StockMovement.created_at.desc(), StockMovement.id.desc()).limit(limit)
    )
    return [MovementView(m.id, m.created_at, m.kind, m.qty, m.reason, m.note, m.order_id) for m in rows]


def low_stock(session: Session, limit: int = 1000) -> list[LowStock]:
    """Active products whose on-hand is at or below their minimum (minimum set above 0)."""
    rows = session.execute(
        select(Product.id, Product.sku, Product.name, Product.unit, Product.on_hand, Product.min_stock)
        .where(Product.archived.is_(False), Product.min_stock > 0, Product.on_hand <= Product.min_stock)
        .order_by(Product.name).limit(limit)
    )
    return [LowStock(ProductId(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]


def ledger_sum(session: Session, product_id: int) -> Decimal:
    """The sum of a product's movements (what on-hand must equal)."""
    total = session.scalar(
        select(func.coalesce(func.sum(StockMovement.qty), 0)).where(StockMovement.product_id == product_id)
    )
    return Decimal(total or 0)
