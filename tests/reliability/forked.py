"""Start the kill tests' children cheaply: forked from a process that imported them once.

A child started with ``python -m`` spends seconds importing SQLAlchemy, the models and the app
before it sells anything, and the kill tests start one per kill. Here a helper process (the
"zygote", ``python -m tests.reliability.forked MODULE...``) imports the child modules once;
for each child it forks, and the fork runs ``MODULE.main(argv)`` with its stdout on a pipe of
the parent's. Each child is still its own process: it opens the shop file itself after the
fork, writes to a real stdout pipe (a line the parent reads was flushed after its commit) and
dies by the parent's SIGKILL exactly as a ``python -m`` child did. The zygote never opens a shop.

Parent and zygote talk over a Unix socket pair: the parent sends ``start`` with the write end
of a new pipe attached (SCM_RIGHTS) and gets the child's pid; ``wait`` returns how it ended.
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import socket
import subprocess
import sys
import traceback
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
# The children of the SQLite-only kill tests (the Qt cart child gets its own zygote).
LIGHT_CHILDREN = ("tests.reliability.child", "tests.reliability.kasbon_child",
                  "tests.reliability.purchase_child")


class Child:
    """A running child: its stdout lines, SIGKILL, its end."""

    def __init__(self, zygote: Zygote, pid: int, stdout: IO[str]) -> None:
        self._zygote = zygote
        self.pid = pid
        self.stdout = stdout
        self.returncode: int | None = None

    def readline(self) -> str:
        """The next line the child wrote, stripped; '' once its stdout closed."""
        return self.stdout.readline().strip()

    def kill(self) -> list[str]:
        """SIGKILL the child; the lines it wrote that were not read yet (it is reaped)."""
        os.kill(self.pid, signal.SIGKILL)
        rest = [line.strip() for line in self.stdout if line.strip()]
        self.stdout.close()
        self.returncode = self._zygote.wait(self.pid)
        return rest

    def stop(self) -> int:
        """End a child that failed to start (if it still runs); its return code."""
        os.kill(self.pid, signal.SIGKILL)  # not reaped yet: it exists, even if it exited
        self.stdout.close()
        self.returncode = self._zygote.wait(self.pid)
        return self.returncode


class Zygote:
    """The helper process that forks the children (close it when done)."""

    def __init__(self, modules: tuple[str, ...] = LIGHT_CHILDREN, *, quiet: bool = False,
                 **env: str) -> None:
        """Start the zygote importing ``modules``; ``quiet`` drops the children's stderr."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self._sock = ours
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.forked", str(theirs.fileno()), *modules],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env}, pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL if quiet else None)
        theirs.close()
        ready = self._reply()
        assert ready.get("ready"), f"the zygote failed to start: {ready}"

    def _reply(self) -> dict[str, Any]:
        data = self._sock.recv(65536)
        if not data:
            code = self.process.wait(30)
            raise AssertionError(f"the zygote ended (exit code {code}); see its stderr above")
        reply: dict[str, Any] = json.loads(data)
        return reply

    def start(self, module: str, argv: list[str]) -> Child:
        """Fork a child running ``module.main(argv)``."""
        read_end, write_end = os.pipe()
        try:
            request = json.dumps({"op": "start", "module": module, "argv": argv}).encode()
            socket.send_fds(self._sock, [request], [write_end])
        finally:
            os.close(write_end)  # the child holds the only write end: its death is our EOF
        pid = int(self._reply()["pid"])
        return Child(self, pid, os.fdopen(read_end, "r", encoding="utf-8"))

    def wait(self, pid: int) -> int:
        """Reap a child: its exit code, or minus the signal that ended it (as Popen does)."""
        self._sock.send(json.dumps({"op": "wait", "pid": pid}).encode())
        return int(self._reply()["returncode"])

    def close(self) -> None:
        """End the zygote (it exits when its socket closes)."""
        self._sock.close()
        self.process.wait(30)


def _run_forked(module: str, argv: list[str], stdout_fd: int) -> None:
    """In the fork: stdout is the parent's pipe; run the child's main until it is killed."""
    os.dup2(stdout_fd, 1)
    os.close(stdout_fd)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 (the process's stdout)
    code = 1
    try:
        code = importlib.import_module(module).main(argv) or 0
    except BaseException:  # any failure: reported on stderr, the exit code stays 1
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _serve(sock: socket.socket) -> None:
    """Answer the parent's requests until it closes the socket."""
    while True:
        data, fds, _flags, _addr = socket.recv_fds(sock, 65536, 1)
        if not data:
            return
        request = json.loads(data)
        if request["op"] == "start":
            pid = os.fork()
            if pid == 0:
                sock.close()
                _run_forked(request["module"], request["argv"], fds[0])
            os.close(fds[0])
            sock.send(json.dumps({"pid": pid}).encode())
        else:
            _pid, status = os.waitpid(request["pid"], 0)
            sock.send(json.dumps({"returncode": -os.WTERMSIG(status) if os.WIFSIGNALED(status)
                                  else os.WEXITSTATUS(status)}).encode())


def main(argv: list[str]) -> int:
    """``forked.py SOCKET_FD MODULE...``: import the child modules, then serve."""
    sock = socket.socket(fileno=int(argv[0]))
    for name in argv[1:]:
        importlib.import_module(name)
    sock.send(json.dumps({"ready": True}).encode())
    _serve(sock)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
