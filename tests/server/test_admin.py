"""Admin API: seller validation, enrollment codes, tokens stored hashed, turnover."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from server.config import Settings
from tests.server.helpers import (
    auth,
    enroll,
    make_shop,
    new_nik,
    register_seller,
    sample_qris,
)


def _seller_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "shop_name": "Batik Bu Rini", "owner_name": "Rini", "nik": new_nik(),
        "bank_accounts": [{"bank": "Bank Jatim", "number": "0011223344", "holder": "Rini"}],
    }
    body.update(changes)
    return body


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"nik": "12345"}, "invalid_nik"),
        ({"nik": "35780123456789AB"}, "invalid_nik"),
        ({"npwp": "1234567890123"}, "invalid_npwp"),
        ({"qris_payload": sample_qris()[:-4] + "0000"}, "invalid_qris"),
        ({"qris_payload": "hello"}, "invalid_qris"),
        ({"bank_accounts": [{"bank": "BCA", "number": "12", "holder": "R"}]},
         "invalid_account_number"),
        ({"bank_accounts": []}, "validation_error"),
    ],
)
def test_seller_registration_is_validated(
    client: TestClient, admin_token: str, changes: dict[str, Any], code: str
) -> None:
    resp = client.post("/api/v1/admin/sellers", json=_seller_body(**changes),
                       headers=auth(admin_token))
    assert resp.status_code == 422
    assert resp.json()["code"] == code
    assert resp.json()["message"]


def test_npwp_15_and_16_digits_accepted(client: TestClient, admin_token: str) -> None:
    for npwp in ("01.234.567.8-901.000", "0012345678901000"):
        resp = client.post("/api/v1/admin/sellers", json=_seller_body(npwp=npwp),
                           headers=auth(admin_token))
        assert resp.status_code == 201, resp.text


def test_admin_api_needs_admin_token(client: TestClient, admin_token: str) -> None:
    assert client.get("/api/v1/admin/sellers").status_code == 401
    shop = make_shop(client, admin_token, "Toko Bukan Admin")
    resp = client.get("/api/v1/admin/sellers", headers=auth(shop.tokens[0]))
    assert resp.status_code == 401
    listed = client.get("/api/v1/admin/sellers", headers=auth(admin_token)).json()
    assert any(s["id"] == shop.id for s in listed)


def test_enrollment_code_works_once(client: TestClient, admin_token: str) -> None:
    seller = register_seller(client, admin_token, "Toko Sekali")
    code = client.post(f"/api/v1/admin/sellers/{seller['id']}/enrollment-codes",
                       headers=auth(admin_token)).json()["code"]
    first = client.post("/api/v1/devices/enroll", json={"code": code, "device_name": "A"})
    assert first.status_code == 201
    assert first.json()["shop_id"] == seller["id"]
    again = client.post("/api/v1/devices/enroll", json={"code": code, "device_name": "B"})
    assert again.status_code == 400
    assert again.json()["code"] == "enrollment_code_invalid"


def _all_stored_text(settings: Settings, server_app: Any) -> str:
    """Every byte of the database as text (SQLite file + WAL) or every row as JSON."""
    url = settings.resolved_database_url()
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        return "".join(p.read_bytes().decode("latin-1") for p in path.parent.glob(path.name + "*"))
    engine = server_app.state.db.write_engine
    dump = []
    with engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            rows = conn.execute(text(f"SELECT row_to_json(t)::text FROM {table} t")).scalars()
            dump.extend(rows)
    return json.dumps(dump)


def test_tokens_and_secrets_are_stored_hashed(
    client: TestClient, admin_token: str, settings: Settings, server_app: Any
) -> None:
    seller = register_seller(client, admin_token, "Toko Hash")
    _, device_token = enroll(client, admin_token, seller["id"])
    code = client.post(f"/api/v1/admin/sellers/{seller['id']}/enrollment-codes",
                       headers=auth(admin_token)).json()["code"]
    stored = _all_stored_text(settings, server_app)
    for secret in (admin_token, device_token, code, code.replace("-", "")):
        assert secret not in stored
    assert "Toko Hash" in stored  # the dump really holds the data


def test_turnover_report_lists_every_seller(client: TestClient, admin_token: str) -> None:
    seller = register_seller(client, admin_token, "Toko Omzet")
    rows = client.get("/api/v1/admin/turnover", headers=auth(admin_token)).json()
    row = next(r for r in rows if r["seller_id"] == seller["id"])
    assert (row["amount"], row["cap"], row["over_cap"]) == (0, 30_000_000, False)
    bad = client.get("/api/v1/admin/turnover?month=2026-13", headers=auth(admin_token))
    assert bad.status_code == 422
