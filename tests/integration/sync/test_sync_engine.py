"""The push rules against the real server: nothing leaves the outbox before the server
answered for it, a lost answer is replayed without a second effect, a batch refused as a
whole is split so only the bad op is rejected, and an enrolled device's status."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from app import outbox
from app.db import Database
from app.sync import state
from app.sync.client import SyncUnavailable
from app.sync.engine import RetryPolicy, SyncEngine
from app.sync.worker import SyncWorker
from models import OutboxOp
from tests.integration.sync.conftest import Catalog
from tests.integration.sync.fault_proxy import Faults, FaultyProxy
from tests.integration.sync.peken_kit import add_products, on_hand_by_uuid, server_listing

QUICK = RetryPolicy(attempts=2, base=0.01, cap=0.02)


def _statuses(db: Database) -> dict[str, int]:
    with db.read() as session:
        rows = list(session.scalars(select(OutboxOp.status)))
    return {s: rows.count(s) for s in set(rows)}


def test_lost_answers_keep_ops_pending_then_replay_once(
    catalog_server: Catalog, shop_factory: Callable[[str], Database]
) -> None:
    db = shop_factory("toko")
    uuids = add_products(db, 3, stock=7)
    catalog_server.enroll(db, catalog_server.new_seller())
    proxy = FaultyProxy(catalog_server.url, 1, Faults(0, 1.0, 0, 0, 0, 0, 0)).start()
    try:
        with db.unit_of_work() as session:
            token = state.get(session, state.DEVICE_TOKEN)
            state.put(session, state.SERVER_URL, proxy.url)
        with pytest.raises(SyncUnavailable):
            SyncEngine(db, retry=QUICK).run_round()
        assert _statuses(db) == {"pending": 6}  # the server applied them; we never heard
        proxy.faults = Faults(0, 0, 1.0, 0, 0, 0, 0)  # every request now arrives twice
        SyncEngine(db, retry=QUICK).run_round()
    finally:
        proxy.close()
    assert _statuses(db) == {"acked": 6}
    for key in uuids:
        assert server_listing(catalog_server.url, token, key)["on_hand"] == "7.000"
    assert set(on_hand_by_uuid(db).values()) == {7}


def test_batch_refused_as_a_whole_is_split_to_the_bad_op(
    catalog_server: Catalog, shop_factory: Callable[[str], Database]
) -> None:
    db = shop_factory("toko")
    add_products(db, 4, stock=1)
    with db.unit_of_work() as session:
        outbox.enqueue(session, "listing.upsert." + "x" * 40, {"product_uuid": "nope"})
    catalog_server.enroll(db, catalog_server.new_seller())
    result = SyncEngine(db).run_round()
    assert (result.acked, result.rejected) == (8, 1)
    with db.read() as session:
        bad = session.scalars(select(OutboxOp).where(OutboxOp.status == "rejected")).one()
        assert bad.kind.startswith("listing.upsert.x") and bad.last_error


def test_worker_status_after_a_round(
    catalog_server: Catalog, shop_factory: Callable[[str], Database]
) -> None:
    db = shop_factory("toko")
    add_products(db, 2, stock=1)
    worker = SyncWorker(db, interval=60)
    worker.refresh_counts()
    assert (worker.status().enrolled, worker.status().pending) == (False, 4)
    catalog_server.enroll(db, catalog_server.new_seller())
    assert worker.run_once() is not None
    status = worker.status()
    assert (status.online, status.pending, status.rejected) == (True, 0, 0)
    assert status.last_sync is not None and status.last_error == ""
    assert "pkd_" not in repr(status)
