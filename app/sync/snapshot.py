"""Starting a device from the server's snapshot instead of replaying the whole change log.

A device whose cursor is 0 (new, or enrolled again) asks ``/sync/snapshot`` once its own
ops are pushed: every product of the shop with all its shared fields and their stamps,
each product's on-hand, the open online orders and the change counter the snapshot is
consistent with. It is applied in ONE local transaction together with the new cursor, and
the device then follows the change log from there.

Fields merge like any remote change (newer stamp wins). Stock: the device's on-hand is
brought to the server's plus its own movements still waiting in the outbox, by one
``initial`` movement per product that is not sent back (the server already counts it).
"""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.inventory import record_movement
from app.money import quantize_qty
from app.sync import hlc, state
from app.sync.apply import (
    ApplyResult,
    PageContext,
    apply_fields,
    apply_placed,
    apply_status,
    ensure_product,
)
from contract.enums import OnlineOrderStatus
from models import OutboxOp, Product

NOTE = "sinkron awal PEKEN"


def _pending_qty(session: Session) -> dict[str, Decimal]:
    """This device's stock movements not yet acknowledged, summed per product UUID."""
    out: dict[str, Decimal] = defaultdict(Decimal)
    for payload in session.scalars(select(OutboxOp.payload).where(
            OutboxOp.status == "pending", OutboxOp.kind == "stock.movement")):
        p = json.loads(payload)
        out[str(p.get("product_uuid"))] += Decimal(str(p.get("qty", "0")))
    return out


def _align_stock(ctx: PageContext, listing: dict[str, Any], pending: dict[str, Decimal]) -> None:
    key = str(listing["product_uuid"])
    product_id = ensure_product(ctx, key)
    product = ctx.session.get(Product, product_id)
    assert product is not None
    target = quantize_qty(Decimal(str(listing.get("on_hand", "0")))) + pending.get(key, Decimal(0))
    delta = quantize_qty(target - product.on_hand)
    if delta != 0:
        record_movement(ctx.session, product_id, "initial", delta, note=NOTE, device="server",
                        remote=True)
        ctx.result.movements += 1


def apply_snapshot(session: Session, snap: dict[str, Any]) -> ApplyResult:
    """Apply a snapshot and set the cursor to its ``change_seq`` (caller's transaction)."""
    listings: list[dict[str, Any]] = list(snap.get("listings", []))
    orders: list[dict[str, Any]] = list(snap.get("open_orders", []))
    ctx = PageContext(session)
    ctx.prefetch([{"kind": "product.fields", "payload": x} for x in listings]
                 + [{"kind": "order.placed", "payload": o} for o in orders])
    for listing in listings:
        apply_fields(ctx, str(listing["product_uuid"]), dict(listing.get("fields") or {}))
    session.flush()
    pending = _pending_qty(session)
    for listing in listings:
        _align_stock(ctx, listing, pending)
    for order in orders:
        apply_placed(ctx, order | {"status": OnlineOrderStatus.PLACED})
        session.flush()
        apply_status(ctx, order)
    hlc.observe(session, ctx.stamps)
    state.put(session, state.CURSOR, str(int(snap["change_seq"])))
    ctx.result.applied = len(listings) + len(orders)
    return ctx.result
