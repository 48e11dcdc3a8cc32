"""Paint a QR code crisply (whole pixels per module, white quiet zone) into a QImage."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

QUIET_MODULES = 4


def qr_qimage(payload: str, min_px: int = 320) -> QImage:
    """The QR of ``payload`` at least ``min_px`` wide, ECC level M, 4-module quiet zone."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_MODULES)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    count = len(matrix)
    box = max(2, -(-min_px // count))
    image = QImage(count * box, count * box, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(x * box, y * box, box, box)
    painter.end()
    return image
