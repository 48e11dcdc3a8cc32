"""What the sell screen shows of a product, without the database layer.

:class:`ProductHit` (a product as a cart line needs it) and :class:`Tile` (a quick-grid
tile) are plain dataclasses: importing this module loads neither SQLAlchemy nor the models,
so the sell screen's first frame can be built before the shop's database layer is loaded
(see ``app.quickstart``). ``app.catalog`` and ``app.tiles`` re-export them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a NewType of int: the identity at run time
    from models.base import ProductId


@dataclass(frozen=True)
class ProductHit:
    """A product as the sell screen needs it: enough to add a cart line."""

    id: ProductId
    sku: str
    name: str
    price: int
    unit: str
    sold_by_weight: bool
    on_hand: Decimal
    archived: bool
    option_names: str = ""  # a variant parent's options (JSON): never sold itself, a variant is
    # a scale label (docs/scale-barcodes.md): the quantity it stands for in the product's unit,
    # the label's price when it carries one, and the rupiah taken off so the line is that price
    label_qty: Decimal | None = None
    label_price: int | None = None
    label_discount: int = 0
    # a pack's barcode (renteng, dus): the pack and what it holds in base units
    pack_id: int | None = None
    pack_name: str = ""
    pack_factor: Decimal = Decimal(1)
    pack_price: int | None = None


@dataclass(frozen=True)
class Tile:
    """A product tile: what to add, and the colour to paint it."""

    hit: ProductHit
    colour: str
