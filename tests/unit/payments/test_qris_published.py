"""to_dynamic on static QRIS payloads of real merchants from three issuers (Nobu Bank,
DANA, ShopeePay), as published openly by their owners for customers to scan.

The CRC of every payload is checked independently here with binascii, so these tests
do not lean on the code under test for the expected values.
"""

from __future__ import annotations

import binascii

import pytest

from contract import qris

PUBLISHED = {
    "nobu": "00020101021126670016COM.NOBUBANK.WWW01189360050300000879140214149391352933240303UMI"
            "51440014ID.CO.QRIS.WWW0215ID20233077025890303UMI5204541153033605802ID5919VALZSTORE "
            "OK14535636006SERANG61054211162070703A016304DCD2",
    "dana": "00020101021126570011ID.DANA.WWW011893600915311093669202091109366920303UKE51440014"
            "ID.CO.QRIS.WWW0215ID10210624013640303UKE5204899953033605802ID5909SHN GROUP6010"
            "Kab. Bogor6105163206304BAFC",
    "shopeepay": "00020101021126610016ID.CO.SHOPEE.WWW01189360091800228194190208228194190303UMI"
                 "51440014ID.CO.QRIS.WWW0215ID10264932277260303UMI5204581753033605802ID5904ArSr"
                 "6011PURBALINGGA61055337262070703A01630428C9",
}


def crc_ok(payload: str) -> bool:
    body, crc = payload[:-4], payload[-4:]
    return body.endswith("6304") and f"{binascii.crc_hqx(body.encode(), 0xFFFF):04X}" == crc


@pytest.mark.parametrize("issuer", sorted(PUBLISHED))
def test_published_static_payload_is_accepted(issuer: str) -> None:
    payload = PUBLISHED[issuer]
    assert crc_ok(payload)
    parsed = qris.parse(payload)
    assert parsed.value("01") == "11" and parsed.value("54") is None


@pytest.mark.parametrize("amount", [1, 25_000, 187_501, 10_000_000])
@pytest.mark.parametrize("issuer", sorted(PUBLISHED))
def test_published_payload_becomes_dynamic(issuer: str, amount: int) -> None:
    static = PUBLISHED[issuer]
    dynamic = qris.to_dynamic(static, amount)
    assert crc_ok(dynamic)
    parsed = qris.parse(dynamic)
    assert parsed.value("01") == "12"
    assert parsed.value("54") == str(amount)
    assert parsed.value("59") == qris.parse(static).value("59")
    tags = [item.tag for item in parsed.objects]
    assert tags.index("54") < min(i for i, t in enumerate(tags) if int(t) >= 55)
    assert not {"55", "56", "57"} & set(tags)
    with pytest.raises(qris.QrisError):
        qris.to_dynamic(dynamic, amount)  # already dynamic: refused
