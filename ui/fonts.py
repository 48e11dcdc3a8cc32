"""The fonts the app ships (DejaVu Sans and DejaVu Sans Mono, resources/fonts/), loaded at start.

Every screen uses these two families only, so the till looks and measures the same on
every PC whatever fonts it has installed: the style sheet names them, the application
font is the sans, and receipt and report previews use :func:`monospace_font`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf")
SANS_FAMILY = "DejaVu Sans"
MONO_FAMILY = "DejaVu Sans Mono"
APP_PIXEL_SIZE = 14
_loaded: set[str] = set()


def load_fonts(app: QApplication | None = None) -> set[str]:
    """Register the shipped font files (once); with ``app``, make the sans its font.

    Returns the families the files provide. Missing or broken files are skipped (Qt then
    falls back to a machine font), so a damaged install still starts.
    """
    if not _loaded:
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / name))
            if font_id >= 0:
                _loaded.update(QFontDatabase.applicationFontFamilies(font_id))
    if app is not None and SANS_FAMILY in _loaded:
        font = QFont(SANS_FAMILY)
        font.setPixelSize(APP_PIXEL_SIZE)
        app.setFont(font)
    return set(_loaded)


def monospace_font(pixel_size: int = 0) -> QFont:
    """The shipped fixed-width font (for receipt, Z report and pick-ticket text)."""
    load_fonts()
    font = QFont(MONO_FAMILY)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    if pixel_size > 0:
        font.setPixelSize(pixel_size)
    return font


def use_monospace(widget: QWidget) -> None:
    """Give ``widget`` the shipped fixed-width font, also under the app's style sheet.

    The global ``QWidget { font-family }`` rule replaces a font set with ``setFont`` when the
    widget is polished; the ``monospace`` property selects resources/style.qss's fixed-width rule.
    """
    widget.setProperty("monospace", True)
    widget.setFont(monospace_font())
