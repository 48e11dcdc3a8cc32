"""Translation tooling: mark strings for lupdate, extract them, compile the English file.

Run ``python -m ui.i18n_tools update`` to extract every translatable string under ``ui/``
into ``resources/i18n/peken_en.ts`` (existing translations are kept), then
``python -m ui.i18n_tools compile`` to build ``peken_en.qm``.

:func:`QT_TRANSLATE_NOOP` is the typed marker for texts kept in module-level tables
(section titles, column titles, keys): lupdate finds them by that name, and the code
translates them on display with ``QCoreApplication.translate(context, text)``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate under ``context``; returns it unchanged (translate on display)."""
    del context
    return text
