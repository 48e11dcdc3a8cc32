"""Token lifetimes: admin tokens expire and rotate, device tokens expire when idle and rotate
with a grace period, and both can be listed and revoked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine
from fastapi.testclient import TestClient

from server.admin import create_admin
from server.config import Settings
from tests.server.helpers import auth, make_shop

ADMIN_HOURS = 12  # the default
IDLE_DAYS = 90
GRACE_HOURS = 24


def _status(client: TestClient, token: str) -> int:
    return client.get("/api/v1/admin/sellers", headers=auth(token)).status_code


def _device_status(client: TestClient, token: str) -> int:
    return client.get("/api/v1/sync/changes?since=0", headers=auth(token)).status_code


def test_admin_token_expires(client: TestClient, settings: Settings) -> None:
    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False) as traveller:
        token = create_admin(settings, "operator-pagi")
        assert _status(client, token) == 200
        traveller.move_to(start + timedelta(hours=ADMIN_HOURS) - timedelta(minutes=1))
        assert _status(client, token) == 200
        traveller.move_to(start + timedelta(hours=ADMIN_HOURS, minutes=1))
        answer = client.get("/api/v1/admin/sellers", headers=auth(token))
    assert answer.status_code == 401 and answer.json()["code"] == "unauthorized"


def test_admin_token_rotation_listing_and_revocation(client: TestClient, settings: Settings) -> None:
    old = create_admin(settings, "operator-siang")
    rotated = client.post("/api/v1/admin/tokens/rotate", headers=auth(old))
    assert rotated.status_code == 201, rotated.text
    new = rotated.json()["token"]
    assert rotated.headers["cache-control"] == "no-store"
    assert _status(client, old) == 401  # the presented token dies at once
    assert _status(client, new) == 200
    listed = {t["id"]: t for t in client.get("/api/v1/admin/tokens", headers=auth(new)).json()}
    mine = listed[rotated.json()["id"]]
    assert mine["active"] and mine["name"] == "operator-siang" and mine["revoked_at"] is None
    assert [t for t in listed.values() if t["name"] == "operator-siang" and not t["active"]]
    assert all("token" not in t for t in listed.values())  # the list never shows a secret
    other = create_admin(settings, "operator-malam")
    other_id = next(t["id"] for t in client.get("/api/v1/admin/tokens", headers=auth(new)).json()
                    if t["name"] == "operator-malam")
    revoked = client.post(f"/api/v1/admin/tokens/{other_id}/revoke", headers=auth(new))
    assert revoked.status_code == 200 and revoked.json()["active"] is False
    assert _status(client, other) == 401


def test_device_token_rotates_with_a_grace_period(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Rotasi")
    old = shop.tokens[0]
    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False) as traveller:
        rotated = client.post("/api/v1/devices/token/rotate", headers=auth(old))
        assert rotated.status_code == 201, rotated.text
        new = rotated.json()["token"]
        assert _device_status(client, new) == 200
        assert _device_status(client, old) == 200  # the answer might have been lost
        traveller.move_to(start + timedelta(hours=GRACE_HOURS, minutes=1))
        assert _device_status(client, old) == 401
        assert _device_status(client, new) == 200


def test_device_token_expires_when_idle(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Tidur", devices=2)
    busy, idle = shop.tokens
    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False) as traveller:
        assert _device_status(client, busy) == 200 and _device_status(client, idle) == 200
        for days in (30, 60, 89, 119):  # a device in use keeps its token alive
            traveller.move_to(start + timedelta(days=days))
            assert _device_status(client, busy) == 200, days
        assert _device_status(client, idle) == 401  # unused for more than 90 days
    devices = client.get(f"/api/v1/admin/sellers/{shop.id}/devices",
                         headers=auth(admin_token)).json()
    assert all(d["expires_at"] for d in devices)
