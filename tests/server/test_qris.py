"""The server's QRIS module: CRC, strict TLV parsing, static → dynamic."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from server import _qris
from tests.server.helpers import sample_qris


def test_crc_check_value() -> None:
    assert _qris.crc16(b"123456789") == "29B1"


def test_static_payload_is_accepted_and_bad_crc_refused() -> None:
    static = sample_qris()
    assert _qris.verify_static(static) == static
    broken = static[:-4] + ("0000" if not static.endswith("0000") else "1111")
    with pytest.raises(_qris.QrisError, match="CRC"):
        _qris.verify_static(broken)


def test_static_with_amount_or_missing_tags_refused() -> None:
    dynamic = _qris.to_dynamic(sample_qris(), 5000)
    with pytest.raises(_qris.QrisError, match="54"):
        _qris.verify_static(dynamic)
    body = _qris.encode_tlv([("00", "01"), ("01", "11"), ("58", "ID")]) + "6304"
    with pytest.raises(_qris.QrisError, match="wajib"):
        _qris.verify(body + _qris.crc16(body.encode()))


@given(st.integers(min_value=1, max_value=_qris.QRIS_MAX_AMOUNT))
def test_dynamic_payload_round_trips(amount: int) -> None:
    dynamic = _qris.to_dynamic(sample_qris(), amount)
    items = _qris.verify(dynamic)
    tags = [tag for tag, _ in items]
    assert dict(items)["54"] == str(amount)
    assert dict(items)["01"] == "12"
    assert tags.index("54") < tags.index("58")
    assert not {"55", "56", "57"} & set(tags)
    assert len(dynamic[-4:]) == 4 and dynamic[-4:] == dynamic[-4:].upper()


@pytest.mark.parametrize("amount", [0, -5, _qris.QRIS_MAX_AMOUNT + 1])
def test_amount_limits(amount: int) -> None:
    with pytest.raises(_qris.QrisError):
        _qris.to_dynamic(sample_qris(), amount)


@given(st.text(max_size=80))
def test_parser_never_crashes(text: str) -> None:
    with contextlib.suppress(_qris.QrisError):
        _qris.verify(text)
