"""Fixtures for the printing UI tests: a real shop, a fake network printer, an AppContext."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.db import Database
from app.printing.profile import ConnectionKind, PrinterProfile
from app.printing.service import save_profile
from tests.unit.receipts.order_kit import FakeNetworkPrinter, Shop, make_shop
from ui.context import AppContext


@pytest.fixture
def kit(db: Database) -> Shop:
    """The test shop's ids."""
    return make_shop(db)


@pytest.fixture
def ctx(db: Database, kit: Shop) -> AppContext:
    """The app context of the test shop, logged in as the cashier."""
    return AppContext(db=db, user_id=kit.cashier_id, user_name="Sari", user_role="cashier")


@pytest.fixture
def printer() -> Iterator[FakeNetworkPrinter]:
    """A loopback network printer, switched off until ``start()``."""
    fake = FakeNetworkPrinter()
    yield fake
    fake.close()


def use_network_printer(db: Database, port: int) -> PrinterProfile:
    """Store a 58 mm network printer on ``127.0.0.1:port`` as the shop's printer."""
    profile = PrinterProfile(name="Kasir", kind=ConnectionKind.NETWORK, host="127.0.0.1",
                             port=port, timeout_s=2.0)
    with db.unit_of_work() as session:
        save_profile(session, profile)
    return profile
