"""A shown word in the two languages of PEKEN: Bahasa Indonesia (the default) and English.

The shared enums (:mod:`contract.enums`) carry one :class:`Label` per member; the shop app's
word catalog (``app.labels_i18n``) and the server's pages read the same objects, so a word is
written once. Pure Python: no Qt, no database, nothing from ``app`` or ``server``.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LANGUAGE = "id"
LANGUAGES = ("id", "en")


@dataclass(frozen=True, slots=True)
class Label:
    """One shown word or phrase: Indonesian (the default) and English."""

    id: str
    en: str

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The text in ``language`` (Indonesian unless ``"en"``)."""
        return self.en if language == "en" else self.id


def normal_language(language: object) -> str:
    """``"en"`` or ``"id"`` (anything unknown is the default, Indonesian)."""
    return "en" if str(language).strip().lower() == "en" else DEFAULT_LANGUAGE
