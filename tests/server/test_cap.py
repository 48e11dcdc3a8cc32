"""The turnover cap holds: booked at receive time, no single order past it, one NIK one shop."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.server.helpers import (
    auth,
    make_shop,
    new_nik,
    new_npwp,
    now_iso,
    op,
    place_order,
    push,
    stocked_listing,
    this_month,
)
from tests.server.test_load import serve


def _turnover(client: TestClient, admin: str, seller_id: int, month: str) -> int:
    report = client.get(f"/api/v1/admin/turnover?month={month}", headers=auth(admin)).json()
    return int(next(r for r in report if r["seller_id"] == seller_id)["amount"])


def _pay(client: TestClient, token: str, order: dict[str, Any], confirmed_at: str) -> None:
    oid = order["order_id"]
    results = push(client, token, [
        op("order.accept", {"order_id": oid}),
        op("order.confirm_payment", {"order_id": oid, "amount": order["amount_due"],
                                     "reference": "BCA 7", "confirmed_at": confirmed_at})])
    assert [r["status"] for r in results] == ["acknowledged", "acknowledged"], results


def test_backdated_confirmation_is_booked_this_month(client: TestClient, admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Mundur")
    product = stocked_listing(client, shop, "5", price=10_000_000)
    order = place_order(client, shop.id, product, "2").json()
    _pay(client, shop.tokens[0], order, "2020-01-15T10:00:00+07:00")
    assert _turnover(client, admin_token, shop.id, "2020-01") == 0
    assert _turnover(client, admin_token, shop.id, this_month()) == 20_000_000
    seen = client.get(f"/api/v1/orders/{order['order_id']}",
                      headers={"X-Buyer-Secret": order["buyer_secret"]}).json()
    assert seen["paid_at"].startswith("2020-01-15")  # the shop's own time, for display


def test_single_order_past_the_remaining_cap_is_refused(
    client: TestClient, admin_token: str
) -> None:
    shop = make_shop(client, admin_token, "Toko Hampir Penuh")
    product = stocked_listing(client, shop, "10", price=10_000_000)
    whole = place_order(client, shop.id, product, "4")  # Rp40 jt against a Rp30 jt cap
    assert whole.status_code == 409, whole.text
    assert whole.json()["code"] == "over_turnover_cap"
    _pay(client, shop.tokens[0], place_order(client, shop.id, product, "2").json(),
         now_iso())
    assert place_order(client, shop.id, product, "1.5").json()["code"] == "over_turnover_cap"
    assert place_order(client, shop.id, product, "1").status_code == 201  # exactly the rest


def _register(client: TestClient, admin: str, nik: str, npwp: str | None = None) -> Any:
    return client.post("/api/v1/admin/sellers", headers=auth(admin), json={
        "shop_name": "Toko Kembar", "owner_name": "Pak Eko", "nik": nik, "npwp": npwp,
        "bank_accounts": [{"bank": "BRI", "number": "1234567890", "holder": "Eko"}]})


def test_one_nik_or_npwp_per_active_seller(client: TestClient, admin_token: str) -> None:
    nik, npwp = new_nik(), new_npwp()
    first = _register(client, admin_token, nik, npwp)
    assert first.status_code == 201, first.text
    twin = _register(client, admin_token, nik)
    assert (twin.status_code, twin.json()["code"]) == (409, "nik_taken")
    same_tax = _register(client, admin_token, new_nik(), npwp)
    assert (same_tax.status_code, same_tax.json()["code"]) == (409, "npwp_taken")
    seller = f"/api/v1/admin/sellers/{first.json()['id']}"
    assert client.post(f"{seller}/suspend", headers=auth(admin_token)).status_code == 200
    again = _register(client, admin_token, nik)  # the suspended shop no longer counts
    assert again.status_code == 201, again.text
    back = client.post(f"{seller}/activate", headers=auth(admin_token))
    assert (back.status_code, back.json()["code"]) == (409, "nik_taken")


def test_admin_overrides_identity_rule_with_an_audited_reason(
    client: TestClient, admin_token: str
) -> None:
    nik = new_nik()
    first = _register(client, admin_token, nik).json()
    body = {"shop_name": "Cabang Dua", "owner_name": "Pak Eko", "nik": nik,
            "bank_accounts": [{"bank": "BRI", "number": "1234567890", "holder": "Eko"}]}
    short = client.post("/api/v1/admin/sellers", headers=auth(admin_token),
                        json={**body, "identity_override_reason": "cabang"})
    assert short.status_code == 422
    reason = "Cabang kedua, surat izin usaha terpisah no. 17/2026"
    second = client.post("/api/v1/admin/sellers", headers=auth(admin_token),
                         json={**body, "identity_override_reason": reason})
    assert second.status_code == 201, second.text
    seller = f"/api/v1/admin/sellers/{first['id']}"
    client.post(f"{seller}/suspend", headers=auth(admin_token))
    refused = client.post(f"{seller}/activate", headers=auth(admin_token))
    assert refused.json()["code"] == "nik_taken"
    back = client.post(f"{seller}/activate", headers=auth(admin_token),
                       json={"identity_override_reason": "Toko lama dibuka lagi, disetujui"})
    assert back.status_code == 200 and back.json()["status"] == "active"
    trail = client.get("/api/v1/admin/audit", headers=auth(admin_token)).json()
    mine = [e for e in trail if e["seller_id"] in (first["id"], second.json()["id"])]
    assert [(e["action"], e["reason"]) for e in mine] == [
        ("identity_override:nik_taken", "Toko lama dibuka lagi, disetujui"),
        ("identity_override:nik_taken", reason)]


def test_database_refuses_a_second_active_seller_with_one_nik(
    client: TestClient, admin_token: str, server_app: FastAPI
) -> None:
    """The rule is a partial unique index, not only a check in the code: a write that skips
    the check (a bug, a script) still cannot list one NIK or NPWP twice."""
    nik, npwp = new_nik(), new_npwp()
    first = _register(client, admin_token, nik, npwp)
    assert first.status_code == 201, first.text
    for column, value in (("nik", nik), ("npwp", npwp)):
        other = {"nik": new_nik(), "npwp": None, column: value}
        with pytest.raises(IntegrityError), server_app.state.db.write_engine.begin() as conn:
            conn.execute(text("INSERT INTO sellers (shop_name, owner_name, nik, npwp, status, "
                              "change_seq, created_at, identity_override) VALUES ('Toko Lain', "
                              "'Pak Lain', :nik, :npwp, 'active', 0, '2026-11-30', :flag)"),
                         {**other, "flag": False})
    with server_app.state.db.write_engine.begin() as conn:  # an audited override is allowed
        conn.execute(text("INSERT INTO sellers (shop_name, owner_name, nik, status, change_seq, "
                          "created_at, identity_override) VALUES ('Cabang', 'Pak Eko', :nik, "
                          "'active', 0, '2026-11-30', :flag)"), {"nik": nik, "flag": True})


def test_racing_registrations_of_one_nik_give_one_seller(
    client: TestClient, admin_token: str, server_app: FastAPI
) -> None:
    nik = new_nik()
    with serve(server_app, dispose=False) as url, ThreadPoolExecutor(4) as pool:
        barrier = threading.Barrier(4)

        def register(_: int) -> int:
            barrier.wait()
            return httpx.post(f"{url}/api/v1/admin/sellers", headers=auth(admin_token), json={
                "shop_name": "Toko Kembar", "owner_name": "Pak Eko", "nik": nik,
                "bank_accounts": [{"bank": "BRI", "number": "1234567890", "holder": "Eko"}]},
                timeout=60).status_code

        codes = sorted(pool.map(register, range(4)))
    assert codes == [201, 409, 409, 409]
