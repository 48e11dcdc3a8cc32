"""The audit log viewer: who did which protected action, when, and who approved it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import audit, permissions, users
from app.audit import AuditRow
from app.clock import local
from ui.admin.labels import audit_label, detail_text
from ui.context import AppContext
from ui.list_model import Column, TableModel
from ui.shop_dates import day_end_utc, day_start_utc, today_qdate

LIMIT = 2000


class AuditModel(TableModel[AuditRow]):
    """Audit entries: time, action, by, approved by, details."""

    def __init__(self) -> None:
        super().__init__()
        self.set_columns([
            Column(self.tr("Waktu"), lambda r: local(r.at).strftime("%d/%m/%Y %H:%M:%S")),
            Column(self.tr("Tindakan"), lambda r: audit_label(r.action)),
            Column(self.tr("Oleh"), lambda r: r.user_name),
            Column(self.tr("Disetujui"), lambda r: r.approver_name or "—"),
            Column(self.tr("Rincian"), lambda r: detail_text(r.detail)),
        ])

    def row_colour(self, row: AuditRow) -> str | None:
        """Wrong PINs in red, approvals by an owner in blue."""
        if row.action == permissions.WRONG_PIN:
            return "#b71c1c"
        return "#0d47a1" if row.approver_name else None


class AuditLogView(QWidget):
    """Filters (action, user, dates) over the audit table."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = AuditModel()
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel("")
        self.count_label.setObjectName("hint")
        layout.addWidget(self.count_label)
        self.refresh()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.action_combo = QComboBox()
        self.user_combo = QComboBox()
        today = today_qdate()
        self.from_date = QDateEdit(today.addDays(-30))
        self.to_date = QDateEdit(today)
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self._fill_combos()
        for label, widget in ((self.tr("Tindakan"), self.action_combo),
                              (self.tr("Pengguna"), self.user_combo),
                              (self.tr("Dari"), self.from_date), (self.tr("Sampai"), self.to_date)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addStretch(1)
        self.action_combo.currentIndexChanged.connect(self.refresh)
        self.user_combo.currentIndexChanged.connect(self.refresh)
        self.from_date.dateChanged.connect(self.refresh)
        self.to_date.dateChanged.connect(self.refresh)
        return row

    def _fill_combos(self) -> None:
        with self.ctx.db.read() as session:
            actions = audit.audit_actions(session)
            people = users.user_names(session)
        self.action_combo.addItem(self.tr("Semua tindakan"), None)
        for action in sorted(actions, key=audit_label):
            self.action_combo.addItem(audit_label(action), action)
        self.user_combo.addItem(self.tr("Semua pengguna"), None)
        for user_id, name in people:
            self.user_combo.addItem(name, user_id)

    def refresh(self) -> None:
        """Query the log with the current filters."""
        since = day_start_utc(self.from_date.date())
        until = day_end_utc(self.to_date.date())
        with self.ctx.db.read() as session:
            rows = audit.audit_rows(
                session, action=self.action_combo.currentData(),
                user_id=self.user_combo.currentData(), since=since, until=until, limit=LIMIT)
        self.model.set_rows(rows)
        text = self.tr("%1 catatan").replace("%1", str(len(rows)))
        if len(rows) >= LIMIT:
            text += self.tr(" (hanya yang terbaru; persempit filter untuk melihat lebih lama)")
        self.count_label.setText(text)


class AuditLogDialog(QDialog):
    """The audit log in its own window."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log audit"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        self.view = AuditLogView(ctx, self)
        layout.addWidget(self.view)
