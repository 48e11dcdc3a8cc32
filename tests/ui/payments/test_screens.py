"""The payment screenshots render to PNG files from a demo shop, without touching it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from contract import qris
from models import Order
from ui.context import AppContext
from ui.payments.screens import SCREENS, demo_static_qris

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_demo_qris_is_valid_and_static() -> None:
    parsed = qris.parse(demo_static_qris("TOKO BERKAH JAYA"))
    assert not parsed.is_dynamic and parsed.merchant_name == "TOKO BERKAH JAYA"


def test_screens_render_and_leave_the_shop_alone(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    with ctx.db.read() as session:
        before = session.scalar(select(func.count()).select_from(Order))
    for name, render in SCREENS:
        render(ctx, tmp_path)
        assert (tmp_path / name).stat().st_size > 5_000, name
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == before
