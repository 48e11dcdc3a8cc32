"""The figures of a report, as plain frozen data (no SQL, no Qt): what every view renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.inventory import LowStock
from app.reports.periods import Period
from contract.enums import OrderStatus

# The orders a report counts; the words of methods and channels: contract.enums.
COUNTED_STATUSES = (OrderStatus.PAID, OrderStatus.FULFILLED)


@dataclass(frozen=True)
class Totals:
    """Headline figures: refunds subtract; void, expired and pending orders are left out."""

    gross_sales: int = 0
    refunds: int = 0
    net_sales: int = 0
    orders: int = 0
    refund_orders: int = 0
    average_basket: int = 0
    discounts: int = 0
    cost_of_goods: int = 0
    gross_profit: int = 0
    items_sold: Decimal = Decimal("0.000")
    rounding: int = 0  # cash rounding ("Pembulatan") of the counted orders; negative: taken off
    unique_codes: int = 0  # kode unik of confirmed transfers: + income, − given as discount

    @property
    def money_in(self) -> int:
        """Net sales plus the cash rounding and the kode unik: the money actually taken."""
        return self.net_sales + self.rounding + self.unique_codes


@dataclass(frozen=True)
class MethodRow:
    """Money by payment method: sales, refunds paid back and the net."""

    method: str
    label: str  # Indonesian; a file in another language asks app.labels_i18n.method_label
    payments: int
    sales: int
    refunds: int
    net: int


@dataclass(frozen=True)
class BucketRow:
    """Orders and net sales in one hour of the day (0–23, WIB) or on one shop day."""

    key: int | date
    orders: int
    net: int


@dataclass(frozen=True)
class ChannelRow:
    """Sales of one channel: the counter, an event (bazaar) or PEKEN online."""

    channel_id: int | None
    kind: str
    name: str
    orders: int
    sales: int
    refunds: int
    net: int


@dataclass(frozen=True)
class ProductRow:
    """One product's net quantity and money in the period."""

    product_id: int
    sku: str
    name: str
    unit: str
    qty: Decimal
    net: int
    cost: int

    @property
    def profit(self) -> int:
        """Net sales minus cost of goods."""
        return self.net - self.cost


@dataclass(frozen=True)
class SlowRow:
    """A product in stock that sold little or nothing in the period."""

    product_id: int
    sku: str
    name: str
    unit: str
    qty_sold: Decimal
    on_hand: Decimal
    stock_value: int


@dataclass(frozen=True)
class StockValue:
    """What the goods on the shelf are worth now, at cost and at selling price."""

    at_cost: int = 0
    at_price: int = 0
    products_in_stock: int = 0


@dataclass(frozen=True)
class PekenCap:
    """This month's PEKEN online turnover against the cap that hides a seller from the list."""

    month: str
    turnover: int
    cap: int

    @property
    def remaining(self) -> int:
        """Rupiah left before the cap (0 when reached)."""
        return max(0, self.cap - self.turnover)

    @property
    def percent(self) -> int:
        """Turnover as a whole percentage of the cap."""
        return (self.turnover * 100) // self.cap if self.cap > 0 else 0

    @property
    def reached(self) -> bool:
        """Whether the cap is reached (the shop is hidden from the PEKEN list)."""
        return self.cap > 0 and self.turnover >= self.cap


@dataclass(frozen=True)
class Report:
    """Every figure of the Laporan page for one period."""

    period: Period
    shop_name: str
    generated_at: datetime
    totals: Totals
    by_method: list[MethodRow]
    by_hour: list[BucketRow]
    by_day: list[BucketRow]
    by_channel: list[ChannelRow]
    top_products: list[ProductRow]
    slow_movers: list[SlowRow]
    stock: StockValue
    low_stock: list[LowStock]
    peken: PekenCap
    notes: list[str] = field(default_factory=list)

    @property
    def events(self) -> list[ChannelRow]:
        """Only the event (bazaar, exhibition) channels: how did each go?"""
        return [row for row in self.by_channel if row.kind == "event"]
