"""Enrolling this device with a PEKEN server, and unenrolling it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.db import Database
from app.errors import ValidationError
from app.sync import state
from app.sync.client import PekenClient, normalize_url


@dataclass(frozen=True)
class Enrolled:
    """The result of an enrollment (no token: it stays in the shop file)."""

    server_url: str
    device_id: int
    shop_id: int


def enroll(db: Database, server_url: str, code: str, device_name: str = "Kasir",
           client_factory: Callable[[str], PekenClient] | None = None) -> Enrolled:
    """Trade the admin's one-time code for a device token and store it (cursor back to 0).

    Ops queued before enrollment stay in the outbox and go out with the first round.
    """
    url = normalize_url(server_url)
    if not code.strip():
        raise ValidationError("Isi kode pendaftaran dari admin PEKEN.", field="code")
    factory: Callable[[str], PekenClient] = client_factory or PekenClient
    with factory(url) as client:
        answer = client.enroll(code, device_name)
    with db.unit_of_work() as session:
        state.forget_device(session)
        state.put(session, state.SERVER_URL, url)
        state.put(session, state.DEVICE_TOKEN, str(answer["token"]))
        state.put(session, state.DEVICE_ID, str(int(answer["device_id"])))
        state.put(session, state.SHOP_ID, str(int(answer["shop_id"])))
        state.put(session, state.CURSOR, "0")
    return Enrolled(url, int(answer["device_id"]), int(answer["shop_id"]))


def unenroll(db: Database) -> None:
    """Forget the device token and cursor; queued ops stay for a later enrollment."""
    with db.unit_of_work() as session:
        state.forget_device(session)
