"""Promotions CRUD: every kind saved and read back, and refusals naming the field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from app import promotions, variants
from app.db import Database
from app.errors import ValidationError
from app.promotions import PromoTarget, PromotionInput
from contract.enums import PromoKind
from models import Category
from tests.unit.foundation_kit import add_product, assert_refused


@pytest.fixture
def shop(db: Database) -> dict[str, int]:
    with db.unit_of_work() as session:
        cat = Category(name="Minuman")
        session.add(cat)
        session.flush()
        teh = add_product(session, "TH-1", "Teh Botol", 5_000)
        roti = add_product(session, "RT-1", "Roti Sobek", 12_000)
        kaos = add_product(session, "KS", "Kaos", 50_000)
        variants.make_parent(session, kaos, ["Ukuran"])
        variants.generate_variants(session, kaos, {"Ukuran": ["M", "L"]})
        return {"cat": cat.id, "teh": teh, "roti": roti, "kaos": kaos}


def test_every_kind_round_trips(db: Database, shop: dict[str, int]) -> None:
    made = [
        PromotionInput("Beli 2 gratis 1", PromoKind.BUY_GET, [PromoTarget(shop["teh"])],
                       buy_qty=2, free_qty=1),
        PromotionInput("Paket sarapan", PromoKind.BUNDLE,
                       [PromoTarget(shop["teh"]), PromoTarget(shop["roti"])], bundle_price=15_000),
        PromotionInput("Happy hour", PromoKind.PERCENT, [PromoTarget(category_id=shop["cat"])],
                       percent=Decimal("12.5"), weekdays="5163", from_minute=22 * 60, to_minute=2 * 60,
                       starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 31), stackable=True, priority=5),
        PromotionInput("Potong 1000", PromoKind.AMOUNT, [PromoTarget(shop["kaos"])], amount=1_000),
    ]
    with db.unit_of_work() as session:
        ids = [promotions.create_promotion(session, replace(p)) for p in made]
    with db.read() as session:
        back = [promotions.input_from_promotion(session, i) for i in ids]
        listed = promotions.list_promotions(session)
    assert back[0].buy_qty == 2 and back[0].free_qty == 1
    assert back[1].bundle_price == 15_000 and len(back[1].targets) == 2
    assert back[2].percent == Decimal("12.5") and back[2].weekdays == "1356"
    assert (back[2].from_minute, back[2].to_minute, back[2].stackable) == (1320, 120, True)
    # the parent is kept: the pricing rules read it as all its variants at the sale
    assert [t.product_id for t in back[3].targets] == [shop["kaos"]]
    assert listed[0].name == "Happy hour" and {v.kind for v in listed} == set(PromoKind)
    with db.unit_of_work() as session:
        promotions.set_active(session, ids[0], False)
        promotions.update_promotion(session, ids[3], replace(back[3], amount=2_000, name="Potong 2000"))
        promotions.delete_promotion(session, ids[1])
    with db.read() as session:
        listed = promotions.list_promotions(session)
        assert [v.name for v in listed] == ["Happy hour", "Potong 2000", "Beli 2 gratis 1"]
        assert promotions.input_from_promotion(session, ids[3]).amount == 2_000


@pytest.mark.parametrize(("changes", "field", "word"), [
    ({"name": " "}, "name", "nama promo"),
    ({"targets": []}, "targets", "pilih produk"),
    ({"buy_qty": 0}, "buy_qty", "jumlah beli"),
    ({"free_qty": 1.5}, "free_qty", "bulat"),
    ({"kind": PromoKind.PERCENT, "percent": Decimal(0)}, "percent", "persen"),
    ({"kind": PromoKind.PERCENT, "percent": Decimal(101)}, "percent", "persen"),
    ({"kind": PromoKind.AMOUNT, "amount": 0}, "amount", "potongan"),
    ({"kind": PromoKind.BUNDLE, "bundle_price": 9_000}, "targets", "2 barang"),
    ({"starts_on": date(2026, 12, 5), "ends_on": date(2026, 12, 1)}, "ends_on", "tanggal selesai"),
    ({"weekdays": ""}, "weekdays", "hari"),
    ({"weekdays": "8"}, "weekdays", "hari"),
    ({"from_minute": 600}, "from_minute", "jam selesai"),
    ({"from_minute": 600, "to_minute": 600}, "to_minute", "tidak boleh sama"),
    ({"from_minute": 600, "to_minute": 1440}, "to_minute", "jam selesai"),
    ({"channel_id": 999}, "channel_id", "kanal"),
    ({"targets": [PromoTarget(product_id=999)]}, "targets", "tidak ditemukan"),
])
def test_bad_promotions_are_refused_naming_the_field(db: Database, shop: dict[str, int],
                                                     changes: dict[str, object], field: str,
                                                     word: str) -> None:
    good = PromotionInput("Beli 2 gratis 1", PromoKind.BUY_GET, [PromoTarget(shop["teh"])],
                          buy_qty=2, free_qty=1)
    bad = replace(good, **changes)  # type: ignore[arg-type]
    error = assert_refused(db, lambda s: promotions.create_promotion(s, bad), ValidationError, word)
    assert error.field == field
