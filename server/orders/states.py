"""The online order state machine (enforced server-side).

``placed → awaiting_payment → paid → fulfilled``; ``placed``/``awaiting_payment``
may also become ``rejected`` (shop), ``cancelled`` (buyer) or ``expired``.
The "accepted" step of docs/design.md ("Sync with the central PEKEN catalog") is merged
with ``awaiting_payment``: accepting
an order is what makes it wait for the buyer's payment.
"""

from __future__ import annotations

from dataclasses import dataclass

from contract.enums import OnlineOrderStatus

PLACED = OnlineOrderStatus.PLACED
AWAITING = OnlineOrderStatus.AWAITING_PAYMENT
PAID = OnlineOrderStatus.PAID
FULFILLED = OnlineOrderStatus.FULFILLED
REJECTED = OnlineOrderStatus.REJECTED
CANCELLED = OnlineOrderStatus.CANCELLED
EXPIRED = OnlineOrderStatus.EXPIRED

UNPAID = frozenset({PLACED, AWAITING})
RESERVING = frozenset({PLACED, AWAITING, PAID})
HAPPY_PATH = (PLACED, AWAITING, PAID, FULFILLED)

# The seller's words of each state (the same as in the shop app), declared in contract.enums;
# lower case, as they stand inside a sentence ("Pesanan berstatus 'lunas' tidak bisa ...").
STATUS_LABELS = {status.value: status.label().lower() for status in OnlineOrderStatus}


@dataclass(frozen=True)
class Move:
    """One action on an order: the states it may start from and where it leads."""

    action: str
    sources: frozenset[str]
    target: str
    label: str


MOVES = {
    "accept": Move("accept", frozenset({PLACED}), AWAITING, "diterima"),
    "reject": Move("reject", UNPAID, REJECTED, "ditolak"),
    "confirm_payment": Move("confirm_payment", frozenset({AWAITING}), PAID, "dikonfirmasi lunas"),
    "fulfil": Move("fulfil", frozenset({PAID}), FULFILLED, "diselesaikan"),
    "cancel": Move("cancel", UNPAID, CANCELLED, "dibatalkan"),
    "expire": Move("expire", UNPAID, EXPIRED, "kedaluwarsa"),
}


def is_already_done(move: Move, status: str) -> bool:
    """True when the order is already at (or past, on the happy path) the move's target.

    Such a move is answered ``duplicate``: no effect, no error (two devices of a
    booth accepting the same order, or a payment confirmed twice).
    """
    if status == move.target:
        return True
    if move.target in HAPPY_PATH and status in HAPPY_PATH:
        return HAPPY_PATH.index(status) > HAPPY_PATH.index(move.target)
    return False


def refusal_message(move: Move, status: str) -> str:
    """The Indonesian explanation of an illegal move."""
    return (
        f"Pesanan berstatus '{STATUS_LABELS.get(status, status)}' tidak bisa {move.label}."
    )
