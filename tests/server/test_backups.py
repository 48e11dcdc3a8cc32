"""Encrypted shop backups on the server: chunked upload checked by size and hash, a shop sees
only its own backups, retention keeps the newest seven plus each recent month's newest."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime

import time_machine
from fastapi.testclient import TestClient

from server.backups import service
from tests.server.helpers import auth, enroll, make_shop, movement_op, push

CHUNK = service.CHUNK_SIZE


def upload(client: TestClient, token: str, data: bytes) -> int:
    """Start, send the chunks, complete; the backup's id."""
    started = client.post("/api/v1/backups", headers=auth(token),
                          json={"size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    assert started.status_code == 201, started.text
    backup_id = int(started.json()["id"])
    for idx, at in enumerate(range(0, len(data), CHUNK)):
        sent = client.put(f"/api/v1/backups/{backup_id}/chunks/{idx}", content=data[at:at + CHUNK],
                          headers={**auth(token), "Content-Type": "application/octet-stream"})
        assert sent.status_code == 204, sent.text
    done = client.post(f"/api/v1/backups/{backup_id}/complete", headers=auth(token))
    assert done.status_code == 200, done.text
    return backup_id


def test_upload_in_chunks_and_download_the_same_bytes(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Cadangan")
    data = os.urandom(CHUNK * 2 + 12345)  # three chunks, the last one short
    backup_id = upload(client, shop.tokens[0], data)
    listed = client.get("/api/v1/backups", headers=auth(shop.tokens[0])).json()
    assert [(b["id"], b["size"]) for b in listed] == [(backup_id, len(data))]
    got = client.get(f"/api/v1/backups/{backup_id}", headers=auth(shop.tokens[0]))
    assert got.status_code == 200 and got.content == data


def test_incomplete_oversized_or_mismatched_uploads_are_refused(
        client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Kurang")
    token = shop.tokens[0]
    too_big = client.post("/api/v1/backups", headers=auth(token),
                          json={"size": service.MAX_BACKUP_BYTES + 1, "sha256": "0" * 64})
    assert too_big.status_code == 413
    data = os.urandom(CHUNK + 10)
    started = client.post("/api/v1/backups", headers=auth(token),
                          json={"size": len(data), "sha256": hashlib.sha256(b"lain").hexdigest()})
    backup_id = started.json()["id"]
    for idx, part in enumerate((data[:CHUNK], data[CHUNK:])):
        client.put(f"/api/v1/backups/{backup_id}/chunks/{idx}", content=part, headers=auth(token))
    refused = client.post(f"/api/v1/backups/{backup_id}/complete", headers=auth(token))
    assert refused.status_code == 422 and "tidak cocok" in refused.json()["message"]
    assert client.get("/api/v1/backups", headers=auth(token)).json() == []
    assert client.get(f"/api/v1/backups/{backup_id}", headers=auth(token)).status_code == 404
    oversized = client.put(f"/api/v1/backups/{backup_id}/chunks/0", content=os.urandom(CHUNK + 1),
                           headers=auth(token))
    assert oversized.status_code == 422


def test_another_shop_can_neither_list_nor_download_nor_touch(
        client: TestClient, admin_token: str) -> None:
    shop_a = make_shop(client, admin_token, "Toko A Cadangan")
    shop_b = make_shop(client, admin_token, "Toko B Cadangan")
    mine = upload(client, shop_a.tokens[0], b"rahasia toko A" * 100)
    token_b = shop_b.tokens[0]
    assert client.get("/api/v1/backups", headers=auth(token_b)).json() == []
    assert client.get(f"/api/v1/backups/{mine}", headers=auth(token_b)).status_code == 404
    assert client.post(f"/api/v1/backups/{mine}/complete", headers=auth(token_b)).status_code == 404
    assert client.put(f"/api/v1/backups/{mine}/chunks/0", content=b"x",
                      headers=auth(token_b)).status_code == 404
    assert client.get(f"/api/v1/backups/{mine}").status_code == 401
    own = client.get(f"/api/v1/backups/{mine}", headers=auth(shop_a.tokens[0]))
    assert own.content == b"rahasia toko A" * 100


def test_known_ops_answers_only_for_the_asking_shop(client: TestClient, admin_token: str) -> None:
    shop_a = make_shop(client, admin_token, "Toko A Ops", devices=2)
    shop_b = make_shop(client, admin_token, "Toko B Ops")
    sent = movement_op("00000000-0000-4000-8000-000000000abc", "1")
    push(client, shop_a.tokens[0], [sent])
    ask = {"op_ids": [sent["op_id"], "00000000-0000-4000-8000-00000000dead"]}
    other_device = client.post("/api/v1/backups/known-ops", json=ask, headers=auth(shop_a.tokens[1]))
    assert other_device.json()["known"] == [sent["op_id"]]  # any device of the same shop
    assert client.post("/api/v1/backups/known-ops", json=ask,
                       headers=auth(shop_b.tokens[0])).json()["known"] == []


WHEN = [datetime(2025, 3, 20, 9, tzinfo=UTC), datetime(2025, 4, 15, 9, tzinfo=UTC),
        datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 1, 20, 9, tzinfo=UTC),
        datetime(2026, 2, 10, 9, tzinfo=UTC), datetime(2026, 2, 25, 9, tzinfo=UTC),
        *(datetime(2026, 3, day, 9, tzinfo=UTC) for day in range(1, 9))]


def test_retention_keeps_newest_seven_and_each_recent_months_newest(
        client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Retensi")
    ids: dict[str, int] = {}
    for moment in WHEN:  # a device enrolled then (idle tokens expire after 90 days)
        with time_machine.travel(moment, tick=False):
            _device, token = enroll(client, admin_token, shop.id)
            ids[moment.strftime("%Y-%m-%d")] = upload(client, token, moment.isoformat().encode())
    kept = {b["created_at"][:10] for b in
            client.get("/api/v1/backups", headers=auth(shop.tokens[0])).json()}
    last_seven = {f"2026-03-0{day}" for day in range(2, 9)}
    # 2025-03 is 13 months back: gone; 2025-04 is the oldest month still kept.
    assert kept == last_seven | {"2026-02-25", "2026-01-20", "2025-04-15"}
    gone = ids["2026-03-01"]
    assert client.get(f"/api/v1/backups/{gone}", headers=auth(shop.tokens[0])).status_code == 404
