"""Terminal output for the windowed Windows build.

The installed ``peken-kasir.exe`` is a windowed program (no black console behind the till), so
Windows gives it no standard output: ``peken-kasir.exe --summary`` typed in a Command Prompt
would print nothing. :func:`attach_parent_console` joins the console of the terminal that
started it, so subcommands print there. Elsewhere (Linux, running from source, a console
build) it does nothing.
"""

from __future__ import annotations

import ctypes
import sys

ATTACH_PARENT_PROCESS = -1


def attach_parent_console() -> bool:
    """On a windowed Windows build, send stdout/stderr to the starting terminal; True if done."""
    if sys.platform != "win32" or sys.stdout is not None:
        return False
    windll = getattr(ctypes, "windll", None)
    if windll is None or not windll.kernel32.AttachConsole(ATTACH_PARENT_PROCESS):
        return False  # started from the Start menu: there is no terminal to print to
    sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    return True
