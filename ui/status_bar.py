"""The status bar: shop, cashier, PEKEN sync state, printer state and the clock (shop time)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app import clock
from ui.context import AppContext
from ui.translate import QT_TRANSLATE_NOOP

DAYS = (QT_TRANSLATE_NOOP("StatusBar", "Sen"), QT_TRANSLATE_NOOP("StatusBar", "Sel"),
        QT_TRANSLATE_NOOP("StatusBar", "Rab"), QT_TRANSLATE_NOOP("StatusBar", "Kam"),
        QT_TRANSLATE_NOOP("StatusBar", "Jum"), QT_TRANSLATE_NOOP("StatusBar", "Sab"),
        QT_TRANSLATE_NOOP("StatusBar", "Min"))


class StatusBar(QStatusBar):
    """Permanent facts on the right, short messages (``sig_status``) on the left."""

    def __init__(self, ctx: AppContext, shop_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("statusBar")
        self.shop = self._part(shop_name, "statusShop")
        self.cashier = self._part("", "statusCashier")
        self.sync = self._part(self.tr("PEKEN: belum terhubung"), "statusSync")
        self.printer = self._part(self.tr("Printer: belum diatur"), "statusPrinter")
        self.clock = self._part("", "statusClock")
        self.show_user()
        self._tick()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        ctx.signals.sig_status.connect(lambda text: self.showMessage(text, 5000))
        ctx.signals.sig_user_changed.connect(self.show_user)

    def _part(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        self.addPermanentWidget(label)
        return label

    def show_user(self) -> None:
        """Show who works the till."""
        name = self.ctx.user_name or "—"
        self.cashier.setText(self.tr("Kasir: {name}").format(name=name))

    def set_sync_state(self, text: str) -> None:
        """The sync engine reports here (e.g. ``PEKEN: 3 menunggu``)."""
        self.sync.setText(text)

    def set_printer_state(self, text: str) -> None:
        """Printing reports here (e.g. ``Printer: siap``)."""
        self.printer.setText(text)

    def add_notice(self, notice: QWidget) -> None:
        """A quiet notice (e.g. a new version, ``ui.update_notice``) left of the permanent facts."""
        self.insertPermanentWidget(0, notice)

    def _tick(self) -> None:
        """Show the shop clock (the zone receipts use), not the PC's own zone."""
        now = clock.now_local()
        day = QCoreApplication.translate("StatusBar", DAYS[now.weekday()])
        self.clock.setText(f"{day} {now:%d/%m/%Y %H:%M} {clock.zone_label()}")
