"""Booth mode: the sales channel every order is tagged with (Toko, or a named event)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QWidget

from app.errors import UserError
from ui.context import AppContext
from ui.messages import show_error

SETTING = "sales.current_channel_id"
NEW_EVENT = -1


class ChannelPicker(QWidget):
    """A big combo of channels plus "Acara baru…"; the choice is stored in settings."""

    sig_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("channelPicker")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Saluran (F3)"))
        caption.setObjectName("channelCaption")
        self.combo = QComboBox()
        self.combo.setObjectName("channelCombo")
        self.combo.setMinimumWidth(260)
        row.addWidget(caption)
        row.addWidget(self.combo, 1)
        self._current = 0
        self.reload()
        self.combo.activated.connect(self._on_activated)

    @property
    def current_id(self) -> int:
        """The channel new orders are tagged with."""
        return self._current

    @property
    def current_name(self) -> str:
        """The channel's name, for the display."""
        return self.combo.currentText()

    def reload(self) -> None:
        """Read channels and the stored choice (the counter when unset or gone)."""
        views, stored = self._read()
        event = self.tr("Acara: {name}")
        self.combo.blockSignals(True)
        self.combo.clear()
        for channel_id, kind, name in views:
            label = name if kind == "counter" else event.format(name=name)
            self.combo.addItem(label, channel_id)
        self.combo.addItem(self.tr("Acara baru…"), NEW_EVENT)
        ids = [view[0] for view in views]
        self._current = stored if stored in ids else ids[0]
        self.combo.setCurrentIndex(ids.index(self._current))
        self.combo.blockSignals(False)

    def _read(self) -> tuple[list[tuple[int, str, str]], int]:
        """The channels sold in as (id, kind, name), counter first, and the stored choice."""
        quick = self.ctx.quick
        if quick is not None:  # the database is still loading (ui.light_start)
            return quick.sale_channels(), quick.current_channel()
        from app import settings, shop  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        with self.ctx.db.read() as session:  # a read: no write (and fsync) at start-up
            views = [(c.id, c.kind, c.name) for c in shop.channels(session) if c.kind != "online"]
            return views, int(settings.get(session, SETTING))

    def cycle(self) -> None:
        """F3: the next channel (not "Acara baru…")."""
        count = self.combo.count() - 1
        self.select(self.combo.itemData((self.combo.currentIndex() + 1) % count))

    def select(self, channel_id: int) -> None:
        """Make ``channel_id`` current and remember it."""
        index = self.combo.findData(channel_id)
        if index < 0:
            return
        from app import settings  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        with self.ctx.db.unit_of_work() as session:
            settings.set_value(session, SETTING, int(channel_id))
        self._current = int(channel_id)
        self.combo.setCurrentIndex(index)
        self.sig_changed.emit(self._current)

    def _on_activated(self, index: int) -> None:
        data = self.combo.itemData(index)
        if data == NEW_EVENT:
            self.new_event()
        else:
            self.select(int(data))

    def new_event(self) -> None:
        """Ask an event's name, create it and sell there from now on."""
        self.combo.setCurrentIndex(self.combo.findData(self._current))
        name, ok = QInputDialog.getText(self, self.tr("Acara baru"),
                                        self.tr("Nama acara (mis. Bazar UMKM Balai Kota):"))
        if not ok or not name.strip():
            return
        from app import shop  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        try:
            with self.ctx.db.unit_of_work() as session:
                new_id = shop.create_event(session, name)
        except UserError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.select(new_id)
