"""`prepcoach serve` and the worker it starts agree through `ops/supervision.py`, below both:
when serve is killed hard (no chance to stop its worker), the worker stops by itself instead of
living on as an orphan. Real processes: serve on a free loopback port, its own worker."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from tests.support import child_env, free_port, wait_for


def gone(pid: int) -> bool:
    """The process has exited (a zombie nobody reaped yet counts: it runs nothing)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in {"Z", "X"}


def test_the_worker_stops_when_serve_is_killed(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    env = child_env(tmp_path / "home", WORKER_HEARTBEAT_SECONDS="1")
    pid = 0
    with log.open("w") as out:
        serve = subprocess.Popen(
            [sys.executable, "-m", "prepcoach", "serve", "--port", str(free_port())],
            env=env, stdout=out, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    try:
        # The worker names itself "<host>-<pid>" when its lanes start.
        started = wait_for(
            lambda: re.search(r"worker \S+-(\d+): mail", log.read_text()),
            timeout=120, what="the worker serve starts",
        )  # fmt: skip
        pid = int(started.group(1))
        assert pid != serve.pid
        assert not gone(pid)
        # Started with two malloc arenas (ops/malloc.py: its peak memory on a long answer).
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        assert b"MALLOC_ARENA_MAX=2" in environ
        serve.kill()  # SIGKILL: serve cannot stop its worker
        serve.wait(timeout=20)
        wait_for(lambda: gone(pid), timeout=60, what="the worker to stop after serve died")
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait(timeout=20)
        if pid and not gone(pid):
            os.kill(pid, signal.SIGKILL)
            print(log.read_text())
