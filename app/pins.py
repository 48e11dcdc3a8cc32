"""PIN hashing: salted scrypt, one implementation for the full and the light start path.

Stdlib only (no SQLAlchemy, no models): ``app.users`` uses it for the shop's users and
``app.quickstart`` checks a PIN with it before the database layer is loaded.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

_N, _R, _P = 2**14, 8, 1

# The audit log's PIN checks (``app.permissions``; ``app.quickstart`` reads them too).
LOGIN = "login"
WRONG_PIN = "pin.wrong"


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of the PIN, as ``scrypt$N$r$p$salt$hash``."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    enc = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${enc(salt).decode()}${enc(digest).decode()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches the stored hash (constant-time compare)."""
    try:
        _, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r),
                             p=int(p), dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)
