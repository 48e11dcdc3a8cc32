"""The ops the PEKEN server refused, with reasons: send again after fixing, or discard."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import local
from app.errors import UserError
from app.sync import rejected
from ui.context import AppContext
from ui.i18n import word
from ui.i18n_tools import QT_TRANSLATE_NOOP
from ui.messages import show_error
from ui.widgets import item_table

# Column titles, marked for lupdate; the dialog shows them translated.
COLUMNS = (QT_TRANSLATE_NOOP("RejectedDialog", "Waktu"),
           QT_TRANSLATE_NOOP("RejectedDialog", "Jenis"),
           QT_TRANSLATE_NOOP("RejectedDialog", "Tentang"),
           QT_TRANSLATE_NOOP("RejectedDialog", "Alasan ditolak"))


class RejectedDialog(QDialog):
    """Lists refused ops; "Kirim ulang" re-queues the selected one, "Buang" discards it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Perubahan yang ditolak server PEKEN"))
        self.table = item_table([self.tr(c) for c in COLUMNS])
        self.retry_button = QPushButton(self.tr("Kirim ulang"))
        self.retry_button.clicked.connect(self.requeue_selected)
        self.discard_button = QPushButton(self.tr("Buang"))
        self.discard_button.clicked.connect(self.discard_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        hint = QLabel(self.tr("Perbaiki datanya dulu (mis. nama atau harga produk), lalu "
                              "Kirim ulang. Buang jika perubahan ini tidak perlu lagi."))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(760, 360)
        self.seqs: list[int] = []
        self.reload()

    def reload(self) -> None:
        """Re-read the refused ops."""
        with self.ctx.db.read() as session:
            rows = rejected.list_rejected(session)
        self.seqs = [r.seq for r in rows]
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = (f"{local(row.created_at):%d/%m %H:%M}", word(f"sync_op.{row.kind}"), row.subject,
                     row.reason)
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        has = bool(rows)
        self.retry_button.setEnabled(has)
        self.discard_button.setEnabled(has)
        if has and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def _selected(self) -> int | None:
        row = self.table.currentRow()
        return self.seqs[row] if 0 <= row < len(self.seqs) else None

    def requeue_selected(self) -> None:
        """Queue the selected op again (with current data)."""
        self._act(rejected.requeue)

    def discard_selected(self) -> None:
        """Drop the selected op."""
        self._act(rejected.discard)

    def _act(self, action: object) -> None:
        seq = self._selected()
        if seq is None:
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                action(session, seq)  # type: ignore[operator]
        except UserError as exc:
            show_error(self, exc)
        self.reload()
