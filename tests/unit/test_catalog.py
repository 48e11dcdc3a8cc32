"""Catalog service: create, edit, archive with validation; lookup by barcode or SKU; outbox rows."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import catalog
from app.catalog import ProductInput
from app.db import Database
from app.errors import ConflictError, NotFoundError, ValidationError
from models import Barcode, Category, OutboxOp, Product
from tests.unit.foundation_kit import add_product, assert_refused

BASE = ProductInput(sku="BJ-1", name="Minyak Goreng Bimoli 2 L", price=39_500, cost=35_800,
                    barcodes=["8991234567890"])


def _input(**changes: object) -> ProductInput:
    changes.setdefault("barcodes", list(BASE.barcodes))
    return replace(BASE, **changes)  # type: ignore[arg-type]


def _outbox(db: Database, kind: str) -> list[dict[str, object]]:
    """Queued ops of a kind; a ``product.edit`` as its changed field values."""
    with db.read() as session:
        rows = session.scalars(select(OutboxOp).where(OutboxOp.kind == kind).order_by(OutboxOp.seq))
        payloads = [json.loads(r.payload) for r in rows]
    if kind == "product.edit":
        return [{k: v["value"] for k, v in p["fields"].items()} for p in payloads]
    return payloads


def test_create_product_stores_fields_and_queues_listing(db: Database) -> None:
    with db.unit_of_work() as session:
        cat = Category(name="Sembako")
        session.add(cat)
        session.flush()
        pid = catalog.create_product(session, _input(name="  Minyak   Goreng  Bimoli 2 L ",
                                                     category_id=cat.id, published=True))
    with db.read() as session:
        product = catalog.get_product(session, pid)
        assert product.name == "Minyak Goreng Bimoli 2 L"
        assert (product.price, product.cost, product.on_hand) == (39_500, 35_800, Decimal(0))
        assert [b.code for b in product.barcodes] == ["8991234567890"]
    [payload] = _outbox(db, "product.edit")
    assert payload["sku"] == "BJ-1" and payload["price"] == 39_500
    assert payload["category"] == "Sembako" and payload["published"] is True
    assert payload["cost"] == 35_800 and payload["barcodes"] == ["8991234567890"]


@pytest.mark.parametrize(("changes", "word"), [
    ({"price": 0}, "harga jual"),
    ({"price": -500}, "harga jual"),
    ({"price": 12_500.0}, "bulat"),
    ({"price": True}, "bulat"),
    ({"price": 10_000_000_001}, "terlalu besar"),
    ({"cost": -1}, "harga pokok"),
    ({"sku": ""}, "sku"),
    ({"sku": "BJ 1"}, "sku"),
    ({"sku": "x" * 41}, "sku"),
    ({"name": " A "}, "nama"),
    ({"name": "x" * 161}, "nama"),
    ({"unit": "ton"}, "satuan"),
    ({"min_stock": Decimal(-1)}, "stok minimum"),
    ({"barcodes": ["12"]}, "barcode"),
    ({"barcodes": ["899123<script>"]}, "barcode"),
    ({"barcodes": ["8991234567890", "8991234567890"]}, "dua kali"),
    ({"category_id": 999}, "kategori"),
])
def test_bad_product_input_is_refused(db: Database, changes: dict[str, object], word: str) -> None:
    data = _input(**changes)
    assert_refused(db, lambda s: catalog.create_product(s, data), ValidationError, word)


def test_duplicate_sku_and_barcode_are_refused(db: Database) -> None:
    with db.unit_of_work() as session:
        catalog.create_product(session, _input())
    dup_sku = _input(barcodes=["8990000000017"])
    assert_refused(db, lambda s: catalog.create_product(s, dup_sku), ConflictError, "SKU", "BJ-1")
    dup_code = _input(sku="BJ-2")
    assert_refused(db, lambda s: catalog.create_product(s, dup_code), ConflictError,
                   "barcode", "8991234567890")


def test_update_changes_fields_and_barcodes(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = catalog.create_product(session, _input(barcodes=["1111111", "2222222"]))
    with db.unit_of_work() as session:
        data = catalog.input_from_product(catalog.get_product(session, pid))
        data.price, data.barcodes = 41_000, ["2222222", "3333333"]
        catalog.update_product(session, pid, data)
    with db.read() as session:
        product = catalog.get_product(session, pid)
        assert product.price == 41_000
        assert sorted(b.code for b in product.barcodes) == ["2222222", "3333333"]
        assert session.scalars(select(Barcode.code).order_by(Barcode.code)).all() == ["2222222", "3333333"]
        assert catalog.find_by_code(session, "1111111") is None
    edits = _outbox(db, "product.edit")  # an edit carries only the fields it changed
    assert [p.get("price") for p in edits] == [39_500, 41_000]
    assert set(edits[1]) == {"price", "barcodes"}


def test_update_refuses_clash_with_other_product(db: Database) -> None:
    with db.unit_of_work() as session:
        catalog.create_product(session, _input())
        other = catalog.create_product(session, _input(sku="BJ-2", barcodes=["7777777"]))
    clash_sku = _input(barcodes=["7777777"])
    assert_refused(db, lambda s: catalog.update_product(s, other, clash_sku), ConflictError, "SKU")
    clash_code = _input(sku="BJ-2")
    assert_refused(db, lambda s: catalog.update_product(s, other, clash_code), ConflictError, "barcode")
    zero = _input(sku="BJ-2", barcodes=["7777777"], price=0)
    assert_refused(db, lambda s: catalog.update_product(s, other, zero), ValidationError, "harga")


def test_update_keeps_own_sku_and_barcode(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = catalog.create_product(session, _input())
        catalog.update_product(session, pid, _input(name="Minyak Goreng Bimoli 2 Liter"))
    with db.read() as session:
        assert catalog.get_product(session, pid).name == "Minyak Goreng Bimoli 2 Liter"


def test_unknown_product_is_not_found(db: Database) -> None:
    assert_refused(db, lambda s: catalog.update_product(s, 404, _input()), NotFoundError, "tidak ditemukan")
    assert_refused(db, lambda s: catalog.archive_product(s, 404), NotFoundError, "#404")


def test_archive_and_restore(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = catalog.create_product(session, _input(published=True))
    with db.unit_of_work() as session:
        catalog.archive_product(session, pid)
    with db.read() as session:
        hit = catalog.find_by_code(session, "8991234567890")
        assert hit is not None and hit.archived
    with db.unit_of_work() as session:
        catalog.archive_product(session, pid, archived=False)
    edits = _outbox(db, "product.edit")
    assert edits[0]["published"] is True and edits[0]["archived"] is False
    assert edits[1:] == [{"archived": True}, {"archived": False}]


def test_find_by_code_barcode_then_sku(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "KOPI-01", "Kopi Kapal Api", 14_500, stock=12,
                          barcodes=("8992222333344", "KAPAL"))
    with db.read() as session:
        by_barcode = catalog.find_by_code(session, " 8992222333344\n")
        assert by_barcode is not None and by_barcode.id == pid
        assert by_barcode.on_hand == Decimal(12) and by_barcode.price == 14_500
        by_sku = catalog.find_by_code(session, "KOPI-01")
        assert by_sku is not None and by_sku.id == pid
        alt = catalog.find_by_code(session, "KAPAL")
        assert alt is not None and alt.id == pid
        assert catalog.find_by_code(session, "0000000000000") is None
        assert catalog.find_by_code(session, "   ") is None


def test_barcode_lookup_wins_over_a_sku_with_the_same_text(db: Database) -> None:
    with db.unit_of_work() as session:
        a = add_product(session, "12345678", "Sabun Lifebuoy", 4_000)
        b = add_product(session, "B-2", "Sabun Nuvo", 3_800, barcodes=("12345678",))
    with db.read() as session:
        hit = catalog.find_by_code(session, "12345678")
        assert hit is not None and hit.id == b != a


def test_failed_transaction_rolls_back_product_and_its_outbox_row(db: Database) -> None:
    with pytest.raises(ConflictError), db.unit_of_work() as session:
        catalog.create_product(session, _input())
        catalog.create_product(session, _input(barcodes=[]))  # duplicate SKU
    with db.read() as session:
        assert session.scalars(select(Product)).all() == []
        assert session.scalars(select(OutboxOp)).all() == []


def test_outbox_sequence_numbers_grow(db: Database) -> None:
    with db.unit_of_work() as session:
        add_product(session, "A", "Gula Pasir", 18_500, stock=4)
        add_product(session, "B", "Teh Celup", 7_500)
    with db.read() as session:
        ops = session.execute(select(OutboxOp.kind, OutboxOp.seq, OutboxOp.status)
                              .order_by(OutboxOp.seq)).all()
    assert [op.kind for op in ops] == ["product.edit", "stock.movement", "product.edit"]
    assert [op.seq for op in ops] == sorted({op.seq for op in ops})
    assert all(op.status == "pending" for op in ops)
