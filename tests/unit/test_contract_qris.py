"""One QRIS: the server's order QR and the desktop's sale QR are the same function of the same
static sticker, and what it makes parses back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.payments import service as desktop_payments
from app.receipts import from_order as desktop_receipts
from contract import qris
from server.orders import placement as server_orders
from server.sellers import service as server_sellers
from tests.server.helpers import sample_qris
from tests.unit.payments.qris_samples import ALL_STATIC

STICKERS = [*ALL_STATIC.values(), sample_qris()]


def test_both_sides_hold_the_one_codec() -> None:
    assert server_orders.to_dynamic is qris.to_dynamic
    assert server_orders.QrisError is qris.QrisError
    assert server_sellers.static_text is qris.static_text
    assert desktop_payments.qris is qris
    assert desktop_receipts.qris is qris


@given(st.sampled_from(STICKERS), st.integers(min_value=1, max_value=qris.MAX_AMOUNT))
def test_server_and_desktop_make_the_same_dynamic_payload(static: str, amount: int) -> None:
    from_server = server_orders.to_dynamic(static, amount)
    from_desktop = desktop_payments.qris.to_dynamic(static, amount)
    assert from_server == from_desktop
    parsed = qris.parse(from_server)
    assert parsed.is_dynamic and parsed.amount == amount
    assert qris.encode(parsed) == from_server
    kept = [o for o in qris.parse(static).objects if o.tag not in {"01", "54", "55", "56", "57", "63"}]
    assert [o for o in parsed.objects if o.tag not in {"01", "54", "63"}] == kept


def _without_tag_01(static: str) -> str:
    return qris.encode(o for o in qris.parse(static).objects if o.tag != "01")


@pytest.mark.parametrize("static", STICKERS)
def test_a_sticker_without_tag_01_is_static_and_gets_01_after_00(static: str) -> None:
    bare = _without_tag_01(static)
    parsed = qris.parse_static(bare)
    assert parsed.value("01") is None and not parsed.is_dynamic
    dynamic = qris.parse(qris.to_dynamic(bare, 12_500))
    assert [o.tag for o in dynamic.objects][:2] == ["00", "01"]
    assert dynamic.value("01") == "12" and dynamic.amount == 12_500
    assert qris.to_dynamic(bare, 12_500) == qris.to_dynamic(static, 12_500)


def test_a_tag_01_that_is_present_must_say_static_or_dynamic() -> None:
    objects = [qris.TlvObject("01", "13") if o.tag == "01" else o
               for o in qris.parse(sample_qris()).objects]
    with pytest.raises(qris.QrisError, match="11 atau 12"):
        qris.parse(qris.encode(objects))
