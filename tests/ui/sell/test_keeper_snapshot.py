"""The copy of the cart the kept-cart writer saves (ui.sell.keeper.snapshot): what the cart was
when it was taken, whatever the till changes afterwards."""

from __future__ import annotations

from decimal import Decimal

from app.cart import Cart, CartLine, Discount
from app.pricing.engine import AppliedPromo
from ui.sell.keeper import snapshot


def _cart() -> Cart:
    cart = Cart(note="dibungkus", channel_id=2, group="grosir",
                discount=Discount("amount", Decimal(500)))
    cart.add(CartLine(1, "Beras Rojolele 5 kg", "pcs", Decimal(2), 78_000,
                      discount=Discount("percent", Decimal(10)), tier_note="Grosir ≥2",
                      promos=(AppliedPromo(7, "Beli 2 gratis 1", 3_500, 1),)))
    cart.add(CartLine(2, "Indomie Goreng", "pcs", Decimal(1), 120_000, pack_id=4,
                      pack_name="dus", factor=Decimal(40)))
    cart.add(CartLine(3, "Cabai Merah", "kg", Decimal("0.25"), 48_000, sold_by_weight=True))
    return cart


def test_the_snapshot_is_the_cart_and_stays_as_it_was() -> None:
    cart = _cart()
    copy = snapshot(cart)
    kept = cart.to_json()
    assert copy == cart and copy.to_json() == kept
    first = cart.lines[0]
    first.qty += 1  # the till's changes: quantities, discounts, new and removed lines
    first.discount.value = Decimal(20)
    first.discount.kind = "amount"
    first.promos = ()
    cart.discount.value = Decimal(0)
    cart.note = "tanpa plastik"
    cart.lines.pop(1)
    cart.add(CartLine(9, "Garam", "pcs", Decimal(1), 4_000))
    assert copy.to_json() == kept
    assert copy.lines[0].discount == Discount("percent", Decimal(10)) and len(copy.lines) == 3
