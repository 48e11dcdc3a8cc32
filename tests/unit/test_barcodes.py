"""In-store codes leave the scale range (issue 17): new ones start with 040 (GS1 restricted
circulation within a company), old 20… codes keep scanning by exact match, and a scanner that sends
a ``0…`` EAN-13 as a 12-digit UPC-A still finds the product."""

from __future__ import annotations

from decimal import Decimal

from app import catalog, packs, settings
from app.barcodes import INSTORE_PREFIX, is_valid_ean13, make_ean13, next_instore_ean13, upc_a_as_ean13
from app.db import Database
from app.packs import PackInput
from app.scale import SCALE_PREFIXES
from tests.unit.foundation_kit import add_product

OLD_CODE = make_ean13("200000000001")  # what the app made before scale barcodes


def test_new_instore_codes_avoid_the_scale_range(db: Database) -> None:
    made: list[str] = []
    with db.unit_of_work() as session:
        add_product(session, "LAMA", "Kue Lama", 5_000, barcodes=(OLD_CODE,))
        for n in range(5):
            code = next_instore_ean13(session)
            add_product(session, f"B{n}", f"Barang {n}", 1_000, barcodes=(code,))
            made.append(code)
    assert len(set(made)) == 5 and all(is_valid_ean13(c) for c in made)
    assert all(c.startswith(INSTORE_PREFIX) and c[:2] not in SCALE_PREFIXES for c in made)
    assert [int(c[3:12]) for c in made] == [1, 2, 3, 4, 5]


def test_old_instore_codes_still_scan_with_scale_labels_on(db: Database) -> None:
    with db.unit_of_work() as session:
        old = add_product(session, "LAMA", "Kue Lama", 5_000, barcodes=(OLD_CODE,))
        add_product(session, "00000", "Timbangan PLU 0", 10_000, weighed=True)
        settings.set_value(session, "scale.enabled", True)
        settings.set_value(session, "scale.prefixes", "20")
    with db.read() as session:
        hit = catalog.find_by_code(session, OLD_CODE)
    assert hit is not None and hit.id == old and hit.label_qty is None


def test_a_upc_a_scan_finds_its_ean13(db: Database) -> None:
    with db.unit_of_work() as session:
        code = next_instore_ean13(session)
        pid = add_product(session, "B1", "Barang", 1_000, barcodes=(code,))
    assert upc_a_as_ean13(code[1:]) == code and upc_a_as_ean13(code[1:11] + "99") is None
    with db.read() as session:
        hit = catalog.find_by_code(session, code[1:])  # the scanner dropped the leading 0
    assert hit is not None and hit.id == pid


def test_a_pack_barcode_gives_the_pack(db: Database) -> None:
    with db.unit_of_work() as session:
        indomie = add_product(session, "IM-1", "Indomie Goreng", 3_500, barcodes=("8998866200011",))
        dus = packs.add_pack(session, indomie, PackInput("dus", Decimal(40), 130_000,
                                                          ["8998866200028"]))
    with db.read() as session:
        piece = catalog.find_by_code(session, "8998866200011")
        pack = catalog.find_by_code(session, "8998866200028")
    assert piece is not None and (piece.pack_id, piece.price) == (None, 3_500)
    assert pack is not None and pack.id == indomie and not pack.archived
    assert (pack.pack_id, pack.pack_name, pack.pack_factor, pack.pack_price) == (
        dus, "dus", Decimal(40), 130_000)
    with db.unit_of_work() as session:
        packs.archive_pack(session, dus)
    with db.read() as session:
        gone = catalog.find_by_code(session, "8998866200028")
    assert gone is None  # archiving frees its codes: never sold as a piece of the product
