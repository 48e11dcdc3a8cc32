"""SQLAlchemy models of the shop database (no Qt, no services)."""

from models.base import Base
from models.catalog import Barcode, Category, Product
from models.orders import HeldCart, OpenCart, Order, OrderLine, Payment, StatementRecord
from models.rollups import (
    RollupDay,
    RollupDayMethod,
    RollupDayProduct,
    RollupHour,
    RollupMethod,
    RollupMonthProduct,
    RollupProduct,
)
from models.shop import AuditEntry, BankAccount, SalesChannel, Setting, Shift, ShopProfile, User
from models.stock import StockMovement
from models.sync import FieldClock, OutboxOp, SyncState

__all__ = [
    "AuditEntry",
    "BankAccount",
    "Barcode",
    "Base",
    "Category",
    "FieldClock",
    "HeldCart",
    "OpenCart",
    "Order",
    "OrderLine",
    "OutboxOp",
    "Payment",
    "Product",
    "RollupDay",
    "RollupDayMethod",
    "RollupDayProduct",
    "RollupHour",
    "RollupMethod",
    "RollupMonthProduct",
    "RollupProduct",
    "SalesChannel",
    "Setting",
    "Shift",
    "ShopProfile",
    "StatementRecord",
    "StockMovement",
    "SyncState",
    "User",
]
