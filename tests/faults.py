"""Real faults for the fault tests (`tests/ops/test_*_restart.py`, `test_store_full*.py`) and
`bench/bench_faults.py`: prepcoach programs started, killed and started again; a browser's
recorder that sends an answer's pieces and retries them as `recorder.js` does; a throwaway
PostgreSQL cluster the caller may restart; a small disk that fills up.

Nothing here is a stand-in: the programs are `python -m prepcoach ...`, the cluster is Debian's
`initdb`/`pg_ctl` on a loopback port in a temporary folder, the disk is a `tmpfs` mounted with
a size limit, whose kernel answers a write past it with ENOSPC as a full disk does, and the
object store is cut off by a TCP forwarder (`Gate`) that stops forwarding, as a cut network does
(a full one is `tests/full_bucket.py`'s).
"""

from __future__ import annotations

import contextlib
import http.client
import http.cookiejar
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support import free_port, wait_for

CHUNK_SECONDS = 2
RETRY_FIRST_S = 0.5  # recorder.js: the first wait before a piece is sent again
RETRY_MAX_S = 10.0  # recorder.js: the wait doubles up to this


def wav_pieces(wav: bytes, seconds: int = CHUNK_SECONDS) -> list[bytes]:
    """A WAV recording cut into pieces of `seconds` of sound, as a recorder hands them over
    (the first carries the header); joined again they are the same file."""
    rate = int.from_bytes(wav[24:28], "little")
    channels = int.from_bytes(wav[22:24], "little")
    width = int.from_bytes(wav[34:36], "little") // 8
    per_piece = rate * channels * width * seconds
    header, body = wav[:44], wav[44:]
    pieces = [body[i : i + per_piece] for i in range(0, len(body), per_piece)]
    pieces[0] = header + pieces[0]
    return pieces


class Browser:
    """A person's browser against a real server: cookies kept, the CSRF token sent back."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def cookie(self, name: str) -> str:
        return next((c.value or "" for c in self.jar if c.name == name), "")

    def request(
        self, path: str, body: bytes | None = None, headers: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> tuple[int, bytes, dict[str, str]]:  # fmt: skip
        """(status, body, headers); status 0 when nothing answered (refused, reset, cut)."""
        # What a browser asks for: a page when it opens one, anything from a script's fetch.
        sent = (
            {"X-CSRFToken": self.cookie("csrftoken"), "Accept": "*/*"}
            if body is not None
            else {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
        )
        request = urllib.request.Request(  # noqa: S310 (loopback only)
            self.base + path, data=body, headers=sent | (headers or {}),
            method="POST" if body is not None else "GET",
        )  # fmt: skip
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)
        except (OSError, http.client.HTTPException):
            return 0, b"", {}

    def log_in(self, email: str, password: str) -> None:
        status, page, _ = self.request("/account/login/")
        assert status == 200, status
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token
        form = f"csrfmiddlewaretoken={token.group(1).decode()}&username={email}&password={password}"
        status, _, _ = self.request(
            "/account/login/", form.encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        assert status == 200, status  # followed the redirect to the home page
        assert self.cookie("sessionid")

    def half_sent(self, path: str, body: bytes) -> socket.socket:
        """A POST whose headers and first half of the body are on the wire, the rest not yet:
        a piece mid-upload. The caller closes the socket (the browser's connection lost)."""
        port = int(self.base.rsplit(":", 1)[1])
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.jar)
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookies}\r\n"
            f"X-CSRFToken: {self.cookie('csrftoken')}\r\nContent-Length: {len(body)}\r\n"
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        sock.sendall(head.encode() + body[: len(body) // 2])
        return sock


@dataclass
class Sent:
    """How one piece went: its tries, the statuses the server gave, and when it was stored."""

    index: int
    statuses: list[int] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    accepted_at: float = 0.0  # time.monotonic()


class Recorder:
    """`recorder.js`'s upload loop: one piece at a time, in order; a piece is let go only once
    the server stored it (200, 201); a 4xx is a refusal for good; anything else (a 503, a
    dropped connection, nothing listening) waits 0.5 s, doubling up to 10 s, and sends it again.
    `give_up_s` bounds a test; the browser itself keeps trying while the page is open."""

    def __init__(self, browser: Browser, started: dict[str, object], give_up_s: float = 90) -> None:
        self.browser = browser
        self.chunk_url = str(started["chunk_url"])
        self.give_up_s = give_up_s
        self.sent: list[Sent] = []

    def send(self, index: int, piece: bytes) -> Sent:
        record = Sent(index)
        self.sent.append(record)
        wait = RETRY_FIRST_S
        deadline = time.monotonic() + self.give_up_s
        while True:
            status, body, _ = self.browser.request(f"{self.chunk_url}/{index}/", piece, timeout=30)
            record.statuses.append(status)
            if status in (200, 201):
                record.accepted_at = time.monotonic()
                return record
            if body:
                try:
                    record.messages.append(str(json.loads(body).get("error", "")))
                except (ValueError, AttributeError):
                    record.messages.append(body.decode(errors="replace")[:200])
            if 400 <= status < 500:
                raise AssertionError(f"piece {index} refused for good: {status} {body[:300]!r}")
            if time.monotonic() + wait > deadline:
                raise AssertionError(f"piece {index} not stored in {self.give_up_s} s: {record}")
            time.sleep(wait)
            wait = min(wait * 2, RETRY_MAX_S)


@dataclass
class Recording:
    """An answer a person pressed Record on: their browser, the answer as the server started
    it (its `id`, `chunk_url` and `finalise_url`) and a recorder for its pieces."""

    browser: Browser
    started: dict[str, Any]
    recorder: Recorder


def start_recording(browser: Browser, question: int) -> Recording:
    """Press Record on `question` (the recorder's start, a fetch asking for JSON)."""
    path = f"/improve/questions/{question}/record/"
    status, body, _ = browser.request(path, b"", {"Accept": "application/json"})
    assert status == 201, body
    started = dict(json.loads(body))
    return Recording(browser, started, Recorder(browser, started))


def queue_recorded(email: str, recording: str) -> str:
    """`Programs.manage` code that queues the analysis of a recording already in the media
    folder (`recording`, its name there) as an answer of `email`'s; it prints "attempt <id>"."""
    return (
        "from prepcoach.accounts.models import User\n"
        "from prepcoach.practice.models import Attempt\n"
        "from prepcoach.practice.tasks import queue_analysis\n"
        "attempt = Attempt.objects.create(\n"
        f"    user=User.objects.get(email={email!r}), recording={recording!r},\n"
        "    question_text='Tell me about a time you fixed a process.',\n"
        "    media_type='audio/wav', status='saved',\n"
        ")\n"
        "print('attempt', queue_analysis(attempt).pk)\n"
    )


def record_on(port: int, email: str, password: str, question: int) -> Recording:
    """A person signs in on the server at `port` and starts recording an answer."""
    browser = Browser(f"http://127.0.0.1:{port}")
    browser.log_in(email, password)
    return start_recording(browser, question)


class Programs:
    """prepcoach programs (`serve`, `worker`) as separate processes with their logs in `folder`;
    `stop_all` ends them (SIGTERM, then SIGKILL after `grace` s)."""

    def __init__(self, folder: Path, env: Callable[[str], dict[str, str]]) -> None:
        self.folder = folder
        self.env = env  # a program's name -> its environment
        self.started: list[tuple[subprocess.Popen[str], Path]] = []

    def start(self, name: str, command: list[str]) -> subprocess.Popen[str]:
        log_path = self.folder / f"{name}.log"
        with log_path.open("a") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "prepcoach", *command], env=self.env(name),
                stdout=log, stderr=subprocess.STDOUT, text=True,
            )  # fmt: skip
        self.started.append((process, log_path))
        return process

    def manage(self, name: str, code: str) -> str:
        """Run `code` in `prepcoach manage shell` with `name`'s environment; its output."""
        done = subprocess.run(
            [sys.executable, "-m", "prepcoach", "manage", "shell", "-c", code],
            env=self.env(name), capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text() if path.exists() else ""

    def serve(self, name: str, port: int, *extra: str) -> subprocess.Popen[str]:
        """`prepcoach serve` on `port`, once it says it is running (its log counted from now)."""
        runs = self.log(name).count("is running at")
        process = self.start(name, ["serve", "--port", str(port), *extra])
        wait_for(
            lambda: self.log(name).count("is running at") > runs or process.poll() is not None,
            timeout=120, what=f"{name} to serve",
        )  # fmt: skip
        assert process.poll() is None, self.log(name)
        return process

    def stop_all(self, grace: float = 30, show: bool = True) -> None:
        for process, _ in self.started:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process, log_path in self.started:
            try:
                process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if show:
                print(f"== {log_path.name}", log_path.read_text()[-6000:], sep="\n")
        self.started = []


def kill(process: subprocess.Popen[str]) -> None:
    """SIGKILL: the process gets no chance to finish anything."""
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=20)


def worker_id(process: subprocess.Popen[str]) -> str:
    """How a `prepcoach worker` names itself in its tasks' `worker_ids`."""
    return f"{socket.gethostname()[:40]}-{process.pid}"


@dataclass
class Killed:
    """A worker SIGKILLed while it read an answer: the one killed, the answer as it ended, and
    how long after the kill its task was queued again and the answer finished."""

    victim: subprocess.Popen[str]
    requeued_s: float
    finished_s: float
    attempt: Any  # practice.models.Attempt, analysed or failed


def kill_mid_analysis(
    attempt: Any, workers: list[subprocess.Popen[str]], requeue_bound_s: float = 120
) -> Killed:
    """Wait until one of `workers` reads `attempt` (queued), SIGKILL that worker, wait (at
    most `requeue_bound_s`) for its task to be queued again (a second worker id, or READY),
    then for the answer to be analysed or failed. Runs where Django is set up, on the
    workers' database (the fault test's and the fault bench's)."""
    from django_tasks_db.models import DBTaskResult

    from prepcoach.practice.models import Attempt

    wait_for(
        lambda: Attempt.objects.filter(pk=attempt.pk, status="analysing").exists(),
        timeout=120, what="a worker to start the analysis",
    )  # fmt: skip
    (holder,) = DBTaskResult.objects.get(pk=attempt.task_id).worker_ids
    victim = next(w for w in workers if worker_id(w) == holder)
    kill(victim)
    killed = time.monotonic()
    wait_for(
        lambda: len(DBTaskResult.objects.get(pk=attempt.task_id).worker_ids) == 2
        or DBTaskResult.objects.filter(pk=attempt.task_id, status="READY").exists(),
        timeout=requeue_bound_s, what="the task to be queued again",
    )  # fmt: skip
    requeued = time.monotonic() - killed
    done = wait_for(
        lambda: Attempt.objects.filter(pk=attempt.pk, status__in=["analysed", "failed"]).first(),
        timeout=300, what="the analysis to finish on another worker",
    )  # fmt: skip
    return Killed(victim, requeued, time.monotonic() - killed, done)


def _pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: p.parts[-3])
    if not found:
        raise AssertionError(
            "PostgreSQL's server programs are needed for this test: apt-get install postgresql"
        )
    return found[-1].parent


class Cluster:
    """A throwaway PostgreSQL cluster on a loopback port in a temporary folder of its own, for
    one test or bench: the caller stops and starts it at will, and `destroy` removes it. Run as
    root, its programs run as `postgres` (the server refuses root) and the folder is that
    account's (made outside pytest's own folders, which only root may enter)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="prepcoach-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.bin = _pg_bin()
        self.log = self.folder / "postgresql.log"
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name

    def _run(
        self, program: str, *args: str, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if check and done.returncode:
            raise AssertionError(f"{program} failed ({done.returncode}): {done.stderr[-2000:]}")
        return done

    def create(self) -> None:
        self.folder.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", self.user, "-E", "UTF8")
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.folder}'\nfsync = off\n"
                "max_connections = 60\n"
            )
        self.start()

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        """`fast` ends every session (as a restart for an upgrade does); `immediate` is a crash."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop", check=False)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def sql(self, database: str, query: str, *args: object) -> list[tuple[object, ...]]:
        """The rows of one query, on a connection of its own (none is kept across a restart)."""
        import psycopg

        with psycopg.connect(self.url(database), connect_timeout=5) as conn:
            return list(conn.execute(query, args).fetchall())

    def create_database(self, name: str) -> None:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, name)

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


class SmallDisk:
    """A `tmpfs` of `size_kb` mounted at `where` (root only): the kernel refuses a write past
    its size with ENOSPC, as a full disk does. `fill` takes all its space; `free` gives it back."""

    def __init__(self, where: Path, size_kb: int = 512) -> None:
        self.where = where
        self.size_kb = size_kb
        self.filler = where / ".filler"

    def mount(self) -> None:
        if os.geteuid() != 0:
            raise AssertionError(
                "A full disk is made with a size-limited tmpfs, which needs root (as CI runs)."
            )
        self.where.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={self.size_kb}k,mode=0777", "tmpfs",
             str(self.where)], check=True, timeout=30,
        )  # fmt: skip

    def fill(self) -> None:
        with self.filler.open("ab", buffering=0) as out:
            try:
                while True:
                    out.write(b"\0" * 4096)
            except OSError:
                pass

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.where)], check=False, timeout=30)


class Gate:
    """A loopback TCP forwarder between prepcoach and a server it reaches (the object store):
    `cut` drops every connection and refuses new ones, as a cut network or a store host gone
    down does, while the server keeps its data; `mend` lets connections through again."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.port = free_port()
        self.listener: socket.socket | None = None
        self.lock = threading.Lock()
        self.open_sockets: list[socket.socket] = []

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def mend(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target), timeout=10)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open_sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        if self.listener is not None:
            with contextlib.suppress(OSError):
                self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
            self.listener.close()
            self.listener = None
        with self.lock:
            for end in self.open_sockets:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()
            self.open_sockets = []
