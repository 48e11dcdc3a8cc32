"""Promotions: create, edit, switch on/off and list the rules the pricing engine applies.

Kinds (:class:`contract.enums.PromoKind`): beli X gratis Y, harga paket (bundle), diskon
persen and potongan rupiah, on products or whole categories, in a window of dates, weekdays
and hours (shop local time; 22:00–02:00 wraps past midnight), optionally only in one sales
channel or event, stackable or not, with a priority. :mod:`app.pricing` reads these rows;
this module only writes them, checking every field with a message that names it.
Functions take a session and do not commit; the caller's unit of work does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.errors import NotFoundError, ValidationError
from app.money import MAX_AMOUNT
from app.sync.pricing import share_promotion, share_promotion_deleted
from contract.enums import PromoKind
from models import Category, Product, Promotion, PromotionItem, SalesChannel

ALL_DAYS = "1234567"
MAX_ITEMS = 500
DAY_MINUTES = 24 * 60


@dataclass
class PromoTarget:
    """What a promotion covers: a product or a category (``qty``: how many in a bundle)."""

    product_id: int | None = None
    category_id: int | None = None
    qty: int = 1


@dataclass
class PromotionInput:
    """A promotion as the owner fills it in (see :func:`validate`)."""

    name: str
    kind: PromoKind
    targets: list[PromoTarget] = field(default_factory=list)
    buy_qty: int = 0
    free_qty: int = 0
    bundle_price: int = 0
    percent: Decimal = Decimal(0)
    amount: int = 0
    starts_on: date | None = None
    ends_on: date | None = None
    weekdays: str = ALL_DAYS
    from_minute: int | None = None
    to_minute: int | None = None
    channel_id: int | None = None
    stackable: bool = False
    priority: int = 0
    active: bool = True


@dataclass(frozen=True)
class PromotionView:
    """A promotion as the list shows it."""

    id: int
    name: str
    kind: PromoKind
    active: bool
    starts_on: date | None
    ends_on: date | None
    targets: int
    priority: int


def _whole(value: object, field_name: str, label: str, minimum: int, maximum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError("{label} harus bilangan bulat.", field=field_name, label=label)
    if not minimum <= value <= maximum:
        raise ValidationError("{label} harus antara {value} dan {count}.", field=field_name,
                              label=label, value=minimum, count=maximum)
    return value


def _check_rule(data: PromotionInput) -> None:
    if data.kind == PromoKind.BUY_GET:
        _whole(data.buy_qty, "buy_qty", "Jumlah beli", 1, 1000)
        _whole(data.free_qty, "free_qty", "Jumlah gratis", 1, 1000)
    elif data.kind == PromoKind.BUNDLE:
        _whole(data.bundle_price, "bundle_price", "Harga paket", 1, MAX_AMOUNT)
        for target in data.targets:
            _whole(target.qty, "targets", "Jumlah barang dalam paket", 1, 1000)
        if sum(t.qty for t in data.targets) < 2:
            raise ValidationError("Paket berisi paling sedikit 2 barang.", field="targets")
    elif data.kind == PromoKind.PERCENT:
        percent = Decimal(str(data.percent))
        if not percent.is_finite() or not 0 < percent <= 100 or percent != percent.quantize(
                Decimal("0.01")):
            raise ValidationError("Diskon persen harus lebih dari 0 sampai 100 (maks. 2 desimal).",
                                  field="percent")
        data.percent = percent
    else:
        _whole(data.amount, "amount", "Potongan rupiah", 1, MAX_AMOUNT)


def _check_window(data: PromotionInput) -> None:
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        raise ValidationError("Tanggal selesai tidak boleh sebelum tanggal mulai.", field="ends_on")
    days = "".join(sorted(set(data.weekdays)))
    if not days or any(ch not in ALL_DAYS for ch in days):
        raise ValidationError("Pilih paling sedikit satu hari.", field="weekdays")
    data.weekdays = days
    if (data.from_minute is None) != (data.to_minute is None):
        raise ValidationError("Isi jam mulai dan jam selesai, atau kosongkan keduanya.",
                              field="from_minute")
    if data.from_minute is not None and data.to_minute is not None:
        _whole(data.from_minute, "from_minute", "Jam mulai (menit)", 0, DAY_MINUTES - 1)
        _whole(data.to_minute, "to_minute", "Jam selesai (menit)", 0, DAY_MINUTES - 1)
        if data.from_minute == data.to_minute:
            raise ValidationError("Jam mulai dan jam selesai tidak boleh sama.", field="to_minute")


def validate(data: PromotionInput) -> PromotionInput:
    """Check and normalise a promotion's fields; raises ValidationError naming the field."""
    data.name = " ".join(data.name.split())
    if not 2 <= len(data.name) <= 80:
        raise ValidationError("Nama promo wajib diisi (2–80 karakter).", field="name")
    try:
        data.kind = PromoKind(data.kind)
    except ValueError:
        raise ValidationError("Jenis promo tidak dikenal.", field="kind") from None
    if not data.targets:
        raise ValidationError("Pilih produk atau kategori yang kena promo.", field="targets")
    if len(data.targets) > MAX_ITEMS:
        raise ValidationError("Paling banyak {count} produk/kategori per promo.", field="targets",
                              count=MAX_ITEMS)
    for target in data.targets:
        if (target.product_id is None) == (target.category_id is None):
            raise ValidationError("Tiap baris promo berisi satu produk atau satu kategori.",
                                  field="targets")
    _check_rule(data)
    _check_window(data)
    _whole(data.priority, "priority", "Prioritas", -1000, 1000)
    return data


def _expand(session: Session, targets: list[PromoTarget]) -> list[PromoTarget]:
    """Check the targets exist. A variant parent is kept as itself: the pricing rules read
    it as all its variants at the time of the sale (:func:`app.pricing.store.load_rules`),
    so a variant added after the promotion was saved is covered too."""
    out: list[PromoTarget] = []
    for target in targets:
        if target.category_id is not None:
            if session.get(Category, target.category_id) is None:
                raise ValidationError("Kategori promo tidak ditemukan.", field="targets")
            out.append(target)
            continue
        product = session.get(Product, target.product_id)
        if product is None:
            raise ValidationError("Produk promo #{product_id} tidak ditemukan.", field="targets",
                                  product_id=target.product_id)
        if product.option_names and session.scalar(
                select(Product.id).where(Product.parent_id == product.id).limit(1)) is None:
            raise ValidationError("Produk induk itu belum punya varian.", field="targets")
        out.append(target)
    return list({(t.product_id, t.category_id): t for t in out}.values())


def _write(session: Session, promo: Promotion, data: PromotionInput) -> None:
    if data.channel_id is not None and session.get(SalesChannel, data.channel_id) is None:
        raise ValidationError("Kanal/acara promo tidak ditemukan.", field="channel_id")
    targets = _expand(session, data.targets)
    for name in ("name", "buy_qty", "free_qty", "bundle_price", "amount", "starts_on", "ends_on",
                 "weekdays", "from_minute", "to_minute", "channel_id", "stackable", "priority",
                 "active"):
        setattr(promo, name, getattr(data, name))
    promo.kind = str(data.kind)
    promo.percent = Decimal(data.percent)
    session.flush()
    session.execute(delete(PromotionItem).where(PromotionItem.promotion_id == promo.id))
    session.add_all(PromotionItem(promotion_id=promo.id, product_id=t.product_id,
                                  category_id=t.category_id, qty=Decimal(t.qty)) for t in targets)
    session.flush()


def create_promotion(session: Session, data: PromotionInput) -> int:
    """Create a promotion after validation; returns its id."""
    validate(data)
    promo = Promotion(name=data.name, kind=str(data.kind))
    session.add(promo)
    _write(session, promo, data)
    share_promotion(session, promo)
    return promo.id


def get_promotion(session: Session, promo_id: int) -> Promotion:
    """The promotion with this id, or NotFoundError."""
    promo = session.get(Promotion, promo_id)
    if promo is None:
        raise NotFoundError("Promo #{promo_id} tidak ditemukan.", promo_id=promo_id)
    return promo


def update_promotion(session: Session, promo_id: int, data: PromotionInput) -> None:
    """Edit a promotion (its items are replaced)."""
    promo = get_promotion(session, promo_id)
    validate(data)
    _write(session, promo, data)
    share_promotion(session, promo)


def set_active(session: Session, promo_id: int, active: bool) -> None:
    """Switch a promotion on or off."""
    get_promotion(session, promo_id).active = active
    session.flush()
    share_promotion(session, get_promotion(session, promo_id))


def delete_promotion(session: Session, promo_id: int) -> None:
    """Delete a promotion (sold lines keep their discount; their promotion id then names none)."""
    share_promotion_deleted(session, get_promotion(session, promo_id))
    session.delete(get_promotion(session, promo_id))
    session.flush()


def input_from_promotion(session: Session, promo_id: int) -> PromotionInput:
    """A PromotionInput prefilled from a stored promotion (for editing)."""
    p = get_promotion(session, promo_id)
    items = session.scalars(select(PromotionItem).where(PromotionItem.promotion_id == promo_id)
                            .order_by(PromotionItem.id))
    targets = [PromoTarget(i.product_id, i.category_id, int(i.qty)) for i in items]
    return PromotionInput(
        name=p.name, kind=PromoKind(p.kind), targets=targets, buy_qty=int(p.buy_qty),
        free_qty=int(p.free_qty), bundle_price=p.bundle_price, percent=Decimal(p.percent),
        amount=p.amount, starts_on=p.starts_on, ends_on=p.ends_on, weekdays=p.weekdays,
        from_minute=p.from_minute, to_minute=p.to_minute, channel_id=p.channel_id,
        stackable=p.stackable, priority=p.priority, active=p.active)


def list_promotions(session: Session) -> list[PromotionView]:
    """Every promotion: active first, then by priority and name."""
    counts: dict[int, int] = {}
    for pid in session.scalars(select(PromotionItem.promotion_id)):
        counts[pid] = counts.get(pid, 0) + 1
    rows = session.scalars(select(Promotion))
    views = [PromotionView(p.id, p.name, PromoKind(p.kind), p.active, p.starts_on, p.ends_on,
                           counts.get(p.id, 0), p.priority) for p in rows]
    return sorted(views, key=lambda v: (not v.active, -v.priority, v.name.lower(), v.id))


def channel_choices(session: Session) -> list[tuple[int, str]]:
    """The sales channels and events a promotion may be limited to, as (id, name)."""
    rows = session.execute(select(SalesChannel.id, SalesChannel.name).order_by(SalesChannel.id))
    return [(int(cid), str(name)) for cid, name in rows]


def target_titles(session: Session, targets: list[PromoTarget]) -> list[str]:
    """What each target is called in the editor: "Teh Botol (TH-1)" or "Kategori: Minuman"."""
    pids = [t.product_id for t in targets if t.product_id is not None]
    products = {int(i): f"{n} ({s})" for i, n, s in session.execute(
        select(Product.id, Product.name, Product.sku).where(Product.id.in_(pids)))}
    cats = dict(session.execute(select(Category.id, Category.name)).all())
    return [products.get(t.product_id, "?") if t.product_id is not None
            else f"Kategori: {cats.get(t.category_id or 0, '?')}" for t in targets]
