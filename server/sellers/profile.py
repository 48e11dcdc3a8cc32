"""Applying a pushed ``shop.profile`` op (``contract.shop_profile``) to the seller.

The newest stamp wins: an op older than the stored profile is ``duplicate``/``profile_older``
(another laptop saved later). The winner replaces kecamatan, pickup hours, the account shown
to buyers and — when sent — the bank accounts and the static QRIS, and is logged as a
``shop.profile`` change for the shop's other devices.
"""

from __future__ import annotations

from typing import Any

from contract.qris import QrisError, static_text
from contract.shop_profile import CHANGE_KIND, ShopProfilePayload
from server.models import BankAccount
from server.sync.context import Outcome, PushContext, rejected


def _public(p: ShopProfilePayload, accounts: int) -> dict[str, Any]:
    return {"kecamatan": p.kecamatan, "pickup_hours": p.pickup_hours,
            "shown_account": p.shown_account if p.shown_account < accounts else 0, "hlc": p.hlc}


def apply_profile(ctx: PushContext, p: ShopProfilePayload) -> Outcome:
    """Store the shop's profile when its stamp is the newest."""
    seller = ctx.log.seller
    if seller.profile_hlc is not None and p.hlc <= seller.profile_hlc:
        return Outcome("duplicate", "profile_older", "Profil toko yang lebih baru sudah tersimpan.")
    qris: str | None = None
    if p.qris_payload:
        try:
            qris = static_text(p.qris_payload)
        except QrisError as exc:
            return rejected("invalid_qris", f"QRIS statis tidak valid: {exc}")
    if p.bank_accounts is not None:
        seller.bank_accounts = [BankAccount(position=i, bank=a.bank, number=a.number,
                                            holder=a.holder)
                                for i, a in enumerate(p.bank_accounts)]
    if p.qris_payload is not None:
        seller.qris_payload = qris
    count = len(p.bank_accounts) if p.bank_accounts is not None else len(seller.bank_accounts)
    public = _public(p, count)
    seller.kecamatan = public["kecamatan"] or None
    seller.pickup_hours = public["pickup_hours"] or None
    seller.shown_account = public["shown_account"]
    seller.profile_hlc = p.hlc
    return Outcome("acknowledged", change_seq=ctx.log.append(CHANGE_KIND, public, ctx.device_id))
