"""The owner's recovery phrase: 12 words that unlock the shop's encrypted backups.

A phrase is 128 random bits written as 12 words of the BIP-39 English list (11 bits per
word, the last 4 bits a SHA-256 checksum), so a word written down wrongly or typed in the
wrong order is caught before any decryption is tried. A word may be typed by its first
four letters (the list is unique on them).

The phrase is turned into a key pair with scrypt (``N = 2**15, r = 8, p = 1``, 32 bytes,
salted per shop) giving an X25519 private key. Only the **public** key is kept in the shop
settings: the app encrypts every backup to it without knowing the phrase, and only the
phrase can decrypt. The public key doubles as the verifier that refuses a wrong phrase.
The phrase itself is never stored or sent anywhere.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.errors import ValidationError
from app.offsite_words import WORDS

WORD_COUNT = 12
ENTROPY_BYTES = 16
SCRYPT_LOG2_N = 15
SCRYPT_R = 8
SCRYPT_P = 1
_PREFIX = {word[:4]: word for word in WORDS}
_INDEX = {word: i for i, word in enumerate(WORDS)}


class PhraseError(ValidationError):
    """The typed recovery phrase is malformed (unknown word, wrong count, bad checksum)."""


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost parameters (stored in every backup header)."""

    log2_n: int = SCRYPT_LOG2_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def check(self) -> None:
        """Refuse parameters outside a sane range (a crafted file must not exhaust memory)."""
        if not (14 <= self.log2_n <= 20 and 1 <= self.r <= 16 and 1 <= self.p <= 4):
            raise PhraseError("Parameter kunci pada berkas cadangan tidak wajar.")


def _checksum_bits(entropy: bytes) -> int:
    return hashlib.sha256(entropy).digest()[0] >> 4  # 4 bits for 128 bits of entropy


def new_phrase() -> str:
    """A fresh random 12-word phrase (show it once to the owner, never store it)."""
    entropy = secrets.token_bytes(ENTROPY_BYTES)
    number = (int.from_bytes(entropy, "big") << 4) | _checksum_bits(entropy)
    words = [WORDS[(number >> (11 * (WORD_COUNT - 1 - i))) & 0x7FF] for i in range(WORD_COUNT)]
    return " ".join(words)


def _word(typed: str, position: int) -> str:
    word = typed if typed in _INDEX else _PREFIX.get(typed[:4], "") if len(typed) >= 4 else ""
    if not word or not word.startswith(typed[:4]):
        raise PhraseError("Kata ke-{n} '{word}' tidak ada di daftar kata pemulihan.",
                          n=position, word=typed, field="phrase")
    return word


def normalize(phrase: str) -> str:
    """The canonical phrase (full lowercase words, single spaces); PhraseError when invalid."""
    typed = phrase.lower().replace(",", " ").split()
    if len(typed) != WORD_COUNT:
        raise PhraseError("Frasa pemulihan harus {n} kata (tertulis {got} kata).",
                          n=WORD_COUNT, got=len(typed), field="phrase")
    words = [_word(t, i) for i, t in enumerate(typed, start=1)]
    number = 0
    for word in words:
        number = (number << 11) | _INDEX[word]
    entropy = (number >> 4).to_bytes(ENTROPY_BYTES, "big")
    if number & 0xF != _checksum_bits(entropy):
        raise PhraseError("Frasa pemulihan salah ketik: periksa setiap kata dan urutannya.",
                          field="phrase")
    return " ".join(words)


def private_key(phrase: str, salt: bytes, params: KdfParams | None = None) -> X25519PrivateKey:
    """The shop's backup private key from the phrase (scrypt, then X25519)."""
    kdf = params or KdfParams()
    kdf.check()
    seed = hashlib.scrypt(normalize(phrase).encode("utf-8"), salt=salt, n=2 ** kdf.log2_n,
                          r=kdf.r, p=kdf.p, maxmem=256 * 1024 * 1024, dklen=32)
    return X25519PrivateKey.from_private_bytes(seed)


def public_bytes(key: X25519PrivateKey) -> bytes:
    """The raw 32-byte public key of ``key``."""
    return key.public_key().public_bytes_raw()
