"""The quick grid: big colour tiles for goods without barcodes (mouse or touch).

Tiles are painted in one go (:class:`ProductTile`: no child labels, no style sheet of their
own), and the category chips share one style sheet set on their box, so a reload re-polishes
nothing but the new widgets. ``sig_painted`` says when a reload has reached the screen.

Start-up: the first page (categories and favourites) is read on a thread from the moment the
grid is built, so the query (a scan of the products on a big shop) runs while the rest of the
window is built; :meth:`QuickGrid.load_first` takes it from there.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.hits import ProductHit, Tile
from app.money import format_rupiah
from ui.context import AppContext
from ui.sell.elide import fit_lines
from ui.sell.variant_dialog import VariantDialog

Page = tuple[list[tuple[int, str, str]], list[Tile]]  # (categories, tiles)

COLUMNS = 3
TILE_HEIGHT = 92
NAME_LINES = 3
MARGIN_X, MARGIN_Y = 8, 4
FAVOURITES_COLOUR = "#f9a825"


def text_colour(background: str) -> str:
    """Black or white text, whichever reads better on ``background``."""
    colour = QColor(background)
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return "#111111" if luminance > 160 else "#ffffff"


class ProductTile(QAbstractButton):
    """One product: its colour, its name (up to three lines, the last elided in the middle,
    the whole name in the tooltip) and its price."""

    def __init__(self, tile: Tile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        hit = tile.hit
        self.hit = hit
        self.colour = QColor(tile.colour)
        self.ink = QColor(text_colour(tile.colour))
        self.price_text = format_rupiah(hit.price) + (f" /{hit.unit}" if hit.sold_by_weight else "")
        self.setObjectName("tile")
        self.setProperty("productId", int(hit.id))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedHeight(TILE_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(hit.name)

    def _font(self, bold: bool) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(13)
        font.setBold(bold)
        return font

    def name_room(self) -> int:
        """The width the name may use (pixels)."""
        return max(0, self.width() - 2 * MARGIN_X)

    def name_lines(self) -> list[str]:
        """The name as painted: wrapped by words, at most three lines, the last one elided."""
        metrics = QFontMetrics(self._font(bold=True))
        return fit_lines(self.hit.name, metrics, self.name_room(), NAME_LINES).split("\n")

    def name_metrics(self) -> QFontMetrics:
        """The metrics of the name's font (tests check that every line fits)."""
        return QFontMetrics(self._font(bold=True))

    def paintEvent(self, event: QPaintEvent) -> None:
        """The rounded colour block, the name, then the price (which may wrap once)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour.darker(115) if self.isDown() else self.colour)
        painter.drawRoundedRect(self.rect(), 8, 8)
        painter.setPen(self.ink)
        name_font = self._font(bold=True)
        painter.setFont(name_font)
        lines = self.name_lines()
        line_height = QFontMetrics(name_font).lineSpacing()
        text_rect = self.rect().adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)
        name_rect = QRect(text_rect.left(), text_rect.top(), text_rect.width(),
                          line_height * len(lines))
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         "\n".join(lines))
        painter.setFont(self._font(bold=False))
        price_rect = text_rect.adjusted(0, name_rect.height(), 0, 0)
        painter.drawText(price_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                         | Qt.TextFlag.TextWordWrap), self.price_text)
        painter.end()


class QuickGrid(QWidget):
    """Category chips over a grid of product tiles; a click emits ``sig_product``.

    sig_product(ProductHit): a tile was clicked.
    sig_painted: the tiles of the last :meth:`reload` are on the screen.
    """

    sig_product = Signal(object)
    sig_painted = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.variant_dialog: VariantDialog | None = None
        self.setObjectName("quickGrid")
        self.current: int | None = None
        self.tiles: list[ProductTile] = []
        self._await_paint = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chips = QHBoxLayout()
        self.chips.setSpacing(4)
        self.chip_box = QWidget()
        self.chip_box.setLayout(self.chips)
        self.chip_scroll = QScrollArea()
        self.chip_scroll.setWidget(self.chip_box)
        self.chip_scroll.setWidgetResizable(True)
        self.chip_scroll.setFixedHeight(52)
        self.chip_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.chip_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.chip_scroll)
        self.grid_box = QWidget()
        self.grid = QGridLayout(self.grid_box)
        self.grid.setSpacing(6)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.grid_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        self.grid_box.installEventFilter(self)
        self.chip_group = QButtonGroup(self)
        # a light start paints from its first-frame reader (ui.light_start): no thread needed
        self._first: Future[Page] | None = (None if ctx.quick is not None
                                            else self._read_in_background())
        ctx.signals.sig_catalog_changed.connect(self.reload)

    def _read_page(self) -> Page:
        quick = self.ctx.quick
        if quick is not None:  # the database is still loading (ui.light_start)
            return quick.tile_categories(), quick.quick_tiles(self.current)
        from app.tiles import quick_tiles, tile_categories  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        with self.ctx.db.read() as session:
            return tile_categories(session), quick_tiles(session, self.current)

    def _read_in_background(self) -> Future[Page]:
        future: Future[Page] = Future()

        def run() -> None:
            try:
                future.set_result(self._read_page())
            except BaseException as exc:  # handed to load_first, which reads again
                future.set_exception(exc)

        threading.Thread(target=run, name="quick-grid-first-page", daemon=True).start()
        return future

    def load_first(self) -> None:
        """Show the first page read at start (waits for the read when it is not back yet)."""
        first, self._first = self._first, None
        try:
            page = first.result() if first is not None else self._read_page()
        except Exception:  # the background read failed: read here (and show that error)
            page = self._read_page()
        self._show_page(page)

    def reload(self) -> None:
        """Read categories and the current tiles again."""
        self._first = None  # a read from before this change is stale
        self._show_page(self._read_page())

    def _show_page(self, page: Page) -> None:
        cats, tiles = page
        self._show_chips([(None, self.tr("★ Favorit"), FAVOURITES_COLOUR), *cats])
        self._show_tiles(tiles)

    def _show_chips(self, chips: list[tuple[int | None, str, str]]) -> None:
        for button in self.chip_group.buttons():
            self.chip_group.removeButton(button)
            button.deleteLater()
        rules = []
        for index, (cat_id, name, colour) in enumerate(chips):
            chip = QPushButton(name.replace("&", "&&"), self.chip_box)
            chip.setCheckable(True)
            chip.setObjectName("chip")
            chip.setProperty("colour", index)
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            rules.append(f'QPushButton#chip[colour="{index}"]:checked {{ background: {colour};'
                         f" color: {text_colour(colour)}; }}")
            chip.clicked.connect(lambda _=False, c=cat_id: self.show_category(c))
            self.chip_group.addButton(chip)
            self.chips.addWidget(chip)
            chip.show()  # counted in the box's minimum width now, not after a queued show
            chip.setChecked(cat_id == self.current)
        self.chip_box.setStyleSheet("\n".join(rules))  # one sheet for every chip
        self.chip_scroll.setWidgetResizable(True)  # re-fit the box: chips are never squeezed

    def show_category(self, category_id: int | None) -> None:
        """Show favourites (None) or one category's tiles."""
        self.current = category_id
        quick = self.ctx.quick
        if quick is not None:  # the database is still loading (ui.light_start)
            tiles = quick.quick_tiles(category_id)
        else:
            from app.tiles import quick_tiles  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

            with self.ctx.db.read() as session:
                tiles = quick_tiles(session, category_id)
        self._show_tiles(tiles)

    def _show_tiles(self, tiles: list[Tile]) -> None:
        for tile in self.tiles:
            tile.hide()
            tile.deleteLater()
        self.tiles = [ProductTile(t, self.grid_box) for t in tiles]
        for i, tile in enumerate(self.tiles):
            tile.clicked.connect(lambda _=False, h=tile.hit: self._clicked(h))
            self.grid.addWidget(tile, i // COLUMNS, i % COLUMNS)
            tile.show()
        self._await_paint = True
        self.grid_box.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Report the first paint of the tile box after a reload (on the next loop turn)."""
        if self._await_paint and watched is self.grid_box and event.type() == QEvent.Type.Paint:
            self._await_paint = False
            QTimer.singleShot(0, self.sig_painted.emit)
        return False

    def _clicked(self, hit: ProductHit) -> None:
        """A product's tile adds it; a variant parent's tile asks which variant first."""
        if not self.pick_variant(hit):
            self.sig_product.emit(hit)

    def pick_variant(self, hit: ProductHit) -> bool:
        """When ``hit`` is a variant parent, ask which variant (the chosen one is emitted as
        ``sig_product``) and return True; a product sold as it is gives False."""
        if not hit.option_names:  # read with the hit (scan, search, tile): no query per scan
            return False
        from app import variants  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        with self.ctx.db.read() as session:
            options = variants.variant_hits(session, hit.id)
        dialog = VariantDialog(hit.name, options, self.window())
        self.variant_dialog = dialog  # tests and screenshots reach the open picker
        if dialog.exec() == VariantDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.sig_product.emit(dialog.chosen)
        self.variant_dialog = None
        return True

    def tile_for(self, product_id: int) -> ProductTile | None:
        """The tile of a product on the current page (tests, screenshots)."""
        for tile in self.tiles:
            if tile.property("productId") == product_id:
                return tile
        return None
