"""Konfirmasi pembayaran: pending transfers/QRIS with their age, manual confirmation, and
"Impor mutasi…" → proposed matches (confirm one or all with one click), ambiguous and
unmatched credits. Every confirmation goes through app.payments.service (audited).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import permissions
from app.clock import local
from app.errors import UserError
from app.money import format_rupiah
from app.payments import service
from app.payments.matching import Proposal
from app.payments.queries import OpenPaymentView
from app.payments.service import ImportResult
from app.payments.statements import StatementLine
from ui import i18n
from ui.context import AppContext
from ui.i18n_tools import QT_TRANSLATE_NOOP
from ui.messages import error_text
from ui.payments.manual_dialog import ManualConfirmDialog
from ui.widgets import item_table
from ui.worker import run_task

# Column titles, marked for lupdate; the page shows them translated (see _titles).
PENDING_COLUMNS = (QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Pesanan"),
                   QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Cara"),
                   QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Tagihan"),
                   QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Rekening"),
                   QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Umur"),
                   QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Status"))
PROPOSAL_COLUMNS = (QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Tanggal"),
                    QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Jumlah"),
                    QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Keterangan mutasi"),
                    QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Untuk pesanan"))
OTHER_COLUMNS = (QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Jenis"),
                 QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Tanggal"),
                 QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Jumlah"),
                 QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Keterangan mutasi"),
                 QT_TRANSLATE_NOOP("ConfirmPaymentsPage", "Catatan"))
OK_STYLE, BAD_STYLE = "color: #1b5e20;", "color: #b00020;"


def _fill_row(table: QTableWidget, row: int, values: Sequence[str], right: Sequence[int]) -> None:
    for column, text in enumerate(values):
        item = QTableWidgetItem(text)
        if column in right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, column, item)


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "PEND"


def _titles(columns: Sequence[str]) -> list[str]:
    """Column titles marked with QT_TRANSLATE_NOOP("ConfirmPaymentsPage", …), as shown."""
    return [QCoreApplication.translate("ConfirmPaymentsPage", title) for title in columns]


class ConfirmPaymentsPage(QWidget):
    """Pending payments, manual confirmation and bank statement import with proposals.

    sig_imported(): a statement import finished (results shown or error shown).
    sig_confirmed(list): order numbers just confirmed.
    """

    sig_imported = Signal()
    sig_confirmed = Signal(list)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.views: list[OpenPaymentView] = []
        self.result: ImportResult | None = None
        self.proposals: list[Proposal] = []
        self.pending = item_table(_titles(PENDING_COLUMNS), stretch=3, name="pendingTable")
        self.proposals_table = item_table(_titles(PROPOSAL_COLUMNS), stretch=2, name="proposalsTable")
        self.others = item_table(_titles(OTHER_COLUMNS), stretch=3, name="othersTable")
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("pageStatus")
        self.status.setWordWrap(True)
        self.confirm_all = self._button(self.tr("Konfirmasi semua"), "confirmAll",
                                        self.on_confirm_all)
        self.confirm_selected = self._button(self.tr("Konfirmasi terpilih"), "confirmSelected",
                                             self.on_confirm_selected)
        self.import_box = QGroupBox(self.tr("Hasil impor mutasi"))
        self.pending.setMinimumHeight(130)  # with the import results: fits 768 px
        for table in (self.proposals_table, self.others):
            table.setMinimumHeight(100)
        self._build()
        self.refresh()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        """A named button showing ``text`` (translated by the caller, where lupdate sees it)."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        title = QLabel(self.tr("Konfirmasi pembayaran transfer & QRIS"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self._button(self.tr("Muat ulang"), "refresh", self.refresh))
        top.addWidget(self._button(self.tr("Impor mutasi…"), "importStatement", self.on_import))
        pending_box = QGroupBox(self.tr("Menunggu uang masuk"))
        pending_layout = QVBoxLayout(pending_box)
        pending_layout.addWidget(self.pending)
        manual = QHBoxLayout()
        manual.addStretch(1)
        manual.addWidget(self._button(self.tr("Konfirmasi manual…"), "manualConfirm",
                                      self.on_manual))
        pending_layout.addLayout(manual)
        box = QVBoxLayout(self.import_box)
        box.addWidget(self.summary)
        box.addWidget(QLabel(self.tr("Usulan cocok (jumlah sama persis dengan satu pesanan):")))
        box.addWidget(self.proposals_table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_selected)
        buttons.addWidget(self.confirm_all)
        box.addLayout(buttons)
        box.addWidget(QLabel(self.tr("Perlu dicek sendiri:")))
        box.addWidget(self.others)
        self.import_box.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(pending_box, 1)
        layout.addWidget(self.import_box, 1)

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
        self.status.setText(text)

    # --- pending payments --------------------------------------------------------------------

    def refresh(self) -> None:
        """Expire overdue orders, then reload the pending payments."""
        with self.ctx.db.unit_of_work() as session:
            expired = service.expire_due(session)
            self.views = service.open_payments(session)
        if expired:
            self._say(self.tr("Pesanan online kedaluwarsa (reservasi stok berakhir): ")
                      + ", ".join(expired), ok=False)
        self.pending.setRowCount(len(self.views))
        for row, view in enumerate(self.views):
            account = f"{view.bank} {view.account_number}" if view.bank else "—"
            _fill_row(self.pending, row, (
                view.order_number, i18n.method_name(view.method),
                format_rupiah(view.amount_due), account, service.format_age(view.age),
                self._state_text(view),
            ), right=(2, 4))

    def _state_text(self, view: OpenPaymentView) -> str:
        """A counter sale waits as "belum dibayar" (goods handed over, it never expires);
        an online reservation shows its deadline."""
        if view.counter or view.expires_at is None:
            return self.tr("Belum dibayar (barang sudah diserahkan)")
        return self.tr("Menunggu bayar, batas %1").replace(
            "%1", local(view.expires_at).strftime("%d/%m %H:%M"))

    def selected_view(self) -> OpenPaymentView | None:
        """The pending payment selected in the table, or None."""
        rows = {index.row() for index in self.pending.selectionModel().selectedRows()}
        return self.views[min(rows)] if rows else None

    def on_manual(self) -> None:
        """Ask amount, date and reference for the selected payment, then confirm it."""
        view = self.selected_view()
        if view is None:
            self._say(self.tr("Pilih pembayaran di tabel dulu."), ok=False)
            return
        dialog = ManualConfirmDialog(view, self)
        if dialog.exec() == ManualConfirmDialog.DialogCode.Accepted:
            received, day, reference = dialog.values()
            self.confirm_manual(view.payment_id, received, day, reference)

    def confirm_manual(self, payment_id: int, received: int, day: date, reference: str) -> bool:
        """Confirm one payment by hand (permission checked, audited); False with the reason."""
        try:
            pin = self._approver_pin()
            with self.ctx.db.unit_of_work() as session:
                number = service.confirm_manual(session, payment_id, received=received,
                                                paid_on=day, reference=reference,
                                                user_id=self.ctx.user_id, approver_pin=pin)
        except UserError as exc:
            self._say(error_text(exc), ok=False)
            return False
        self._done([number])
        return True

    def _approver_pin(self) -> str | None:
        """None when the user may confirm; else the owner's PIN typed on the spot."""
        with self.ctx.db.read() as session:
            if self.ctx.user_id is None or permissions.can(
                    session, self.ctx.user_id, service.CONFIRM_ACTION):
                return None
        pin, ok = QInputDialog.getText(self, self.tr("Izin pemilik"),
                                       self.tr("PIN pemilik untuk konfirmasi pembayaran:"),
                                       QLineEdit.EchoMode.Password)
        return pin if ok else None

    def _done(self, numbers: list[str]) -> None:
        self.refresh()
        self._say(self.tr("Lunas: ") + ", ".join(numbers))
        self.ctx.signals.sig_status.emit(self.tr("Pembayaran dikonfirmasi: ") + ", ".join(numbers))
        self.sig_confirmed.emit(numbers)

    # --- statement import --------------------------------------------------------------------

    def on_import(self) -> None:
        """Pick a statement file (CSV/XLSX) and import it off the GUI thread."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Impor mutasi rekening"), "",
                                              self.tr("Mutasi bank (*.csv *.txt *.xlsx)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read, remember and match the statement at ``path``; results arrive on the page."""
        self._say(self.tr("Membaca mutasi {0}…").format(Path(path).name))

        def work(_progress: object) -> ImportResult:
            with self.ctx.db.unit_of_work() as session:
                return service.import_statement(session, path)

        run_task(work, on_done=self._imported, on_error=self._import_failed, owner=self)

    def _import_failed(self, error: BaseException) -> None:
        text = str(error) if isinstance(error, UserError) else self.tr(
            "Mutasi tidak bisa dibaca: {0}").format(error.__class__.__name__)
        self._say(text, ok=False)
        self.sig_imported.emit()

    def _imported(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self.result = result
        self.proposals = list(result.proposals)
        st = result.statement
        account = f" rekening {st.account_number}" if st.account_number else ""
        notes = " ".join(result.warnings)
        self.summary.setText(self.tr("Mutasi {0}{1}: {2} baris ({3} baru). {4}").format(
            st.bank, account, len(st), result.new_lines, notes).strip())
        self._say(self.tr("Mutasi terbaca: {0} usulan cocok.").format(len(self.proposals)))
        self._show_results()
        self.import_box.show()
        self.refresh()
        self.sig_imported.emit()

    def _show_results(self) -> None:
        self.proposals_table.setRowCount(len(self.proposals))
        for row, proposal in enumerate(self.proposals):
            line = proposal.line
            _fill_row(self.proposals_table, row, (
                _day(line.date), format_rupiah(line.amount), line.description,
                proposal.payment.order_number), right=(1,))
        self.confirm_all.setText(self.tr("Konfirmasi semua ({0})").format(len(self.proposals)))
        self.confirm_all.setEnabled(bool(self.proposals))
        self.confirm_selected.setEnabled(bool(self.proposals))
        self._show_others()

    def _show_others(self) -> None:
        rows: list[tuple[str, StatementLine, str]] = []
        if self.result is not None:
            matches = self.result.matches
            for group in matches.ambiguous:
                orders = ", ".join(p.order_number for p in group.payments)
                rows += [(self.tr("Ambigu"), line, f"{group.message}: {orders}")
                         for line in group.lines]
            rows += [(self.tr("Tidak cocok"), line, self.tr("tidak ada pesanan terbuka "
                                                            "dengan jumlah ini"))
                     for line in matches.unmatched]
            rows += [(self.tr("PEND"), line, self.tr("menunggu bank; impor lagi nanti"))
                     for line in matches.pending]
        self.others.setRowCount(len(rows))
        for row, (kind, line, note) in enumerate(rows):
            _fill_row(self.others, row, (kind, _day(line.date), format_rupiah(line.amount),
                                         line.description, note), right=(2,))

    def on_confirm_all(self) -> None:
        """Confirm every proposal with one click."""
        self.confirm(list(self.proposals))

    def on_confirm_selected(self) -> None:
        """Confirm the selected proposals."""
        rows = sorted({i.row() for i in self.proposals_table.selectionModel().selectedRows()})
        if not rows:
            self._say(self.tr("Pilih usulan di tabel dulu."), ok=False)
            return
        self.confirm([self.proposals[row] for row in rows])

    def confirm(self, chosen: list[Proposal]) -> bool:
        """Confirm these proposals in one transaction; False (nothing confirmed) with reason."""
        if not chosen:
            return False
        bank = self.result.statement.bank if self.result else ""
        try:
            pin = self._approver_pin()
            with self.ctx.db.unit_of_work() as session:
                numbers = service.confirm_proposals(session, chosen, self.ctx.user_id,
                                                    bank=bank, approver_pin=pin)
        except UserError as exc:
            self._say(error_text(exc), ok=False)
            return False
        done = {id(p) for p in chosen}
        self.proposals = [p for p in self.proposals if id(p) not in done]
        self._show_results()
        self._done(numbers)
        return True


__all__ = ["ConfirmPaymentsPage"]
