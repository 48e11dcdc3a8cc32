"""QRIS (EMVCo merchant-presented mode) payloads: parse, validate, encode, make dynamic.

The one QRIS codec of PEKEN: the desktop app (a sale's QR) and the catalog server (an online
order's QR, a seller's stored sticker) both call these functions, so they cannot disagree.

A payload is a list of TLV objects: a 2-digit tag, a 2-digit decimal length and the value.
Merchant account templates (tags 26-51) and the additional data template (62) nest TLVs in
their value. The last object is the CRC (tag 63): CRC-16/CCITT-FALSE over every character up
to and including ``6304``, written as 4 upper-case hex digits, zero-padded.

:func:`to_dynamic` follows docs/design.md ("Payments straight to the seller"):
tag 01 := ``12``, drop 54, 55-57 and 63, insert
54 (plain integer rupiah) before the first tag >= 55, re-encode the lengths, append ``6304`` and
the CRC.

**Tag 01 (point of initiation) may be missing.** EMVCo marks it optional and a payload without it
is static by definition (nothing says it was made for one transaction). Such a sticker is accepted
and :func:`to_dynamic` inserts ``010212`` right after tag 00. Refusing it would strand a seller
whose bank printed it that way (the server stored such stickers before both sides shared this
codec, and their buyers' orders would lose their QR); accepting it costs nothing, because the CRC
still proves the payload was copied whole. A tag 01 that is present must say ``11`` or ``12``.
"""

from __future__ import annotations

import binascii
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from contract.errors import ValidationError
from contract.money import format_rupiah as rupiah

MAX_AMOUNT = 10_000_000
"""Largest amount of one QRIS transaction (PADG 24/1/PADG/2022)."""

REQUIRED_TAGS: tuple[tuple[str, str], ...] = (
    ("00", "format payload"),
    ("52", "kategori merchant (MCC)"),
    ("53", "mata uang"),
    ("58", "kode negara"),
    ("59", "nama merchant"),
    ("60", "kota merchant"),
    ("63", "CRC"),
)
NESTED_TAGS = frozenset({f"{tag:02d}" for tag in range(26, 52)} | {"62"})
FEE_TAGS = frozenset({"55", "56", "57"})
STATIC, DYNAMIC = "11", "12"


class QrisError(ValidationError):
    """A QRIS payload is broken or cannot be used; the message says what is wrong."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message, field="qris", **params)


@dataclass(frozen=True)
class TlvObject:
    """One TLV data object; ``children`` holds the nested objects of a template tag."""

    tag: str
    value: str
    children: tuple[TlvObject, ...] = ()

    def child(self, tag: str) -> TlvObject | None:
        """The nested object with ``tag``, or None."""
        return next((item for item in self.children if item.tag == tag), None)


@dataclass(frozen=True)
class QrisPayload:
    """A parsed, validated QRIS payload: its root objects in their original order."""

    objects: tuple[TlvObject, ...]

    def get(self, tag: str) -> TlvObject | None:
        """The root object with ``tag``, or None."""
        return next((item for item in self.objects if item.tag == tag), None)

    def value(self, tag: str) -> str | None:
        """The value of the root object with ``tag``, or None."""
        item = self.get(tag)
        return None if item is None else item.value

    @property
    def is_dynamic(self) -> bool:
        """True when tag 01 says ``12`` (a QR made for one transaction)."""
        return self.value("01") == DYNAMIC

    @property
    def amount(self) -> int | None:
        """The amount in tag 54 as whole rupiah (decimals ``.00`` allowed), or None."""
        text = self.value("54")
        if text is None:
            return None
        whole, _, cents = text.partition(".")
        if not whole.isdigit() or cents.strip("0"):
            raise QrisError("Nominal QRIS (tag 54) tidak bisa dibaca: {text!r}", text=text)
        return int(whole)

    @property
    def merchant_name(self) -> str:
        """Tag 59, the merchant name shown to the buyer."""
        return self.value("59") or ""

    @property
    def merchant_city(self) -> str:
        """Tag 60, the merchant city."""
        return self.value("60") or ""

    @property
    def nmid(self) -> str | None:
        """The National Merchant ID (tag 51 sub-tag 02, e.g. ``ID1020017611473``), or None."""
        for item in self.objects:
            if item.tag in NESTED_TAGS and item.tag != "62":
                sub = item.child("02")
                if sub is not None and _looks_like_nmid(sub.value):
                    return sub.value
        return None


def _looks_like_nmid(value: str) -> bool:
    return len(value) == 15 and value.startswith("ID") and value[2:].isdigit()


def crc16_ccitt(data: bytes) -> int:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF); ``b"123456789"`` gives ``0x29B1``."""
    return binascii.crc_hqx(data, 0xFFFF)


def crc_text(body: str) -> str:
    """The CRC of ``body`` (which must end in ``6304``) as 4 upper-case hex digits."""
    return f"{crc16_ccitt(body.encode('ascii')):04X}"


def _split_tlv(text: str, where: str) -> list[tuple[str, str]]:
    """Split ``text`` into (tag, value) pairs, refusing anything that does not add up exactly."""
    pairs: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        head = text[pos : pos + 4]
        if len(head) < 4 or not head.isdigit():
            raise QrisError(
                "QRIS terpotong atau rusak {where} di posisi {value}: tag dan panjang harus 4 angka, "
                "tertulis {head!r}", where=where, value=pos + 1, head=head
            )
        tag, length = head[:2], int(head[2:])
        value = text[pos + 4 : pos + 4 + length]
        if len(value) < length:
            raise QrisError(
                "QRIS terpotong {where}: tag {tag} seharusnya {length} karakter, tersisa {count}",
                where=where, tag=tag, length=length, count=len(value)
            )
        pairs.append((tag, value))
        pos += 4 + length
    return pairs


def _parse_objects(text: str, where: str, nest: bool) -> tuple[TlvObject, ...]:
    objects: list[TlvObject] = []
    seen: set[str] = set()
    for tag, value in _split_tlv(text, where):
        if tag in seen:
            raise QrisError("Tag {tag} muncul dua kali {where}", tag=tag, where=where)
        seen.add(tag)
        children: tuple[TlvObject, ...] = ()
        if nest and tag in NESTED_TAGS:
            children = _parse_objects(value, f"di dalam tag {tag}", nest=False)
            if not children:
                raise QrisError("Tag {tag} kosong", tag=tag)
        objects.append(TlvObject(tag, value, children))
    return tuple(objects)


def parse(payload: str) -> QrisPayload:
    """Parse and validate a QRIS payload (surrounding whitespace is ignored).

    Raises :class:`QrisError` for a non-ASCII, truncated or malformed payload, a wrong CRC,
    a missing required tag or a wrong currency/country.
    """
    text = payload.strip()
    if not text:
        raise QrisError("Data QRIS kosong")
    _check_ascii(text)
    objects = _parse_objects(text, "", nest=True)
    result = QrisPayload(objects)
    _check_frame(text, objects)
    _check_required(result)
    return result


def _check_ascii(text: str) -> None:
    for index, char in enumerate(text):
        if not (" " <= char <= "~"):
            raise QrisError(
                "QRIS berisi karakter yang tidak diizinkan {char!r} di posisi {value}", char=char,
                value=index + 1
            )


def _check_frame(text: str, objects: Sequence[TlvObject]) -> None:
    if objects[0].tag != "00" or objects[0].value != "01":
        raise QrisError("QRIS harus diawali tag 00 bernilai 01 (000201)")
    last = objects[-1]
    if last.tag != "63":
        raise QrisError("QRIS tidak diakhiri tag 63 (CRC); mungkin terpotong")
    if len(last.value) != 4 or any(c not in "0123456789ABCDEF" for c in last.value):
        raise QrisError("CRC QRIS harus 4 digit heksadesimal huruf besar, tertulis {value!r}",
                        value=last.value)
    expected = crc_text(text[:-4])
    if last.value != expected:
        raise QrisError("CRC QRIS salah: tertulis {value}, seharusnya {expected}", value=last.value,
                        expected=expected)


def _check_required(payload: QrisPayload) -> None:
    for tag, name in REQUIRED_TAGS:
        if payload.get(tag) is None:
            raise QrisError("QRIS tidak lengkap: tag {tag} ({name}) tidak ada", tag=tag, name=name)
    if payload.value("01") not in (None, STATIC, DYNAMIC):
        raise QrisError("Tag 01 QRIS harus 11 atau 12, tertulis {value!r}", value=payload.value('01'))
    if payload.value("53") != "360":
        raise QrisError("Mata uang QRIS harus 360 (rupiah), tertulis {value!r}", value=payload.value('53'))
    if payload.value("58") != "ID":
        raise QrisError("Kode negara QRIS harus ID, tertulis {value!r}", value=payload.value('58'))
    if not any(item.tag in NESTED_TAGS and item.tag != "62" for item in payload.objects):
        raise QrisError("QRIS tidak berisi data akun merchant (tag 26 sampai 51)")


def _encode_one(item: TlvObject) -> str:
    value = "".join(_encode_one(child) for child in item.children) if item.children else item.value
    if len(item.tag) != 2 or not item.tag.isdigit():
        raise QrisError("Tag QRIS harus 2 angka, tertulis {tag!r}", tag=item.tag)
    if len(value) > 99:
        raise QrisError("Isi tag {tag} terlalu panjang ({count} karakter, maks. 99)", tag=item.tag,
                        count=len(value))
    return f"{item.tag}{len(value):02d}{value}"


def encode(objects: QrisPayload | Iterable[TlvObject]) -> str:
    """Serialise objects (lengths recomputed, templates from their children) with a fresh CRC.

    Any tag 63 given is dropped; ``6304`` and the CRC of everything before it are appended.
    For a valid payload ``encode(parse(p)) == p``.
    """
    items = objects.objects if isinstance(objects, QrisPayload) else tuple(objects)
    body = "".join(_encode_one(item) for item in items if item.tag != "63") + "6304"
    _check_ascii(body)
    return body + crc_text(body)


def _check_amount(amount: int) -> None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise QrisError("Nominal QRIS harus rupiah bulat, tertulis {amount!r}", amount=amount)
    if amount <= 0:
        raise QrisError("Nominal QRIS harus lebih dari Rp0, tertulis {amount}", amount=rupiah(amount))
    if amount > MAX_AMOUNT:
        raise QrisError(
            "Nominal QRIS {amount} melebihi batas {MAX_AMOUNT} per transaksi", amount=rupiah(amount),
            MAX_AMOUNT=rupiah(MAX_AMOUNT)
        )


def to_dynamic(static_payload: str, amount: int) -> str:
    """Make the dynamic payload for one sale of ``amount`` rupiah from the seller's static QRIS.

    Refuses a broken payload, one that is already dynamic or already carries an amount, and an
    amount outside 1..Rp10.000.000. Tags 55-57 (convenience fee) are never emitted.
    """
    _check_amount(amount)
    source = parse(static_payload)
    if source.is_dynamic:
        raise QrisError("QRIS ini sudah dinamis (tag 01 = 12); simpan QRIS statis dari stiker")
    if source.get("54") is not None:
        raise QrisError("QRIS ini sudah berisi nominal ({value}); pakai QRIS statis",
                        value=source.value('54'))
    kept = [
        TlvObject(item.tag, DYNAMIC) if item.tag == "01" else item
        for item in source.objects
        if item.tag not in FEE_TAGS and item.tag not in ("54", "63")
    ]
    if source.get("01") is None:
        kept.insert(1, TlvObject("01", DYNAMIC))  # optional in EMV: a sticker without it is static
    position = next((i for i, item in enumerate(kept) if int(item.tag) >= 55), len(kept))
    kept.insert(position, TlvObject("54", str(amount)))
    return encode(kept)


def parse_static(payload: str) -> QrisPayload:
    """Parse a seller's static QRIS (from the sticker): refuses a dynamic one or one with an amount.

    What passes here always passes :func:`to_dynamic` (for an amount within the limit).
    """
    parsed = parse(payload)
    if parsed.is_dynamic:
        raise QrisError("QRIS ini dinamis (tag 01 = 12, untuk satu transaksi). "
                        "Pindai QRIS statis dari stiker toko.")
    if parsed.get("54") is not None:
        raise QrisError("QRIS ini sudah berisi nominal (tag 54). "
                        "Pindai QRIS statis dari stiker toko.")
    return parsed


def static_text(payload: str) -> str:
    """A seller's static QRIS as it is stored: checked by :func:`parse_static`, trimmed."""
    parse_static(payload)
    return payload.strip()


def _payload(payload: str | QrisPayload) -> QrisPayload:
    return payload if isinstance(payload, QrisPayload) else parse(payload)


def merchant_name(payload: str | QrisPayload) -> str:
    """The merchant name (tag 59) for display."""
    return _payload(payload).merchant_name


def merchant_city(payload: str | QrisPayload) -> str:
    """The merchant city (tag 60) for display."""
    return _payload(payload).merchant_city


def nmid(payload: str | QrisPayload) -> str | None:
    """The National Merchant ID (NMID) for display, or None when the payload has none."""
    return _payload(payload).nmid
