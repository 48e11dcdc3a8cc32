"""PEKEN online turnover this month against the cap (the seller is hidden above it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import settings
from app.clock import local, now_utc
from app.money import format_rupiah
from contract.enums import OrderStatus
from models import Order

PAID_STATUSES = (OrderStatus.PAID, OrderStatus.FULFILLED)


@dataclass(frozen=True)
class Turnover:
    """Paid online goods total of one month (shop time) and the cap."""

    month: str
    amount: int
    cap: int

    @property
    def percent(self) -> int:
        """Share of the cap used, in whole percent (0 when there is no cap)."""
        return min(999, self.amount * 100 // self.cap) if self.cap > 0 else 0

    @property
    def over_cap(self) -> bool:
        """True when the seller is hidden from the PEKEN list."""
        return self.cap > 0 and self.amount >= self.cap

    @property
    def summary(self) -> str:
        """The Indonesian one-liner for the app."""
        text = (f"Omzet PEKEN {self.month}: {format_rupiah(self.amount)} dari batas "
                f"{format_rupiah(self.cap)} ({self.percent}%)")
        if self.over_cap:
            text += " — toko disembunyikan dari katalog sampai bulan depan"
        return text


def month_bounds(now: datetime) -> tuple[datetime, datetime]:
    """Start and end (UTC) of the shop-time month containing ``now``."""
    here = local(now)
    start = here.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    following = (start + timedelta(days=32)).replace(day=1)
    return start.astimezone(now.tzinfo), following.astimezone(now.tzinfo)


def this_month(session: Session, now: datetime | None = None) -> Turnover:
    """Online orders paid this month (goods total, without the kode unik) vs the cap."""
    moment = now or now_utc()
    start, end = month_bounds(moment)
    amount = session.scalar(select(func.coalesce(func.sum(Order.total), 0)).where(
        Order.source == "online", Order.remote_id.is_not(None),
        Order.status.in_(PAID_STATUSES), Order.paid_at >= start, Order.paid_at < end))
    cap = int(settings.get(session, "peken.turnover_cap"))
    return Turnover(f"{local(start):%m/%Y}", int(amount or 0), cap)
