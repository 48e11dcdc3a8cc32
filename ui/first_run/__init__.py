"""First run of a new shop: the set-up wizard before the main window (see ``app.first_run``).

:func:`run_first_run` is called by ``ui.app.run_app`` before the login. It returns None for a
shop that needs no set-up (the usual login follows). Otherwise it runs the wizard — after the
owner's login when a wizard begun earlier continues past the owner step — and returns who is
at the till afterwards, or that the seller closed the program.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog

from app import first_run, shop
from app.db import Database
from ui.admin.login import login
from ui.context import AppContext, make_context


@dataclass
class FirstRunResult:
    """After the wizard: the context (owner logged in when one was made), the shop name, or closed."""

    ctx: AppContext
    shop_name: str = ""
    closed: bool = False


def _log_in(database: Database) -> AppContext | None:
    """The usual login on ``database`` (None: closed); a shop without users needs none."""
    ctx, _name = make_context(database)
    if ctx.user_id is not None and not login(None, ctx):
        return None
    return ctx


def run_first_run(database: Database) -> FirstRunResult | None:
    """Run the wizard when the shop needs it; None when it does not (see module doc)."""
    with database.read() as session:
        progress = first_run.progress(session)
    if not progress.needed:
        return None
    ctx: AppContext | None = AppContext(db=database)
    if progress.has_users:  # continuing after the owner step: the owner logs in first
        ctx = _log_in(database)
    if ctx is None:
        return FirstRunResult(AppContext(db=database), closed=True)
    from ui.first_run.wizard import FirstRunWizard  # noqa: PLC0415 (the set-up wizard ~650 ms, only for a new shop; this package loads on every start (bench.startup))

    wizard = FirstRunWizard(ctx, progress.next_step)
    accepted = wizard.exec() == QDialog.DialogCode.Accepted
    if accepted and wizard.restored:  # the restored shop's own people log in
        restored = _log_in(ctx.db)
        if restored is None:
            return FirstRunResult(ctx, closed=True)
        ctx = restored
    if not accepted:
        return FirstRunResult(ctx, closed=True)
    with ctx.db.read() as session:
        name = shop.profile(session).name
    return FirstRunResult(ctx, name)
