"""The quick grid: big colour tiles for goods without barcodes (mouse or touch)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.catalog import ProductHit
from app.money import format_rupiah
from app.tiles import Tile, quick_tiles, tile_categories
from ui.context import AppContext
from ui.sell.elide import ElidingLabel

COLUMNS = 3
TILE_HEIGHT = 92


def text_colour(background: str) -> str:
    """Black or white text, whichever reads better on ``background``."""
    colour = QColor(background)
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return "#111111" if luminance > 160 else "#ffffff"


class QuickGrid(QWidget):
    """Category chips over a grid of product tiles; a click emits ``sig_product``."""

    sig_product = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("quickGrid")
        self.current: int | None = None
        self.tiles: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chips = QHBoxLayout()
        self.chips.setSpacing(4)
        chip_box = QWidget()
        chip_box.setLayout(self.chips)
        chip_scroll = QScrollArea()
        self.chip_scroll = chip_scroll
        chip_scroll.setWidget(chip_box)
        chip_scroll.setWidgetResizable(True)
        chip_scroll.setFixedHeight(52)
        chip_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        chip_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(chip_scroll)
        self.grid_box = QWidget()
        self.grid = QGridLayout(self.grid_box)
        self.grid.setSpacing(6)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.grid_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        self.chip_group = QButtonGroup(self)
        ctx.signals.sig_catalog_changed.connect(self.reload)

    def reload(self) -> None:
        """Read categories and the current tiles again."""
        with self.ctx.db.read() as session:
            cats = tile_categories(session)
        for button in self.chip_group.buttons():
            self.chip_group.removeButton(button)
            button.deleteLater()
        for cat_id, name, colour in [(None, self.tr("★ Favorit"), "#f9a825"), *cats]:
            chip = QPushButton(name.replace("&", "&&"))
            chip.setCheckable(True)
            chip.setObjectName("chip")
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.setStyleSheet(f"QPushButton#chip:checked {{ background: {colour};"
                               f" color: {text_colour(colour)}; }}")
            chip.clicked.connect(lambda _=False, c=cat_id: self.show_category(c))
            self.chip_group.addButton(chip)
            self.chips.addWidget(chip)
            chip.show()  # counted in the box's minimum width now, not after a queued show
            chip.setChecked(cat_id == self.current)
        self.chip_scroll.setWidgetResizable(True)  # re-fit the box: chips are never squeezed
        self.show_category(self.current)

    def show_category(self, category_id: int | None) -> None:
        """Show favourites (None) or one category's tiles."""
        self.current = category_id
        with self.ctx.db.read() as session:
            tiles = quick_tiles(session, category_id)
        for tile in self.tiles:
            tile.deleteLater()
        self.tiles = [self._tile(t) for t in tiles]
        for i, button in enumerate(self.tiles):
            self.grid.addWidget(button, i // COLUMNS, i % COLUMNS)

    def _tile(self, tile: Tile) -> QPushButton:
        hit = tile.hit
        button = QPushButton()
        button.setObjectName("tile")
        button.setProperty("productId", int(hit.id))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setFixedHeight(TILE_HEIGHT)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setToolTip(hit.name)
        fg = text_colour(tile.colour)
        button.setStyleSheet(f"QPushButton#tile {{ background: {tile.colour}; }}"
                             f" QLabel {{ color: {fg}; background: transparent; }}")
        inner = QVBoxLayout(button)
        inner.setContentsMargins(8, 4, 8, 4)
        inner.setSpacing(0)
        name = ElidingLabel(hit.name, max_lines=3)  # a long name: wrapped, then elided
        name.setObjectName("tileName")
        price = QLabel(format_rupiah(hit.price) + (f" /{hit.unit}" if hit.sold_by_weight else ""))
        price.setObjectName("tilePrice")
        price.setWordWrap(True)  # "Rp35.000 /meter" may take two lines in a narrow tile
        for label in (name, price):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inner.addWidget(label)
        button.clicked.connect(lambda _=False, h=hit: self._clicked(h))
        return button

    def _clicked(self, hit: ProductHit) -> None:
        self.sig_product.emit(hit)

    def tile_for(self, product_id: int) -> QPushButton | None:
        """The tile of a product on the current page (tests, screenshots)."""
        for tile in self.tiles:
            if tile.property("productId") == product_id:
                return tile
        return None
