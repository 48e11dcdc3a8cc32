"""Bank accounts, QRIS, the printer and the backup folder are the owner's: the services themselves refuse a
cashier without an owner's PIN (so no screen can skip it), and every change is audited
with who made it and who approved it, never with the PIN."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import backup, settings, shop, users
from app.db import Database
from app.errors import PermissionDenied
from app.owner_only import OwnerPin
from app.payments import service
from app.printing.profile import ConnectionKind, PrinterProfile
from app.printing.service import load_profile, set_profile
from models import AuditEntry, BankAccount
from tests.unit.payments.qris_samples import GOPAY

PRINTER = PrinterProfile(name="Kasir", kind=ConnectionKind.NETWORK, host="10.0.0.9", port=9100)


@dataclass(frozen=True)
class People:
    owner: int
    cashier: int


@pytest.fixture
def people(db: Database) -> People:
    """Siti (owner, PIN 1234) and Rina (cashier, PIN 1111)."""
    with db.unit_of_work() as s:
        return People(int(users.create_user(s, "Siti", "owner", "1234")),
                      int(users.create_user(s, "Rina", "cashier", "1111")))


def _entries(db: Database, action: str) -> list[tuple[int | None, int | None, dict[str, object]]]:
    with db.read() as s:
        rows = s.execute(select(AuditEntry.user_id, AuditEntry.approved_by_id, AuditEntry.detail)
                         .where(AuditEntry.action == action).order_by(AuditEntry.id))
        return [(r[0], r[1], json.loads(r[2])) for r in rows]


def _accounts(db: Database) -> list[str]:
    with db.read() as s:
        return [a.number for a in shop.bank_accounts(s)]


def test_cashier_cannot_add_a_bank_account_without_the_owner(db: Database, people: People) -> None:
    with db.unit_of_work() as s, pytest.raises(PermissionDenied, match="Hanya pemilik"):
        service.add_bank_account(s, people.cashier, "BCA", "9998887770", "Rina")
    with db.unit_of_work() as s, pytest.raises(PermissionDenied, match="PIN pemilik salah"):
        service.add_bank_account(s, people.cashier, "BCA", "9998887770", "Rina", OwnerPin("1111"))
    assert _accounts(db) == []
    assert [(u, d["for"]) for u, _a, d in _entries(db, "pin.wrong")] == [
        (people.cashier, "bank_account")]
    with db.unit_of_work() as s:  # the owner typed her PIN for this one change
        service.add_bank_account(s, people.cashier, "BCA", "1234567890", "Siti Aminah",
                                 OwnerPin("1234", "Siti"))
    assert _accounts(db) == ["1234567890"]
    [(user, approver, detail)] = _entries(db, "bank_account.add")
    assert (user, approver) == (people.cashier, people.owner)
    assert detail == {"bank": "BCA", "number": "1234567890", "holder": "SITI AMINAH"}
    assert "1234" not in json.dumps([e[2] for e in _entries(db, "perm.bank_account")])


def test_the_owner_changes_accounts_and_qris_without_a_pin(db: Database, people: People) -> None:
    with db.unit_of_work() as s:
        account = service.add_bank_account(s, people.owner, "BRI", "0123456789", "Siti")
        service.set_static_qris(s, GOPAY, people.owner)
    with db.unit_of_work() as s:
        service.deactivate_bank_account(s, account, people.owner)
        service.clear_static_qris(s, people.owner)
    assert _accounts(db) == []
    for action in ("bank_account.add", "bank_account.deactivate", "qris.set", "qris.clear"):
        assert [(u, a) for u, a, _ in _entries(db, action)] == [(people.owner, None)], action


ChangeFn = Callable[[Session, int | None, OwnerPin | None], object]
CHANGES: dict[str, ChangeFn] = {
    "deactivate": lambda s, who, pin: service.deactivate_bank_account(
        s, int(s.scalars(select(BankAccount.id)).one()), who, pin),
    "qris": lambda s, who, pin: service.set_static_qris(s, GOPAY, who, pin),
    "clear qris": service.clear_static_qris,
    "printer": lambda s, who, pin: set_profile(s, who, PRINTER, pin),
    "backup folder": lambda s, who, pin: backup.set_second_folder(s, who, Path("/media/usb"), pin),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_every_owner_only_change_refuses_a_cashier(db: Database, people: People,
                                                   change: str) -> None:
    with db.unit_of_work() as s:
        shop.add_bank_account(s, "BCA", "1234567890", "Siti")
    for who in (people.cashier, None):  # a cashier, or nobody logged in in a shop with users
        with db.unit_of_work() as s, pytest.raises(PermissionDenied):
            CHANGES[change](s, who, None)
    with db.read() as s:
        assert _accounts(db) == ["1234567890"]
        assert settings.get(s, "qris.static_payload") == "" and load_profile(s) is None
        assert settings.get(s, "backup.second_folder") == ""
    with db.unit_of_work() as s:
        CHANGES[change](s, people.cashier, OwnerPin("1234"))
    with db.read() as s:
        perms = s.scalars(select(AuditEntry).where(AuditEntry.action.like("perm.%"))).all()
        assert [(e.user_id, e.approved_by_id) for e in perms] == [(people.cashier, people.owner)]


def test_printer_change_is_audited_and_a_new_shop_needs_no_owner(db: Database) -> None:
    with db.unit_of_work() as s:  # no users yet: nobody to ask
        set_profile(s, None, PRINTER)
        service.add_bank_account(s, None, "BCA", "1234567890", "Siti")
    [(user, approver, detail)] = _entries(db, "printer.set")
    assert (user, approver) == (None, None)
    assert detail == {"printer": "Kasir", "kind": "network", "target": "10.0.0.9:9100"}
    with db.read() as s:
        assert load_profile(s) == PRINTER


def test_restore_is_the_owners_alone(db: Database, people: People, tmp_path: Path) -> None:
    """A restore replaces accounts, QRIS, printer and users at once: a cashier needs an owner's PIN."""
    saved = backup.make_backup(db.path, "manual", tmp_path / "bk")
    with db.unit_of_work() as s:
        shop.add_bank_account(s, "BCA", "1234567890", "Siti")  # made after the backup
    for who, pin in ((people.cashier, None), (people.cashier, OwnerPin("1111")), (None, None)):
        with pytest.raises(PermissionDenied):
            backup.restore(db, saved, tmp_path / "bk", user_id=who, owner_pin=pin)
    assert _accounts(db) == ["1234567890"]  # nothing replaced
    assert [b.kind for b in backup.list_backups(db.path, tmp_path / "bk")] == ["manual"]
    result = backup.restore(db, saved, tmp_path / "bk", user_id=people.cashier, owner_pin=OwnerPin("1234"))
    try:
        with result.database.read() as s:
            assert [a.number for a in shop.bank_accounts(s)] == []
    finally:
        result.database.close()
