"""Static QRIS payloads shaped like real stickers of several issuers (names and IDs invented).

Each one was built TLV by TLV and its CRC computed with an independent bitwise CRC-16/CCITT-FALSE.
"""

from __future__ import annotations

# GoPay / GoTo: merchant account template 26 with COM.GO-JEK.WWW, central repository in 51,
# an optional postal code (61) and a terminal label in 62.
GOPAY = (
    "00020101021126610014COM.GO-JEK.WWW01189360091401234567890210G1234567890303UMI"
    "51440014ID.CO.QRIS.WWW0215ID10243123456780303UMI5204581253033605802ID"
    "5919WARUNG SAYUR BU SRI6008SURABAYA61056011162070703A0163042BF5"
)

# BRI (bank app): 26 with ID.CO.BRI.WWW. Tag 62 deliberately holds "010211" and "5802ID" inside
# its values, which breaks the naive string-replace converters.
BRI = (
    "00020101021126650013ID.CO.BRI.WWW011893600002000012345602150000012345678900303UMI"
    "51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204549953033605802ID"
    "5921TOKO BATIK SEKAR ARUM6013KOTA SURABAYA61056023162260510010211021107085802ID0163048B3E"
)

# DANA: 26 with ID.DANA.WWW, a tip indicator 55 = 01 (must never be emitted again) and the
# DANA payment-system template 60 nested in 62.
DANA = (
    "00020101021126570011ID.DANA.WWW011893600915303544308102090035443080303UMI"
    "51440014ID.CO.QRIS.WWW0215ID10221544108370303UMI5204539953033605502015802ID"
    "5918KEDAI KOPI CAK NUR6008SURABAYA610560117621960150011ID.DANA.WWW63043B7A"
)

# ShopeePay: the QRIS template sits in 27 (no tag 51) and 62 carries a bill number.
SHOPEE = (
    "00020101021126580016ID.CO.SHOPEE.WWW01189360091800000123450205123450303UKE"
    "27660014ID.CO.QRIS.WWW01189360091830123456780215ID10232876543210303UKE"
    "5204531153033605802ID5914SEMBAKO MAKMUR6008SURABAYA62180108INV-00010702K163042B66"
)

ALL_STATIC = {"gopay": GOPAY, "bri": BRI, "dana": DANA, "shopee": SHOPEE}


def bitwise_crc(data: bytes) -> int:
    """CRC-16/CCITT-FALSE computed bit by bit, independent of binascii."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def tlv(tag: str, value: str) -> str:
    """One TLV object written by hand."""
    return f"{tag}{len(value):02d}{value}"


def with_crc(body_without_crc: str) -> str:
    """Append ``6304`` and the bitwise CRC."""
    body = body_without_crc + "6304"
    return body + f"{bitwise_crc(body.encode('ascii')):04X}"
