"""The device honours a busy server's ``Retry-After`` (503 from a locked catalog database)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.db import Database
from app.sync.client import PekenClient, SyncUnavailable
from app.sync.worker import SyncWorker
from server.admin import create_admin
from server.app import create_app
from server.config import Settings
from tests.server.helpers import auth, enroll, movement_op, register_seller
from tests.server.test_load import serve, write_lock_held


def test_busy_server_retry_after_sets_the_next_round(
    tmp_path: Path, shop_factory: Callable[[str], Database]
) -> None:
    settings = Settings(data_dir=tmp_path / "catalog", sqlite_busy_timeout_ms=200,
                        retry_after_s=45)
    app = create_app(settings)
    admin = create_admin(settings)
    with TestClient(app) as client:
        seller = register_seller(client, admin, "Toko Antre")
        _device_id, token = enroll(client, admin, seller["id"])
        assert client.get("/api/v1/sync/changes", headers=auth(token)).status_code == 200
    with serve(app) as url, PekenClient(url, token) as peken:
        with write_lock_held(settings), pytest.raises(SyncUnavailable) as busy:
            peken.push([movement_op(str(uuid.uuid4()), "1")])
        assert peken.push([movement_op(str(uuid.uuid4()), "1")])["results"]
    assert busy.value.status == 503
    assert busy.value.retry_after == 45
    worker = SyncWorker(shop_factory("toko"), min_backoff=1, max_backoff=120)
    worker._failed(busy.value)
    assert 45 <= worker.next_delay() <= 120
    worker._failed(SyncUnavailable("putus"))
    assert worker.next_delay() <= 2  # no Retry-After: the plain backoff
