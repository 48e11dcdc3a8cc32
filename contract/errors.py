"""Errors a user can cause, shared by the desktop app and the catalog server.

Every error that a seller (or a buyer, or a device) can trigger is a :class:`UserError`
carrying a clear message in Bahasa Indonesia (the default language).

A message is written as a template with ``{named}`` placeholders and its values as keyword
arguments, so the desktop's UI can translate it::

    raise ValidationError("Jumlah {qty} tidak masuk akal.", qty=format_qty(q), field="qty")

``str(error)`` is the Indonesian text; ``error.template`` and ``error.params`` are what the
UI edge (``ui.messages``) translates (Qt context ``"UserError"``) and fills; ``error.code``
is a short stable identifier of the template. A plain, already formatted message (no
keyword values) still works: it is its own template.

``app.errors`` re-exports these and adds the desktop's own kinds; ``server.errors.ApiError``
subclasses :class:`UserError` with an HTTP status.
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Mapping

TRANSLATION_CONTEXT = "UserError"


def message_code(template: str) -> str:
    """The short stable code of a message template (same template, same code, every run)."""
    return "E" + hashlib.sha1(template.encode("utf-8")).hexdigest()[:8]


def fill(template: str, params: Mapping[str, object]) -> str:
    """``template`` with its ``{named}`` placeholders filled; a template without values as is."""
    if not params:
        return template
    return string.Formatter().vformat(template, (), dict(params))


class UserError(Exception):
    """A problem the user can fix; ``str()`` is the Indonesian message.

    ``message`` is a template when keyword values are given (``{name}`` placeholders),
    otherwise the finished text.
    """

    def __init__(self, message: str, *, field: str | None = None, **params: object) -> None:
        self.template = message
        self.params: dict[str, object] = dict(params)
        self.message = fill(message, self.params)
        self.appendix = ""  # text added after the message as is (a list of rows), never translated
        super().__init__(self.message)
        self.field = field

    def append(self, text: str) -> None:
        """Add ``text`` after the message (it is shown after the translated message too)."""
        self.appendix += text
        self.message += text
        self.args = (self.message,)

    @property
    def code(self) -> str:
        """A short stable identifier of this message's template (tests and logs use it)."""
        return message_code(self.template)

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """A value entered by the user is not acceptable (names the field)."""
