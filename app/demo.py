"""The demo shop (``main.py --demo``) and big seeded shops for benchmarks (``seed``)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app import catalog, held, inventory, orders, sales, settings, shop, users
from app.barcodes import make_ean13
from app.cart import Cart, CartLine, Discount
from app.clock import at_shop_time, local, now_utc
from app.demo_data import CATALOG, VARIANTS
from contract.enums import PaymentMethod
from models import Category, Product
from models.base import new_uuid

DEMO_SHOP = {
    "name": "Toko Berkah Jaya",
    "owner_name": "Bu Siti Aminah",
    "address": "Jl. Kenjeran No. 123, Surabaya",
    "phone": "0812-3456-7890",
    "device_code": "K1",
}


def _ean(rng: random.Random) -> str:
    return make_ean13("899" + "".join(str(rng.randint(0, 9)) for _ in range(9)))


def _round_price(value: float) -> int:
    return max(500, round(value / 500.0) * 500)


def _demo_products(rng: random.Random) -> list[tuple[str, catalog.ProductInput, Decimal]]:
    rows: list[tuple[str, catalog.ProductInput, Decimal]] = []
    sku = 1000
    for category, _colour, items in CATALOG:
        for name, unit, price, cost, weighed in items:
            sized = any(ch.isdigit() for ch in name)  # "Gula 1 kg" has no "Besar" variant
            plain = weighed or unit != "pcs" or sized
            variants = [("", 1.0)] if plain else [("", 1.0), *rng.sample(VARIANTS, 2)]
            for label, factor in variants:
                sku += 1
                full = f"{name} {label}".strip()
                craft = category in ("Kerajinan", "Batik & Kain") or full.startswith(("Es ", "Kopi Susu"))
                data = catalog.ProductInput(
                    sku=f"BJ-{sku}", name=full, price=_round_price(price * factor),
                    cost=_round_price(cost * factor) if cost else 0, unit=unit,
                    sold_by_weight=weighed, barcodes=[] if craft or weighed else [_ean(rng)],
                    min_stock=Decimal(5), published=rng.random() < 0.7,
                    favourite=craft or weighed or rng.random() < 0.05,
                )
                levels = [0, 3, 8, 12, 24, 40, 60, 120]
                stock = Decimal("25.500") if weighed else Decimal(rng.choice(levels))
                rows.append((category, data, stock))
    return rows

# The static QRIS of the demo shop's sticker: shaped like a BCA merchant QR (invented PAN, merchant
# id and NMID), CRC-16/CCITT-FALSE checked by contract.qris.parse (tests/ui/test_pay_rounding_qris.py).
DEMO_QRIS = (
    "00020101021126650013ID.CO.BCA.WWW011893600014000001234502150008850012345670303UMI"
    "51440014ID.CO.QRIS.WWW0215ID10261234567890303UMI5204541153033605802ID"
    "5916TOKO BERKAH JAYA6008SURABAYA61056011162060702K16304817C"
)


def build_demo(session: Session, seed: int = 7) -> None:
    """Fill an empty shop file with the demo shop: ~200 products, stock, users, past sales."""
    rng = random.Random(seed)
    shop.update_profile(session, **DEMO_SHOP)
    shop.ensure_channels(session)
    shop.create_event(session, "Bazar UMKM Balai Kota")
    shop.add_bank_account(session, "BCA", "1234567890", "Siti Aminah")
    settings.set_value(session, "qris.static_payload", DEMO_QRIS)  # F3 at the till shows a QR
    owner = users.create_user(session, "Siti", "owner", "1234")
    users.create_user(session, "Rina", "cashier", "1111")
    cats: dict[str, Category] = {}
    for cat_name, colour, _items in CATALOG:
        cats[cat_name] = Category(name=cat_name, color=colour)
        session.add(cats[cat_name])
    session.flush()
    for cat_name, data, stock in _demo_products(rng):
        data.category_id = cats[cat_name].id
        pid = catalog.create_product(session, data)
        if stock > 0:
            inventory.receive(session, pid, stock, data.cost, note="Stok awal", user_id=owner)
    _past_sales(session, rng, owner)


def _past_sales(session: Session, rng: random.Random, cashier: int) -> None:
    products = list(session.scalars(select(Product).where(Product.on_hand > 10)))
    channels = shop.channels(session)
    now = now_utc()
    for i in range(160):
        when = _shop_hours_time(rng, now)
        cart = Cart(channel_id=rng.choice(channels[:2]).id)
        for product in rng.sample(products, rng.randint(1, 4)):
            qty = Decimal("0.5") if product.sold_by_weight else Decimal(rng.randint(1, 3))
            cart.add(CartLine(product.id, product.name, product.unit, qty, product.price,
                              product.sold_by_weight))
        if i % 9 == 0:
            cart.discount = Discount("percent", Decimal(5))
        method = PaymentMethod.CASH if i % 5 else PaymentMethod.QRIS
        tendered = ((cart.total // 50000) + 1) * 50000 if method == PaymentMethod.CASH else None
        result = sales.checkout(session, cart, [sales.PaymentInput(method, cart.total, tendered)],
                                cashier_id=cashier, now=when)
        if method == PaymentMethod.QRIS:  # the seller saw the money arrive in the bank app
            payment = sales.get_order(session, result.order_id).payments[0]
            orders.confirm_payment(session, payment.id, received=payment.amount,
                                   reference=f"QRIS {result.number}", user_id=cashier,
                                   when=when + timedelta(minutes=2))
    cart = Cart()
    for product in products[:2]:
        cart.add(CartLine(product.id, product.name, product.unit, Decimal(1), product.price))
    held.hold(session, cart, "Bapak baju biru")


def _shop_hours_time(rng: random.Random, now: datetime) -> datetime:
    """A moment in the last three weeks while the shop is open (08:00–21:00 shop time)."""
    while True:
        day = local(now).date() - timedelta(days=rng.randint(0, 20))
        moment = at_shop_time(day, time(rng.randint(8, 20), rng.randint(0, 59)))
        if moment < now:
            return moment.astimezone(UTC)


def seed_products(session: Session, count: int, seed: int = 11) -> int:
    """Add ``count`` generated products (bulk, with barcodes and an initial stock movement)."""
    rng = random.Random(seed)
    base = [(n, u, p, c, w) for _cat, _col, items in CATALOG for n, u, p, c, w in items]
    start = int(session.scalar(select(func.count()).select_from(Product)) or 0)
    words = ["Super", "Hemat", "Asli", "Premium", "Spesial", "Lokal", "Istimewa", "Murni", "Segar", "Jaya"]
    conn = session.connection()
    now = now_utc().replace(tzinfo=None)
    for chunk in range(0, count, 5000):
        prows, brows, mrows = [], [], []
        for i in range(chunk, min(count, chunk + 5000)):
            n = start + i + 1
            name, unit, price, cost, weighed = base[i % len(base)]
            full = f"{name} {rng.choice(words)} {n}"
            prows.append({"sku": f"S{n:07d}", "name": full, "unit": unit, "w": weighed,
                          "price": price + (n % 7) * 500, "cost": cost, "uuid": new_uuid(),
                          "onhand": 50_000, "now": now})
        conn.execute(text(
            "INSERT INTO products (uuid, sku, name, unit, sold_by_weight, price, cost, min_stock, "
            "on_hand, archived, published, favourite, has_history, created_at, updated_at) VALUES "
            "(:uuid, :sku, :name, :unit, :w, :price, :cost, 5000, :onhand, 0, 1, 0, 1, :now, :now)"
        ), prows)
        first = {"a": prows[0]["sku"]}
        ids: dict[str, int] = {
            sku: pid for sku, pid in conn.execute(text("SELECT sku, id FROM products WHERE sku >= :a"), first)
        }
        for row in prows:
            pid = ids[str(row["sku"])]
            brows.append({"code": make_ean13(f"{pid:012d}"), "pid": pid})
            mrows.append({"uuid": new_uuid(), "pid": pid, "now": now})
        conn.execute(text("INSERT INTO barcodes (code, product_id) VALUES (:code, :pid)"), brows)
        conn.execute(text(
            "INSERT INTO stock_movements (uuid, product_id, kind, qty, reason, note, device, remote, "
            "created_at) VALUES (:uuid, :pid, 'initial', 50000, '', 'seed', '', 0, :now)"), mrows)
    return count
