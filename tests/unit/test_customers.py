"""Customers: phone normalised to +62, found by phone or name, history, merge of duplicates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app import audit, customers, kasbon
from app.customers import CustomerInput, normalize_phone
from app.db import Database
from app.errors import ConflictError, ValidationError
from app.sales import PaymentInput, checkout
from models import Order
from models.books import CreditEntry, Customer
from tests.unit.foundation_kit import add_product, cart_of

NOV28 = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize("typed", ["0812-3456-7890", "0812 3456 7890", "62 812 3456 7890",
                                   "+62 812-3456-7890", "+62 (0)812.3456.7890", "81234567890",
                                   "+6281234567890"])
def test_phone_formats_are_one_number(typed: str) -> None:
    assert normalize_phone(typed) == "+6281234567890"


@pytest.mark.parametrize("typed", ["08a2-3456", "12345", "+1 202 555 0100", "0812345678901234",
                                   "hp ibu", "0000000000"])
def test_garbage_phone_is_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone(typed)
    assert caught.value.field == "phone"
    assert "Nomor HP" in str(caught.value)


@given(st.text(max_size=25))
def test_normalize_never_crashes_and_is_idempotent(text: str) -> None:
    try:
        phone = normalize_phone(text)
    except ValidationError:
        return
    assert phone == "" or (phone.startswith("+62") and phone[1:].isdigit())
    assert normalize_phone(phone) == phone


def test_create_find_edit(db: Database) -> None:
    with db.unit_of_work() as session:
        bu = customers.create_customer(session, CustomerInput("  Bu  Sari ", "0812-1111-2222",
                                                              group_name=" Reseller"), user_id=None)
        assert bu.group_name == "reseller"  # as tiers store it: the group's tiers apply
        customers.create_customer(session, CustomerInput("Pak Budi", "0813 5555 6666"))
        customers.create_customer(session, CustomerInput("Sarinah"))
    with db.read() as session:
        assert [c.name for c in customers.find_customers(session, "0812")] == ["Bu Sari"]
        assert [c.name for c in customers.find_customers(session, "+62 813")] == ["Pak Budi"]
        assert [c.name for c in customers.find_customers(session, "sari")] == ["Sarinah", "Bu Sari"]
        assert [c.name for c in customers.find_customers(session, "SARI")][1] == "Bu Sari"
        assert customers.by_phone(session, "62 812 1111 2222").name == "Bu Sari"  # type: ignore[union-attr]
        assert [e.action for e in audit.recent(session)].count("customer.create") == 3
    with db.unit_of_work() as session:
        customers.update_customer(session, bu.uuid, CustomerInput("Bu Sari", "0812-1111-2222",
                                                                  address="Jl. Mawar 3",
                                                                  credit_limit=200_000))
    with db.read() as session:
        saved = customers.get_customer(session, bu.uuid)
        assert (saved.address, saved.credit_limit, saved.group_name) == ("Jl. Mawar 3", 200_000, "")
        assert customers.local_phone(saved.phone) == "0812 1111 2222"


def test_duplicate_phone_and_empty_name_are_refused(db: Database) -> None:
    with db.unit_of_work() as session:
        customers.create_customer(session, CustomerInput("Bu Sari", "081211112222"))
    with db.unit_of_work() as session, pytest.raises(ConflictError, match="sudah dipakai"):
        customers.create_customer(session, CustomerInput("Sari lagi", "+62 812 1111 2222"))
    with db.unit_of_work() as session, pytest.raises(ValidationError, match="Nama"):
        customers.create_customer(session, CustomerInput("   ", "0813 1111 2222"))


def test_history_and_merge_move_everything(db: Database) -> None:
    with db.unit_of_work() as session:
        kopi = add_product(session, "K1", "Kopi", 10_000, stock=50)
        keep = customers.create_customer(session, CustomerInput("Bu Sari", "081211112222"))
        dup = customers.create_customer(session, CustomerInput("Sari (dobel)", "",
                                                               address="Jl. Melati 1"))
        for who, method in ((keep, "cash"), (dup, "kasbon"), (dup, "kasbon")):
            cart = cart_of(session, [(kopi, 1)])
            checkout(session, cart, [PaymentInput(method, cart.total)], customer_uuid=who.uuid,
                     now=NOV28)
    with db.read() as session:
        assert len(customers.purchase_history(session, dup.uuid)) == 2
        assert [h.kasbon for h in customers.purchase_history(session, dup.uuid)] == [10_000, 10_000]
    with db.unit_of_work() as session:
        customers.merge_customers(session, keep.uuid, dup.uuid, user_id=None)
    with db.read() as session:
        history = customers.purchase_history(session, keep.uuid)
        assert len(history) == 3
        assert kasbon.balance(session, keep.uuid) == 20_000
        assert kasbon.balance(session, dup.uuid) == 0
        gone = customers.get_customer(session, dup.uuid)
        assert (gone.merged_into, gone.archived) == (keep.uuid, True)
        assert customers.kept(session, dup.uuid).uuid == keep.uuid
        assert customers.get_customer(session, keep.uuid).address == "Jl. Melati 1"
        assert set(session.scalars(select(CreditEntry.customer_uuid))) == {keep.uuid}
        assert set(session.scalars(select(Order.customer_uuid))) == {keep.uuid}
        assert [c.name for c in customers.find_customers(session, "sari")] == ["Bu Sari"]
        assert audit.recent(session, action="customer.merge")
    with db.unit_of_work() as session, pytest.raises(ConflictError):
        customers.merge_customers(session, keep.uuid, dup.uuid)


def test_search_uses_the_phone_index(db: Database) -> None:
    with db.read() as session:
        plan = session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM customers WHERE phone >= '+62812' AND phone < '+62813'"
        ).all()
        assert "ix_customers_phone" in " ".join(str(row) for row in plan)
        assert session.scalar(select(Customer.id)) is None
