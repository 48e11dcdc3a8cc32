"""HTTP routes of the admin seller API (Bearer admin token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlalchemy.orm import Session

from server import audit
from server.audit import AuditOut
from server.config import Settings
from server.db import in_transaction, write_session
from server.schemas import DbId
from server.security import AdminDep
from server.sellers import service
from server.sellers.schemas import (
    ActivateIn,
    EnrollmentCodeOut,
    OrderHoldIn,
    SellerIn,
    SellerOut,
    TurnoverRow,
)

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@router.post("/sellers", response_model=SellerOut, status_code=201)
def register_seller(body: SellerIn, request: Request, admin: AdminDep) -> SellerOut:
    """Register a seller (NIK 16 digits, NPWP 15/16 digits, static QRIS checked)."""
    def work(session: Session) -> SellerOut:
        seller = service.register(session, body, admin.id)
        return service.seller_out(session, _settings(request), seller)

    # A registration racing another with the same NIK meets the unique index: run again, 409.
    return in_transaction(request, work)


@router.get("/sellers", response_model=list[SellerOut])
def list_sellers(request: Request, _admin: AdminDep) -> list[SellerOut]:
    """Every seller with this month's turnover."""
    with write_session(request) as session:
        return [service.seller_out(session, _settings(request), s)
                for s in service.list_sellers(session)]


@router.get("/sellers/{seller_id}", response_model=SellerOut)
def get_seller(seller_id: DbId, request: Request, _admin: AdminDep) -> SellerOut:
    """One seller."""
    with write_session(request) as session:
        return service.seller_out(session, _settings(request), service.get_seller(session, seller_id))


@router.post("/sellers/{seller_id}/suspend", response_model=SellerOut)
def suspend(seller_id: DbId, request: Request, _admin: AdminDep) -> SellerOut:
    """Suspend a seller: hidden from the catalog, devices refused."""
    with write_session(request) as session:
        seller = service.set_status(session, seller_id, "suspended")
        return service.seller_out(session, _settings(request), seller)


@router.post("/sellers/{seller_id}/activate", response_model=SellerOut)
def activate(
    seller_id: DbId, request: Request, admin: AdminDep, body: ActivateIn | None = None
) -> SellerOut:
    """Lift a suspension (409 ``nik_taken``/``npwp_taken`` unless a reason is given)."""
    reason = body.identity_override_reason if body else None
    def work(session: Session) -> SellerOut:
        seller = service.set_status(session, seller_id, "active",
                                    service.Override(admin.id, reason))
        return service.seller_out(session, _settings(request), seller)

    return in_transaction(request, work)


@router.post("/sellers/{seller_id}/order-hold", response_model=SellerOut)
def set_order_hold(
    seller_id: DbId, body: OrderHoldIn, request: Request, _admin: AdminDep
) -> SellerOut:
    """How long this seller's unpaid orders keep their stock (5 minutes – 24 hours)."""
    with write_session(request) as session:
        seller = service.set_order_hold(session, seller_id, body.minutes)
        return service.seller_out(session, _settings(request), seller)


@router.post(
    "/sellers/{seller_id}/enrollment-codes", response_model=EnrollmentCodeOut, status_code=201
)
def issue_code(seller_id: DbId, _admin: AdminDep, request: Request) -> EnrollmentCodeOut:
    """Issue a one-time enrollment code for a new device of this seller."""
    hours = _settings(request).enrollment_code_hours
    with write_session(request) as session:
        return service.issue_code(session, seller_id, hours)


@router.get("/audit", response_model=list[AuditOut])
def audit_trail(request: Request, _admin: AdminDep) -> list[AuditOut]:
    """Audited admin decisions (identity overrides), newest first."""
    with write_session(request) as session:
        return audit.entries(session)


@router.get("/turnover", response_model=list[TurnoverRow])
def turnover(
    _admin: AdminDep,
    request: Request,
    month: Annotated[str | None, Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")] = None,
) -> list[TurnoverRow]:
    """Paid online turnover per seller for ``month`` (``YYYY-MM``, default this month)."""
    cap = _settings(request).turnover_cap
    with write_session(request) as session:
        return service.turnover_report(session, month or service.current_month(), cap)
