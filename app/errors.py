"""Errors a user can cause (the base classes live in :mod:`contract.errors`).

Every error that a seller can trigger (bad input, a rule of the shop) is a
:class:`UserError` carrying a clear message in Bahasa Indonesia (the default language).

A message is written as a template with ``{named}`` placeholders and its values as keyword
arguments, so the UI can translate it::

    raise ValidationError("Jumlah {qty} tidak masuk akal.", qty=format_qty(q), field="qty")

``str(error)`` is the Indonesian text; ``error.template`` and ``error.params`` are what the
UI edge (``ui.messages``) translates (Qt context ``"UserError"``) and fills; ``error.code``
is a short stable identifier of the template. A plain, already formatted message (no
keyword values) still works: it is its own template.
"""

from __future__ import annotations

from contract.errors import TRANSLATION_CONTEXT, UserError, ValidationError, fill, message_code

__all__ = [
    "TRANSLATION_CONTEXT", "ConflictError", "DatabaseVersionError", "NotFoundError",
    "PermissionDenied", "StockError", "UserError", "ValidationError", "fill", "message_code",
]


class NotFoundError(UserError):
    """The thing asked for does not exist (unknown barcode, order, ...)."""


class ConflictError(UserError):
    """The action clashes with existing data (duplicate SKU, double confirm, ...)."""


class StockError(UserError):
    """A stock rule was broken (refund more than sold, absurd quantity, ...)."""


class PermissionDenied(UserError):
    """The current user may not do this without an owner's PIN."""


class DatabaseVersionError(UserError):
    """The shop file was written by a newer version of the app."""
