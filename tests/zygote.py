"""Start test child processes cheaply: forked from a process that imported their modules once.

A child started with ``python -m`` spends seconds importing SQLAlchemy, the models, the app or
the server before it does anything, and some tests start many (a kill test one per kill, the
sync chaos test a server and a sync worker per restart). Here a helper process (the "zygote",
``python -m tests.zygote SOCKET_FD MODULE...``) imports the modules once; for each child it
forks, and the fork runs ``MODULE.main(argv)`` as ``python -m MODULE ARGS`` would, its stdout
on a pipe of the parent's (or stdout and stderr on a log file). Each child is still its own
process: it opens its files and sockets itself after the fork, and ends by a signal or its own
exit exactly like a ``python -m`` child. The zygote itself opens nothing.

Parent and zygote talk over a Unix socket pair: ``start`` carries the child's stdout (SCM_RIGHTS)
and returns its pid; ``poll`` reaps it when it ended. :class:`Forked` looks like ``Popen``.
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]


class Forked:
    """A child forked by a :class:`Zygote`, with the parts of ``subprocess.Popen`` tests use."""

    def __init__(self, zygote: Zygote, pid: int, stdout: IO[str] | None) -> None:
        self._zygote = zygote
        self.pid = pid
        self.stdout = stdout
        self.returncode: int | None = None

    def readline(self) -> str:
        """The next line the child wrote to its stdout pipe, stripped; '' once it closed."""
        assert self.stdout is not None
        return self.stdout.readline().strip()

    def send_signal(self, sig: int) -> None:
        """Send ``sig`` (the child is not reaped before :meth:`poll` sees it end, so it exists)."""
        if self.returncode is None:
            os.kill(self.pid, sig)

    def kill(self) -> None:
        """SIGKILL, as ``Popen.kill``."""
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        """SIGTERM, as ``Popen.terminate``."""
        self.send_signal(signal.SIGTERM)

    def poll(self) -> int | None:
        """The return code once the child ended (minus the signal that ended it), else None."""
        if self.returncode is None:
            self.returncode = self._zygote.poll(self.pid)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the end; ``subprocess.TimeoutExpired`` after ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if deadline is not None and time.monotonic() >= deadline:
                raise subprocess.TimeoutExpired(f"forked {self.pid}", timeout or 0)
            time.sleep(0.01)
        return code

    def kill_and_read(self) -> list[str]:
        """SIGKILL the child, wait for it, and return the lines it wrote that were not read."""
        self.kill()
        assert self.stdout is not None
        rest = [line.strip() for line in self.stdout if line.strip()]  # EOF: it died
        self.stdout.close()
        self.wait(30)
        return rest

    def stop(self) -> int:
        """End a child that failed (if it still runs): its return code."""
        self.kill()
        if self.stdout is not None:
            self.stdout.close()
        return self.wait(30)


class Zygote:
    """The helper process that forks the children (close it when done)."""

    def __init__(self, modules: tuple[str, ...], *, quiet: bool = False,
                 env: Mapping[str, str] | None = None) -> None:
        """Import ``modules`` in the zygote; its children get ``env`` (default: ours).

        ``quiet`` drops the children's stderr (else it is ours, unless :meth:`start` names a log).
        """
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self._sock = ours
        environment = {**(os.environ if env is None else env), "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.zygote", str(theirs.fileno()), *modules],
            cwd=ROOT, env=environment, pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL if quiet else None)
        theirs.close()
        ready = self._reply()
        assert ready.get("ready"), f"the zygote failed to start: {ready}"

    def _ask(self, request: dict[str, Any], fds: list[int] | None = None) -> dict[str, Any]:
        socket.send_fds(self._sock, [json.dumps(request).encode()], fds or [])
        return self._reply()

    def _reply(self) -> dict[str, Any]:
        data = self._sock.recv(65536)
        if not data:
            code = self.process.wait(30)
            raise AssertionError(f"the zygote ended (exit code {code}); see its stderr above")
        reply: dict[str, Any] = json.loads(data)
        return reply

    def start(self, module: str, argv: list[str], log: IO[Any] | None = None) -> Forked:
        """Fork a child running ``module.main(argv)``: stdout on a pipe (``Forked.readline``),
        or stdout and stderr appended to the open file ``log``."""
        if log is not None:
            reply = self._ask({"op": "start", "module": module, "argv": argv, "log": True},
                              [log.fileno()])
            return Forked(self, int(reply["pid"]), None)
        read_end, write_end = os.pipe()
        try:
            reply = self._ask({"op": "start", "module": module, "argv": argv, "log": False},
                              [write_end])
        finally:
            os.close(write_end)  # the child holds the only write end: its death is our EOF
        return Forked(self, int(reply["pid"]), os.fdopen(read_end, "r", encoding="utf-8"))

    def poll(self, pid: int) -> int | None:
        """Reap ``pid`` if it ended: its exit code or minus its signal (as Popen); else None."""
        code = self._ask({"op": "poll", "pid": pid})["returncode"]
        return None if code is None else int(code)

    def close(self) -> None:
        """End the zygote (it exits when its socket closes)."""
        self._sock.close()
        self.process.wait(30)


def _run_forked(module: str, argv: list[str], output_fd: int, log: bool) -> None:
    """In the fork: stdout (and with ``log`` stderr) is ``output_fd``; run the module's main."""
    os.dup2(output_fd, 1)
    if log:
        os.dup2(output_fd, 2)
    os.close(output_fd)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 (the process's stdout)
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 (the process's stderr)
    code = 1
    try:
        code = importlib.import_module(module).main(argv) or 0
    except SystemExit as stop:
        code = 0 if stop.code is None else stop.code if isinstance(stop.code, int) else 1
    except BaseException:  # any failure: reported on stderr, the exit code stays 1
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _status_code(status: int) -> int:
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


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
                _run_forked(request["module"], request["argv"], fds[0], request["log"])
            os.close(fds[0])
            sock.send(json.dumps({"pid": pid}).encode())
        else:  # poll
            done, status = os.waitpid(request["pid"], os.WNOHANG)
            code = _status_code(status) if done else None
            sock.send(json.dumps({"returncode": code}).encode())


def main(argv: list[str]) -> int:
    """``zygote.py SOCKET_FD MODULE...``: import the modules, then serve."""
    sock = socket.socket(fileno=int(argv[0]))
    for name in argv[1:]:
        importlib.import_module(name)
    sock.send(json.dumps({"ready": True}).encode())
    _serve(sock)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
