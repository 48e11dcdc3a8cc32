"""The kasbon statement: lines with a running balance, WhatsApp text and wa.me link, the PDF."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from app import customers, kasbon, kasbon_pdf, kasbon_statement, shifts
from app.customers import CustomerInput
from app.db import Database
from app.errors import ValidationError
from app.kasbon_payments import PaymentIn
from app.sales import PaymentInput, checkout
from tests.unit.foundation_kit import add_product, cart_of

NOV2 = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)


def _shop(db: Database) -> str:
    with db.unit_of_work() as session:
        kopi = add_product(session, "K1", "Kopi", 10_000, stock=100)
        sari = customers.create_customer(session, CustomerInput("Bu Sari & Anak", "0812-1111-2222"))
        for days, qty in ((12, 3), (1, 2)):
            cart = cart_of(session, [(kopi, qty)])
            checkout(session, cart, [PaymentInput("kasbon", cart.total)], customer_uuid=sari.uuid,
                     now=NOV2 + timedelta(days=days))
        shifts.open_shift(session, 0, now=NOV2 + timedelta(days=13))  # the drawer cash goes into
        kasbon.receive_payment(session, sari.uuid, PaymentIn("cash", 5_000), now=NOV2 + timedelta(days=13))
        kasbon.receive_payment(session, sari.uuid, PaymentIn("qris", 1_000), now=NOV2 + timedelta(days=13))
        return sari.uuid


def test_statement_lines_text_and_link(db: Database) -> None:
    sari = _shop(db)
    with db.read() as session:
        st = kasbon_statement.statement(session, sari, date(2026, 11, 15))
        link = kasbon_statement.whatsapp_link(session, customers.get_customer(session, sari),
                                              date(2026, 11, 15))
    assert [(ln.debit, ln.credit, ln.balance) for ln in st.lines] == [
        (20_000, 0, 20_000), (30_000, 0, 50_000), (0, 5_000, 45_000)]
    assert (st.balance, st.pending) == (45_000, 1_000)
    assert st.aging == kasbon.Aging(30_000, 15_000, 0)
    text = kasbon_statement.whatsapp_text(st)
    assert "Halo Bu Sari & Anak" in text and "Rp45.000" in text and "(sisa Rp15.000)" in text
    parsed = urlparse(link)
    assert (parsed.scheme, parsed.netloc, parsed.path) == ("https", "wa.me", "/6281211112222")
    assert "&" not in parsed.query.removeprefix("text=")  # the text is URL-encoded
    assert parse_qs(parsed.query)["text"] == [text]
    with db.read() as session:  # as of an earlier day only what was there then
        early = kasbon_statement.statement(session, sari, date(2026, 11, 5))
    assert early.balance == 20_000 and len(early.lines) == 1 and early.pending == 0


def test_pdf_is_written(db: Database, tmp_path: Path) -> None:
    sari = _shop(db)
    with db.read() as session:
        st = kasbon_statement.statement(session, sari, date(2026, 11, 15))
    path = kasbon_pdf.to_pdf(st, tmp_path / "kasbon.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"DejaVuSans" in data


def test_no_phone_no_link(db: Database) -> None:
    with db.unit_of_work() as session:
        budi = customers.create_customer(session, CustomerInput("Pak Budi"))
        with pytest.raises(ValidationError, match="nomor HP"):
            kasbon_statement.whatsapp_link(session, budi, date(2026, 11, 15))
