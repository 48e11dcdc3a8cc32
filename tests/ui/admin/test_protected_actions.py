"""A cashier's protected actions outside the orders list ask an owner's PIN on the spot:
a big discount at the till, a stock adjustment, a price change, and the settings page.
Each approval (or refusal) is visible in the database and the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.cart import Cart, CartLine, Discount
from models import Product
from tests.ui.admin.kit import as_user, audit, click, user_id, when_modal
from ui.admin.approval import OwnerPinDialog
from ui.context import AppContext
from ui.products.editor import ProductEditor
from ui.products.stock_dialogs import AdjustDialog
from ui.sell.screen import SellScreen
from ui.settings.page import SettingsPage


def _owner_pin(qtbot: QtBot, pin: str = "1234") -> list[str]:
    """Answer the next owner-PIN dialog; returns the headings seen."""
    seen: list[str] = []

    def fill(dialog: OwnerPinDialog) -> None:
        seen.append(dialog.action)
        qtbot.keyClicks(dialog.pin, pin)
        click(dialog, "Setujui")

    when_modal(OwnerPinDialog, fill)
    return seen


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    unit: str
    price: int


def _first_product(ctx: AppContext) -> Item:
    with ctx.db.read() as s:
        p = s.scalars(select(Product).where(Product.sold_by_weight.is_(False),
                                            Product.price >= 10_000).limit(1)).one()
        return Item(p.id, p.name, p.unit, p.price)


def test_big_discount_at_the_till_needs_the_owner(
    ctx: AppContext, screen: SellScreen, qtbot: QtBot
) -> None:
    rina = as_user(ctx, "Rina")
    product = _first_product(ctx)
    screen.model.replace_cart(Cart(lines=[CartLine(product.id, product.name, product.unit,
                                                   Decimal(1), product.price)]))
    small, big = Discount("percent", Decimal(5)), Discount("percent", Decimal(50))
    screen.dialogs.discount_approved(product.price, small, lambda: screen.model.set_order_discount(small))
    assert screen.model.cart.discount == small  # within the 10% limit: no PIN
    refused = when_modal(OwnerPinDialog, lambda d: d.reject())
    screen.dialogs.discount_approved(product.price, big, lambda: screen.model.set_order_discount(big))
    assert [d.action for d in refused] == ["discount"]  # the owner was asked, and said no
    assert refused[0].result() == OwnerPinDialog.DialogCode.Rejected
    assert screen.model.cart.discount == small  # refused: nothing changed
    asked = _owner_pin(qtbot)
    screen.dialogs.discount_approved(product.price, big, lambda: screen.model.set_order_discount(big))
    assert asked == ["discount"]  # the owner was asked, for this action
    assert screen.model.cart.discount == big
    assert audit(ctx.db, "perm.discount")[-1][:2] == (rina, user_id(ctx, "Siti"))


def test_stock_adjust_and_price_change_need_the_owner(ctx: AppContext, qtbot: QtBot) -> None:
    rina = as_user(ctx, "Rina")
    product = _first_product(ctx)
    dialog = AdjustDialog(ctx, product.id)
    qtbot.addWidget(dialog)
    dialog.qty.setText("-1")
    asked = _owner_pin(qtbot)
    assert dialog.save()
    assert asked == ["stock_adjust"]
    assert audit(ctx.db, "perm.stock_adjust")[-1][:2] == (rina, user_id(ctx, "Siti"))

    editor = ProductEditor(ctx, product.id)
    qtbot.addWidget(editor)
    editor.price.setText(str(product.price + 500))
    refused = when_modal(OwnerPinDialog, lambda d: d.reject())
    assert not editor.save()
    assert [d.action for d in refused] == ["price_override"]  # asked, and refused
    with ctx.db.read() as s:
        assert s.get(Product, product.id).price == product.price  # type: ignore[union-attr]
    asked = _owner_pin(qtbot)
    assert editor.save()
    assert asked == ["price_override"]
    with ctx.db.read() as s:
        assert s.get(Product, product.id).price == product.price + 500  # type: ignore[union-attr]


def test_settings_are_locked_for_a_cashier_until_the_owner_unlocks(
    ctx: AppContext, qtbot: QtBot
) -> None:
    as_user(ctx, "Rina")
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.count() == 1 and page.tabText(0) == "Terkunci"
    asked = _owner_pin(qtbot)
    page.unlock_button.click()
    assert asked == ["settings"]
    assert page.count() > 3 and page.tabText(0) == "Toko"
    as_user(ctx, "Siti")
    owner_page = SettingsPage(ctx)
    qtbot.addWidget(owner_page)
    assert owner_page.tabText(0) == "Toko"
