"""HTTP routes: device enrollment (public, needs a code) and admin device management."""

from __future__ import annotations

from fastapi import APIRouter, Request

from server.db import write_session
from server.devices import service
from server.devices.service import Enrollment
from server.ratelimit import client_ip, limiter, rules
from server.schemas import DbId, Strict, Text40, Text100
from server.security import AdminDep
from server.sellers.schemas import DeviceOut

router = APIRouter(prefix="/api/v1", tags=["devices"])


class EnrollIn(Strict):
    """The one-time code from the admin and a name for this device."""

    code: Text40
    device_name: Text100


@router.post("/devices/enroll", response_model=Enrollment, status_code=201)
def enroll(body: EnrollIn, request: Request) -> Enrollment:
    """Enroll a device with a one-time code; the token is shown only in this answer.

    Every attempt counts against the client's enrollment limit (429 past it).
    """
    limiter(request).hit(rules(request)["enroll"], client_ip(request))
    with write_session(request) as session:
        return service.enroll(session, body.code, body.device_name)


@router.get("/admin/sellers/{seller_id}/devices", response_model=list[DeviceOut])
def list_devices(seller_id: DbId, request: Request, _admin: AdminDep) -> list[DeviceOut]:
    """The devices enrolled for a seller."""
    with write_session(request) as session:
        return [service.device_out(d) for d in service.list_devices(session, seller_id)]


@router.post("/admin/devices/{device_id}/revoke", response_model=DeviceOut)
def revoke(device_id: DbId, request: Request, _admin: AdminDep) -> DeviceOut:
    """Revoke a device token."""
    with write_session(request) as session:
        return service.device_out(service.revoke(session, device_id))
