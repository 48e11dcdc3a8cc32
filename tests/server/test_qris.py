"""QRIS as the server uses it (the shared codec in contract.qris): CRC, strict TLV parsing,
a seller's static sticker, static → dynamic."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contract import qris
from tests.server.helpers import sample_qris


def test_crc_check_value() -> None:
    assert qris.crc_text("123456789") == "29B1"


def test_static_payload_is_accepted_and_bad_crc_refused() -> None:
    static = sample_qris()
    assert qris.encode(qris.parse_static(static)) == static
    broken = static[:-4] + ("0000" if not static.endswith("0000") else "1111")
    with pytest.raises(qris.QrisError, match="CRC"):
        qris.parse_static(broken)


def test_static_with_amount_or_missing_tags_refused() -> None:
    dynamic = qris.to_dynamic(sample_qris(), 5000)
    with pytest.raises(qris.QrisError, match="dinamis"):
        qris.parse_static(dynamic)
    with_amount = qris.encode([*qris.parse(sample_qris()).objects[:-1], qris.TlvObject("54", "5")])
    with pytest.raises(qris.QrisError, match="54"):
        qris.parse_static(with_amount)
    with pytest.raises(qris.QrisError, match="tag 52"):
        qris.parse(qris.encode([qris.TlvObject("00", "01"), qris.TlvObject("01", "11"),
                                qris.TlvObject("58", "ID")]))


@given(st.integers(min_value=1, max_value=qris.MAX_AMOUNT))
def test_dynamic_payload_round_trips(amount: int) -> None:
    dynamic = qris.to_dynamic(sample_qris(), amount)
    parsed = qris.parse(dynamic)
    tags = [item.tag for item in parsed.objects]
    assert parsed.value("54") == str(amount)
    assert parsed.value("01") == "12"
    assert tags.index("54") < tags.index("58")
    assert not {"55", "56", "57"} & set(tags)
    assert len(dynamic[-4:]) == 4 and dynamic[-4:] == dynamic[-4:].upper()


@pytest.mark.parametrize("amount", [0, -5, qris.MAX_AMOUNT + 1])
def test_amount_limits(amount: int) -> None:
    with pytest.raises(qris.QrisError):
        qris.to_dynamic(sample_qris(), amount)


@given(st.text(max_size=80))
def test_parser_never_crashes(text: str) -> None:
    with contextlib.suppress(qris.QrisError):
        qris.parse(text)
