"""The seller-facing text of a printing error (shared by the controller and its dialogs).

Apart from :mod:`ui.printing.printer` so the receipt preview can use it while the controller
imports the preview at the top (no import cycle).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from ui.messages import error_text as message_text

log = logging.getLogger(__name__)


def error_text(error: BaseException) -> str:
    """The seller-facing text of an error raised while printing."""
    if isinstance(error, UserError):
        return message_text(error)  # translated at the UI edge
    log.error("printing failed", exc_info=error)
    text = QCoreApplication.translate(
        "PrintController", "Gagal mencetak (%1). Penjualan sudah tersimpan; coba Cetak ulang.")
    return text.replace("%1", type(error).__name__)
