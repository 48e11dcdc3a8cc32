"""The money book's refusals are whole sentences: no status word, direction or stored code is
filled into a template (a translated template would show it in Indonesian, or a raw code like
``void``), and each template is extracted for translation (``ui.i18n_tools``)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from app import cashbook, customers, kasbon, preorders, shifts
from app.cashbook import CashInput
from app.clock import now_utc
from app.customers import CustomerInput
from app.db import Database
from app.errors import UserError
from app.kasbon_payments import PaymentIn
from app.preorders import LineInput, PreorderInput
from app.sales import PaymentInput, checkout
from contract.enums import CashCategory, CashDirection, PaymentMethod
from tests.conftest import ShopClock
from tests.unit.foundation_kit import add_product, cart_of
from ui import i18n_tools


def _refusal(db: Database, action: object) -> UserError:
    with pytest.raises(UserError) as caught, db.unit_of_work() as session:
        action(session)  # type: ignore[operator]
    return caught.value


def test_book_refusals_are_whole_translatable_sentences(db: Database, shop_clock: ShopClock) -> None:
    found: list[UserError] = []
    for direction, words in ((CashDirection.IN, "kas masuk"), (CashDirection.OUT, "kas keluar")):
        error = _refusal(db, lambda s, d=direction: cashbook.record_cash(
            s, CashInput(d, CashCategory.CAPITAL if d == CashDirection.IN else CashCategory.RENT, 5_000)))
        assert error.message.endswith(f"untuk mencatat {words}.")
        found.append(error)
    with db.unit_of_work() as session:
        shifts.open_shift(session, 0)
        kopi = add_product(session, "K1", "Kopi", 10_000, stock=10)
        sari = customers.create_customer(session, CustomerInput("Bu Sari", credit_limit=10**6)).uuid
        checkout(session, cart_of(session, [(kopi, 1)]), [PaymentInput("kasbon", 10_000)],
                 customer_uuid=sari)
        sent = kasbon.receive_payment(session, sari, PaymentIn(PaymentMethod.TRANSFER, 5_000)).id
        kasbon.void_payment(session, sent, "tidak datang")
        uuid = preorders.create(session, PreorderInput(
            due_at=now_utc() + timedelta(days=1), customer_name="Bu Sri",
            lines=[LineInput("Kue", Decimal(1), 50_000)])).uuid
        preorders.cancel(session, uuid, keep_dp=False)
    found.append(_refusal(db, lambda s: kasbon.void_payment(s, sent, "lagi")))
    assert found[-1].message == "Pembayaran kasbon ini sudah dibatalkan."
    found.append(_refusal(db, lambda s: preorders.mark_ready(s, uuid)))
    found.append(_refusal(db, lambda s: preorders.cancel(s, uuid)))
    assert found[-1].message == "Pesanan ini sudah dibatalkan."
    templates = {template for _context, template in i18n_tools.user_error_messages()}
    for error in found:
        assert "{" not in error.template or error.params, error.template
        assert all(not isinstance(v, str) or v[:1].isdigit() or v.startswith("Rp")
                   for v in error.params.values()), error.params  # no words filled in
        assert error.template in templates, error.template
