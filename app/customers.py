"""Customers the shop knows: created and edited, found at the till by phone or name, their
purchase history, and duplicates merged.

A phone number is stored normalised to ``+62…`` (``0812-3456-7890``, ``62812 3456 7890`` and
``+62 812 3456 7890`` are the same number), so the till finds a customer however it was typed.
A merged customer keeps existing (``merged_into`` names the kept one, ``archived`` is set) so
records that arrive later from another device still lead somewhere; its orders, kasbon lines
and pre-orders move to the kept customer. Every write is audited in the caller's transaction.

Sync: every change is shared with the shop's other devices (``app.sync.books.share``) in the
same transaction. A merge moves this device's kasbon lines; ledger rows are insert-once between
devices, so another device follows the merged customer's ``merged_into`` (:func:`kept`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from app import audit
from app.clock import now_utc
from app.errors import ConflictError, NotFoundError, ValidationError
from app.money import MAX_AMOUNT, format_rupiah
from app.shop import profile
from app.sync import books as books_sync
from contract.enums import PaymentMethod
from models import Order, Payment
from models.books import CreditEntry, Customer, Preorder

NAME_MAX = 120
SEARCH_LIMIT = 20
_SEPARATORS = re.compile(r"[\s\-.()/]+")
_PHONE_DIGITS = (8, 13)  # digits after the country code 62


@dataclass(frozen=True)
class CustomerInput:
    """What the customer form gives (phone as typed; normalised here)."""

    name: str
    phone: str = ""
    address: str = ""
    note: str = ""
    group_name: str = ""
    credit_limit: int | None = None  # None: the shop's default (setting kasbon.default_limit)


@dataclass(frozen=True)
class HistoryRow:
    """One order of a customer's purchase history (newest first)."""

    order_id: int
    number: str
    created_at: datetime
    kind: str
    status: str
    total: int
    kasbon: int  # the part of the total bought on kasbon


def normalize_phone(text: str) -> str:
    """``+62…`` from ``08xx``, ``62xx``, ``+62 xx-xxx`` or ``8xx``; "" for an empty field.

    Anything else (letters, a foreign country code, too short or long) is refused with a
    message naming the field.
    """
    raw = text.strip()
    if not raw:
        return ""
    compact = _SEPARATORS.sub("", raw)
    plus = compact.startswith("+")
    digits = compact[1:] if plus else compact
    if not digits.isdigit():
        raise ValidationError("Nomor HP '{phone}' tidak sah: hanya angka, spasi atau tanda -.",
                              field="phone", phone=raw)
    if digits.startswith("62"):
        rest = digits[2:]
    elif plus:
        raise ValidationError("Nomor HP '{phone}' bukan nomor Indonesia (+62).", field="phone",
                              phone=raw)
    elif digits.startswith("0"):
        rest = digits[1:]
    else:
        rest = digits
    rest = rest.removeprefix("0")  # "+62 0812…" is written often
    if not _PHONE_DIGITS[0] <= len(rest) <= _PHONE_DIGITS[1] or rest.startswith("0"):
        raise ValidationError("Nomor HP '{phone}' tidak sah: tulis seperti 0812-3456-7890.",
                              field="phone", phone=raw)
    return f"+62{rest}"


def local_phone(phone: str) -> str:
    """``0812 3456 7890`` as a seller writes it (from a stored ``+62…``)."""
    if not phone.startswith("+62"):
        return phone
    digits = "0" + phone[3:]
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))


def _clean(session: Session, data: CustomerInput, own_id: int | None) -> dict[str, object]:
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError("Nama pelanggan wajib diisi.", field="name")
    if len(name) > NAME_MAX:
        raise ValidationError("Nama pelanggan terlalu panjang (maks. {max} huruf).", field="name",
                              max=NAME_MAX)
    phone = normalize_phone(data.phone)
    if phone:
        other = session.scalar(select(Customer).where(
            Customer.phone == phone, Customer.merged_into.is_(None), Customer.id != (own_id or 0)))
        if other is not None:
            raise ConflictError("Nomor HP {phone} sudah dipakai pelanggan {name}.", field="phone",
                                phone=local_phone(phone), name=other.name)
    limit = data.credit_limit
    if limit is not None and not 0 <= limit <= MAX_AMOUNT:
        raise ValidationError("Batas kasbon {limit} tidak sah.", field="credit_limit",
                              limit=format_rupiah(limit))
    return {"name": name, "phone": phone, "address": data.address.strip()[:300],
            "note": data.note.strip(), "group_name": " ".join(data.group_name.split()).lower()[:40],
            "credit_limit": limit}


def create_customer(session: Session, data: CustomerInput, *, user_id: int | None = None) -> Customer:
    """A new customer (name required; phone normalised and unique among the shop's customers)."""
    fields = _clean(session, data, None)
    customer = Customer(**fields, device=profile(session).device_code or "K1", created_at=now_utc())
    session.add(customer)
    session.flush()
    audit.record(session, "customer.create", user_id, None, customer=customer.uuid,
                 name=customer.name, phone=customer.phone)
    books_sync.share(session, customer)
    return customer


def update_customer(session: Session, uuid: str, data: CustomerInput, *,
                    user_id: int | None = None) -> Customer:
    """Change a customer's details (audited with what changed)."""
    customer = get_customer(session, uuid)
    fields = _clean(session, data, customer.id)
    changed = {k: v for k, v in fields.items() if getattr(customer, k) != v}
    for key, value in changed.items():
        setattr(customer, key, value)
    if changed:
        customer.updated_at = now_utc()
        audit.record(session, "customer.update", user_id, None, customer=uuid, **changed)
        books_sync.share(session, customer)
    return customer


def get_customer(session: Session, uuid: str) -> Customer:
    """The customer with this uuid, or NotFoundError."""
    customer = session.scalar(select(Customer).where(Customer.uuid == uuid))
    if customer is None:
        raise NotFoundError("Pelanggan tidak ditemukan.")
    return customer


def kept(session: Session, uuid: str) -> Customer:
    """The customer a uuid now stands for (following merges)."""
    customer = get_customer(session, uuid)
    seen = {customer.uuid}
    while customer.merged_into and customer.merged_into not in seen:
        customer = get_customer(session, customer.merged_into)
        seen.add(customer.uuid)
    return customer


def by_phone(session: Session, phone: str) -> Customer | None:
    """The active customer with this phone (as typed), or None."""
    wanted = normalize_phone(phone)
    if not wanted:
        return None
    return session.scalar(select(Customer).where(Customer.phone == wanted,
                                                 Customer.merged_into.is_(None)))


def _phone_prefix(query: str) -> str | None:
    """The stored-phone prefix a typed number stands for (``0812`` → ``+62812``), or None."""
    compact = _SEPARATORS.sub("", query.strip())
    digits = compact.lstrip("+")
    if len(digits) < 2 or not digits.isdigit():
        return None
    if digits.startswith("62"):
        return "+" + digits
    return "+62" + digits.removeprefix("0")


def find_customers(session: Session, query: str, limit: int = SEARCH_LIMIT) -> list[Customer]:
    """Active customers whose phone starts with the typed number or whose name contains the text.

    A phone prefix is a range scan on ``ix_customers_phone``; a name is matched anywhere
    (case-insensitive), name-prefix hits first. An empty query gives the newest customers.
    """
    active = select(Customer).where(Customer.merged_into.is_(None), Customer.archived.is_(False))
    text = query.strip()
    if not text:
        return list(session.scalars(active.order_by(Customer.created_at.desc()).limit(limit)))
    prefix = _phone_prefix(text)
    if prefix is not None:
        hits = active.where(Customer.phone >= prefix, Customer.phone < prefix + "\uffff")
        return list(session.scalars(hits.order_by(Customer.phone).limit(limit)))
    pattern = "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    lowered = func.lower(Customer.name)
    starts = lowered.like(text.lower() + "%")
    hits = active.where(or_(lowered.like(pattern, escape="\\")))
    return list(session.scalars(hits.order_by(starts.desc(), Customer.name).limit(limit)))


def purchase_history(session: Session, uuid: str, limit: int = 200) -> list[HistoryRow]:
    """The customer's orders (sales and refunds), newest first, with the kasbon part of each."""
    kasbon = (select(func.coalesce(func.sum(Payment.amount), 0))
              .where(Payment.order_id == Order.id, Payment.method == PaymentMethod.KASBON)
              .scalar_subquery())
    rows = session.execute(
        select(Order.id, Order.number, Order.created_at, Order.kind, Order.status, Order.total, kasbon)
        .where(Order.customer_uuid == uuid).order_by(Order.created_at.desc(), Order.id.desc())
        .limit(limit))
    return [HistoryRow(int(i), n, at, k, s, int(t), int(kb)) for i, n, at, k, s, t, kb in rows]


def merge_customers(session: Session, keep_uuid: str, merged_uuid: str, *,
                    user_id: int | None = None) -> Customer:
    """Merge a duplicate into the kept customer: its orders, kasbon and pre-orders move over,
    empty details of the kept one are filled from it, and it points ``merged_into`` to it."""
    if keep_uuid == merged_uuid:
        raise ValidationError("Pilih dua pelanggan yang berbeda untuk digabung.")
    keep, gone = get_customer(session, keep_uuid), get_customer(session, merged_uuid)
    if keep.merged_into or gone.merged_into:
        raise ConflictError("Pelanggan {name} sudah digabung sebelumnya.",
                            name=(gone if gone.merged_into else keep).name)
    moved = {}
    for model in (Order, CreditEntry, Preorder):
        # a cancelled pre-order keeps its moment (the day its DP was kept, in laba rugi)
        keep_time = {"updated_at": Preorder.updated_at} if model is Preorder else {}
        result = session.execute(update(model).where(model.customer_uuid == merged_uuid)
                                 .values(customer_uuid=keep_uuid, **keep_time))
        moved[model.__tablename__] = result.rowcount  # type: ignore[attr-defined]
    for name in ("phone", "address", "note", "group_name"):
        if not getattr(keep, name) and getattr(gone, name):
            value = getattr(gone, name)
            if name == "phone":
                gone.phone = ""  # the number moves with the customer (unique among the active)
                session.flush()
            setattr(keep, name, value)
    if keep.credit_limit is None:
        keep.credit_limit = gone.credit_limit
    gone.merged_into, gone.archived = keep.uuid, True
    keep.updated_at = gone.updated_at = now_utc()
    session.flush()
    audit.record(session, "customer.merge", user_id, None, kept=keep.uuid, merged=gone.uuid,
                 kept_name=keep.name, merged_name=gone.name, **moved)
    books_sync.share(session, keep)
    books_sync.share(session, gone)
    return keep
