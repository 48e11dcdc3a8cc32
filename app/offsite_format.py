"""The encrypted backup file (``.pekenbak``): a small header, then AES-256-GCM ciphertext.

Layout (big-endian), all of it authenticated as GCM associated data::

    magic "PEKENBAK" | version 1 | flags (1 = zlib) | scrypt log2 N, r, p |
    salt (16) | recipient public key (32) | ephemeral public key (32) | nonce (12) |
    created at (µs since epoch, UTC) | server shop id (0 = not enrolled) |
    shop uuid (16) | plaintext length

The content key is HKDF-SHA256 over X25519(ephemeral private, recipient public): the
app encrypts with the public key kept in the shop settings, and only the owner's
recovery phrase (:mod:`app.offsite_phrase`) re-derives the private key that decrypts.
A wrong phrase is told apart from a damaged file: the phrase must give the header's
recipient key before any decryption is tried; after that a failing tag means the file was
damaged or changed.
"""

from __future__ import annotations

import os
import struct
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import ValidationError
from app.offsite_phrase import KdfParams, PhraseError, private_key, public_bytes

MAGIC = b"PEKENBAK"
VERSION = 1
FLAG_ZLIB = 1
SUFFIX = ".pekenbak"
_HEADER = struct.Struct(">8sBBBBB16s32s32s12sqI16sQ")
HEADER_SIZE = _HEADER.size
MAX_PLAIN = 2 * 1024 ** 3
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_INFO = b"peken-offsite-v1"


class BackupFileError(ValidationError):
    """The encrypted backup cannot be used (not ours, damaged, or for another shop)."""


class WrongPhrase(PhraseError):
    """The recovery phrase is valid but not the one this backup was made for."""


@dataclass(frozen=True)
class Header:
    """What the header of an encrypted backup says (readable without the phrase)."""

    kdf: KdfParams
    salt: bytes
    recipient: bytes
    ephemeral: bytes
    nonce: bytes
    created: datetime
    server_shop_id: int
    shop_uuid: str
    plain_size: int
    flags: int = FLAG_ZLIB

    def pack(self) -> bytes:
        """The header bytes (also the associated data)."""
        micros = (self.created - _EPOCH) // timedelta(microseconds=1)
        return _HEADER.pack(MAGIC, VERSION, self.flags, self.kdf.log2_n, self.kdf.r, self.kdf.p,
                            self.salt, self.recipient, self.ephemeral, self.nonce, micros,
                            self.server_shop_id, uuid.UUID(self.shop_uuid).bytes, self.plain_size)


def read_header(data: bytes, name: str = "cadangan") -> Header:
    """The header of ``data``; BackupFileError when it is not a PEKEN encrypted backup."""
    if len(data) < HEADER_SIZE or not data.startswith(MAGIC):
        raise BackupFileError("Berkas '{name}' bukan cadangan terenkripsi PEKEN Kasir.", name=name)
    (_magic, version, flags, log2_n, r, p, salt, recipient, ephemeral, nonce, micros, shop_id,
     shop_uuid, plain_size) = _HEADER.unpack_from(data)
    if version != VERSION:
        raise BackupFileError("Berkas '{name}' dibuat oleh versi PEKEN Kasir yang lebih baru; "
                              "perbarui aplikasi dulu.", name=name)
    if flags != FLAG_ZLIB or plain_size > MAX_PLAIN:
        raise BackupFileError("Berkas '{name}' rusak (kepala berkas tidak wajar).", name=name)
    created = _EPOCH + timedelta(microseconds=micros)
    return Header(KdfParams(log2_n, r, p), salt, recipient, ephemeral, nonce, created, shop_id,
                  str(uuid.UUID(bytes=shop_uuid)), plain_size, flags)


def _content_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                info=_INFO).derive(shared)


def encrypt(plain: bytes, *, recipient: bytes, salt: bytes, shop_uuid: str, server_shop_id: int,
            created: datetime, kdf: KdfParams | None = None) -> bytes:
    """``plain`` (a shop file's bytes) encrypted to the shop's public key, header first."""
    eph = X25519PrivateKey.generate()
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient))
    header = Header(kdf or KdfParams(), salt, recipient, public_bytes(eph), os.urandom(12),
                    created.astimezone(UTC), server_shop_id, shop_uuid, len(plain))
    head = header.pack()
    key = _content_key(shared, header.ephemeral, recipient)
    return head + AESGCM(key).encrypt(header.nonce, zlib.compress(plain, 6), head)


def decrypt(data: bytes, phrase: str, name: str = "cadangan") -> tuple[Header, bytes]:
    """The header and the shop file's bytes; WrongPhrase, PhraseError or BackupFileError."""
    header = read_header(data, name)
    secret = private_key(phrase, header.salt, header.kdf)
    if public_bytes(secret) != header.recipient:
        raise WrongPhrase("Frasa pemulihan salah untuk berkas '{name}'. Pakai frasa yang dicatat "
                          "pemilik saat cadangan terenkripsi disiapkan.", name=name, field="phrase")
    shared = secret.exchange(X25519PublicKey.from_public_bytes(header.ephemeral))
    key = _content_key(shared, header.ephemeral, header.recipient)
    try:
        packed = AESGCM(key).decrypt(header.nonce, data[HEADER_SIZE:], data[:HEADER_SIZE])
        plain = zlib.decompressobj().decompress(packed, header.plain_size + 1)
    except (InvalidTag, zlib.error) as exc:
        raise BackupFileError("Berkas '{name}' rusak atau telah diubah; tidak ada yang dipulihkan.",
                              name=name) from exc
    if len(plain) != header.plain_size:
        raise BackupFileError("Berkas '{name}' rusak (ukuran isi tidak cocok).", name=name)
    return header, plain
