"""The Linux udev rule that lets the seller's own account open a USB receipt printer.

Without it only root may talk to the printer and every receipt fails with "Access denied".
:func:`install_rule` writes the rule when the app may write the rules folder (it runs as root,
or the folder was made writable); otherwise it returns the one command the seller (or a
helper) types in a terminal. The rule gives the logged-in user access (``uaccess``) and, for
systems without logind, the ``plugdev`` group.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

RULES_DIR = Path("/etc/udev/rules.d")
RULE_FILE = "99-peken-printer.rules"


@dataclass(frozen=True, slots=True)
class RuleResult:
    """Written (and udev reloaded when we could), or the command that does it with root."""

    installed: bool
    path: Path
    command: str


def rule_text(vendor_id: int, product_id: int) -> str:
    """The udev line for one printer (plain ASCII quotes, ids as four lower-case hex digits)."""
    return (f'SUBSYSTEM=="usb", ATTRS{{idVendor}}=="{vendor_id:04x}", '
            f'ATTRS{{idProduct}}=="{product_id:04x}", MODE="0664", GROUP="plugdev", TAG+="uaccess"')


def root_command(vendor_id: int, product_id: int, rules_dir: Path = RULES_DIR) -> str:
    """What to type in a terminal to install the rule with root (``sudo``), then reload udev."""
    target = rules_dir / RULE_FILE
    line = shlex.quote(rule_text(vendor_id, product_id))
    return (f"echo {line} | sudo tee -a {shlex.quote(str(target))} && "
            "sudo udevadm control --reload-rules && sudo udevadm trigger")


def install_rule(vendor_id: int, product_id: int, rules_dir: Path = RULES_DIR) -> RuleResult:
    """Add the printer's rule to ``rules_dir`` (once), or say the root command when we may not."""
    target = rules_dir / RULE_FILE
    command = root_command(vendor_id, product_id, rules_dir)
    if not (rules_dir.is_dir() and os.access(rules_dir, os.W_OK)):
        return RuleResult(False, target, command)
    line = rule_text(vendor_id, product_id)
    existing = target.read_text(encoding="ascii").splitlines() if target.exists() else []
    if line not in existing:
        target.write_text("\n".join([*existing, line]) + "\n", encoding="ascii")
        target.chmod(0o644)
    _reload_udev()
    return RuleResult(True, target, command)


def _reload_udev() -> None:
    """Ask udev to read the rules again (best effort: the printer can also be re-plugged)."""
    udevadm = shutil.which("udevadm")
    if udevadm is None or os.geteuid() != 0:
        return
    for args in (["control", "--reload-rules"], ["trigger", "--subsystem-match=usb"]):
        subprocess.run([udevadm, *args], capture_output=True, timeout=10, check=False)
