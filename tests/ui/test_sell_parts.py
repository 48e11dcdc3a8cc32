"""Parts of the sell screen: cart model, parsers, keys on the cart, help, sections."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.cart import Discount
from app.catalog import ProductHit
from app.errors import ValidationError
from models.base import ProductId
from ui import main_window
from ui.context import AppContext
from ui.list_model import RIGHT
from ui.main_window import SECTIONS, MainWindow, load_factory
from ui.placeholders import NOT_AVAILABLE, PlaceholderPage
from ui.sell.dialogs import parse_discount
from ui.sell.model import CartModel
from ui.sell.pay import quick_amounts
from ui.sell.scanner import ScanDetector
from ui.sell.screen import SellScreen
from ui.sell.search import HitsModel, split_quantity

from .helpers import barcoded_products, press, type_text


def hit(pid: int, price: int, weighed: bool = False) -> ProductHit:
    """A product as search returns it."""
    return ProductHit(ProductId(pid), f"S{pid}", f"Produk {pid}", price, "kg" if weighed else "pcs",
                      weighed, Decimal(10), False)


def test_cart_model_passes_qtmodeltester(qtmodeltester: object) -> None:
    model = CartModel()
    model.add_hit(hit(1, 3500), Decimal(2))
    model.add_hit(hit(2, 15500, weighed=True), Decimal("0.25"))
    model.add_hit(hit(1, 3500), Decimal(1))
    model.set_line_discount(0, Discount("percent", Decimal(10)))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.remove(0)
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_cart_model_roles(qtmodeltester: object) -> None:
    model = CartModel()
    model.add_hit(hit(1, 3500), Decimal(2))
    model.add_hit(hit(2, 15500, weighed=True), Decimal("0.25"))
    model.set_line_discount(0, Discount("percent", Decimal(10)))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    tip, align = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole
    horizontal = Qt.Orientation.Horizontal
    assert [model.headerData(c, horizontal) for c in range(5)] == \
        ["Produk", "Jumlah", "Harga", "Diskon", "Total"]
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    assert [model.headerData(c, horizontal, align) for c in range(5)] == [left] + [RIGHT] * 4
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert [model.data(model.index(0, c)) for c in range(5)] == \
        ["Produk 1", "2 pcs", "3.500", "-700 (10%)", "6.300"]
    assert model.data(model.index(1, 1)) == "0,25 kg"
    assert model.data(model.index(0, 0), tip) == "Produk 1 (pcs)"
    assert all(model.data(model.index(0, c), tip) is None for c in range(1, 5))
    assert [model.data(model.index(0, c), align) for c in range(1, 5)] == [RIGHT] * 4
    assert all(not model.flags(model.index(0, c)) & Qt.ItemFlag.ItemIsEditable for c in range(5))
    assert not model.setData(model.index(0, 1), "5") and model.cart.lines[0].qty == 2
    model.step_qty(0, 1)  # the cached texts follow the line's figures
    assert model.data(model.index(0, 1)) == "3 pcs" and model.data(model.index(0, 4)) == "9.450"


def test_hits_model_roles(qtmodeltester: object) -> None:
    model = HitsModel()
    model.set_hits([hit(1, 3500), hit(2, 15500, weighed=True)])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    tip, align = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == \
        ["Produk", "Harga", "Stok"]
    assert [model.data(model.index(1, c)) for c in range(3)] == ["Produk 2", "15.500 /kg", "10 kg"]
    assert model.data(model.index(0, 1)) == "3.500"
    assert model.data(model.index(0, 0), tip) == "Produk 1"
    assert model.data(model.index(0, 1), tip) is None and model.data(model.index(0, 2), tip) is None
    assert model.data(model.index(0, 0), align) is None
    assert model.data(model.index(0, 1), align) == model.data(model.index(0, 2), align) == RIGHT
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert [h.id for h in model.hits] == [1, 2]


def test_cart_model_changes_and_undo() -> None:
    model = CartModel()
    model.add_hit(hit(1, 3500), Decimal(1))
    model.add_hit(hit(1, 3500), Decimal(2))
    assert model.cart.lines[0].qty == 3 and model.data(model.index(0, 4)) == "10.500"
    model.step_qty(0, -1)
    assert model.cart.lines[0].qty == 2
    with pytest.raises(ValidationError):
        model.set_qty(0, Decimal("1.5"))
    assert model.undo_last() and model.rowCount() == 0  # the last add (2) is taken back
    model.replace_cart(model.cart.__class__())
    assert not model.undo_last() and model.rowCount() == 0


def test_undo_takes_back_last_add_only() -> None:
    model = CartModel()
    model.add_hit(hit(1, 1000), Decimal(1))
    model.add_hit(hit(2, 2000), Decimal(1))
    model.add_hit(hit(1, 1000), Decimal(2))
    assert model.undo_last()
    assert [(ln.product_id, ln.qty) for ln in model.cart.lines] == [(2, 1), (1, 1)]
    assert model.undo_last()
    assert [(ln.product_id, ln.qty) for ln in model.cart.lines] == [(1, 1)]


def test_parse_discount() -> None:
    assert parse_discount("10%") == Discount("percent", Decimal(10))
    assert parse_discount("2,5 %") == Discount("percent", Decimal("2.5"))
    assert parse_discount("Rp2.000") == Discount("amount", Decimal(2000))
    assert parse_discount("") == Discount()
    for bad in ("120%", "abc%", "1.5,25", "-5"):
        with pytest.raises(ValidationError):
            parse_discount(bad)


@given(st.integers(min_value=1, max_value=50_000_000))
def test_quick_amounts_start_exact_then_rise(total: int) -> None:
    amounts = quick_amounts(total)
    assert amounts[0] == total
    assert amounts == sorted(set(amounts))
    assert all(a % 1000 == 0 for a in amounts[1:])
    assert 1 <= len(amounts) <= 4


def test_quick_amounts_example() -> None:
    assert quick_amounts(37_500) == [37_500, 38_000, 40_000, 50_000]


@given(st.integers(min_value=1, max_value=999), st.text(alphabet="0123456789", min_size=4, max_size=13))
def test_split_quantity(qty: int, code: str) -> None:
    assert split_quantity(f"{qty}*{code}") == (Decimal(qty), code)
    assert split_quantity(code) == (None, code)


def test_plus_minus_delete_and_undo_keys(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (_a, a_code, _), (_b, b_code, _) = barcoded_products(ctx, 2)
    for code in (a_code, b_code):
        type_text(qtbot, screen, code)
        press(qtbot, screen, Qt.Key.Key_Return)
    press(qtbot, screen, Qt.Key.Key_Plus)
    press(qtbot, screen, Qt.Key.Key_Plus)
    assert screen.model.cart.lines[1].qty == 3
    press(qtbot, screen, Qt.Key.Key_Minus)
    assert screen.model.cart.lines[1].qty == 2
    press(qtbot, screen, Qt.Key.Key_Delete)
    assert screen.model.rowCount() == 1
    press(qtbot, screen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.model.rowCount() == 0


def test_live_search_arrows_and_enter(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    type_text(qtbot, screen, "2*kopi")
    qtbot.waitUntil(screen.ui.results.isVisible, timeout=1000)
    assert len(screen.ui.results.results.hits) >= 2
    press(qtbot, screen, Qt.Key.Key_Down)
    chosen = screen.ui.results.current_hit()
    assert chosen is not None and chosen == screen.ui.results.results.hits[1]
    press(qtbot, screen, Qt.Key.Key_Return)
    assert [(ln.product_id, ln.qty) for ln in screen.model.cart.lines] == [(chosen.id, 2)]
    assert not screen.ui.results.isVisible() and screen.ui.scan.text() == ""


def test_help_overlay_lists_keys(screen: SellScreen, qtbot: QtBot) -> None:
    press(qtbot, screen, Qt.Key.Key_F1)
    assert screen.ui.help.isVisible()
    texts = " ".join(label.text() for label in screen.ui.help.findChildren(type(screen.ui.notice)))
    for key in ("F2", "F4", "F8", "F9", "F12", "Esc"):
        assert key in texts
    press(qtbot, screen, Qt.Key.Key_Escape)
    assert not screen.ui.help.isVisible()


def _broken_page(ctx: AppContext) -> QLineEdit:
    """A section factory that fails while building (stands for a bug in one section)."""
    raise RuntimeError("section bug")


def test_every_section_is_its_real_page(window: MainWindow) -> None:
    for index, (title, _icon, path) in enumerate(SECTIONS):
        page = window.show_section(index)
        factory = load_factory(path)
        assert factory is not None, title
        assert type(page) is factory and not isinstance(page, PlaceholderPage), title


def test_missing_or_broken_section_shows_a_note(window: MainWindow,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_factory("ui.not_built_yet.page:Page") is None
    sections = list(SECTIONS)
    sections[3] = (sections[3][0], sections[3][1], "ui.not_built_yet.page:Page")
    sections[4] = (sections[4][0], sections[4][1], f"{__name__}:_broken_page")
    monkeypatch.setattr(main_window, "SECTIONS", tuple(sections))
    missing = window.show_section(3)
    assert isinstance(missing, PlaceholderPage) and missing.text == NOT_AVAILABLE
    broken = window.show_section(4)
    assert isinstance(broken, PlaceholderPage) and "gagal dimuat" in broken.text
    assert isinstance(window.show_section(0), SellScreen)  # the till still works
    assert window.status.sync.text() == "PEKEN: belum terhubung"
    assert window.status.printer.text() == "Printer: belum diatur"
    assert window.status.cashier.text() == "Kasir: Siti"


def test_hand_typing_elsewhere_is_not_a_scan(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    scans: list[str] = []
    detector = ScanDetector(lambda: True, lambda _obj: False)
    detector.sig_scanned.connect(scans.append)
    field.installEventFilter(detector)
    for char in "1234":
        qtbot.keyClick(field, char)
        qtbot.wait(70)                                  # slower than a scanner
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "1234" and scans == []
    qtbot.keyClicks(field, "5678")                      # a burst …
    qtbot.keyClick(field, Qt.Key.Key_Return)            # … ending in Enter: a scan
    assert scans == ["5678"] and field.text() == "1234"
    qtbot.keyClicks(field, "ab c")                      # fast but with a space: typing
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scans == ["5678"] and field.text() == "1234ab c"
