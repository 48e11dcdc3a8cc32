"""The first-run wizard dialog: one page per step, "Lanjut" (Enter) saves, "Lewati" skips.

Every "Lanjut" or "Lewati" is one unit of work that also records the next step, so closing
the program half-way leaves a consistent shop and the wizard continues there next time.
Esc does nothing (a stray key must not end the set-up); the window's close button closes
the program, keeping what was saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import first_run
from app.errors import UserError
from app.first_run import Step
from ui.context import AppContext
from ui.first_run.pages import OwnerPage, PaymentPage, PekenPage, PrinterPage, ShopPage, StepPage
from ui.first_run.restore import restore_shop
from ui.messages import error_text
from ui.worker import run_task

PAGES: tuple[type[StepPage], ...] = (ShopPage, OwnerPage, PaymentPage, PrinterPage, PekenPage)


class FirstRunWizard(QDialog):
    """The set-up of a new shop, from ``start`` on; ``restored`` when "Pulihkan toko" replaced it."""

    def __init__(self, ctx: AppContext, start: Step = Step.SHOP, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.restored = False
        self.busy = False
        self.setWindowTitle(self.tr("Selamat datang di PEKEN Kasir"))
        self.setObjectName("firstRunWizard")
        self.pages: list[StepPage] = [page(ctx) for page in PAGES if page.step >= start]
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.restore_button = self._button(self.tr("Pulihkan toko…"), "restoreShop", self.on_restore)
        self.skip_button = self._button(self.tr("&Lewati"), "skipStep", self.on_skip)
        self.next_button = self._button(self.tr("Lanjut"), "payButton", self.on_next)  # the green one
        self.next_button.setDefault(True)
        self._build()
        self.resize(640, 440)
        self._show_page(0)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def page(self) -> StepPage:
        """The page shown now."""
        widget = self.stack.currentWidget()
        assert isinstance(widget, StepPage)
        return widget

    def _show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        page = self.page()
        self.heading.setText(self.tr("Langkah %1 dari %2 · %3").replace("%1", str(int(page.step)))
                             .replace("%2", str(len(PAGES))).replace("%3", page.title()))
        last = index == len(self.pages) - 1
        self.next_button.setText(self.tr("Selesai") if last else self.tr("Lanjut"))
        self.restore_button.setVisible(page.step is Step.SHOP)
        self.error.setText("")
        page.first_field().setFocus()

    def _forward(self) -> None:
        index = self.stack.currentIndex() + 1
        if index >= len(self.pages):
            self.accept()
        else:
            self._show_page(index)

    def on_next(self) -> None:
        """Save this page ("Lanjut", Enter) and go on; a problem is shown on the page."""
        if self.busy:
            return
        page = self.page()
        if isinstance(page, PekenPage) and page.wants_enrollment():
            self._enroll(page)
            return
        try:
            page.save()
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self._forward()

    def on_skip(self) -> None:
        """Leave this step as it is ("Lewati") and go on."""
        if self.busy:
            return
        with self.ctx.db.unit_of_work() as session:
            first_run.skip(session, self.page().step)
        self._forward()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.skip_button, self.next_button):
            button.setEnabled(not busy)

    def _enroll(self, page: PekenPage) -> None:
        """Enroll off the GUI thread; on success the wizard is done."""
        self._set_busy(True)
        self.error.setText(self.tr("Menghubungi server PEKEN…"))

        def done(_result: object) -> None:
            self._set_busy(False)
            page.save()
            self._forward()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self.error.setText(error_text(error))

        run_task(lambda _progress: page.enroll(), on_done=done, on_error=failed, owner=self)

    def on_restore(self) -> None:
        """"Pulihkan toko": replace this new shop with a backup; the wizard then ends."""
        if restore_shop(self, self.ctx):
            self.restored = True
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc does not end the set-up (use "Lewati", Alt+L)."""
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)
