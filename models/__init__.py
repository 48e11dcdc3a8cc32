"""SQLAlchemy models of the shop database (no Qt, no services)."""

from models.base import Base
from models.books import (
    CashMovement,
    CreditEntry,
    Customer,
    KasbonOpen,
    Preorder,
    PreorderLine,
    PreorderPayment,
    Purchase,
    PurchaseLine,
    Supplier,
    SupplierPayment,
)
from models.catalog import Barcode, Category, Product
from models.orders import HeldCart, OpenCart, Order, OrderLine, Payment, StatementRecord
from models.pricing import PriceTier, ProductPack, Promotion, PromotionItem
from models.rollups import (
    RollupDay,
    RollupDayMethod,
    RollupDayProduct,
    RollupHour,
    RollupMethod,
    RollupMonthProduct,
    RollupProduct,
    RollupProductCount,
)
from models.shop import AuditEntry, BankAccount, SalesChannel, Setting, Shift, ShopProfile, User
from models.stock import StockMovement
from models.sync import FieldClock, OutboxOp, SyncState

__all__ = [
    "AuditEntry",
    "BankAccount",
    "Barcode",
    "Base",
    "CashMovement",
    "Category",
    "CreditEntry",
    "Customer",
    "FieldClock",
    "HeldCart",
    "KasbonOpen",
    "OpenCart",
    "Order",
    "OrderLine",
    "OutboxOp",
    "Payment",
    "Preorder",
    "PreorderLine",
    "PreorderPayment",
    "PriceTier",
    "Product",
    "ProductPack",
    "Promotion",
    "PromotionItem",
    "Purchase",
    "PurchaseLine",
    "RollupDay",
    "RollupDayMethod",
    "RollupDayProduct",
    "RollupHour",
    "RollupMethod",
    "RollupMonthProduct",
    "RollupProduct",
    "RollupProductCount",
    "SalesChannel",
    "Setting",
    "Shift",
    "ShopProfile",
    "StatementRecord",
    "StockMovement",
    "Supplier",
    "SupplierPayment",
    "SyncState",
    "User",
]
