"""QRIS: CRC, parse/encode round trip, static → dynamic conversion and refusals."""

from __future__ import annotations

import contextlib
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from qris_samples import ALL_STATIC, BRI, DANA, GOPAY, SHOPEE, bitwise_crc, tlv, with_crc

from app.errors import ValidationError
from contract import qris
from contract.qris import QrisError


def test_crc_check_value() -> None:
    assert qris.crc16_ccitt(b"123456789") == 0x29B1
    assert qris.crc_text("123456789") == "29B1"


@given(st.binary(max_size=300))
def test_crc_equals_independent_bitwise_crc(data: bytes) -> None:
    assert qris.crc16_ccitt(data) == bitwise_crc(data)


@pytest.mark.parametrize("name", sorted(ALL_STATIC))
def test_parse_encode_round_trip(name: str) -> None:
    payload = ALL_STATIC[name]
    parsed = qris.parse(payload)
    assert qris.encode(parsed) == payload
    assert qris.encode(parsed.objects) == payload
    assert parsed.objects[0].tag == "00" and parsed.objects[-1].tag == "63"
    assert not parsed.is_dynamic and parsed.amount is None


def test_parse_reads_nested_templates_and_display_helpers() -> None:
    parsed = qris.parse(GOPAY)
    account = parsed.get("26")
    assert account is not None
    assert [c.tag for c in account.children] == ["00", "01", "02", "03"]
    issuer = account.child("00")
    assert issuer is not None and issuer.value == "COM.GO-JEK.WWW"
    assert qris.merchant_name(GOPAY) == "WARUNG SAYUR BU SRI"
    assert qris.merchant_city(GOPAY) == "SURABAYA"
    assert qris.nmid(GOPAY) == "ID1024312345678"
    assert qris.nmid(SHOPEE) == "ID1023287654321"  # QRIS template in 27, no 51
    extra = parsed.get("62")
    assert extra is not None and extra.child("07") is not None


def test_parse_ignores_surrounding_whitespace_from_paste() -> None:
    assert qris.parse(f"  {BRI}\r\n").merchant_name == "TOKO BATIK SEKAR ARUM"


@pytest.mark.parametrize("name", sorted(ALL_STATIC))
@pytest.mark.parametrize("amount", [1, 125_345, 9_999_999, 10_000_000])
def test_to_dynamic_on_issuer_payloads(name: str, amount: int) -> None:
    static = ALL_STATIC[name]
    dynamic = qris.to_dynamic(static, amount)
    body, crc = dynamic[:-4], dynamic[-4:]
    assert body.endswith("6304")
    assert crc == f"{bitwise_crc(body.encode()):04X}"
    parsed = qris.parse(dynamic)
    assert parsed.value("01") == "12"
    assert parsed.value("54") == str(amount)
    assert parsed.amount == amount
    tags = [item.tag for item in parsed.objects]
    assert tags.index("54") == tags.index("53") + 1
    assert not {"55", "56", "57"} & set(tags)
    # everything else is carried over unchanged and in order
    source = qris.parse(static)
    kept = [o for o in source.objects if o.tag not in {"01", "54", "55", "56", "57", "63"}]
    assert [o for o in parsed.objects if o.tag not in {"01", "54", "63"}] == kept


def test_to_dynamic_exact_output_for_gopay() -> None:
    expected = with_crc(
        "000201010212"
        "26610014COM.GO-JEK.WWW01189360091401234567890210G1234567890303UMI"
        "51440014ID.CO.QRIS.WWW0215ID10243123456780303UMI52045812530336054061253455802ID"
        "5919WARUNG SAYUR BU SRI6008SURABAYA61056011162070703A01"
    )
    assert qris.to_dynamic(GOPAY, 125_345) == expected


def test_to_dynamic_never_touches_lookalike_substrings() -> None:
    dynamic = qris.to_dynamic(BRI, 50_456)
    extra = qris.parse(dynamic).get("62")
    assert extra is not None
    assert extra.value == "0510010211021107085802ID01"
    assert dynamic.count("5802ID") == 2


def test_to_dynamic_drops_tip_indicator() -> None:
    dynamic = qris.to_dynamic(DANA, 20_000)
    parsed = qris.parse(dynamic)
    assert parsed.get("55") is None
    tags = [o.tag for o in parsed.objects]
    assert tags[tags.index("53") + 1 : tags.index("53") + 3] == ["54", "58"]


def _static_with_terminal(label: str) -> str:
    return with_crc(
        "000201010211"
        + tlv("26", tlv("00", "ID.CO.BANKJATIM.WWW") + tlv("01", "936001140000123456"))
        + tlv("51", tlv("00", "ID.CO.QRIS.WWW") + tlv("02", "ID1025311122233"))
        + "520454995303360"
        + "5802ID5912UD MAJU JAYA6008SURABAYA"
        + tlv("62", tlv("07", label))
    )


def test_crc_below_0x1000_keeps_leading_zeros() -> None:
    static = next(
        p
        for p in (_static_with_terminal(f"T{n:04d}") for n in range(100_000))
        if int(p[-4:], 16) < 0x1000
    )
    assert static[-4] == "0"
    assert qris.parse(static).merchant_name == "UD MAJU JAYA"
    assert qris.encode(qris.parse(static)) == static
    # and an output whose CRC is below 0x100 (two leading zeros)
    dynamic = next(
        d
        for d in (qris.to_dynamic(GOPAY, amount) for amount in itertools.count(1000))
        if int(d[-4:], 16) < 0x100
    )
    assert dynamic[-4:-2] == "00" and len(dynamic[-4:]) == 4
    assert qris.parse(dynamic).is_dynamic


def test_already_dynamic_is_refused() -> None:
    dynamic = qris.to_dynamic(GOPAY, 15_000)
    with pytest.raises(QrisError, match="sudah dinamis"):
        qris.to_dynamic(dynamic, 20_000)


def test_static_with_amount_is_refused() -> None:
    payload = with_crc(GOPAY[:-8].replace("5303360", "5303360540515000", 1))
    with pytest.raises(QrisError, match="sudah berisi nominal"):
        qris.to_dynamic(payload, 20_000)


@pytest.mark.parametrize("cut", [1, 4, 8, 30, 120])
def test_truncated_payload_is_refused(cut: int) -> None:
    with pytest.raises(QrisError) as caught:
        qris.to_dynamic(GOPAY[:-cut], 10_000)
    assert "terpotong" in str(caught.value) or "63" in str(caught.value)


def test_corrupted_payload_names_both_crcs() -> None:
    corrupted = GOPAY.replace("BU SRI", "BU SRO")
    expected = f"{bitwise_crc(corrupted[:-4].encode()):04X}"
    with pytest.raises(QrisError) as caught:
        qris.parse(corrupted)
    assert str(caught.value) == f"CRC QRIS salah: tertulis 2BF5, seharusnya {expected}"
    assert isinstance(caught.value, ValidationError)


ACCOUNT = tlv("26", tlv("00", "ID.CO.QRIS.WWW"))
TAIL = "5901A6001B"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("", "kosong"),
        (GOPAY[:-4] + "2BFX", "heksadesimal"),
        (GOPAY[:-4] + "2bf5", "huruf besar"),
        (GOPAY.replace("SAYUR", "SAYÜR"), "karakter"),
        (with_crc("000201010211" + ACCOUNT + "5204581253033605802ID6001B"), "tag 59"),
        (with_crc("000201010211" + "520458125303360" + "5802ID" + TAIL), "26 sampai 51"),
        (with_crc("000201010211" + ACCOUNT + "520458125303840" + "5802ID" + TAIL), "360"),
        (with_crc("000201010211" + ACCOUNT + "520458125303360" + "5802SG" + TAIL), "harus ID"),
        (with_crc("000201010213" + ACCOUNT + "520458125303360" + "5802ID" + TAIL), "11 atau 12"),
        (with_crc("000202010211" + ACCOUNT + "520458125303360" + "5802ID" + TAIL), "000201"),
        (with_crc("000201010211" + tlv("26", "0005AB")), "terpotong"),
        (with_crc("000201010211010211" + ACCOUNT), "dua kali"),
        (with_crc("000201010211" + tlv("26", "")), "kosong"),
        ("000201010211" + ACCOUNT + "520458125303360" + "5802ID" + TAIL, "63"),
    ],
)
def test_broken_payloads_are_refused_with_a_reason(payload: str, message: str) -> None:
    with pytest.raises(QrisError, match=message):
        qris.parse(payload)


@pytest.mark.parametrize("amount", [0, -5, 10_000_001])
def test_amount_out_of_range_is_refused(amount: int) -> None:
    with pytest.raises(QrisError, match="Nominal QRIS"):
        qris.to_dynamic(GOPAY, amount)


def test_non_integer_amount_is_refused() -> None:
    with pytest.raises(QrisError, match="rupiah bulat"):
        qris.to_dynamic(GOPAY, 1500.5)  # type: ignore[arg-type]
    with pytest.raises(QrisError, match="rupiah bulat"):
        qris.to_dynamic(GOPAY, True)


@given(st.text(max_size=300))
def test_parse_fuzz_raises_only_qris_error(text: str) -> None:
    with contextlib.suppress(QrisError):
        qris.parse(text)


@given(st.integers(min_value=0, max_value=len(GOPAY) - 1), st.characters(codec="ascii"))
def test_single_character_corruption_is_always_caught(index: int, char: str) -> None:
    corrupted = GOPAY[:index] + char + GOPAY[index + 1 :]
    if corrupted == GOPAY:
        return
    with pytest.raises(QrisError):
        qris.parse(corrupted)
