"""The open cart kept in the shop file (:class:`CartKeeper`): written just after each change,
read back when the till starts again after a close, crash or power cut."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from app import cart_store
from app.cart import Cart
from ui.context import AppContext
from ui.sell.model import CartModel

KEEP_DELAY_MS = 40  # the cart is written just after the new row is painted (scan budget 16 ms)
log = logging.getLogger(__name__)


class CartKeeper(QObject):
    """Writes ``model``'s cart shortly after it changed; ``say`` reports a failed write once."""

    def __init__(self, ctx: AppContext, model: CartModel, say: Callable[[str, bool], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self._say = say
        self.failed = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(KEEP_DELAY_MS)
        self.timer.timeout.connect(self.keep)

    def changed(self) -> None:
        """The cart changed: write it soon (one write for a burst of changes)."""
        if not self.timer.isActive():
            self.timer.start()

    def keep(self) -> bool:
        """Write the cart to the shop file now; False (and a notice) when that failed."""
        self.timer.stop()
        try:
            with self.ctx.db.unit_of_work() as session:
                cart_store.save(session, self.model.cart, user_id=self.ctx.user_id)
        except Exception:  # the till keeps selling; the cart is still on the screen
            if not self.failed:  # said (and logged) once until a write works again
                log.exception("open cart not kept")
                self._say(QCoreApplication.translate(
                    "SellScreen", "Keranjang belum tersimpan di berkas toko; selesaikan atau tahan "
                                  "(F8) sebelum menutup."), True)
            self.failed = True
            return False
        self.failed = False
        return True

    def kept_cart(self) -> Cart | None:
        """The cart left open last time (None when there is none or it cannot be read)."""
        try:
            with self.ctx.db.read() as session:
                return cart_store.load(session)
        except Exception:  # an unreadable kept cart must not keep the till from starting
            log.exception("kept cart could not be read")
            return None
