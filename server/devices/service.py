"""Enrolling and revoking devices."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.errors import ApiError, not_found
from server.models import Device, EnrollmentCode, Seller, utcnow
from server.security import DEVICE_PREFIX, hash_secret, new_token
from server.sellers.schemas import DeviceOut
from server.sellers.service import normalize_code


class Enrollment(BaseModel):
    """What a device receives once: its id, its shop and its token."""

    device_id: int
    shop_id: int
    token: str


def enroll(session: Session, code: str, device_name: str) -> Enrollment:
    """Trade a valid, unused enrollment code for a device token (the code dies)."""
    entry = session.scalar(
        select(EnrollmentCode)
        .where(EnrollmentCode.code_hash == hash_secret(normalize_code(code)))
        .with_for_update()
    )
    if entry is None or entry.used_at is not None or entry.expires_at <= utcnow():
        raise ApiError(
            400,
            "enrollment_code_invalid",
            "Kode pendaftaran tidak berlaku: salah ketik, sudah dipakai, atau kedaluwarsa.",
        )
    seller = session.get(Seller, entry.seller_id)
    if seller is None or seller.status != "active":
        raise ApiError(403, "seller_suspended", "Toko ini sedang dibekukan oleh admin PEKEN.")
    token = new_token(DEVICE_PREFIX)
    device = Device(seller_id=seller.id, name=device_name, token_hash=hash_secret(token), last_seq=0)
    session.add(device)
    entry.used_at = utcnow()
    session.flush()
    return Enrollment(device_id=device.id, shop_id=seller.id, token=token)


def device_out(device: Device) -> DeviceOut:
    """The admin view of a device."""
    return DeviceOut(
        id=device.id,
        seller_id=device.seller_id,
        name=device.name,
        created_at=device.created_at,
        revoked=device.revoked_at is not None,
        expires_at=device.expires_at,
    )


def list_devices(session: Session, seller_id: int) -> list[Device]:
    """The devices of a seller."""
    return list(session.scalars(select(Device).where(Device.seller_id == seller_id)))


def revoke(session: Session, device_id: int) -> Device:
    """Revoke a device: its token stops working at once."""
    device = session.get(Device, device_id)
    if device is None:
        raise not_found("device_not_found", f"Perangkat dengan id {device_id} tidak ditemukan.")
    if device.revoked_at is None:
        device.revoked_at = utcnow()
    return device
