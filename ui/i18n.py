"""Loading the UI translation: Bahasa Indonesia is the source language; English ships as a .qm.

Strings in the UI are written in Indonesian inside ``self.tr()``; ``make translations``
extracts them to ``resources/i18n/peken_en.ts`` (pyside6-lupdate), and compiles the
translated file to ``peken_en.qm`` (pyside6-lrelease), which is loaded here at start.

Words that app/ produces (payment methods, statuses, channels, periods...) are not in the
.ts: they live in one catalog, :mod:`app.labels_i18n`, shared with the receipts and report
files; the screens read it in the current language through :func:`word` and friends.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from contract.labels import DEFAULT_LANGUAGE, normal_language

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
_installed: list[QTranslator] = []
_current = [DEFAULT_LANGUAGE]


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
    _current[0] = DEFAULT_LANGUAGE
    if language == "id":
        return True
    translator = QTranslator(app)
    if not translator.load(str(qm_path(language))):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    _current[0] = normal_language(language)
    return True


def current_language() -> str:
    """The language the screens show (``id`` unless a translation is installed)."""
    return _current[0]


def word(text_id: str, **values: object) -> str:
    """A catalog word (``"period.this_month"``...) in the screens' language."""
    from app import labels_i18n  # noqa: PLC0415 (its enums load on first use, not before the first frame (bench.startup))

    return labels_i18n.translate(text_id, current_language(), **values)


def method_name(method: str) -> str:
    """A payment method as the screens show it: ``cash`` → ``Tunai`` / ``Cash``."""
    from app import labels_i18n  # noqa: PLC0415 (its enums load on first use, not before the first frame (bench.startup))

    return labels_i18n.method_label(method, current_language())


def status_name(status: str) -> str:
    """An order status as the screens show it: ``paid`` → ``Lunas`` / ``Paid``."""
    from app import labels_i18n  # noqa: PLC0415 (its enums load on first use, not before the first frame (bench.startup))

    return labels_i18n.status_label(status, current_language())
