"""The till's scale-label lookup: the layout is read once and again after a setting is saved,
a label costs two queries, a plain barcode one, and an exact code still wins (app.catalog)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from sqlalchemy import event

from app import catalog, settings
from app.barcodes import make_ean13
from app.db import Database
from tests.unit.foundation_kit import add_product

LABEL = make_ean13("2000123" + "00750")  # PLU 00123, 750 g under the default layout


@contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def keep(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)


def _scale(db: Database, **values: object) -> None:
    with db.unit_of_work() as session:
        for key, value in values.items():
            settings.set_value(session, f"scale.{key}", value)


def _label_qty(db: Database, code: str) -> Decimal | None:
    with db.read() as session:
        hit = catalog.find_by_code(session, code)
    return hit.label_qty if hit is not None else None


def test_a_setting_saved_takes_effect_at_the_next_scan(db: Database) -> None:
    with db.unit_of_work() as session:
        add_product(session, "00123", "Daging Sapi", 130_000, weighed=True)
    assert _label_qty(db, LABEL) is None  # labels are off: the layout (off) is now cached
    _scale(db, enabled=True)
    assert _label_qty(db, LABEL) == Decimal("0.750")
    _scale(db, plu_digits=4)  # now 2000 / 123 / 00750 → PLU 0012, an unknown product
    assert _label_qty(db, LABEL) is None
    _scale(db, plu_digits=5, prefixes="21")
    assert _label_qty(db, LABEL) is None
    assert _label_qty(db, make_ean13("2100123" + "00500")) == Decimal("0.500")


def test_a_setting_not_committed_does_not_change_the_layout(db: Database) -> None:
    with db.unit_of_work() as session:
        add_product(session, "00123", "Daging Sapi", 130_000, weighed=True)
    _scale(db, enabled=True)
    assert _label_qty(db, LABEL) == Decimal("0.750")
    with db.read() as session:  # a read session's changes are rolled back
        settings.set_value(session, "scale.enabled", False)
    assert _label_qty(db, LABEL) == Decimal("0.750")


def test_the_layout_is_not_read_again_while_no_setting_changes(db: Database) -> None:
    with db.unit_of_work() as session:
        add_product(session, "00123", "Daging Sapi", 130_000, weighed=True,
                    barcodes=(make_ean13("899100000001"),))
    _scale(db, enabled=True)
    assert _label_qty(db, LABEL) == Decimal("0.750")  # reads the layout once
    with _statements(db) as seen:
        assert _label_qty(db, LABEL) == Decimal("0.750")
    assert not any("settings" in s for s in seen)
    assert len([s for s in seen if s.lstrip().upper().startswith("SELECT")]) == 1
    with _statements(db) as seen, db.read() as session:
        assert catalog.find_by_code(session, make_ean13("899100000001")) is not None
    assert len([s for s in seen if s.lstrip().upper().startswith("SELECT")]) == 1


def test_exact_codes_win_over_the_plu_in_order(db: Database) -> None:
    old_code = make_ean13("200012301250")  # an old in-store code that reads as a label
    with db.unit_of_work() as session:
        add_product(session, "00123", "Daging Sapi", 130_000, weighed=True)
        add_product(session, "LAMA", "Kue Lama", 5_000, barcodes=(old_code,))
        by_sku = add_product(session, LABEL, "Kode Lama sebagai SKU", 7_000)
        bare = add_product(session, "77", "Ayam", 40_000, weighed=True)
        padded = add_product(session, "X-77", "Ayam Kampung", 60_000, weighed=True,
                             barcodes=("00077",))
    _scale(db, enabled=True)
    with db.read() as session:
        old = catalog.find_by_code(session, old_code)
        assert old is not None and old.name == "Kue Lama" and old.label_qty is None
        sku = catalog.find_by_code(session, LABEL)
        assert sku is not None and sku.id == by_sku and sku.label_qty is None
        # the PLU as printed (barcode 00077) comes before the PLU without zeros (SKU 77)
        chicken = catalog.find_by_code(session, make_ean13("2000077" + "01000"))
        assert chicken is not None and chicken.id == padded and chicken.label_qty == Decimal("1")
    with db.unit_of_work() as session:
        catalog.delete_product(session, padded)
    with db.read() as session:
        chicken = catalog.find_by_code(session, make_ean13("2000077" + "01000"))
        assert chicken is not None and chicken.id == bare
