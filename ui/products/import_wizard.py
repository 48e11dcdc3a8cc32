"""Import wizard: choose a CSV/XLSX file, map its columns, preview every row, import all or nothing.

Reading and checking run off the GUI thread (``run_task``) with a progress bar; the
import itself re-checks and writes in one transaction and can be cancelled (nothing is
then written).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.importing import (
    FIELDS,
    ImportPlan,
    ImportRefused,
    ImportResult,
    RawTable,
    build_plan,
    guess_mapping,
    import_table,
    label,
    read_table,
)
from ui.context import AppContext
from ui.i18n_tools import QT_TRANSLATE_NOOP
from ui.list_model import Column, TableModel
from ui.messages import show_error
from ui.worker import Cancelled, Progress, Task, run_task

PREVIEW_ROWS = 500
STATUS_WIDTH = 300


@dataclass(frozen=True)
class PreviewRow:
    """One file row in the preview with its status."""

    line: int
    cells: list[str]
    status: str
    bad: bool


# The field labels of app.importing.FIELDS (app/ has no Qt): marked for lupdate here, shown
# by field_title. The file's own column names stay as they are.
FIELD_TITLES = (
    QT_TRANSLATE_NOOP("ImportWizard", "SKU"),
    QT_TRANSLATE_NOOP("ImportWizard", "Barcode"),
    QT_TRANSLATE_NOOP("ImportWizard", "Nama Produk"),
    QT_TRANSLATE_NOOP("ImportWizard", "Kategori"),
    QT_TRANSLATE_NOOP("ImportWizard", "Satuan"),
    QT_TRANSLATE_NOOP("ImportWizard", "Dijual per Berat"),
    QT_TRANSLATE_NOOP("ImportWizard", "Harga Jual"),
    QT_TRANSLATE_NOOP("ImportWizard", "Harga Pokok"),
    QT_TRANSLATE_NOOP("ImportWizard", "Stok"),
    QT_TRANSLATE_NOOP("ImportWizard", "Stok Minimum"),
    QT_TRANSLATE_NOOP("ImportWizard", "Terbit PEKEN"),
    QT_TRANSLATE_NOOP("ImportWizard", "Diarsipkan"),
    QT_TRANSLATE_NOOP("ImportWizard", "Kemasan"),
    QT_TRANSLATE_NOOP("ImportWizard", "Barcode Kemasan"),
    QT_TRANSLATE_NOOP("ImportWizard", "Harga Grosir"),
    QT_TRANSLATE_NOOP("ImportWizard", "Induk"),
    QT_TRANSLATE_NOOP("ImportWizard", "Opsi"),
)


def _t(text: str) -> str:
    """``text`` in the screens' language (lupdate finds the literal calls, see ui.i18n_tools)."""
    return QCoreApplication.translate("ImportWizard", text)


def field_title(key: str) -> str:
    """A field key (``price``) as the wizard shows it: ``Harga Jual`` / ``Selling price``."""
    return _t(label(key))


def preview_rows(table: RawTable, plan: ImportPlan, limit: int = PREVIEW_ROWS) -> list[PreviewRow]:
    """Bad rows first (so the seller sees them), then the others, up to ``limit``."""
    errors = {e.line: e.reason for e in plan.errors}
    updated = {p.line for p in plan.updates}
    rows = []
    for line, cells in table.rows:
        if line in errors:
            rows.append(PreviewRow(line, cells, errors[line], True))
        else:
            rows.append(PreviewRow(line, cells, _t("Diperbarui") if line in updated else _t("Baru"),
                                   False))
    rows.sort(key=lambda r: (not r.bad, r.line))
    return rows[:limit]


def preview_model(table: RawTable, mapping: dict[int, str], rows: list[PreviewRow]) -> TableModel[PreviewRow]:
    """Row number, status, then every mapped column under its field label."""
    columns: list[Column[PreviewRow]] = [
        Column(_t("Baris"), lambda r: str(r.line), numeric=True),
        Column(_t("Status"), lambda r: r.status, colour=lambda r: "#c62828" if r.bad else "#2e7d32"),
    ]
    for index, key in sorted(mapping.items()):
        if key:
            columns.append(Column(field_title(key), _cell_getter(index)))
    return TableModel(columns, rows)


def _cell_getter(index: int) -> Any:
    return lambda r: r.cells[index] if index < len(r.cells) else ""


class ImportDialog(QDialog):
    """The import wizard."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table: RawTable | None = None
        self.mapping: dict[int, str] = {}
        self.plan: ImportPlan | None = None
        self.outcome: ImportResult | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Impor produk dari CSV / Excel"))
        self.resize(980, 640)
        self._build()

    def _build(self) -> None:
        self.file_label = QLabel(self.tr("Belum ada berkas. Kolom yang dikenali: Nama Produk, Harga Jual, "
                                         "Harga Pokok, SKU, Barcode, Kategori, Satuan, Stok, Stok Minimum, "
                                         "Dijual per Berat, Terbit PEKEN."))
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Pilih berkas…"))
        choose.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Kolom di berkas"), self.tr("Contoh isi"), self.tr("Dipakai sebagai")])
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.resizeColumnsToContents()  # titles whole (English ones are longer)
        self.mapping_table.verticalHeader().hide()
        self.preview = QTableView()
        self.preview.verticalHeader().hide()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        for widget in (self.mapping_table, self.preview, self.report):
            splitter.addWidget(widget)
        splitter.setSizes([150, 330, 120])
        self.summary = QLabel("")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.clicked.connect(self.cancel)
        self.import_button = QPushButton(self.tr("Impor"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # ---- reading and checking ---------------------------------------------------------------
    def choose_file(self) -> None:
        """Ask for a file and load it."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih berkas produk"), "",
                                              self.tr("Tabel (*.csv *.xlsx *.txt)"))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Read ``path`` and check it (off the GUI thread)."""
        self.file_label.setText(f"<b>{path.name}</b> — {path.parent}")

        def work(progress: Progress) -> tuple[RawTable, dict[int, str], ImportPlan]:
            table = read_table(path)
            mapping = guess_mapping(table.headers)
            with self.ctx.db.read() as session:
                return table, mapping, build_plan(session, table, mapping, progress)

        self._run(work, self._loaded)

    def _loaded(self, result: tuple[RawTable, dict[int, str], ImportPlan]) -> None:
        self.table, self.mapping, plan = result
        self._fill_mapping()
        self._show_plan(plan)

    def recheck(self) -> None:
        """Check again after the seller changed the column mapping."""
        table, mapping = self.table, dict(self.mapping)
        if table is None:
            return

        def work(progress: Progress) -> ImportPlan:
            with self.ctx.db.read() as session:
                return build_plan(session, table, mapping, progress)

        self._run(work, self._show_plan)

    def _fill_mapping(self) -> None:
        assert self.table is not None
        headers = self.table.headers
        self.mapping_table.setRowCount(len(headers))
        sample = self.table.rows[0][1] if self.table.rows else []
        for i, header in enumerate(headers):
            self.mapping_table.setItem(i, 0, QTableWidgetItem(header))
            self.mapping_table.setItem(i, 1, QTableWidgetItem(sample[i] if i < len(sample) else ""))
            combo = QComboBox()
            combo.addItem(self.tr("(abaikan)"), "")
            for key in FIELDS:
                combo.addItem(field_title(key), key)
            combo.setCurrentIndex(max(0, combo.findData(self.mapping.get(i, ""))))
            combo.currentIndexChanged.connect(
                lambda _i, col=i, c=combo: self.set_column(col, c.currentData()))
            self.mapping_table.setCellWidget(i, 2, combo)
        self.mapping_table.resizeColumnsToContents()

    def set_column(self, column: int, key: str) -> None:
        """Map a file column to a field (or ignore it), then re-check."""
        if key:
            for other, used in list(self.mapping.items()):
                if used == key and other != column:
                    del self.mapping[other]
                    combo = self.mapping_table.cellWidget(other, 2)
                    if isinstance(combo, QComboBox):
                        combo.blockSignals(True)
                        combo.setCurrentIndex(0)
                        combo.blockSignals(False)
            self.mapping[column] = key
        else:
            self.mapping.pop(column, None)
        self.recheck()

    def _show_plan(self, plan: ImportPlan) -> None:
        assert self.table is not None
        self.plan = plan
        self.preview.setModel(preview_model(self.table, self.mapping, preview_rows(self.table, plan)))
        self.preview.resizeColumnsToContents()
        self.preview.setColumnWidth(1, min(self.preview.columnWidth(1), STATUS_WIDTH))
        self.report.setPlainText(plan.report())
        self.summary.setText(plan.report().splitlines()[0])
        self.summary.setStyleSheet("color: #c62828;" if not plan.ok else "color: #2e7d32;")
        self.import_button.setEnabled(plan.ok and bool(plan.creates or plan.updates))

    # ---- importing --------------------------------------------------------------------------
    def start_import(self) -> None:
        """Check again and write everything in one transaction (off the GUI thread)."""
        table, mapping = self.table, dict(self.mapping)
        if table is None:
            return

        def work(progress: Progress) -> ImportResult:
            with self.ctx.db.unit_of_work() as session:
                return import_table(session, table, mapping, progress)

        self._run(work, self._imported)

    def _imported(self, result: ImportResult) -> None:
        self.outcome = result
        text = self.tr("Selesai: %d produk baru, %d diperbarui.") % (result.created, result.updated)
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #2e7d32;")
        self.import_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Tutup"))
        self.ctx.signals.sig_catalog_changed.emit()

    def _run(self, work: Any, done: Any) -> None:
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.import_button.setEnabled(False)
        self.task = run_task(work, on_done=lambda r: self._finish(done, r), on_error=self._failed,
                             on_progress=self._progress, owner=self)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def _finish(self, done: Any, result: Any) -> None:
        self.task = None
        self.progress.setVisible(False)
        done(result)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.progress.setVisible(False)
        if isinstance(error, Cancelled):
            self.summary.setText(self.tr("Dibatalkan: tidak ada yang disimpan."))
            self.summary.setStyleSheet("color: #c62828;")
            self.import_button.setEnabled(bool(self.plan and self.plan.ok))
            return
        if isinstance(error, ImportRefused):
            self._show_plan(error.plan)
            return
        show_error(self, error)

    @property
    def busy(self) -> bool:
        """Whether reading, checking or importing is running."""
        return self.task is not None

    def cancel(self) -> None:
        """Cancel the running work (nothing is written), or close the dialog."""
        if self.task is not None:
            self.task.progress.cancel()
            return
        if self.outcome is not None:
            self.accept()
        else:
            self.reject()
