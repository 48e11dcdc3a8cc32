"""The first run of a new shop: what the wizard stores, one step (one transaction) at a time.

The steps are, in order: the shop (name, address, time zone), the owner and PIN, payment
(a bank account and the QRIS sticker), the printer and PEKEN enrollment. Each step is saved
or skipped in the caller's unit of work together with :data:`STEP_KEY`, the number of the
next step, so a wizard closed half-way leaves a consistent shop and continues where it
stopped. A shop that already has users and never started the wizard (the demo shop, a shop
made before this wizard existed, a restored shop) is not asked.

Owner-only changes (bank account, QRIS, printer) go through the same services as the
settings pages, with the owner created in step 2 as the acting user (or nobody, in a shop
whose owner step was skipped: nobody to ask there).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app import clock, permissions, settings, shop, users
from app.errors import ConflictError, ValidationError

if TYPE_CHECKING:  # payments and printing are imported when a step is saved (start-up stays light)
    from app.printing.profile import PrinterProfile
    from contract import qris

STEP_KEY = "first_run.step"


class Step(IntEnum):
    """The wizard's pages, in order; ``FINISHED`` once the last one is saved or skipped."""

    SHOP = 1
    OWNER = 2
    PAYMENT = 3
    PRINTER = 4
    PEKEN = 5
    FINISHED = 99


STEPS: tuple[Step, ...] = (Step.SHOP, Step.OWNER, Step.PAYMENT, Step.PRINTER, Step.PEKEN)


@dataclass(frozen=True)
class Progress:
    """Where a shop stands: whether the wizard should run, from which step, and if an owner exists."""

    needed: bool
    next_step: Step
    has_users: bool


def progress(session: Session) -> Progress:
    """The wizard runs for a shop without users that has not finished it, or to finish one begun."""
    stored = int(settings.get(session, STEP_KEY))
    has_users = permissions.shop_has_users(session)
    if stored >= Step.FINISHED:
        return Progress(False, Step.FINISHED, has_users)
    begun = stored > Step.SHOP
    next_step = Step(stored) if stored in {int(s) for s in STEPS} else Step.SHOP
    if has_users and next_step <= Step.OWNER:
        next_step = Step.PAYMENT  # an owner exists already: never a second first owner
    return Progress(begun or not has_users, next_step, has_users)


def _advance(session: Session, done: Step) -> None:
    """Record that ``done`` is saved or skipped (never moves backwards)."""
    following = STEPS[STEPS.index(done) + 1] if done is not Step.PEKEN else Step.FINISHED
    current = int(settings.get(session, STEP_KEY))
    settings.set_value(session, STEP_KEY, max(current, int(following)))


def skip(session: Session, step: Step) -> None:
    """Leave ``step`` as it is (defaults) and go on to the next one."""
    _advance(session, step)


def finish(session: Session) -> None:
    """Mark the wizard done (it is not shown again)."""
    settings.set_value(session, STEP_KEY, int(Step.FINISHED))


def save_shop(session: Session, name: str, address: str, zone: str) -> None:
    """Step 1: the shop's name, address and time zone (WIB, WITA or WIT)."""
    if zone not in clock.ZONES:
        raise ValidationError("Zona waktu toko tidak dikenal: {zone}.", zone=zone, field="timezone")
    shop.update_profile(session, name=name, address=address)
    settings.set_value(session, "shop.timezone", zone)
    _advance(session, Step.SHOP)


def create_owner(session: Session, name: str, pin: str, pin_again: str) -> int:
    """Step 2: the shop's first owner (PIN typed twice); their id. Only in a shop without users."""
    if permissions.shop_has_users(session):
        raise ConflictError("Toko ini sudah punya pengguna; tambah pemilik di Pengaturan → Pengguna.")
    users.check_pin_format(pin)
    if pin != pin_again:
        raise ValidationError("Kedua PIN tidak sama. Ketik PIN yang sama dua kali.", field="pin_again")
    owner_id = users.create_user(session, name, "owner", pin)
    shop.update_profile(session, owner_name=" ".join(name.split()))
    _advance(session, Step.OWNER)
    return int(owner_id)


@dataclass(frozen=True)
class PaymentInput:
    """Step 3 as typed: a bank account (all three blank: none) and a QRIS payload (blank: none)."""

    bank: str = ""
    number: str = ""
    holder: str = ""
    qris_payload: str = ""

    @property
    def has_account(self) -> bool:
        """Whether an account number or holder was typed (the bank has a default choice)."""
        return bool(self.number.strip() or self.holder.strip())


def save_payment(session: Session, actor_id: int | None, typed: PaymentInput) -> qris.QrisPayload | None:
    """Step 3: the bank account and the static QRIS, both checked, stored together; the QRIS parsed."""
    from app.payments import service as payments  # noqa: PLC0415 (payments service ~110 ms; app.first_run is on the start-up path)

    parsed = None
    if typed.qris_payload.strip():
        parsed = payments.set_static_qris(session, typed.qris_payload, actor_id)
    if typed.has_account:
        payments.add_bank_account(session, actor_id, typed.bank, typed.number, typed.holder)
    _advance(session, Step.PAYMENT)
    return parsed


def save_printer(session: Session, actor_id: int | None, profile: PrinterProfile | None) -> None:
    """Step 4: the receipt printer (None: no printer chosen, nothing stored)."""
    from app.printing import service as printing  # noqa: PLC0415 (printing service ~800 ms; app.first_run is on the start-up path)

    if profile is not None:
        printing.set_profile(session, actor_id, profile)
    _advance(session, Step.PRINTER)
