"""The screenshot functions of the admin and orders areas render real PNGs without touching the shop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from sqlalchemy import func, select

from models import AuditEntry, Order
from ui.admin.screens import SCREENS as ADMIN_SCREENS
from ui.context import AppContext
from ui.orders.screens import SCREENS as ORDER_SCREENS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_screens_render_and_leave_the_shop_alone(ctx: AppContext, tmp_path: Path) -> None:
    with ctx.db.read() as s:
        before = (s.scalar(select(func.count(Order.id))), s.scalar(select(func.count(AuditEntry.id))))
    names = []
    for name, render in ADMIN_SCREENS + ORDER_SCREENS:
        render(ctx, tmp_path)
        image = QImage(str(tmp_path / name))
        assert not image.isNull() and image.width() > 600 and image.height() > 400, name
        names.append(name)
    assert names == ["users.png", "audit_log.png", "orders_list.png", "refund_dialog.png",
                     "orders_1366.png", "orders_import_1366.png"]
    with ctx.db.read() as s:
        after = (s.scalar(select(func.count(Order.id))), s.scalar(select(func.count(AuditEntry.id))))
    assert after == before
