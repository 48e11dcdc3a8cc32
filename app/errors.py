"""Errors a user can cause.

Every error that a seller can trigger (bad input, a rule of the shop) is a
:class:`UserError` carrying a clear message in Bahasa Indonesia. The UI shows
``str(error)``; it never shows a traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; ``message`` is shown as is (Bahasa Indonesia)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """A value entered by the user is not acceptable (names the field)."""


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
