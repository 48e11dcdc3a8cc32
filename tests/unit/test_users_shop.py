"""Users and PINs, the shop profile, channels, bank accounts, settings, barcodes, audit."""

from __future__ import annotations

import functools

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, settings, shop, users
from app.barcodes import ean13_check_digit, is_valid_ean13, make_ean13, next_instore_ean13
from app.db import Database
from app.errors import ConflictError, PermissionDenied, ValidationError
from models import User
from tests.unit.foundation_kit import add_product, assert_refused


def test_pin_is_stored_as_salted_scrypt(db: Database) -> None:
    with db.unit_of_work() as session:
        users.create_user(session, "Siti", "owner", "123456")
        users.create_user(session, "Rina", "cashier", "123456")
    with db.read() as session:
        hashes = list(session.scalars(select(User.pin_hash)))
    assert all(h.startswith("scrypt$") and "123456" not in h for h in hashes)
    assert hashes[0] != hashes[1]  # different salts
    assert users.verify_pin("123456", hashes[0]) and not users.verify_pin("123457", hashes[0])
    assert not users.verify_pin("1234", "bukan-hash")


def test_authenticate(db: Database) -> None:
    with db.unit_of_work() as session:
        users.create_user(session, "  Siti   Aminah ", "owner", "1234")
        users.create_user(session, "Rina", "cashier", "1111")
    with db.unit_of_work() as session:
        assert users.authenticate(session, "Siti Aminah", "1234").role == "owner"
        with pytest.raises(PermissionDenied, match="PIN salah"):
            users.authenticate(session, "Siti Aminah", "4321")
        with pytest.raises(PermissionDenied, match="PIN salah"):
            users.authenticate(session, "Budi", "1234")
        rina = users.authenticate(session, "Rina", "1111")
        rina.active = False
    with db.read() as session:
        with pytest.raises(PermissionDenied):
            users.authenticate(session, "Rina", "1111")
        assert [u.role for u in users.list_users(session)] == ["owner", "cashier"]


@pytest.mark.parametrize(("name", "role", "pin", "word"), [
    ("Siti", "owner", "12a4", "pin"), ("Siti", "owner", "123", "pin"), ("Siti", "owner", "123456789", "pin"),
    ("S", "owner", "1234", "nama"), ("Siti", "admin", "1234", "peran"),
])
def test_bad_users_are_refused(db: Database, name: str, role: str, pin: str, word: str) -> None:
    assert_refused(db, lambda s: users.create_user(s, name, role, pin), ValidationError, word)


def test_duplicate_user_is_refused(db: Database) -> None:
    with db.unit_of_work() as session:
        users.create_user(session, "Siti", "owner", "1234")
    assert_refused(db, lambda s: users.create_user(s, "Siti", "cashier", "5678"), ConflictError, "sudah ada")


def test_profile_defaults_and_updates(db: Database) -> None:
    with db.unit_of_work() as session:
        assert shop.profile(session).device_code == "K1"
        shop.update_profile(session, name=" Toko Berkah ", device_code="B2")
    with db.read() as session:
        row = shop.profile(session)
        assert (row.name, row.device_code) == ("Toko Berkah", "B2")


@pytest.mark.parametrize(("fields", "word"), [
    ({"name": " "}, "nama toko"), ({"device_code": "k1"}, "kode perangkat"),
    ({"device_code": "TERLALUPANJANG"}, "kode perangkat"), ({"warna": "merah"}, "tidak dikenal"),
    ({"id": "5"}, "tidak dikenal"),
])
def test_bad_profile_updates_are_refused(db: Database, fields: dict[str, str], word: str) -> None:
    with db.unit_of_work() as session:
        shop.profile(session)
    assert_refused(db, lambda s: shop.update_profile(s, **fields), ValidationError, word)


def test_channels_and_events(db: Database) -> None:
    with db.unit_of_work() as session:
        shop.create_event(session, "  Bazar UMKM   Balai Kota ")
        shop.create_event(session, "Expo Batik Surabaya")
        assert [(c.kind, c.name) for c in shop.channels(session)] == [
            ("counter", "Toko"), ("event", "Bazar UMKM Balai Kota"), ("event", "Expo Batik Surabaya"),
            ("online", "PEKEN Online")]
    assert_refused(db, lambda s: shop.create_event(s, "Bazar UMKM Balai Kota"), ConflictError, "sudah ada")
    assert_refused(db, lambda s: shop.create_event(s, "ab"), ValidationError, "minimal 3")


def test_bank_accounts(db: Database) -> None:
    with db.unit_of_work() as session:
        account_id = shop.add_bank_account(session, "BCA", "123-456 7890", "Siti Aminah")
        account = shop.get_bank_account(session, account_id)
        assert (account.number, account.holder) == ("1234567890", "SITI AMINAH")
    bad = [("", "1234567890", "Siti", "bank"), ("BCA", "12ab56", "Siti", "rekening"),
           ("BCA", "12345", "Siti", "6–20"), ("BCA", "1234567890", " ", "pemilik")]
    for bank, number, holder, word in bad:
        action = functools.partial(_add_account, bank=bank, number=number, holder=holder)
        assert_refused(db, action, ValidationError, word)


def _add_account(session: Session, *, bank: str, number: str, holder: str) -> int:
    return shop.add_bank_account(session, bank, number, holder)


def test_settings_registry(db: Database) -> None:
    with db.unit_of_work() as session:
        assert settings.get(session, "ppn.enabled") is False
        assert settings.get(session, "sales.max_qty") == 10_000
        settings.set_value(session, "sales.max_qty", 500)
        settings.set_value(session, "sales.max_qty", 600)
    with db.read() as session:
        assert settings.get(session, "sales.max_qty") == 600
    assert_refused(db, lambda s: settings.set_value(s, "sales.max_qty", True), ValidationError, "bertipe int")
    assert_refused(db, lambda s: settings.set_value(s, "ppn.enabled", "ya"), ValidationError, "bertipe bool")
    with db.read() as session, pytest.raises(KeyError):
        settings.get(session, "tidak.ada")


def test_ean13() -> None:
    assert ean13_check_digit("899123456789") == 1
    assert make_ean13("400638133393") == "4006381333931"
    assert is_valid_ean13("4006381333931") and not is_valid_ean13("4006381333932")
    assert not is_valid_ean13("400638133393")
    with pytest.raises(ValueError):
        ean13_check_digit("12ab")


def test_next_instore_code_is_new_and_valid(db: Database) -> None:
    with db.unit_of_work() as session:
        first = next_instore_ean13(session)
        add_product(session, "A1", "Kue Lapis", 2_000, barcodes=(first,))
        second = next_instore_ean13(session)
    assert first.startswith("040") and is_valid_ean13(first) and is_valid_ean13(second)
    assert second != first and int(second[3:12]) == int(first[3:12]) + 1


def test_audit_log(db: Database) -> None:
    with db.unit_of_work() as session:
        audit.record(session, "price.change", None, None, product="Kopi", old=14_000, new=14_500)
        audit.record(session, "refund", None, None, order="K1-20261128-0001")
    with db.read() as session:
        assert [e.action for e in audit.recent(session)] == ["refund", "price.change"]
        [entry] = audit.recent(session, action="price.change")
        assert '"new": 14500' in entry.detail


def test_settings_read_after_write_and_after_rollback(db: Database) -> None:
    with db.unit_of_work() as session:
        assert settings.get(session, "sales.max_qty") == 10_000
        settings.set_value(session, "sales.max_qty", 30)
        assert settings.get(session, "sales.max_qty") == 30
    with pytest.raises(RuntimeError), db.unit_of_work() as session:
        settings.set_value(session, "sales.max_qty", 5)
        assert settings.get(session, "sales.max_qty") == 5
        raise RuntimeError("batal")
    session = db.session()
    try:
        assert settings.get(session, "sales.max_qty") == 30
        session.rollback()
        settings.set_value(session, "ppn.enabled", True)
        assert settings.get(session, "ppn.enabled") is True
        session.rollback()
        assert settings.get(session, "ppn.enabled") is False
    finally:
        session.close()
