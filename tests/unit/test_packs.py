"""Packs and wholesale tiers: CRUD, barcode uniqueness across products and packs, to_base."""

from __future__ import annotations

import functools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import catalog, packs
from app.db import Database
from app.errors import ConflictError, ValidationError
from app.packs import PackInput, TierInput
from models import Barcode, PriceTier
from tests.unit.foundation_kit import add_product, assert_refused


@pytest.fixture
def indomie(db: Database) -> int:
    with db.unit_of_work() as session:
        return add_product(session, "IM-1", "Indomie Goreng", 3_500, barcodes=("8998866200011",))


def test_add_pack_with_barcodes_and_tiers(db: Database, indomie: int) -> None:
    with db.unit_of_work() as session:
        dus = packs.add_pack(session, indomie, PackInput(" Dus ", Decimal(40), 130_000, ["8998866200028"]))
        packs.add_pack(session, indomie, PackInput("renteng", Decimal(5), 17_000))
        packs.set_tiers(session, indomie, [TierInput(Decimal(12), 3_300),
                                           TierInput(Decimal(48), 3_200),
                                           TierInput(Decimal(1), 3_250, group="Reseller"),
                                           TierInput(Decimal(5), 125_000, pack="dus")])
    with db.read() as session:
        views = packs.packs_of(session, indomie)
        assert [(p.name, p.factor, p.price) for p in views] == [
            ("renteng", Decimal(5), 17_000), ("dus", Decimal(40), 130_000)]
        assert views[1].barcodes == ("8998866200028",) and views[1].id == dus
        tiers = packs.tiers_of(session, indomie)
        assert [(t.pack, t.group, t.min_qty, t.price) for t in tiers] == [
            ("", "", Decimal(12), 3_300), ("", "", Decimal(48), 3_200),
            ("", "reseller", Decimal(1), 3_250), ("dus", "", Decimal(5), 125_000)]
        assert session.scalar(select(Barcode.pack_id).where(Barcode.code == "8998866200028")) == dus
        # the product's own barcodes are still only its own
        product = catalog.get_product(session, indomie)
        assert catalog.input_from_product(product).barcodes == ["8998866200011"]


def test_editing_the_product_keeps_its_pack_barcodes(db: Database, indomie: int) -> None:
    with db.unit_of_work() as session:
        packs.add_pack(session, indomie, PackInput("dus", Decimal(40), 130_000, ["8998866200028"]))
    with db.unit_of_work() as session:
        data = catalog.input_from_product(catalog.get_product(session, indomie))
        data.price = 3_600
        data.barcodes = ["8998866200011", "1234567"]
        catalog.update_product(session, indomie, data)
    with db.read() as session:
        assert packs.packs_of(session, indomie)[0].barcodes == ("8998866200028",)
        codes = set(session.scalars(select(Barcode.code).where(Barcode.product_id == indomie)))
        assert codes == {"8998866200011", "1234567", "8998866200028"}


def test_a_barcode_is_unique_across_products_and_packs(db: Database, indomie: int) -> None:
    with db.unit_of_work() as session:
        other = add_product(session, "KP-1", "Kopi Kapal Api", 1_500, barcodes=("8991002101234",))
        packs.add_pack(session, indomie, PackInput("dus", Decimal(40), 130_000, ["8998866200028"]))
    assert_refused(db, lambda s: packs.add_pack(s, indomie, PackInput("pak", Decimal(5), 17_000,
                                                                        ["8991002101234"])),
                   ConflictError, "8991002101234", "produk lain")
    assert_refused(db, lambda s: packs.add_pack(s, indomie, PackInput("pak", Decimal(5), 17_000,
                                                                        ["8998866200011"])),
                   ConflictError, "kemasan")
    data = _input(db, other)
    data.barcodes = ["8998866200028"]
    assert_refused(db, lambda s: catalog.update_product(s, other, data), ConflictError, "produk lain")
    own = _input(db, indomie)
    own.barcodes = ["8998866200028"]
    assert_refused(db, lambda s: catalog.update_product(s, indomie, own), ConflictError, "kemasan")


def _input(db: Database, pid: int) -> catalog.ProductInput:
    with db.read() as session:
        return catalog.input_from_product(catalog.get_product(session, pid))


@pytest.mark.parametrize(("pack", "field", "word"), [
    (PackInput("", Decimal(40), 1000), "pack_name", "nama kemasan"),
    (PackInput("dus=1", Decimal(40), 1000), "pack_name", "tidak boleh"),
    (PackInput("pcs", Decimal(40), 1000), "pack_name", "satuan dasar"),
    (PackInput("dus", Decimal(0), 1000), "pack_factor", "isi kemasan"),
    (PackInput("dus", Decimal(1), 1000), "pack_factor", "selain 1"),
    (PackInput("dus", Decimal("1.2345"), 1000), "pack_factor", "desimal"),
    (PackInput("dus", Decimal(40), 0), "pack_price", "harga kemasan"),
    (PackInput("dus", Decimal(40), 10.5), "pack_price", "bulat"),  # type: ignore[arg-type]
    (PackInput("dus", Decimal(40), 1000, ["bad code!"]), "pack_barcodes", "tidak sah"),
])
def test_bad_packs_are_refused_naming_the_field(db: Database, indomie: int, pack: PackInput,
                                                field: str, word: str) -> None:
    error = assert_refused(db, lambda s: packs.add_pack(s, indomie, pack), ValidationError, word)
    assert error.field == field


def test_set_packs_edits_adds_archives_and_moves_codes(db: Database, indomie: int) -> None:
    with db.unit_of_work() as session:
        packs.set_packs(session, indomie, [PackInput("dus", Decimal(40), 130_000, ["111222333"]),
                                           PackInput("pak", Decimal(5), 17_000)])
        packs.set_tiers(session, indomie, [TierInput(Decimal(2), 16_500, pack="pak")])
    with db.unit_of_work() as session:
        packs.set_packs(session, indomie, [PackInput("dus", Decimal(40), 128_000),
                                           PackInput("renteng", Decimal(10), 34_000, ["111222333"])])
    with db.read() as session:
        views = packs.packs_of(session, indomie)
        assert [(p.name, p.price, p.barcodes) for p in views] == [
            ("renteng", 34_000, ("111222333",)), ("dus", 128_000, ())]
        assert len(packs.packs_of(session, indomie, include_archived=True)) == 3
        assert session.scalars(select(PriceTier)).all() == []  # the pak's tier left with it


def test_bad_tiers_are_refused(db: Database, indomie: int) -> None:
    cases = [
        ([TierInput(Decimal(12), 3_500)], "tier_price", "di bawah"),
        ([TierInput(Decimal(0), 3_000)], "tier_min_qty", "minimum"),
        ([TierInput(Decimal(12), 3_000, pack="dus")], "tier_pack", "dus"),
        ([TierInput(Decimal(12), 3_000), TierInput(Decimal(12), 2_900)], "tier_min_qty", "dua kali"),
    ]
    for tiers, field, word in cases:
        error = assert_refused(db, functools.partial(_set_tiers, product_id=indomie, tiers=tiers),
                               ValidationError, word)
        assert error.field == field


def _set_tiers(session: Session, product_id: int, tiers: list[TierInput]) -> None:
    packs.set_tiers(session, product_id, tiers)


@given(qty=st.decimals(min_value=0, max_value=10_000, places=3),
       factor=st.decimals(min_value="0.001", max_value=1_000, places=3))
def test_to_base_is_exact_or_rounded_to_three_places(qty: Decimal, factor: Decimal) -> None:
    base = packs.to_base(qty, factor)
    exact = qty * factor
    assert base.as_tuple().exponent == -3 and abs(base - exact) <= Decimal("0.0005")
    if exact == exact.quantize(Decimal("0.001")):  # whole packs of whole units: no rounding at all
        assert base == exact
    assert packs.to_base(Decimal(2), Decimal(40)) == Decimal("80.000")


def test_packs_tiers_and_variants_are_queued_for_peken(db: Database, indomie: int) -> None:
    import json

    from app import variants
    from models import OutboxOp, Product

    with db.unit_of_work() as session:
        packs.set_packs(session, indomie, [PackInput("dus", Decimal(40), 130_000, ["8998866200028"])])
        packs.set_tiers(session, indomie, [TierInput(Decimal(12), 3_300, group="reseller")])
        shirt = add_product(session, "KB", "Kemeja Batik", 150_000)
        variants.make_parent(session, shirt, ["Ukuran"])
        [vid] = variants.generate_variants(session, shirt, {"Ukuran": ["L"]})
    with db.read() as session:
        uuids = dict(session.execute(select(Product.id, Product.uuid)).all())
        offers: dict[str, dict[str, object]] = {}
        for payload in session.scalars(select(OutboxOp.payload).where(OutboxOp.kind == "product.edit")
                                       .order_by(OutboxOp.seq)):
            fields = json.loads(payload)["fields"]
            if "offer" in fields:
                offers[json.loads(payload)["product_uuid"]] = fields["offer"]["value"]
    mie = offers[uuids[indomie]]
    assert mie["packs"] == [{"name": "dus", "factor": "40.000", "price": 130_000}]
    assert mie["tiers"] == [{"pack": "", "min_qty": "12.000", "price": 3_300, "group": "reseller"}]
    parent = offers[uuids[shirt]]
    assert parent["options"] == ["Ukuran"]
    assert parent["variants"] == [{"product_uuid": uuids[vid], "values": ["L"], "price": 150_000}]
    assert offers[uuids[vid]]["parent_uuid"] == uuids[shirt]
