"""Screenshots of the users tab and the audit log for docs/screenshots (``make screenshots``).

Each entry of :data:`SCREENS` is ``(file name, render(ctx, out_dir))``. The renderers work on
a private copy of the shop (SQLite backup API) and play a short day at the till on it —
a login, a wrong PIN, a refund and a void approved with the owner's PIN, a new cashier —
so the pictures show real entries and the documented shop is never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from app import permissions, samples
from app.cart import Cart, CartLine
from app.db import Database, Session
from app.errors import PermissionDenied
from app.orders import RefundRequest, refund, void_pending
from app.sales import PaymentInput, checkout
from contract.enums import OrderKind, OrderStatus, PaymentMethod
from ui import screenshots
from ui.admin.audit_view import AuditLogDialog
from ui.admin.users_tab import UsersTab
from ui.context import AppContext
from ui.screenshots import save

Render = Callable[[AppContext, Path], None]
SIZE = (1100, 620)


def _user(session: Session, name: str) -> int:
    return samples.user_id(session, name)


def _wrong_pin(database: Database, cashier: int) -> None:
    try:
        with database.unit_of_work() as session:
            permissions.require(session, cashier, "refund", "4321")
    except PermissionDenied:
        pass


def _refund_story(session: Session, cashier: int) -> None:
    sale = samples.newest_order(session, OrderKind.SALE, OrderStatus.PAID)
    approval = permissions.require(session, cashier, "refund", "1234",
                                   detail={"order": sale.number})
    line = sale.lines[0]
    refund(session, sale.id, [RefundRequest(line.id, min(line.qty, Decimal(1)))],
           "Kemasan rusak", user_id=cashier, approved_by_id=approval.approved_by_id)


def _void_story(session: Session, cashier: int) -> None:
    [product] = samples.products(session, more_than=5, limit=1)
    cart = Cart()
    cart.add(CartLine(product.id, product.name, product.unit, Decimal(2), product.price))
    sale = checkout(session, cart, [PaymentInput(PaymentMethod.QRIS, cart.total)], cashier_id=cashier)
    approval = permissions.require(session, cashier, "void", "1234", detail={"order": sale.number})
    void_pending(session, sale.order_id, "Pembeli batal, QRIS tidak jadi dibayar",
                 user_id=cashier, approved_by_id=approval.approved_by_id)


def play_day(database: Database) -> None:
    """Protected actions of a typical day, so the audit log and orders list are not empty."""
    with database.unit_of_work() as session:
        owner, cashier = _user(session, "Siti"), _user(session, "Rina")
        permissions.login(session, cashier, "1111")
    _wrong_pin(database, cashier)
    with database.unit_of_work() as session:
        _refund_story(session, cashier)
    with database.unit_of_work() as session:
        _void_story(session, cashier)
    with database.unit_of_work() as session:
        permissions.require(session, owner, "settings", detail={"what": "atur izin"})
        permissions.set_permissions(session, owner, cashier, {"payment_confirm"})
        permissions.require(session, owner, "settings", detail={"what": "tambah pengguna"})
        permissions.add_user(session, owner, "Dewi", "cashier", "2580")
        permissions.require(session, cashier, "discount", "1234", detail={"amount": 15_000})


@contextmanager
def story_copy(ctx: AppContext) -> Iterator[AppContext]:
    """A context over a throw-away copy of the shop after :func:`play_day`."""
    with screenshots.private_copy(ctx) as own:
        play_day(own.db)
        with own.db.read() as session:
            cashier = _user(session, "Rina")
        yield AppContext(db=own.db, user_id=cashier, user_name="Rina", user_role="cashier")


def render_users(ctx: AppContext, out_dir: Path) -> None:
    """The Pengguna tab with the owner, two cashiers and one grant."""
    with story_copy(ctx) as story:
        tab = UsersTab(story)
        tab.resize(*SIZE)
        tab.show()
        tab.table.selectRow(1)
        save(tab, out_dir / "users.png")
        tab.close()


def render_audit_log(ctx: AppContext, out_dir: Path) -> None:
    """The audit log viewer after a day with refunds, a void and a wrong PIN."""
    with story_copy(ctx) as story:
        dialog = AuditLogDialog(story)
        dialog.resize(*SIZE)
        dialog.show()
        save(dialog, out_dir / "audit_log.png")
        dialog.close()


SCREENS: list[tuple[str, Render]] = [
    ("users.png", render_users),
    ("audit_log.png", render_audit_log),
]
