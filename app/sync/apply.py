"""Applying a page of the server's change log to the shop database.

Kinds: ``product.fields`` (and the older ``listing.upsert``) and ``stock.movement`` (from
this shop's devices, this one included), ``order.placed`` and ``order.status`` (online
orders, written by the server). Everything here is idempotent, so a page applied twice
(a crash before the cursor was stored cannot happen, but a reset cursor can) changes
nothing the second time:

* movements merge as a set by UUID — each exactly once;
* product fields merge per field by hybrid logical clock: a remote value is applied only
  when its stamp is newer than the local field's (see :mod:`app.sync.fields`), so every
  device ends with the value of the edit MADE last, whatever order changes arrive in;
* an online order is created once (``remote_id`` is unique); state changes only move
  forward (placed → pending → paid → fulfilled) or to a terminal refusal.

Nothing here writes to the outbox: changes that came from the server never go back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import shop_day
from app.inventory import record_movement
from app.money import line_total, quantize_qty
from app.sales import next_number
from app.sync import books, buyer_notes, fields, hlc, pricing_apply, profile
from contract.changes import BookRecordChange, FieldsChange, PricingRecordChange, read_change
from contract.enums import (
    PENDING_METHODS,
    ChannelKind,
    OnlineOrderStatus,
    OrderKind,
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
)
from contract.pricing import RECORD as PRICING_RECORD
from models import BankAccount, Order, OrderLine, Payment, Product, SalesChannel, StockMovement

ONLINE_DEVICE = "PK"
# The server's awaiting_payment is the local pending; every other state keeps its code.
SERVER_TO_LOCAL: dict[str, str] = {
    status: OrderStatus.PENDING if status is OnlineOrderStatus.AWAITING_PAYMENT else OrderStatus(status)
    for status in OnlineOrderStatus
}
HAPPY_RANK: dict[str, int] = {OrderStatus.PLACED: 0, OrderStatus.PENDING: 1, OrderStatus.PAID: 2,
                              OrderStatus.FULFILLED: 3}
REFUSED = frozenset({OrderStatus.REJECTED, OrderStatus.CANCELLED, OrderStatus.EXPIRED})
OPEN_ONLINE = (OrderStatus.PLACED, OrderStatus.PENDING, OrderStatus.PAID)


@dataclass
class ApplyResult:
    """What one page changed here."""

    applied: int = 0
    new_orders: list[str] = field(default_factory=list)
    movements: int = 0
    listings: int = 0
    status_changes: int = 0


@dataclass
class PageContext:
    """Caches for one page: products by UUID, known movement UUIDs, pending own edits."""

    session: Session
    products: dict[str, int] = field(default_factory=dict)
    movements: set[str] = field(default_factory=set)
    clocks: fields.Clocks = field(default_factory=dict)
    stamps: list[str] = field(default_factory=list)
    orders: set[str] = field(default_factory=set)
    day_seq: dict[date, int] = field(default_factory=dict)
    channel_id: int | None = None
    account_id: int | None = None
    result: ApplyResult = field(default_factory=ApplyResult)

    def next_number(self, when: datetime) -> tuple[str, int]:
        """The next ``PK-YYYYMMDD-NNNN`` number (counted here within the page)."""
        day = shop_day(when)
        if day not in self.day_seq:
            self.day_seq[day] = next_number(self.session, ONLINE_DEVICE, when)[1] - 1
        self.day_seq[day] += 1
        seq = self.day_seq[day]
        return f"{ONLINE_DEVICE}-{day:%Y%m%d}-{seq:04d}", seq

    def prefetch(self, changes: list[dict[str, Any]]) -> None:
        """Load the page's products and movement UUIDs, and this device's pending edits."""
        uuids = {str(c["payload"].get("product_uuid", "")) for c in changes}
        for c in changes:
            uuids.update(str(x.get("product_uuid", "")) for x in c["payload"].get("lines", []))
        uuids.update(pricing_products(changes))
        uuids.discard("")
        rows = self.session.execute(select(Product.uuid, Product.id)
                                    .where(Product.uuid.in_(uuids)))
        self.products.update({u: i for u, i in rows})
        moves = [str(c["payload"].get("movement_uuid")) for c in changes
                 if c["kind"] == "stock.movement"]
        if moves:
            self.movements.update(self.session.scalars(
                select(StockMovement.uuid).where(StockMovement.uuid.in_(moves))))
        placed = [str(c["payload"]["order_id"]) for c in changes if c["kind"] == "order.placed"]
        if placed:
            self.orders = {str(x) for x in self.session.scalars(
                select(Order.remote_id).where(Order.remote_id.in_(placed)))}
            self.channel_id = _online_channel(self.session)
            self.account_id = _transfer_account(self.session)
        self.clocks = fields.clocks_of(self.session, uuids)


def pricing_products(changes: list[dict[str, Any]]) -> set[str]:
    """The product uuids the page's ``pricing.record`` changes name (their own, their pack's)."""
    out: set[str] = set()
    for c in changes:
        p = c["payload"]
        if c["kind"] == PRICING_RECORD and isinstance(p.get("fields"), dict):
            out.add(str(p["fields"].get("product_uuid") or p["fields"].get("parent_uuid") or ""))
            if p.get("record") in ("tiers", "variant"):
                out.add(str(p.get("uuid", "")))
    return out


def _aware(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def ensure_product(ctx: PageContext, product_uuid: str, name: str = "", unit: str = "pcs",
                   price: int = 1) -> int:
    """The local id of a product, creating an unpublished placeholder when unknown."""
    known = ctx.products.get(product_uuid)
    if known is not None:
        return known
    session = ctx.session
    product = Product(uuid=product_uuid, sku=fields.free_sku(session, "", product_uuid, None),
                      name=(name or f"Produk {product_uuid[:8]}")[:160], unit=(unit or "pcs")[:12],
                      price=max(int(price), 1), published=False)
    session.add(product)
    session.flush()
    ctx.products[product_uuid] = product.id
    return product.id


def product_id_of(ctx: PageContext, product_uuid: str) -> int:
    """The local id of a product named by a record (looked up here when the page did not
    prefetch it), creating a placeholder when unknown (:func:`ensure_product`)."""
    if product_uuid not in ctx.products:
        found = ctx.session.scalar(select(Product.id).where(Product.uuid == product_uuid))
        if found is not None:
            ctx.products[product_uuid] = int(found)
    return ensure_product(ctx, product_uuid)


def apply_fields(ctx: PageContext, key: str, stamped: dict[str, Any]) -> None:
    """Remote field values ``{field: {value, hlc}}`` of a product: each applied only when
    its stamp is newer than this device's clock for that field."""
    won = fields.newer(ctx.clocks, key, stamped)
    if not won:
        return
    values = {name: value for name, (value, _stamp) in won.items()}
    product_id = ensure_product(ctx, key, str(values.get("name") or ""),
                                str(values.get("unit") or "pcs"), _int(values.get("price"), 1))
    product = ctx.session.get(Product, product_id)
    assert product is not None
    fields.apply_values(ctx.session, product, values)
    for name, (_value, stamp) in won.items():
        fields.set_clocks(ctx.session, key, [name], stamp)
    ctx.stamps.extend(stamp for _value, stamp in won.values())
    ctx.result.listings += 1


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 \
        else default


def apply_listing(ctx: PageContext, p: dict[str, Any], when: datetime | None, seq: int) -> None:
    """An old-style full listing change: all its public fields, stamped with the op's
    stamp or (log entries of older servers) the change's time and place in the log."""
    stamp = p.get("hlc") or hlc.at(when or datetime(1970, 1, 1, tzinfo=UTC), "server",
                                   seq % 1_000_000)
    stamped = {name: {"value": p[name], "hlc": stamp} for name in fields.LEGACY_FIELDS
               if name in p and not (name == "price" and not _int(p[name], 0))}
    apply_fields(ctx, str(p["product_uuid"]), stamped)


def apply_movement(ctx: PageContext, p: dict[str, Any], origin: int | None) -> None:
    """A stock movement from another device, merged once by its UUID."""
    key = str(p["movement_uuid"])
    if key in ctx.movements:
        return
    product_id = ensure_product(ctx, str(p["product_uuid"]))
    record_movement(ctx.session, product_id, str(p.get("kind", "adjust"))[:12],
                    quantize_qty(Decimal(str(p["qty"]))), movement_uuid=key,
                    created_at=_aware(p.get("created_at")), remote=True,
                    device=f"D{origin}" if origin is not None else "server")
    ctx.movements.add(key)
    ctx.result.movements += 1


def _online_channel(session: Session) -> int | None:
    return session.scalar(select(SalesChannel.id).where(SalesChannel.kind == ChannelKind.ONLINE).limit(1))


def _transfer_account(session: Session) -> int | None:
    return session.scalar(select(BankAccount.id).where(BankAccount.active.is_(True))
                          .order_by(BankAccount.id).limit(1))


def _pack_of(line: dict[str, Any], base_qty: Decimal) -> tuple[str, Decimal, Decimal, int] | None:
    """A pack line's ``(name, factor, packs, price per pack)`` as the till stores one, or None
    (a base-unit line, a line from an older server, or pack fields that do not add up to ``qty``)."""
    name = str(line.get("pack_name") or "").strip()[:20]
    raw = (line.get("pack_factor"), line.get("pack_qty"), line.get("pack_price"))
    if not name or any(x is None for x in raw):
        return None
    factor, packs = (quantize_qty(Decimal(str(x))) for x in raw[:2])
    if factor <= 0 or packs <= 0 or quantize_qty(packs * factor) != base_qty:
        return None
    return name, factor, packs, int(str(raw[2]))


def _order_line(ctx: PageContext, position: int, line: dict[str, Any]) -> OrderLine:
    """One buyer's line, stored like a till line: a pack line in packs (``qty`` packs of
    ``pack_factor`` base units at the pack's price), the server's line total kept as is, and
    the product's cost now (per unit sold, as the till records it) so laba rugi counts its HPP."""
    qty = quantize_qty(Decimal(str(line["qty"])))
    price = int(line["price"])
    product_id = ensure_product(ctx, str(line["product_uuid"]), str(line.get("name", "")),
                                str(line.get("unit", "pcs")), price)
    pack = _pack_of(line, qty)
    name, factor, qty, price = pack if pack else ("", Decimal(1), qty, price)
    total = line.get("line_total")
    cost = ctx.session.scalar(select(Product.cost).where(Product.id == product_id)) or 0
    return OrderLine(position=position, product_id=product_id,
                     name=str(line.get("name", ""))[:160] or "Produk",
                     unit=str(line.get("unit", "pcs"))[:12], qty=qty, unit_price=price,
                     total=int(total) if total is not None else line_total(qty, price),
                     unit_cost=line_total(factor, int(cost)),  # as a till line: per unit sold
                     pack_name=name, pack_factor=factor,
                     price_note=" ".join(str(line.get("price_note") or "").split())[:40])


def _order_lines(ctx: PageContext, lines: Iterable[dict[str, Any]]) -> list[OrderLine]:
    return [_order_line(ctx, position, line) for position, line in enumerate(lines)]


def apply_placed(ctx: PageContext, p: dict[str, Any]) -> None:
    """A buyer's new order: a local online order with its lines and a pending payment."""
    remote_id = str(p["order_id"])
    if remote_id in ctx.orders:
        return
    created = _aware(p.get("created_at"))
    assert created is not None
    number, seq = ctx.next_number(created)
    method = str(p.get("pay_method", PaymentMethod.TRANSFER))
    total = int(p["total"])
    order = Order(number=number, device=ONLINE_DEVICE, day=shop_day(created), seq=seq,
                  kind=OrderKind.SALE, channel_id=ctx.channel_id, source=ChannelKind.ONLINE,
                  remote_id=remote_id,
                  status=SERVER_TO_LOCAL.get(str(p["status"]), OrderStatus.PLACED),
                  subtotal=total, discount=0, total=total,
                  buyer_name=str(p.get("buyer_name", ""))[:120],
                  buyer_phone=str(p.get("phone", ""))[:40], created_at=created,
                  expires_at=_aware(p.get("expires_at")), note=buyer_notes.order_note(p))
    order.lines = _order_lines(ctx, p.get("lines", []))
    order.payments = [Payment(
        method=method if method in PENDING_METHODS else PaymentMethod.OTHER, amount=total,
        status=PaymentStatus.PENDING, unique_code=int(p.get("unique_code", 0)), created_at=created,
        bank_account_id=ctx.account_id if method == PaymentMethod.TRANSFER else None)]
    ctx.session.add(order)
    ctx.orders.add(remote_id)
    ctx.result.new_orders.append(number)


def should_move(local: str, new: str) -> bool:
    """Whether a server status may replace the local one (never backwards)."""
    if local == new:
        return False
    if local == OrderStatus.EXPIRED and new in (OrderStatus.PAID, OrderStatus.FULFILLED):
        return True  # expired here by the clock (app.orders.expire_pending); the server knows better
    if local in REFUSED:
        return False
    if new in REFUSED:
        return local != OrderStatus.FULFILLED
    return HAPPY_RANK.get(new, -1) > HAPPY_RANK.get(local, -1)


def apply_status(ctx: PageContext, p: dict[str, Any]) -> None:
    """A state change of an online order (from the server, a buyer or another device)."""
    order = ctx.session.scalar(select(Order).where(Order.remote_id == str(p["order_id"])))
    new = SERVER_TO_LOCAL.get(str(p.get("status")))
    if order is None or new is None or not should_move(order.status, new):
        return
    was, order.status = order.status, new
    if p.get("reason"):
        order.reason = str(p["reason"])
    if new in (OrderStatus.PAID, OrderStatus.FULFILLED):
        paid_at = _aware(p.get("paid_at")) or _aware(p.get("updated_at"))
        order.paid_at = order.paid_at or paid_at
        for payment in order.payments:
            voided_by_clock = was == OrderStatus.EXPIRED and payment.status == PaymentStatus.VOID
            if payment.status == PaymentStatus.PENDING or voided_by_clock:
                payment.status, payment.confirmed_at = PaymentStatus.CONFIRMED, paid_at
                payment.reference = str(p.get("payment_reference") or "")[:120]
    elif new in REFUSED:
        for payment in order.payments:
            if payment.status == PaymentStatus.PENDING:
                payment.status = PaymentStatus.VOID
    ctx.result.status_changes += 1


def apply_changes(session: Session, changes: list[dict[str, Any]]) -> ApplyResult:
    """Apply one page of changes (in server order) in the caller's transaction.

    Every change is checked against the contract first (:func:`contract.changes.read_change`):
    a page with a change this device cannot read is refused whole, before anything is applied.
    """
    checked = [read_change(change) for change in changes]
    ctx = PageContext(session)
    ctx.prefetch(changes)
    for change, typed in checked:
        kind, payload = change.kind, change.payload
        if isinstance(typed, FieldsChange):
            apply_fields(ctx, typed.product_uuid, dict(typed.fields))
        elif kind == "listing.upsert":
            apply_listing(ctx, payload, change.created_at, change.seq)
        elif kind == "stock.movement":
            apply_movement(ctx, payload, change.origin_device_id)
        elif kind == "order.placed":
            apply_placed(ctx, payload)
        elif kind == "order.status":
            apply_status(ctx, payload)
        elif kind == "order.buyer_paid":
            buyer_notes.apply_buyer_paid(session, payload)
        elif kind in profile.CHANGE_HANDLERS:
            profile.CHANGE_HANDLERS[kind](session, payload)
        elif isinstance(typed, BookRecordChange):
            books.apply_record(session, typed)
            ctx.stamps.append(typed.stamp)
        elif isinstance(typed, PricingRecordChange):
            pricing_apply.apply_record(session, typed, lambda key: product_id_of(ctx, key))
            ctx.stamps.append(typed.stamp)
        ctx.result.applied += 1
    hlc.observe(session, ctx.stamps)
    return ctx.result
