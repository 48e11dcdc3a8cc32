"""Child process for the kept-cart kill test: the real sell screen, scanning and paying until killed.

    python -m tests.reliability.cart_child DBPATH SEED

Builds :class:`ui.sell.screen.SellScreen` offscreen on the shop file (which restores any
kept cart), prints ``READY <cart>``, then forever either scans a product (``3*`` prefix
sometimes) or pays the cart in cash. After a scan it prints ``KEPT <cart>`` once the screen
has written the cart to the file; after a payment ``SOLD <number>`` once the sale committed.
``<cart>`` is ``pid:qty,pid:qty`` (sorted) or ``-`` for an empty cart. The parent SIGKILLs it.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.cart import Cart
from app.db import open_database
from models import Product


def encode(cart: Cart | None) -> str:
    """The cart as ``pid:qty`` pairs, one per product (sorted), or ``-``."""
    if cart is None or not cart.lines:
        return "-"
    totals: dict[int, int] = {}
    for line in cart.lines:
        totals[line.product_id] = totals.get(line.product_id, 0) + int(line.qty)
    return ",".join(f"{pid}:{qty}" for pid, qty in sorted(totals.items()))


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _settle(app: QApplication, done: object) -> None:
    """Run the event loop until ``done()`` is true."""
    while not done():  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.001)


def main(argv: list[str]) -> int:
    """Open the shop, restore the kept cart, and ring up until killed."""
    from ui.app import make_context
    from ui.sell.pay import PayDialog
    from ui.sell.screen import SellScreen

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication([])
    database = open_database(Path(argv[0]))
    rng = random.Random(int(argv[1]))
    with database.read() as session:
        codes = list(session.scalars(select(Product.sku).where(Product.sold_by_weight.is_(False))))
    ctx, _name = make_context(database)
    screen = SellScreen(ctx)
    screen.show_receipt_preview = False
    _say(f"READY {encode(screen.model.cart)}")
    while True:
        if screen.model.cart.lines and rng.random() < 0.2:
            screen.dialogs.pay()
            dialog = screen.dialogs.current
            assert isinstance(dialog, PayDialog)
            dialog.quick_buttons[0].click()  # uang pas: the sale is saved
            assert dialog.result_ is not None
            _say(f"SOLD {dialog.result_.number}")
            _settle(app, lambda: screen.dialogs.current is None and not screen.model.cart.lines)
        else:
            code = rng.choice(codes)
            screen.submit(code if rng.random() < 0.7 else f"2*{code}")
            _settle(app, screen.keeper.idle)  # written to the file, not just queued
            _say(f"KEPT {encode(screen.model.cart)}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
