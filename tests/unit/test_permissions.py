"""Permissions: the matrix of protected actions, owner-PIN approval, the audit trail, no clear PINs."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app import audit, permissions, settings
from app.clock import now_utc
from app.db import Database, open_database
from app.errors import PermissionDenied, ValidationError
from app.orders import RefundRequest, refund
from app.permissions import ACTIONS, require
from app.sales import checkout, get_order
from models import AuditEntry, Product
from tests.shop_template import new_shop
from tests.unit.foundation_kit import add_product, cart_of, cash

OWNER_PIN, CASHIER_PIN, OTHER_PIN = "1234", "1111", "987654"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A shop file made once (PIN hashing is slow on purpose), copied for each test."""
    path = tmp_path_factory.mktemp("template") / "shop.sqlite"
    db = new_shop(path)
    with db.unit_of_work() as s:
        owner = permissions.add_user(s, None, "Siti", "owner", OWNER_PIN)
        cashier = permissions.add_user(s, owner, "Rina", "cashier", CASHIER_PIN)
        helper = permissions.add_user(s, owner, "Budi", "cashier", OTHER_PIN)
        product = add_product(s, "BJ-1", "Gula Pasir 1 kg", 16_000, stock=10)
    db.close()
    return path, {"owner": owner, "cashier": cashier, "helper": helper, "product": product}


@pytest.fixture
def db(tmp_path: Path, template: tuple[Path, dict[str, int]]) -> Iterator[Database]:
    """A copy of the template shop: owner Siti (1234), cashiers Rina (1111) and Budi."""
    shutil.copy(template[0], tmp_path / "shop.sqlite")
    database = open_database(tmp_path / "shop.sqlite")
    yield database
    database.close()


@pytest.fixture
def shop(template: tuple[Path, dict[str, int]]) -> dict[str, int]:
    """The ids of the template shop's users and product."""
    return template[1]


def _entries(db: Database, action: str) -> list[AuditEntry]:
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)
                                 .order_by(AuditEntry.id)))
        s.expunge_all()
    return entries


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_cashier_refused_without_pin(db: Database, shop: dict[str, int], action: str) -> None:
    with pytest.raises(PermissionDenied) as info, db.unit_of_work() as s:
        require(s, shop["cashier"], action)
    message = str(info.value)
    assert "Rina" in message and ACTIONS[action] in message
    assert _entries(db, "perm." + action) == []


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_cashier_allowed_with_owner_pin_and_logged(db: Database, shop: dict[str, int],
                                                   action: str) -> None:
    with db.unit_of_work() as s:
        approval = require(s, shop["cashier"], action, OWNER_PIN, detail={"order": "K1-1"})
    assert approval.approved_by_id == shop["owner"] and approval.approver_name == "Siti"
    [entry] = _entries(db, "perm." + action)
    assert (entry.user_id, entry.approved_by_id) == (shop["cashier"], shop["owner"])
    assert json.loads(entry.detail) == {"order": "K1-1"}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_owner_allowed_and_logged(db: Database, shop: dict[str, int], action: str) -> None:
    with db.unit_of_work() as s:
        approval = require(s, shop["owner"], action)
    assert approval.approved_by_id is None
    [entry] = _entries(db, "perm." + action)
    assert (entry.user_id, entry.approved_by_id) == (shop["owner"], None)


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_wrong_pin_refused_and_logged_without_pin(db: Database, shop: dict[str, int],
                                                  action: str) -> None:
    for wrong in (CASHIER_PIN, OTHER_PIN):  # another user's PIN is not an owner's PIN
        with pytest.raises(PermissionDenied, match="PIN pemilik salah"), db.unit_of_work() as s:
            require(s, shop["cashier"], action, wrong)
    wrong_entries = _entries(db, permissions.WRONG_PIN)
    assert len(wrong_entries) == 2
    assert all(e.user_id == shop["cashier"] for e in wrong_entries)
    assert all(json.loads(e.detail) == {"for": action} for e in wrong_entries)
    assert _entries(db, "perm." + action) == []


def test_granted_permission_needs_no_pin(db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as s:
        permissions.set_permissions(s, shop["owner"], shop["cashier"], {"refund", "void"})
    with db.unit_of_work() as s:
        assert require(s, shop["cashier"], "refund").approved_by_id is None
        assert permissions.can(s, shop["cashier"], "void")
        assert not permissions.can(s, shop["cashier"], "settings")
        assert not permissions.can(s, shop["helper"], "refund")
    with pytest.raises(PermissionDenied), db.unit_of_work() as s:
        require(s, shop["cashier"], "settings")


def test_deactivated_owner_pin_does_not_approve(db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as s:
        second = permissions.add_user(s, shop["owner"], "Ahmad", "owner", "5555")
        permissions.set_active(s, shop["owner"], second, False)
    with pytest.raises(PermissionDenied), db.unit_of_work() as s:
        require(s, shop["cashier"], "void", "5555")
    with db.unit_of_work() as s:
        assert require(s, shop["cashier"], "void", OWNER_PIN, "Siti").approved_by_id == shop["owner"]
    with pytest.raises(PermissionDenied), db.unit_of_work() as s:
        require(s, shop["cashier"], "void", OWNER_PIN, "Ahmad")


def test_inactive_user_cannot_act(db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as s:
        permissions.set_active(s, shop["owner"], shop["cashier"], False)
    with pytest.raises(PermissionDenied, match="nonaktif"), db.unit_of_work() as s:
        require(s, shop["cashier"], "refund", OWNER_PIN)


def test_last_owner_cannot_be_deactivated(db: Database, shop: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="satu-satunya pemilik"), db.unit_of_work() as s:
        permissions.set_active(s, shop["owner"], shop["owner"], False)


def test_throttle_after_five_wrong_pins(db: Database, shop: dict[str, int]) -> None:
    start = now_utc()
    for i in range(permissions.MAX_WRONG_PINS):
        with pytest.raises(PermissionDenied, match="salah"), db.unit_of_work() as s:
            require(s, shop["cashier"], "refund", "0000", now=start + timedelta(seconds=i))
    # even the right PIN is refused during the lockout, and login too
    with pytest.raises(PermissionDenied, match="detik"), db.unit_of_work() as s:
        require(s, shop["cashier"], "refund", OWNER_PIN, now=start + timedelta(seconds=10))
    with pytest.raises(PermissionDenied, match="detik"), db.unit_of_work() as s:
        permissions.login(s, shop["owner"], OWNER_PIN, now=start + timedelta(seconds=10))
    later = start + timedelta(seconds=4 + permissions.LOCKOUT_SECONDS + 1)
    with db.unit_of_work() as s:
        assert require(s, shop["cashier"], "refund", OWNER_PIN, now=later).approved_by_id
    with db.unit_of_work() as s:  # the streak was broken by the approval
        assert permissions.lockout_left(s, later) == 0


def test_login_logs_success_and_wrong_pin(db: Database, shop: dict[str, int]) -> None:
    with pytest.raises(PermissionDenied, match="PIN Rina salah"), db.unit_of_work() as s:
        permissions.login(s, shop["cashier"], "9999")
    with db.unit_of_work() as s:
        assert permissions.login(s, shop["cashier"], CASHIER_PIN).name == "Rina"
    assert len(_entries(db, permissions.WRONG_PIN)) == 1
    assert [e.user_id for e in _entries(db, permissions.LOGIN)] == [shop["cashier"]]


def test_discount_limit_from_setting(db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as s:
        assert not permissions.discount_needs_approval(s, 100_000, 10_000)
        assert permissions.discount_needs_approval(s, 100_000, 10_001)
        settings.set_value(s, "sales.discount_limit_percent", 0)
        assert permissions.discount_needs_approval(s, 100_000, 1)
        assert not permissions.discount_needs_approval(s, 100_000, 0)


def test_refund_by_cashier_with_owner_approval_is_logged(db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as s:
        cart = cart_of(s, [(shop["product"], 2)])
        sale = checkout(s, cart, cash(cart.total), cashier_id=shop["cashier"])
    with db.unit_of_work() as s:
        approval = require(s, shop["cashier"], "refund", OWNER_PIN, detail={"order": sale.number})
        line = get_order(s, sale.order_id).lines[0]
        refund(s, sale.order_id, [RefundRequest(line.id, Decimal(1))], "Rusak",
               user_id=approval.user_id, approved_by_id=approval.approved_by_id)
    [entry] = _entries(db, "refund")
    assert (entry.user_id, entry.approved_by_id) == (shop["cashier"], shop["owner"])
    with db.read() as s:
        assert s.get(Product, shop["product"]).on_hand == Decimal(9)  # type: ignore[union-attr]


def test_audit_rows_filter(db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as s:
        require(s, shop["cashier"], "void", OWNER_PIN)
        require(s, shop["owner"], "settings")
    with db.read() as s:
        rows = audit.audit_rows(s, action="perm.void")
        assert [(r.user_name, r.approver_name) for r in rows] == [("Rina", "Siti")]
        assert {r.action for r in audit.audit_rows(s, user_id=shop["cashier"])} >= {"perm.void"}
        future = now_utc() + timedelta(minutes=1)
        assert audit.audit_rows(s, since=future) == []
        assert "perm.settings" in audit.audit_actions(s)


def test_no_pin_in_clear_in_the_shop_file(db: Database, shop: dict[str, int]) -> None:
    # 8-digit PINs: short ones like 1234 can turn up by chance in UUIDs or timestamps
    owner_pin, cashier_pin, wrong_pins = "73915284", "64028317", ("59183746", "81726354")
    with db.unit_of_work() as s:
        permissions.change_pin(s, shop["owner"], shop["owner"], owner_pin)
        permissions.change_pin(s, shop["owner"], shop["cashier"], cashier_pin)
    for pin in wrong_pins:
        with pytest.raises(PermissionDenied), db.unit_of_work() as s:
            require(s, shop["cashier"], "refund", pin)
        with pytest.raises(PermissionDenied), db.unit_of_work() as s:
            permissions.login(s, shop["cashier"], pin)
    with db.unit_of_work() as s:
        require(s, shop["cashier"], "refund", owner_pin)
        permissions.login(s, shop["cashier"], cashier_pin)
    db.close()
    raw = b"".join(p.read_bytes() for p in db.path.parent.glob(db.path.name + "*"))
    assert len(raw) > 10_000 and b"scrypt$" in raw
    for pin in (owner_pin, cashier_pin, *wrong_pins):
        for encoded in (pin.encode(), pin.encode("utf-16-le")):
            assert encoded not in raw, f"PIN {pin} found in clear in the shop file"
