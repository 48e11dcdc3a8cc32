"""HTTP routes for shop devices (Bearer device token)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from contract.changes import ChangesOut, ListingOut, SnapshotOut
from contract.sync import PushIn, PushOut
from server.config import Settings
from server.db import Database, ReadSessionDep, in_transaction
from server.security import DeviceDep
from server.sync import service

router = APIRouter(prefix="/api/v1", tags=["sync"])

Uuid = Annotated[str, Path(min_length=36, max_length=36, pattern=r"^[0-9a-fA-F-]{36}$")]


@router.post("/sync/push", response_model=PushOut)
def push(body: PushIn, device: DeviceDep, request: Request) -> PushOut:
    """Apply a batch of ops idempotently; one result per op, in request order.

    Committed before the answer is serialised; run again after a unique-key race
    with another shop (the later op is then rejected cleanly).
    """
    settings: Settings = request.app.state.settings
    return in_transaction(request, lambda session: service.push(session, settings, device, body))


@router.get("/sync/changes", response_model=ChangesOut)
def changes(
    session: ReadSessionDep,
    device: DeviceDep,
    since: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> ChangesOut:
    """The shop's changes with ``seq > since`` (gap-free, in order)."""
    return service.changes(session, device.seller_id, since, limit)


@router.get("/sync/snapshot", response_model=SnapshotOut)
def snapshot(device: DeviceDep, request: Request) -> SnapshotOut:
    """Everything for a full resync, consistent with ``change_seq``."""
    db: Database = request.app.state.db
    with db.read_sessions() as session:
        if not db.is_sqlite:
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        return service.snapshot(session, device.seller_id)


@router.get("/shop/orders/{order_id}")
def shop_order(order_id: Uuid, session: ReadSessionDep, device: DeviceDep) -> dict[str, Any]:
    """One order of this shop."""
    return service.shop_order(session, device.seller_id, order_id)


@router.get("/shop/listings/{product_uuid}", response_model=ListingOut)
def shop_listing(product_uuid: Uuid, session: ReadSessionDep, device: DeviceDep) -> ListingOut:
    """One listing of this shop, with on-hand and reserved."""
    return service.shop_listing(session, device.seller_id, product_uuid)
