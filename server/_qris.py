"""QRIS payloads (EMVCo merchant-presented mode) as DESIGN.md describes them.

A payload is a list of TLV objects (2-digit tag, 2-digit length, value). The
CRC is CRC-16/CCITT-FALSE over everything up to and including ``6304``.
"""

from __future__ import annotations

import binascii

QRIS_MAX_AMOUNT = 10_000_000


class QrisError(ValueError):
    """The payload is not a usable QRIS string (message in Bahasa Indonesia)."""


def crc16(data: bytes) -> str:
    """CRC-16/CCITT-FALSE as 4 upper-case hex digits (``123456789`` → ``29B1``)."""
    return f"{binascii.crc_hqx(data, 0xFFFF):04X}"


def parse_tlv(payload: str) -> list[tuple[str, str]]:
    """Split a payload into (tag, value) pairs; strict: digits, no overrun."""
    items: list[tuple[str, str]] = []
    pos = 0
    while pos < len(payload):
        head = payload[pos : pos + 4]
        if len(head) < 4 or not head.isdigit() or not head.isascii():
            raise QrisError(f"Struktur QRIS rusak di posisi {pos}.")
        length = int(head[2:])
        value = payload[pos + 4 : pos + 4 + length]
        if len(value) != length:
            raise QrisError(f"Panjang tag {head[:2]} melebihi isi QRIS.")
        items.append((head[:2], value))
        pos += 4 + length
    return items


def encode_tlv(items: list[tuple[str, str]]) -> str:
    """Join (tag, value) pairs back into a string with fresh lengths."""
    out = []
    for tag, value in items:
        if len(value) > 99:
            raise QrisError(f"Isi tag {tag} terlalu panjang.")
        out.append(f"{tag}{len(value):02d}{value}")
    return "".join(out)


def verify(payload: str) -> list[tuple[str, str]]:
    """Check a static or dynamic QRIS payload and return its objects."""
    payload = payload.strip()
    if not payload.isascii():
        raise QrisError("QRIS hanya boleh berisi karakter ASCII.")
    items = parse_tlv(payload)
    if not items or items[0] != ("00", "01"):
        raise QrisError("QRIS harus diawali tag 00 bernilai 01.")
    if items[-1][0] != "63" or len(items[-1][1]) != 4:
        raise QrisError("QRIS harus diakhiri tag 63 (CRC) sepanjang 4 karakter.")
    if crc16(payload[:-4].encode("ascii")) != payload[-4:].upper():
        raise QrisError("CRC QRIS tidak cocok: salin ulang kode QRIS dari stiker.")
    tags = {tag for tag, _ in items}
    for required in ("52", "53", "58", "59", "60"):
        if required not in tags:
            raise QrisError(f"Tag {required} wajib ada di QRIS.")
    return items


def verify_static(payload: str) -> str:
    """Validate a seller's static QRIS (no amount allowed) and return it normalised."""
    items = verify(payload)
    if any(tag == "54" for tag, _ in items):
        raise QrisError("QRIS statis tidak boleh sudah berisi nominal (tag 54).")
    return payload.strip()


def to_dynamic(static: str, amount: int) -> str:
    """The dynamic payload of ``static`` for exactly ``amount`` rupiah."""
    if not 0 < amount <= QRIS_MAX_AMOUNT:
        raise QrisError("Nominal QRIS harus antara Rp1 dan Rp10.000.000.")
    kept = [(t, v) for t, v in verify(static) if t not in ("54", "55", "56", "57", "63")]
    items: list[tuple[str, str]] = []
    inserted = False
    for tag, value in kept:
        if not inserted and int(tag) >= 55:
            items.append(("54", str(amount)))
            inserted = True
        items.append((tag, "12" if tag == "01" else value))
    if not inserted:
        items.append(("54", str(amount)))
    if not any(tag == "01" for tag, _ in items):
        items.insert(1, ("01", "12"))
    body = encode_tlv(items) + "6304"
    return body + crc16(body.encode("ascii"))
