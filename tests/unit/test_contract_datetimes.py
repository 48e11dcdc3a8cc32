"""One aware-datetime rule on both model layers: a naive datetime is refused, an aware one is
stored as UTC and read back aware (the desktop's shop file and the server's database alike)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import DeclarativeBase, Session

import models
import server.models
from contract.datetimes import NaiveDatetimeError, month_key, read_wire, require_aware
from models.base import UTCDateTime as ShopDateTime
from server.models import UTCDateTime as ServerDateTime

WIB = timezone(timedelta(hours=7))


def _shop_row(when: datetime) -> models.OutboxOp:
    return models.OutboxOp(op_id="00000000-0000-4000-8000-000000000001", kind="x", payload="{}",
                           created_at=when)


def _server_row(when: datetime) -> server.models.AdminToken:
    return server.models.AdminToken(name="admin", token_hash="0" * 64, created_at=when)


LAYERS: list[tuple[type[DeclarativeBase], Callable[[datetime], object]]] = [
    (models.Base, _shop_row), (server.models.Base, _server_row)]


def test_both_column_types_follow_the_contract() -> None:
    assert ShopDateTime.process_bind_param.__code__.co_names == \
        ServerDateTime.process_bind_param.__code__.co_names == ("to_storage",)


@pytest.mark.parametrize(("base", "row"), LAYERS, ids=["shop", "server"])
def test_naive_datetimes_are_refused_and_aware_ones_kept_as_utc(
    tmp_path: Path, base: type[DeclarativeBase], row: Callable[[datetime], object]
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    base.metadata.create_all(engine)
    with Session(engine) as session, pytest.raises(StatementError) as refused:
        session.add(row(datetime(2026, 6, 1, 10, 0)))
        session.flush()
    assert isinstance(refused.value.orig, NaiveDatetimeError)
    with Session(engine) as session:
        made = row(datetime(2026, 6, 1, 17, 0, tzinfo=WIB))
        session.add(made)
        session.commit()
        stored = session.scalar(select(type(made).created_at))  # type: ignore[attr-defined]
    assert stored == datetime(2026, 6, 1, 10, 0, tzinfo=UTC) and stored.tzinfo is UTC
    engine.dispose()


def test_the_rule_itself() -> None:
    with pytest.raises(NaiveDatetimeError):
        require_aware(datetime(2026, 6, 1))
    with pytest.raises(NaiveDatetimeError):
        month_key(datetime(2026, 6, 30, 20, 0))
    assert month_key(datetime(2026, 6, 30, 20, 0, tzinfo=UTC)) == "2026-07"  # 03:00 WIB
    # the wire (docs/server.md) reads a time without an offset as UTC
    assert read_wire(datetime(2026, 6, 1, 10, 0)) == datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
