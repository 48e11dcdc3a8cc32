"""Loading the UI translation: Bahasa Indonesia is the source language; English ships as a .qm.

Strings in the UI are written in Indonesian inside ``self.tr()``; ``make translations``
extracts them to ``resources/i18n/peken_en.ts`` (pyside6-lupdate), and compiles the
translated file to ``peken_en.qm`` (pyside6-lrelease), which is loaded here at start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
_installed: list[QTranslator] = []


def qm_path(language: str) -> Path:
    """Where the compiled translation for ``language`` lives."""
    return I18N_DIR / f"peken_{language}.qm"


def install(language: str) -> bool:
    """Install the translator for ``language`` (``id`` needs none); True when loaded."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "id":
        return True
    translator = QTranslator(app)
    if not translator.load(str(qm_path(language))):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
