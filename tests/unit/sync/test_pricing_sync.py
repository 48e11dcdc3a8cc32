"""Packs, tiers, variants and promotions between a shop's devices (``pricing.record``): shared
in the writer's transaction, merged last-writer-wins per record, references by uuid; both
devices converge whatever order (and however often) the changes arrive."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import delete, func, select, update

from app import packs, promotions, variants
from app.cart import Cart, CartLine
from app.catalog import ProductInput, create_product, find_by_code
from app.categories import ensure_category
from app.db import Database, open_database
from app.pricing import store
from app.sync import pricing
from app.sync.apply import apply_changes
from app.sync.pricing import share_unshared
from app.sync.rejected import list_rejected
from app.tiles import quick_tiles
from contract.enums import PromoKind
from contract.pricing import PricingRecordPayload
from models import OutboxOp, PriceTier, Product, ProductPack, Promotion, PromotionItem, SyncState

KIND = "pricing.record"
LOCAL = datetime(2026, 11, 30, 10, 0)  # a Monday, 10:00 shop time


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated shop file with Indomie and Kopi (same uuids on every copy)."""
    path = tmp_path_factory.mktemp("pricing") / "template.sqlite"
    db = open_database(path)
    with db.unit_of_work() as session:
        batik = ensure_category(session, "Batik")
        for sku, name, price in (("M1", "Indomie Goreng", 3_000), ("K1", "Kopi Kapal Api", 3_500),
                                 ("KB", "Kemeja Batik", 150_000)):
            create_product(session, ProductInput(sku=sku, name=name, price=price,
                                                 category_id=batik if sku == "KB" else None))
    db.close()
    return path


def _device(template: Path, folder: Path, name: str) -> Database:
    """A copy of the template as one device: its own clock node, an empty outbox."""
    path = folder / f"{name}-{uuid.uuid4().hex[:8]}.sqlite"
    shutil.copy(template, path)
    db = open_database(path)
    with db.unit_of_work() as session:
        session.execute(delete(OutboxOp))
        session.execute(delete(SyncState).where(SyncState.key.in_(("hlc_node", "hlc_last"))))
    return db


@pytest.fixture
def pair(template: Path, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """A counter and a booth laptop of one shop."""
    a, b = _device(template, tmp_path, "counter"), _device(template, tmp_path, "booth")
    yield a, b
    a.close()
    b.close()


def _ids(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {sku: int(i) for sku, i in session.execute(select(Product.sku, Product.id))}


def _drain(db: Database) -> list[dict[str, Any]]:
    """The pricing ops queued on a device (marked sent), as server changes."""
    with db.unit_of_work() as session:
        ops = list(session.scalars(select(OutboxOp).where(OutboxOp.status == "pending",
                                                          OutboxOp.kind == KIND)
                                   .order_by(OutboxOp.seq)))
        for op in ops:
            op.status = "acked"
        return [{"seq": 0, "kind": op.kind, "origin_device_id": 1,
                 "payload": json.loads(op.payload)} for op in ops]


def _deliver(db: Database, changes: list[dict[str, Any]]) -> None:
    with db.unit_of_work() as session:
        apply_changes(session, [c | {"seq": i + 1} for i, c in enumerate(changes)])


def _state(db: Database) -> dict[str, Any]:
    """Every synced pricing record on the device, by uuid, with local ids left out."""
    with db.read() as session:
        uuid_of = dict(session.execute(select(Product.id, Product.uuid)).all())
        pack_uuid = dict(session.execute(select(ProductPack.id, ProductPack.uuid)).all())
        out: dict[str, Any] = {"packs": {}, "tiers": {}, "variants": {}, "promos": {}}
        for p in session.scalars(select(ProductPack)):
            out["packs"][p.uuid] = (uuid_of[p.product_id], p.name, p.factor, p.price, p.archived,
                                    p.stamp, sorted(pricing.pack_fields(session, p)["barcodes"]))
        for t in session.scalars(select(PriceTier)):
            out["tiers"].setdefault(uuid_of[t.product_id], []).append(
                (pack_uuid.get(t.pack_id or 0), t.group_name, t.min_qty, t.price))
        out["tiers"] = {k: sorted(v, key=str) for k, v in out["tiers"].items()}
        for v in session.scalars(select(Product).where(Product.variant_stamp.is_not(None))):
            out["variants"][v.uuid] = (uuid_of.get(v.parent_id or 0), v.option_names, v.options)
        for promo in session.scalars(select(Promotion)):
            fields = pricing.promotion_fields(session, promo)
            fields["items"] = sorted(fields["items"], key=str)
            out["promos"][promo.uuid] = (fields, promo.stamp)
        return out


def _dus(session: Any, ids: dict[str, int]) -> int:
    pack_id = packs.add_pack(session, ids["M1"], packs.PackInput("dus", Decimal(40), 110_000,
                                                                 ["8990000000123"]))
    packs.set_tiers(session, ids["M1"], [packs.TierInput(Decimal(12), 2_800),
                                         packs.TierInput(Decimal(3), 105_000, pack="dus")])
    return pack_id


def _promo(ids: dict[str, int], percent: str = "10") -> promotions.PromotionInput:
    return promotions.PromotionInput("Diskon kopi", PromoKind.PERCENT,
                                     [promotions.PromoTarget(product_id=ids["K1"])],
                                     percent=Decimal(percent))


def test_share_stamps_the_pack_and_queues_one_checked_op(pair: tuple[Database, Database]) -> None:
    a, _b = pair
    ids = _ids(a)
    with a.unit_of_work() as session:
        pack_id = _dus(session, ids)
        pack = session.get(ProductPack, pack_id)
        assert pack is not None and pack.stamp
    changes = _drain(a)
    assert [c["payload"]["record"] for c in changes] == ["pack", "tiers"]
    fields = changes[0]["payload"]["fields"]
    assert (fields["name"], fields["factor"], fields["price"], fields["barcodes"]) == (
        "dus", "40", 110_000, ["8990000000123"])
    tiers = changes[1]["payload"]["fields"]["tiers"]
    assert {(t["pack_uuid"], t["min_qty"], t["price"]) for t in tiers} == {
        (None, "12", 2_800), (changes[0]["payload"]["uuid"], "3", 105_000)}


def test_dus_and_grosir_reach_the_other_device_once(pair: tuple[Database, Database]) -> None:
    a, b = pair
    ids = _ids(a)
    with a.unit_of_work() as session:
        _dus(session, ids)
    changes = _drain(a)
    _deliver(b, changes)
    with b.read() as session:
        hit = find_by_code(session, "8990000000123")
        assert hit is not None and (hit.id, hit.pack_name, hit.pack_factor, hit.pack_price) == (
            ids["M1"], "dus", Decimal(40), 110_000)
        cart = Cart()
        cart.add(CartLine(ids["M1"], "Indomie Goreng", "pcs", Decimal(12), 3_000))
        store.reprice_cart(session, cart, LOCAL)
        assert (cart.lines[0].unit_price, cart.total) == (2_800, 33_600)
    before = _state(b)
    _deliver(b, changes + changes)  # re-delivered: nothing changes, nothing doubles
    assert _state(b) == before == _state(a)
    with b.read() as session:
        assert session.scalar(select(func.count()).select_from(ProductPack)) == 1


def test_a_pack_deleted_on_one_device_disappears_on_the_other(
        pair: tuple[Database, Database]) -> None:
    a, b = pair
    ids = _ids(a)
    with a.unit_of_work() as session:
        pack_id = _dus(session, ids)
    _deliver(b, _drain(a))
    with a.unit_of_work() as session:
        packs.set_packs(session, ids["M1"], [])  # the editor removes the dus: it is archived
    _deliver(b, _drain(a))
    with b.read() as session:
        assert [p.name for p in packs.packs_of(session, ids["M1"])] == []
        hit = find_by_code(session, "8990000000123")
        assert hit is None or hit.pack_id is None
        assert [(t.pack, t.min_qty) for t in packs.tiers_of(session, ids["M1"])] == [
            ("", Decimal(12))]
    assert _state(a) == _state(b)
    assert pack_id


def test_promotion_edited_on_one_device_prices_the_other_and_deletion_sticks(
        pair: tuple[Database, Database]) -> None:
    a, b = pair
    ids = _ids(a)
    with a.unit_of_work() as session:
        promo_id = promotions.create_promotion(session, _promo(ids))
        promotions.update_promotion(session, promo_id, _promo(ids, "20"))
    edits = _drain(a)
    _deliver(b, edits)

    def kopi_total(db: Database) -> int:
        with db.read() as session:
            cart = Cart()
            cart.add(CartLine(ids["K1"], "Kopi Kapal Api", "pcs", Decimal(2), 3_500))
            store.reprice_cart(session, cart, LOCAL)
            return cart.total

    assert kopi_total(b) == kopi_total(a) == 5_600
    with a.unit_of_work() as session:
        promotions.delete_promotion(session, promo_id)
    deletion = _drain(a)
    _deliver(b, deletion + edits)  # the older edits arriving again never bring it back
    _deliver(a, edits + deletion)
    assert kopi_total(b) == kopi_total(a) == 7_000
    with b.read() as session:
        assert session.scalar(select(func.count()).select_from(Promotion)) == 0
        assert session.scalar(select(func.count()).select_from(PromotionItem)) == 0


def test_a_variant_made_on_one_device_shows_on_the_others_grid(
        pair: tuple[Database, Database]) -> None:
    a, b = pair
    ids = _ids(a)
    with a.unit_of_work() as session:
        variants.make_parent(session, ids["KB"], ["Ukuran"])
        variants.add_variant(session, ids["KB"], ["L"])
    records = _drain(a)
    assert [c["payload"]["record"] for c in records] == ["variant", "variant"]
    # the variant product itself travels as a product.edit: here it reaches B after its
    # variant record (a placeholder first, filled by the product's fields)
    with a.read() as session:
        product_ops = [json.loads(o.payload) for o in session.scalars(
            select(OutboxOp).where(OutboxOp.kind == "product.edit", OutboxOp.status == "pending"))]
    product_changes = [{"seq": 0, "kind": "product.fields", "origin_device_id": 1,
                        "payload": {"product_uuid": p["product_uuid"], "fields": p["fields"]}}
                       for p in product_ops]
    _deliver(b, records + product_changes)
    with b.read() as session:
        batik = ensure_category(session, "Batik")
        tiles = {t.hit.name: t.hit.option_names for t in quick_tiles(session, batik)}
        assert json.loads(tiles["Kemeja Batik"]) == ["Ukuran"]
        assert "Kemeja Batik — L" not in tiles
        assert [(hit.name, label) for hit, label in variants.variant_hits(session, ids["KB"])] == [
            ("Kemeja Batik — L", "L")]
        assert session.scalar(select(func.count()).select_from(Product)) == 4
    assert _state(a)["variants"] == _state(b)["variants"]


def test_pack_of_a_product_not_here_yet_resolves_when_it_arrives(
        pair: tuple[Database, Database]) -> None:
    a, b = pair
    with a.unit_of_work() as session:
        new_id = create_product(session, ProductInput(sku="TB", name="Teh Botol", price=4_000))
        packs.add_pack(session, new_id, packs.PackInput("krat", Decimal(24), 90_000, ["8990000000888"]))
        key = session.get(Product, new_id).uuid  # type: ignore[union-attr]
    with a.read() as session:
        fields = [json.loads(o.payload) for o in session.scalars(
            select(OutboxOp).where(OutboxOp.kind == "product.edit"))]
    _deliver(b, _drain(a))  # the pack first: its product is a placeholder
    _deliver(b, [{"seq": 0, "kind": "product.fields", "origin_device_id": 1,
                  "payload": {"product_uuid": f["product_uuid"], "fields": f["fields"]}}
                 for f in fields])
    with b.read() as session:
        product = session.scalars(select(Product).where(Product.uuid == key)).one()
        assert (product.name, product.price) == ("Teh Botol", 4_000)
        hit = find_by_code(session, "8990000000888")
        assert hit is not None and (hit.id, hit.pack_price) == (product.id, 90_000)


def test_rows_from_before_the_sync_are_shared_once(pair: tuple[Database, Database]) -> None:
    a, b = pair
    ids = _ids(a)
    with a.unit_of_work() as session:
        _dus(session, ids)
        promotions.create_promotion(session, _promo(ids))
        session.execute(update(ProductPack).values(stamp=None))
        session.execute(update(Product).values(tiers_stamp=None))
        session.execute(update(Promotion).values(stamp=None))
    _drain(a)  # as if these rows were written by release 0015: never shared
    with a.unit_of_work() as session:
        assert share_unshared(session) == 3
        assert share_unshared(session) == 0
    _deliver(b, _drain(a))
    assert _state(a) == _state(b)


@pytest.mark.parametrize("fields", [
    {"price": True}, {"price": 0}, {"price": "110000"}, {"factor": "0"}, {"factor": "1.2345"},
    {"factor": "-4"}, {"name": "d\u202eus"}, {"name": "x" * 21}, {"barcodes": ["1"]},
    {"product_uuid": "not-a-uuid"},
])
def test_contract_refuses_a_bad_pack(fields: dict[str, Any]) -> None:
    good = {"product_uuid": str(uuid.uuid4()), "name": "dus", "factor": "40", "price": 110_000}
    PricingRecordPayload(record="pack", uuid=uuid.uuid4(), stamp="0" * 16 + "-000000-n1",
                         fields=good)
    with pytest.raises(PydanticValidationError):
        PricingRecordPayload(record="pack", uuid=uuid.uuid4(), stamp="0" * 16 + "-000000-n1",
                             fields=good | fields)


@pytest.mark.parametrize("fields", [
    {"percent": "100.5"}, {"percent": True}, {"bundle_price": -1}, {"priority": 5000},
    {"items": [{"product_uuid": str(uuid.uuid4()), "category": "Minuman"}]},
    {"items": [{"category": "Minuman", "qty": "0"}]}, {"weekdays": "8"},
    {"starts_on": "2026-12-02", "ends_on": "2026-12-01"}, {"from_minute": 60},
])
def test_contract_refuses_a_bad_promotion(fields: dict[str, Any]) -> None:
    good = {"name": "Promo", "kind": "percent", "percent": "10",
            "items": [{"category": "Minuman"}]}
    PricingRecordPayload(record="promotion", uuid=uuid.uuid4(), stamp="0" * 16 + "-000000-n1",
                         fields=good)
    with pytest.raises(PydanticValidationError):
        PricingRecordPayload(record="promotion", uuid=uuid.uuid4(), stamp="0" * 16 + "-000000-n1",
                             fields=good | fields)


ACTIONS = st.sampled_from(["pack_price", "pack_archive", "pack_restore", "tiers", "promo_edit",
                           "promo_off", "promo_delete"])


def _edit(db: Database, action: str, value: int) -> None:
    ids = _ids(db)
    with db.unit_of_work() as session:
        pack_id = session.scalar(select(ProductPack.id).where(ProductPack.product_id == ids["M1"]))
        promo_id = session.scalar(select(Promotion.id))
        if action.startswith("pack") and pack_id is not None:
            pack = session.get(ProductPack, pack_id)
            assert pack is not None
            if action == "pack_price" and not pack.archived:
                packs.update_pack(session, pack_id, packs.PackInput(
                    "dus", Decimal(40), 100_000 + value, list(pricing.pack_fields(session, pack)
                                                              ["barcodes"])))
            elif action == "pack_archive" or (action == "pack_restore" and pack.archived):
                packs.archive_pack(session, pack_id, action == "pack_archive")
        elif action == "tiers":
            packs.set_tiers(session, ids["M1"], [packs.TierInput(Decimal(6 + value % 10),
                                                                 2_000 + value % 900)])
        elif promo_id is not None and action == "promo_edit":
            promotions.update_promotion(session, promo_id, _promo(ids, str(1 + value % 50)))
        elif promo_id is not None and action == "promo_off":
            promotions.set_active(session, promo_id, value % 2 == 0)
        elif promo_id is not None:
            promotions.delete_promotion(session, promo_id)


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.booleans(), ACTIONS, st.integers(0, 999)), min_size=1,
                      max_size=6),
       order=st.randoms(use_true_random=False))
def test_two_devices_converge_whatever_order_changes_arrive(
        template: Path, tmp_path: Path, edits: list[tuple[bool, str, int]], order: Any) -> None:
    a, b = _device(template, tmp_path, "a"), _device(template, tmp_path, "b")
    try:
        ids = _ids(a)
        with a.unit_of_work() as session:
            _dus(session, ids)
            promotions.create_promotion(session, _promo(ids))
        start = _drain(a)
        _deliver(b, start)
        _drain(b)
        for on_a, action, value in edits:  # offline: each device edits on its own copy
            _edit(a if on_a else b, action, value)
        everything = start + _drain(a) + _drain(b)
        for db in (a, b):
            shuffled = list(everything)
            order.shuffle(shuffled)
            _deliver(db, shuffled + shuffled[: len(shuffled) // 2])
        assert _state(a) == _state(b)
    finally:
        a.close()
        b.close()


def test_promotion_payload_days_and_channel_travel(pair: tuple[Database, Database]) -> None:
    a, b = pair
    ids = _ids(a)
    with a.unit_of_work() as session:
        channel = dict((name, cid) for cid, name in promotions.channel_choices(session))
        data = _promo(ids)
        data.starts_on, data.ends_on = date(2026, 12, 1), date(2026, 12, 31)
        data.from_minute, data.to_minute = 22 * 60, 2 * 60
        data.channel_id = next(iter(channel.values()))
        promotions.create_promotion(session, data)
    _deliver(b, _drain(a))
    assert _state(a)["promos"] == _state(b)["promos"]


def test_a_refused_pricing_record_is_named_in_the_refused_list(
        pair: tuple[Database, Database]) -> None:
    a, _b = pair
    ids = _ids(a)
    with a.unit_of_work() as session:
        _dus(session, ids)
        session.execute(update(OutboxOp).where(OutboxOp.kind == KIND)
                        .values(status="rejected", last_error="Isi op tidak valid."))
    with a.read() as session:
        refused = [(r.label, r.subject) for r in list_rejected(session)]
    assert refused == [("Kemasan, grosir, varian, promo", "dus"),
                       ("Kemasan, grosir, varian, promo", "Indomie Goreng")]
