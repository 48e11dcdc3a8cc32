"""The open cart kept in the shop file (:class:`CartKeeper`): written just after each change,
read back when the till starts again after a close, crash or power cut.

A change is written on a writer thread shortly after it happened (one write for a burst of
changes), so the scan path never waits for the disk: a durable commit costs 10–30 ms on a
laptop disk, longer than the 16 ms a scan may take. Writes are serialised on that one thread,
each of a copy of the cart as it was. Before the cart is sold, held or swapped the screen calls
:meth:`CartKeeper.settle`, so no older write can land after that transaction; closing the
window writes synchronously (:meth:`CartKeeper.keep`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.cart import Cart
from ui.context import AppContext
from ui.sell.model import CartModel

KEEP_DELAY_MS = 40  # the cart is written just after the new row is painted (scan budget 16 ms)
log = logging.getLogger(__name__)
_writer: ThreadPoolExecutor | None = None


def snapshot(cart: Cart) -> Cart:
    """A copy of ``cart`` for the writer thread, apart from the till's later changes.

    Only what the till changes in place is copied (the list of lines, each line, each
    discount); names, quantities and applied promotions are immutable and shared. A deep copy
    took 0.4 ms on the till's thread (5 × this), often inside a scan (bench.scan).
    """
    lines = [replace(line, discount=replace(line.discount)) for line in cart.lines]
    return replace(cart, lines=lines, discount=replace(cart.discount))


def _writer_pool() -> ThreadPoolExecutor:
    """The one thread every keeper writes on (writes to a shop file never overlap)."""
    global _writer
    if _writer is None:
        _writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cart-keeper")
    return _writer


class CartKeeper(QObject):
    """Writes ``model``'s cart shortly after it changed; ``say`` reports a failed write once.

    sig_written(int, bool): background write number n finished (True) or failed (False).
    """

    sig_written = Signal(int, bool)

    def __init__(self, ctx: AppContext, model: CartModel, say: Callable[[str, bool], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self._say = say
        self.failed = False
        self._pending: Future[bool] | None = None
        self._writes = 0  # numbers every write; an outcome older than the last write is stale
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(KEEP_DELAY_MS)
        self.timer.timeout.connect(self._write_in_background)
        self.sig_written.connect(self._background_written)

    def changed(self) -> None:
        """The cart changed: write it soon (one write for a burst of changes)."""
        if not self.timer.isActive():
            self.timer.start()

    def _write_in_background(self) -> None:
        self._writes += 1
        cart, user_id = snapshot(self.model.cart), self.ctx.user_id
        self._pending = _writer_pool().submit(self._write, self._writes, cart, user_id)

    def _write(self, number: int, cart: Cart, user_id: int | None) -> bool:
        """On the writer thread: one short transaction; the outcome goes back as a signal."""
        from app import cart_store  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        try:
            with self.ctx.db.unit_of_work() as session:
                cart_store.save(session, cart, user_id=user_id)
            ok = True
        except Exception:  # the till keeps selling; the cart is still on the screen
            log.exception("open cart not kept")
            ok = False
        with contextlib.suppress(RuntimeError):  # the screen is gone (window closed)
            self.sig_written.emit(number, ok)
        return ok

    def _background_written(self, number: int, ok: bool) -> None:
        if number == self._writes:  # not overtaken by a later write
            self._written(ok)

    def _written(self, ok: bool) -> None:
        if not ok and not self.failed:  # said once until a write works again
            self._say(QCoreApplication.translate(
                "SellScreen", "Keranjang belum tersimpan di berkas toko; selesaikan atau tahan "
                              "(F8) sebelum menutup."), True)
        self.failed = not ok

    def idle(self) -> bool:
        """No change waiting to be written and no write under way (the file has the cart)."""
        pending = self._pending
        return not self.timer.isActive() and (pending is None or pending.done())

    def settle(self) -> None:
        """Before the cart is sold, held or swapped: finish every write of it first."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()
        if self.timer.isActive():
            self.keep()

    def keep(self) -> bool:
        """Write the cart to the shop file now; False (and a notice) when that failed."""
        self.timer.stop()
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()  # an older copy must not land after this one
        self._writes += 1
        from app import cart_store  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        try:
            with self.ctx.db.unit_of_work() as session:
                cart_store.save(session, self.model.cart, user_id=self.ctx.user_id)
        except Exception:
            log.exception("open cart not kept")
            self._written(False)
            return False
        self._written(True)
        return True

    def kept_cart(self) -> Cart | None:
        """The cart left open last time (None when there is none or it cannot be read)."""
        from app import cart_store  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        try:
            with self.ctx.db.read() as session:
                return cart_store.load(session)
        except Exception:  # an unreadable kept cart must not keep the till from starting
            log.exception("kept cart could not be read")
            return None
