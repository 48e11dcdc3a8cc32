"""Shown names of order statuses, kinds and payment methods, in the screens' language.

The words are declared with their codes in :mod:`contract.enums` and reach the screens through
the catalog (:mod:`ui.i18n` over :mod:`app.labels_i18n`), which the
receipts and report files use too; only the filter's "all" entry is a Qt translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from contract.enums import OrderKind, OrderStatus
from ui.i18n import method_name, status_name, word


def _t(text: str) -> str:
    return QCoreApplication.translate("OrderLabels", text)


def status_label(status: str) -> str:
    """``paid`` → ``Lunas`` (``Paid``) and so on."""
    return status_name(status)


def method_label(method: str) -> str:
    """``cash`` → ``Tunai`` (``Cash``) and so on."""
    return method_name(method)


def methods_label(methods: str) -> str:
    """A comma list of methods, shown."""
    return ", ".join(method_label(m) for m in methods.split(",") if m)


def kind_label(kind: str) -> str:
    """``sale`` → ``Penjualan``, ``refund`` → ``Retur``."""
    known = kind if kind in KINDS else OrderKind.SALE
    return word(f"order_kind.{known}")


def payment_status_label(status: str) -> str:
    """A payment's status, shown."""
    return word(f"payment_status.{status}")


KINDS = frozenset(OrderKind)
# The order list's status filter: None is every order, OrderKind.REFUND the refunds.
STATUS_FILTERS: tuple[str | None, ...] = (None, OrderStatus.PAID, OrderStatus.PENDING, OrderKind.REFUND,
                                          OrderStatus.VOID, OrderStatus.EXPIRED, OrderStatus.FULFILLED)


def filter_label(key: str | None) -> str:
    """The shown name of a status filter (None: all; ``refund``: refunds)."""
    if key is None:
        return _t("Semua status")
    if key == OrderKind.REFUND:
        return kind_label(OrderKind.REFUND)
    return status_label(key)
