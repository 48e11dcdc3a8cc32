"""The first-run services: who gets the wizard, from which step, and that each step is all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app import audit, first_run, settings, shop, users
from app.db import Database
from app.demo import build_demo
from app.errors import UserError, ValidationError
from app.first_run import PaymentInput, Step
from app.printing import service as printing
from app.printing.profile import ConnectionKind, PrinterProfile
from tests.shop_template import new_shop
from tests.unit.payments.qris_samples import BRI, GOPAY


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A brand-new shop file."""
    database = new_shop(tmp_path / "baru.sqlite")
    yield database
    database.close()


def _progress(db: Database) -> first_run.Progress:
    with db.read() as session:
        return first_run.progress(session)


def test_a_new_shop_starts_at_the_first_step(db: Database) -> None:
    assert _progress(db) == first_run.Progress(True, Step.SHOP, False)


def test_a_shop_with_users_that_never_began_is_not_asked(tmp_path: Path) -> None:
    database = new_shop(tmp_path / "demo.sqlite")
    with database.unit_of_work() as session:
        build_demo(session)
    assert not _progress(database).needed
    database.close()


def test_owner_made_then_closed_continues_at_payment(db: Database) -> None:
    with db.unit_of_work() as session:
        first_run.save_shop(session, "Toko Berkah Jaya", "Jl. Darmo 12", "Asia/Makassar")
    assert _progress(db) == first_run.Progress(True, Step.OWNER, False)
    with db.unit_of_work() as session:
        owner = first_run.create_owner(session, "Budi  Santoso", "2468", "2468")
    assert _progress(db) == first_run.Progress(True, Step.PAYMENT, True)
    with db.read() as session:
        profile = shop.profile(session)
        assert (profile.name, profile.address, profile.owner_name) == (
            "Toko Berkah Jaya", "Jl. Darmo 12", "Budi Santoso")
        assert settings.get(session, "shop.timezone") == "Asia/Makassar"
        assert users.authenticate(session, "Budi Santoso", "2468").id == owner


def test_a_second_first_owner_is_refused(db: Database) -> None:
    with db.unit_of_work() as session:
        first_run.create_owner(session, "Budi", "2468", "2468")
    with pytest.raises(UserError), db.unit_of_work() as session:
        first_run.create_owner(session, "Tamu", "1357", "1357")


def test_pins_that_differ_make_no_owner_and_keep_the_step(db: Database) -> None:
    with pytest.raises(ValidationError, match="tidak sama"), db.unit_of_work() as session:
        first_run.create_owner(session, "Budi", "2468", "2469")
    with db.read() as session:
        assert users.list_users(session) == []
    assert _progress(db).next_step is Step.SHOP


def test_payment_is_all_or_nothing(db: Database) -> None:
    bad = PaymentInput("BCA", "1234567890", "Budi", BRI[:-4] + "0000")  # wrong CRC
    with pytest.raises(UserError), db.unit_of_work() as session:
        first_run.save_payment(session, None, bad)
    with db.read() as session:
        assert shop.bank_accounts(session) == []
        assert int(settings.get(session, first_run.STEP_KEY)) == 0
    with db.unit_of_work() as session:
        parsed = first_run.save_payment(session, None, PaymentInput("BCA", "123 456 7890", "Budi", GOPAY))
    assert parsed is not None
    with db.read() as session:
        assert [(a.bank, a.number) for a in shop.bank_accounts(session)] == [("BCA", "1234567890")]
        assert settings.get(session, "qris.static_payload") == GOPAY
        assert int(settings.get(session, first_run.STEP_KEY)) == Step.PRINTER


def test_payment_as_the_new_owner_is_audited_as_theirs(db: Database) -> None:
    with db.unit_of_work() as session:
        owner = first_run.create_owner(session, "Budi", "2468", "2468")
        first_run.save_payment(session, owner, PaymentInput("BRI", "", "", BRI))
    with db.read() as session:
        assert shop.bank_accounts(session) == []  # no number typed: no account
        assert settings.get(session, "qris.static_payload") == BRI
        assert [e.user_id for e in audit.recent(session, action="qris.set")] == [owner]


def test_printer_and_the_end(db: Database) -> None:
    profile = PrinterProfile(kind=ConnectionKind.NETWORK, host="192.168.1.50", paper_mm=80)
    with db.unit_of_work() as session:
        first_run.save_printer(session, None, profile)
    with db.read() as session:
        stored = printing.load_profile(session)
        assert stored is not None and (stored.host, stored.paper_mm) == ("192.168.1.50", 80)
    with db.unit_of_work() as session:
        first_run.skip(session, Step.PEKEN)
    assert not _progress(db).needed


def test_skipping_everything_leaves_a_default_shop_never_asked_again(db: Database) -> None:
    for step in first_run.STEPS:
        with db.unit_of_work() as session:
            first_run.skip(session, step)
    assert _progress(db) == first_run.Progress(False, Step.FINISHED, False)
    with db.read() as session:
        assert shop.profile(session).name == "Toko Saya"
        assert printing.load_profile(session) is None


def test_a_bad_zone_is_refused_with_nothing_saved(db: Database) -> None:
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        first_run.save_shop(session, "Toko Berkah", "", "Europe/Paris")
    with db.read() as session:
        assert shop.profile(session).name == "Toko Saya"
    assert _progress(db).next_step is Step.SHOP
