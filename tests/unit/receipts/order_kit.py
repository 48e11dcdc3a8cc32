"""A small real shop for receipt tests (profile, cashier, bank account, products, checkouts)
and a fake network printer listening on 127.0.0.1.

Import as ``from tests.unit.receipts.order_kit import ...`` (also used by the
integration and UI printing tests).
"""

from __future__ import annotations

import binascii
import socket
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from app import catalog, inventory, sales, shop, users
from app.cart import Cart, CartLine, Discount
from app.db import Database
from models import Product

# 07:05 UTC is 14:05 WIB on the shop's clock.
SALE_TIME = datetime(2026, 11, 28, 7, 5, tzinfo=UTC)
LONG_NAME = "Minyak Goreng Sania Pouch 2 Liter Refill Hemat Isi Ulang"

# sku, name, price, weighed
PRODUCTS = (
    ("MG-2L", LONG_NAME, 35_000, False),
    ("KOPI-AREN", "Kopi Susu Gula Aren", 12_500, False),
    ("GULA-KG", "Gula Pasir Curah", 16_000, True),
    ("BATIK-01", "Batik Tulis Khas Suroboyo Katun Primisima", 1_250_000, False),
)


@dataclass(frozen=True)
class Shop:
    """Ids of what :func:`make_shop` created."""

    cashier_id: int
    bank_account_id: int
    event_id: int
    product_ids: tuple[int, ...]


def make_shop(db: Database) -> Shop:
    """A shop with a profile, a cashier, a BCA account, an event and stocked products."""
    with db.unit_of_work() as session:
        shop.update_profile(session, name="Toko Berkah Jaya",
                            address="Jl. Kertajaya Indah No. 12, Surabaya",
                            phone="0812-3456-7890", device_code="K1")
        shop.ensure_channels(session)
        event_id = shop.create_event(session, "Bazar UMKM Balai Kota")
        account = shop.add_bank_account(session, "BCA", "1234567890", "Sari Wulandari")
        cashier = users.create_user(session, "Sari", "cashier", "1234")
        ids = []
        for sku, name, price, weighed in PRODUCTS:
            data = catalog.ProductInput(sku=sku, name=name, price=price,
                                        unit="kg" if weighed else "pcs", sold_by_weight=weighed)
            pid = catalog.create_product(session, data)
            inventory.receive(session, pid, Decimal(50))
            ids.append(int(pid))
    return Shop(int(cashier), account, event_id, tuple(ids))


def full_cart(session: Session, kit: Shop) -> Cart:
    """Every product: 2 x oil with Rp5.000 off, 1 kopi, 1,5 kg gula, 1 batik; Rp2.000 off."""
    qtys = ("2", "1", "1.5", "1")
    cart = Cart(discount=Discount("amount", Decimal(2_000)))
    for pid, qty in zip(kit.product_ids, qtys, strict=True):
        product = session.get(Product, pid)
        assert product is not None
        cart.add(CartLine(product.id, product.name, product.unit, Decimal(qty), product.price,
                          product.sold_by_weight))
    cart.lines[0].discount = Discount("amount", Decimal(5_000))
    return cart


def checkout(db: Database, kit: Shop, payments: list[sales.PaymentInput] | None = None,
             channel_id: int | None = None) -> sales.CheckoutResult:
    """A committed checkout of :func:`full_cart`; default payment: cash with change."""
    with db.unit_of_work() as session:
        cart = full_cart(session, kit)
        cart.channel_id = channel_id
        total = cart.total
        pays = payments or [sales.PaymentInput("cash", total, tendered=(total // 50_000 + 1) * 50_000)]
        return sales.checkout(session, cart, pays, cashier_id=kit.cashier_id, now=SALE_TIME)


def cart_total(db: Database, kit: Shop) -> int:
    """The total of :func:`full_cart` (to build payments before checkout)."""
    with db.read() as session:
        return full_cart(session, kit).total


def _tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def static_qris() -> str:
    """A well-formed static QRIS payload (sticker) of a sample merchant."""
    merchant = _tlv("00", "ID.CO.QRIS.WWW") + _tlv("02", "ID1024345678901") + _tlv("03", "UMI")
    body = "".join([
        _tlv("00", "01"), _tlv("01", "11"), _tlv("51", merchant), _tlv("52", "5411"),
        _tlv("53", "360"), _tlv("58", "ID"), _tlv("59", "TOKO BERKAH JAYA"),
        _tlv("60", "SURABAYA"),
    ]) + "6304"
    return body + f"{binascii.crc_hqx(body.encode('ascii'), 0xFFFF):04X}"


class FakeNetworkPrinter:
    """A socket bound on 127.0.0.1: refuses connections until :meth:`start`, then keeps bytes.

    Bound first and listening later, so a test can show the printer "switched off"
    and then "switched on" on the very same port.
    """

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.received: list[bytes] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def port(self) -> int:
        """The loopback port of the printer."""
        return int(self.sock.getsockname()[1])

    def start(self) -> None:
        """Switch the printer on: accept connections and collect what arrives."""
        self.sock.listen(4)
        self._thread.start()

    def close(self) -> None:
        """Switch it off for good."""
        self.sock.close()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
                self.received.append(b"".join(chunks))

    def wait_for(self, count: int, timeout: float = 5.0) -> list[bytes]:
        """The jobs received once ``count`` arrived (or what arrived by ``timeout``)."""
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.received
