"""Packs, grosir tiers, variants and promotions through a real catalog server on loopback: what
the counter sets up, the booth laptop sells with (its dus barcode, its grosir price, its promo,
its variants), a deleted pack stops selling there, concurrent edits settle alike on both, and
a laptop enrolled afterwards gets them too (its snapshot carries none of them)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import delete, func, select

from app import packs, promotions, variants
from app.cart import Cart, CartLine
from app.catalog import ProductInput, create_product, find_by_code
from app.categories import ensure_category
from app.db import Database
from app.pricing import store
from app.sync.engine import SyncEngine
from app.sync.pricing import SHARED_KEY
from app.tiles import quick_tiles
from contract.changes import CHANGE_PAYLOADS
from contract.enums import PromoKind
from models import OutboxOp, Product, ProductPack, Promotion, SyncState
from tests.integration.sync.conftest import Catalog

DUS = "8990000000123"
LOCAL = datetime(2026, 11, 30, 10, 0)  # a Monday, 10:00 shop time


def _setup(catalog_server: Catalog, shop_factory: Callable[[str], Database]
           ) -> tuple[Database, Database, SyncEngine, SyncEngine, int]:
    counter, booth = shop_factory("counter"), shop_factory("booth")
    with counter.unit_of_work() as session:
        batik = ensure_category(session, "Batik")
        for sku, name, price in (("M1", "Indomie Goreng", 3_000), ("K1", "Kopi Kapal Api", 3_500),
                                 ("KB", "Kemeja Batik", 150_000)):
            create_product(session, ProductInput(sku=sku, name=name, price=price,
                                                 category_id=batik if sku == "KB" else None))
    seller = catalog_server.new_seller("Toko Grosir Bu Ani")
    catalog_server.enroll(counter, seller, "Kasir depan")
    catalog_server.enroll(booth, seller, "Laptop booth")
    a, b = SyncEngine(counter), SyncEngine(booth)
    a.run_round()
    b.run_round()
    return counter, booth, a, b, seller


def _ids(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {sku: int(i) for sku, i in session.execute(select(Product.sku, Product.id))}


def _rounds(*engines: SyncEngine) -> None:
    for engine in engines:
        assert engine.run_round().rejected == 0


def _price(db: Database, lines: list[tuple[str, Decimal, int]]) -> list[int]:
    ids = _ids(db)
    with db.read() as session:
        cart = Cart()
        for sku, qty, price in lines:
            cart.add(CartLine(ids[sku], sku, "pcs", qty, price))
        store.reprice_cart(session, cart, LOCAL)
        return [line.total for line in cart.lines]


def _promo(ids: dict[str, int], percent: int) -> promotions.PromotionInput:
    return promotions.PromotionInput("Diskon kopi", PromoKind.PERCENT,
                                     [promotions.PromoTarget(product_id=ids["K1"])],
                                     percent=Decimal(percent))


def test_dus_grosir_promo_and_variant_reach_the_other_till(
        catalog_server: Catalog, shop_factory: Callable[[str], Database]) -> None:
    counter, booth, a, b, seller = _setup(catalog_server, shop_factory)
    ids = _ids(counter)
    with counter.unit_of_work() as session:
        pack_id = packs.add_pack(session, ids["M1"], packs.PackInput("dus", Decimal(40), 110_000,
                                                                     [DUS]))
        packs.set_tiers(session, ids["M1"], [packs.TierInput(Decimal(12), 2_800)])
        promo_id = promotions.create_promotion(session, _promo(ids, 10))
        promotions.update_promotion(session, promo_id, _promo(ids, 20))
        variants.make_parent(session, ids["KB"], ["Ukuran"])
        variants.add_variant(session, ids["KB"], ["L"])
    _rounds(a, b)
    with booth.read() as session:
        hit = find_by_code(session, DUS)  # the booth scans the dus barcode: one dus, its price
        assert hit is not None and (hit.name, hit.pack_name, hit.pack_factor, hit.pack_price) == (
            "Indomie Goreng", "dus", Decimal(40), 110_000)
        batik = ensure_category(session, "Batik")
        tiles = {t.hit.name: json.loads(t.hit.option_names or "[]")
                 for t in quick_tiles(session, batik)}
        assert tiles == {"Kemeja Batik": ["Ukuran"]}  # the parent, not its variant
        parent = _ids(booth)["KB"]
        assert [label for _hit, label in variants.variant_hits(session, parent)] == ["L"]
    # grosir from 12 on the booth; the counter's 20% off the kopi too
    assert _price(booth, [("M1", Decimal(12), 3_000), ("K1", Decimal(2), 3_500)]) == [
        33_600, 5_600] == _price(counter, [("M1", Decimal(12), 3_000), ("K1", Decimal(2), 3_500)])
    with counter.unit_of_work() as session:
        packs.archive_pack(session, pack_id)  # the dus is deleted on the counter
    _rounds(a, b)
    with booth.read() as session:
        hit = find_by_code(session, DUS)
        assert hit is None or hit.pack_id is None
        assert packs.packs_of(session, _ids(booth)["M1"]) == []
    office = shop_factory("office")  # joins later: from the snapshot, the pricing still comes
    catalog_server.enroll(office, seller, "Laptop kantor")
    _rounds(SyncEngine(office))
    assert _price(office, [("M1", Decimal(12), 3_000), ("K1", Decimal(2), 3_500)]) == [33_600, 5_600]
    for db in (counter, booth, office):
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Promotion)) == 1
            assert session.scalar(select(func.count()).select_from(ProductPack)) == 1
            assert set(session.scalars(select(OutboxOp.status))) <= {"acked"}


def test_concurrent_edits_on_both_tills_settle_on_the_one_made_last(
        catalog_server: Catalog, shop_factory: Callable[[str], Database]) -> None:
    counter, booth, a, b, _ = _setup(catalog_server, shop_factory)
    ids = _ids(counter)
    with counter.unit_of_work() as session:
        promo_id = promotions.create_promotion(session, _promo(ids, 10))
        packs.set_tiers(session, ids["M1"], [packs.TierInput(Decimal(12), 2_800)])
    _rounds(a, b)
    booth_ids = _ids(booth)
    with booth.read() as session:
        booth_promo = session.scalars(select(Promotion.id)).one()
    # offline, both edit the promotion and the tiers; the counter's edits are made later
    with booth.unit_of_work() as session:
        promotions.update_promotion(session, booth_promo, _promo(booth_ids, 30))
        packs.set_tiers(session, booth_ids["M1"], [packs.TierInput(Decimal(6), 2_900)])
    with counter.unit_of_work() as session:
        promotions.update_promotion(session, promo_id, _promo(ids, 25))
        packs.set_tiers(session, ids["M1"], [packs.TierInput(Decimal(24), 2_700)])
    _rounds(a, b, a)  # the booth pushes last: its older edits still lose
    lines = [("M1", Decimal(24), 3_000), ("K1", Decimal(4), 3_500)]
    assert _price(counter, lines) == _price(booth, lines) == [64_800, 10_500]
    for db in (counter, booth):
        with db.read() as session:
            assert [(t.min_qty, t.price) for t in packs.tiers_of(session, _ids(db)["M1"])] == [
                (Decimal(24), 2_700)]


def test_a_till_upgraded_after_the_others_still_gets_their_pricing(
        catalog_server: Catalog, shop_factory: Callable[[str], Database],
        monkeypatch: pytest.MonkeyPatch) -> None:
    counter, booth, a, b, _seller = _setup(catalog_server, shop_factory)
    ids = _ids(counter)
    with counter.unit_of_work() as session:
        packs.add_pack(session, ids["M1"], packs.PackInput("dus", Decimal(40), 110_000, [DUS]))
    with monkeypatch.context() as old_release:  # the booth still runs a release without it:
        old_release.delitem(CHANGE_PAYLOADS, "pricing.record")  # the change kind is unknown
        _rounds(a, b)
    with booth.read() as session:
        assert find_by_code(session, DUS) is None
    with booth.unit_of_work() as session:  # the upgrade: the flag of the first round is not set
        session.execute(delete(SyncState).where(SyncState.key == SHARED_KEY))
    _rounds(SyncEngine(booth))
    with booth.read() as session:
        hit = find_by_code(session, DUS)
        assert hit is not None and hit.pack_price == 110_000
