"""Variants: a parent with options, generated variant products, names, refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app import catalog, inventory, variants
from app.db import Database
from app.errors import ValidationError
from tests.unit.foundation_kit import add_product, assert_refused


@pytest.fixture
def kemeja(db: Database) -> int:
    with db.unit_of_work() as session:
        pid = add_product(session, "KB-PARANG", "Kemeja Batik Parang", 150_000)
        variants.make_parent(session, pid, ["Ukuran", " Warna "])
        return pid


def test_generate_variants_makes_one_product_per_combination(db: Database, kemeja: int) -> None:
    with db.unit_of_work() as session:
        ids = variants.generate_variants(session, kemeja, {"Ukuran": ["M", "L"], "Warna": ["Merah", "Biru"]})
        assert len(ids) == 4
        inventory.receive(session, ids[2], Decimal(7))
    with db.unit_of_work() as session:  # again: only the missing ones
        assert variants.generate_variants(session, kemeja, {"Ukuran": ["L", "XL"], "Warna": ["Merah"]}) != []
    with db.read() as session:
        views = variants.variants_of(session, kemeja)
        assert [v.label for v in views] == ["M / Merah", "M / Biru", "L / Merah", "L / Biru", "XL / Merah"]
        third = views[2]
        assert third.name == "Kemeja Batik Parang — L / Merah"
        assert third.sku == "KB-PARANG-L-MERAH" and third.price == 150_000
        assert third.on_hand == Decimal(7) and third.options == ("L", "Merah")
        assert variants.variant_count(session, kemeja) == 5
        parent = catalog.get_product(session, kemeja)
        assert variants.option_names_of(parent) == ["Ukuran", "Warna"] and parent.on_hand == 0


def test_a_variant_is_edited_with_its_own_price_and_barcode(db: Database, kemeja: int) -> None:
    with db.unit_of_work() as session:
        vid = variants.add_variant(session, kemeja, ["S", "Hijau"])
        data = catalog.input_from_product(catalog.get_product(session, vid))
        data.price, data.barcodes = 145_000, ["0401234567895"]
        variants.update_variant(session, vid, ["XS", "Hijau"], data)
    with db.read() as session:
        [view] = variants.variants_of(session, kemeja)
        assert (view.label, view.price, view.barcodes) == ("XS / Hijau", 145_000, ("0401234567895",))
        assert view.name == "Kemeja Batik Parang — XS / Hijau"


def test_renaming_the_parent_renames_its_variants(db: Database, kemeja: int) -> None:
    with db.unit_of_work() as session:
        variants.add_variant(session, kemeja, ["L", "Merah"])
        data = catalog.input_from_product(catalog.get_product(session, kemeja))
        data.name = "Kemeja Parang Solo"
        catalog.update_product(session, kemeja, data)
        variants.rename_variants(session, kemeja)
    with db.read() as session:
        assert variants.variants_of(session, kemeja)[0].name == "Kemeja Parang Solo — L / Merah"


def test_variant_refusals(db: Database, kemeja: int) -> None:
    with db.unit_of_work() as session:
        variants.add_variant(session, kemeja, ["L", "Merah"])
        stocked = add_product(session, "ST-1", "Kaos Polos", 50_000, stock=3)
    assert_refused(db, lambda s: variants.add_variant(s, kemeja, ["l", "merah"]), ValidationError,
                   "sudah ada")
    assert_refused(db, lambda s: variants.add_variant(s, kemeja, ["L"]), ValidationError, "Ukuran, Warna")
    assert_refused(db, lambda s: variants.make_parent(s, stocked, ["Ukuran"]), ValidationError, "stok")
    assert_refused(db, lambda s: variants.make_parent(s, kemeja, ["Ukuran"]), ValidationError, "jumlah opsi")
    assert_refused(db, lambda s: variants.make_parent(s, stocked, ["A", "a"]), ValidationError, "dua kali")
    assert_refused(db, lambda s: variants.make_parent(s, stocked, []), ValidationError, "nama opsi")
    assert_refused(db, lambda s: variants.generate_variants(s, kemeja, {"Ukuran": ["M"]}),
                   ValidationError, "Warna")


def test_the_products_table_shows_a_parent_with_its_count_and_summed_stock(db: Database,
                                                                           kemeja: int) -> None:
    from app.product_queries import ProductFilter, ProductSort, fetch_page

    with db.unit_of_work() as session:
        ids = variants.generate_variants(session, kemeja, {"Ukuran": ["M", "L"], "Warna": ["Merah"]})
        inventory.receive(session, ids[0], Decimal(2))
        inventory.receive(session, ids[1], Decimal(4))
        add_product(session, "ZZ", "Zaitun", 9_000, stock=1)
    with db.read() as session:
        rows = fetch_page(session, ProductFilter(), ProductSort(), 0, 10)
    assert [(r.name, r.on_hand, r.variants, r.parent_id) for r in rows] == [
        ("Kemeja Batik Parang", Decimal(6), 2, None),
        ("Kemeja Batik Parang — L / Merah", Decimal(4), 0, kemeja),
        ("Kemeja Batik Parang — M / Merah", Decimal(2), 0, kemeja),
        ("Zaitun", Decimal(1), 0, None)]


def test_checkout_refuses_the_parent_itself(db: Database, kemeja: int) -> None:
    from app.sales import checkout
    from tests.unit.foundation_kit import cart_of, cash

    with db.unit_of_work() as session:
        cart = cart_of(session, [(kemeja, 1)])
        with pytest.raises(ValidationError, match="punya varian"):
            checkout(session, cart, cash(cart.total))
