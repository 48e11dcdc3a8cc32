"""``QT_TRANSLATE_NOOP``: mark a string for lupdate where it is defined, translate it where shown.

A module of its own so the screens of the first frame import it without the extraction tools
of :mod:`ui.i18n_tools` (``ast``, ``subprocess``, ``tempfile``: tens of milliseconds of start).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate under ``context``; returns it unchanged (translate on display)."""
    del context
    return text
