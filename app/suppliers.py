"""Suppliers (pemasok): who the shop buys from. Shared with the shop's devices, audited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import ConflictError, NotFoundError, ValidationError
from app.sync.books import share
from models import Supplier


@dataclass(frozen=True)
class SupplierInput:
    """What the seller typed for a supplier."""

    name: str
    phone: str = ""
    address: str = ""
    note: str = ""


def _clean(session: Session, data: SupplierInput, own_uuid: str | None) -> dict[str, str]:
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError("Nama pemasok wajib diisi.", field="name")
    if len(name) > 120:
        raise ValidationError("Nama pemasok terlalu panjang (maks. 120 huruf).", field="name")
    phone = "".join(ch for ch in data.phone if ch.isdigit() or ch == "+")[:20]
    same = session.scalar(select(Supplier.uuid).where(
        func.lower(Supplier.name) == name.lower(), Supplier.archived.is_(False)))
    if same is not None and same != own_uuid:
        raise ConflictError("Pemasok '{name}' sudah ada.", field="name", name=name)
    return {"name": name, "phone": phone, "address": data.address.strip()[:300],
            "note": data.note.strip()}


def create_supplier(session: Session, data: SupplierInput, *, user_id: int | None = None) -> Supplier:
    """Add a supplier (names are unique among the active ones)."""
    supplier = Supplier(**_clean(session, data, None))
    session.add(supplier)
    session.flush()
    audit.record(session, "supplier.create", user_id, None, supplier=supplier.uuid, name=supplier.name)
    share(session, supplier)
    return supplier


def update_supplier(session: Session, uuid: str, data: SupplierInput, *,
                    user_id: int | None = None) -> Supplier:
    """Change a supplier's name, phone, address or note."""
    supplier = get_supplier(session, uuid)
    for key, value in _clean(session, data, uuid).items():
        setattr(supplier, key, value)
    audit.record(session, "supplier.update", user_id, None, supplier=uuid, name=supplier.name)
    share(session, supplier)
    return supplier


def archive_supplier(session: Session, uuid: str, *, user_id: int | None = None) -> None:
    """Hide a supplier from the pickers (its purchases stay)."""
    supplier = get_supplier(session, uuid)
    supplier.archived = True
    audit.record(session, "supplier.archive", user_id, None, supplier=uuid)
    share(session, supplier)


def get_supplier(session: Session, uuid: str) -> Supplier:
    """The supplier with this uuid, or NotFoundError."""
    supplier = session.scalar(select(Supplier).where(Supplier.uuid == uuid))
    if supplier is None:
        raise NotFoundError("Pemasok tidak ditemukan.")
    return supplier


def list_suppliers(session: Session, text: str = "", *, limit: int = 500) -> list[Supplier]:
    """Active suppliers by name, filtered by a part of the name or phone."""
    query = select(Supplier).where(Supplier.archived.is_(False))
    words = text.strip()
    if words:
        like = f"%{words}%"
        query = query.where(or_(Supplier.name.ilike(like), Supplier.phone.like(like)))
    return list(session.scalars(query.order_by(func.lower(Supplier.name)).limit(limit)))


def supplier_names(session: Session) -> dict[str, str]:
    """uuid → name of every supplier (archived too: old purchases still show theirs)."""
    return {str(u): str(n) for u, n in session.execute(select(Supplier.uuid, Supplier.name))}
