"""The server prices an online line as the shop's till prices a public buyer's line: for any
tiers (some for a customer group) and any quantity, the same unit or pack price (issue 17)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from app.money import line_total
from app.pricing.engine import LineIn, tier_for
from app.pricing.rules import Tier, rules_of
from contract.quantity import milli_qty
from contract.sync import Offer
from server.orders.pricing import price_for

LIST_PRICE, DUS_PRICE, DUS_ID = 3_500, 150_000, 7

tiers = st.lists(st.tuples(st.sampled_from(["", "dus"]), st.integers(1, 60_000),
                           st.integers(1, 200_000), st.sampled_from(["", "", "reseller"])),
                 max_size=6)


@settings(max_examples=150, deadline=None)
@given(found=tiers, pack=st.sampled_from(["", "dus"]), milli=st.integers(1, 80_000))
def test_the_server_and_the_till_pick_the_same_price(
        found: list[tuple[str, int, int, str]], pack: str, milli: int) -> None:
    offer = Offer.model_validate({
        "packs": [{"name": "dus", "factor": "40", "price": DUS_PRICE}],
        "tiers": [{"pack": p, "min_qty": f"{m / 1000:.3f}", "price": price, "group": g}
                  for p, m, price, g in found]})
    rules = rules_of([Tier(1, milli_qty(m), price, g, DUS_ID if p else None)
                      for p, m, price, g in found], [])
    own = DUS_PRICE if pack else LIST_PRICE
    line = LineIn(1, milli_qty(milli), own, DUS_ID if pack else None,
                  Decimal(40) if pack else Decimal(1))
    till = tier_for(rules, line, milli_qty(milli), "")
    server = price_for(offer, LIST_PRICE, "pcs", pack, milli)
    assert server.price == (till.price if till is not None else own)
    assert server.total(milli) == line_total(milli_qty(milli), server.price)
    assert server.base_milli(milli) == milli * (40 if pack else 1)
