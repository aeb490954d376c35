"""Recovery times after each fault of issue 15, on loopback, with real programs.

`run()` (what `make bench` calls through bench/run.py) starts this file again as a child in a
fresh temporary home (never the user's data; SQLite there, whatever DATABASE_URL says), bounded
by BOUND_S. The child migrates, makes one person and a question, and for each fault starts the
programs it needs (`prepcoach serve`, `prepcoach worker`, an S3 server, a PostgreSQL cluster)
with `tests/faults.py`'s helpers, the ones the fault tests use, and prints:
- worker killed mid-analysis (SIGKILL): the task queued again, and the answer analysed;
- web process killed mid-upload (a piece half on the wire) and started again: the piece
  accepted again, counted from the restart, with the recorder's retries (0.5 s doubling to 10 s);
- PostgreSQL restarted (`pg_ctl -m fast`, down 3 s) while the worker reads an answer: pages
  served again, a piece accepted again and that answer analysed, counted from the database
  being back;
- store full (a size-limited tmpfs filled; root only) and store unreachable (the object store
  behind a TCP forwarder that cuts every connection): the refused piece accepted again,
  counted from the space or the connection being back.
Each line says what it measured; a fault that could not be made says why. The tests
(tests/ops/test_*_restart.py, test_store_full.py, test_worker_recovery.py,
tests/practice/test_store_faults.py) check the behaviour; this prints the times.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bounded import main, run_bounded, run_parts  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
BOUND_S = 900
EMAIL = "faults@example.org"
PASSWORD = "a long enough password 42"  # noqa: S105 (a throwaway account in a temporary home)
SPOKEN = (
    "In my last job our reports were always late. My task was to fix that. I built a "
    "checklist and trained the team. As a result, the reports went out two days earlier."
)


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="prepcoach-faults-") as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "EMAIL_"))}
        env.pop("DATABASE_URL", None)
        env["PREPCOACH_HOME"] = home
        code = run_bounded([sys.executable, __file__, "--child"], env, ROOT, BOUND_S)
        if code is None:
            print(f"faults: stopped after {BOUND_S} s")
            return
        if code:
            print(f"faults: the bench stopped (exit {code})")


class World:
    """The child's home, person, question and spoken answer, and its programs."""

    def __init__(self) -> None:
        from django.core.management import call_command
        from tests.coach.speech.conftest import speak
        from tests.faults import Programs, wav_pieces
        from tests.support import child_env

        from prepcoach.accounts.models import User
        from prepcoach.practice.models import Question

        self.home = Path(os.environ["PREPCOACH_HOME"])
        call_command("migrate", verbosity=0)
        self.user = User.objects.create_user(email=EMAIL, password=PASSWORD)
        self.question = Question.objects.create(text="Tell me about a time you fixed a process.")
        self.sound = speak(SPOKEN, self.home / "answer.wav").read_bytes()
        self.pieces = wav_pieces(self.sound)
        self.extra: dict[str, str] = {}
        self.programs = Programs(
            self.home,
            lambda name: child_env(self.home, WORKER_ANALYSES="1", **self.extra),
        )

    def browser_on(self, port: int, email: str = EMAIL) -> Any:
        from tests.faults import Browser

        browser = Browser(f"http://127.0.0.1:{port}")
        browser.log_in(email, PASSWORD)
        return browser

    def start_answer(self, browser: Any, question: int | None = None) -> dict[str, Any]:
        from tests.faults import start_recording

        return start_recording(browser, question or self.question.pk).started


def worker_killed(world: World) -> str:
    from tests.faults import kill_mid_analysis
    from tests.support import wait_for

    from prepcoach.ops.models import WorkerHeartbeat
    from prepcoach.practice.models import Attempt
    from prepcoach.practice.tasks import queue_analysis

    folder = world.home / "media" / "recordings" / str(world.user.pk)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "killed.wav").write_bytes(world.sound)
    workers = [world.programs.start(f"worker-{n}", ["worker", "--interval", "0.2"]) for n in (1, 2)]
    wait_for(lambda: WorkerHeartbeat.objects.count() >= 2, timeout=120, what="two workers")
    attempt = Attempt.objects.create(
        user=world.user, question_text=world.question.text, media_type="audio/wav",
        recording=f"recordings/{world.user.pk}/killed.wav", status="saved",
    )  # fmt: skip
    killed = kill_mid_analysis(queue_analysis(attempt), workers)
    return (
        f"worker killed mid-analysis: task queued again {killed.requeued_s:.1f} s after the kill "
        f"(bound 30 s), answer {killed.attempt.status} {killed.finished_s:.1f} s after it"
    )


def web_restarted(world: World) -> str:
    from tests.faults import Recorder, kill
    from tests.support import free_port

    from prepcoach.practice.models import Attempt

    port = free_port()
    serve = ["serve", "--port", str(port), "--no-worker"]
    web = world.programs.serve("web", port, "--no-worker")
    browser = world.browser_on(port)
    started = world.start_answer(browser)
    recorder = Recorder(browser, started)
    recorder.send(0, world.pieces[0])
    wire = browser.half_sent(f"{started['chunk_url']}/1/", world.pieces[1])
    kill(web)
    wire.close()
    restarted = time.monotonic()
    world.programs.start("web", serve)
    piece = recorder.send(1, world.pieces[1])
    for index in range(2, len(world.pieces)):
        recorder.send(index, world.pieces[index])
    stored = Attempt.objects.get(pk=started["id"]).chunks_received
    return (
        f"web process killed mid-upload: piece accepted again {piece.accepted_at - restarted:.1f}"
        f" s after the restart ({len(piece.statuses)} tries); {stored} of "
        f"{len(world.pieces)} pieces stored"
    )


def postgres_restarted(world: World) -> str:
    from tests.coach.speech.conftest import speak
    from tests.faults import Cluster, Recorder, queue_recorded
    from tests.support import free_port, wait_for

    cluster = Cluster()
    try:
        cluster.create()
        cluster.create_database("prepcoach")
        world.extra = {"DATABASE_URL": cluster.url("prepcoach")}
        setup = (
            "from django.core.management import call_command\n"
            "call_command('migrate', verbosity=0)\n"
            "from prepcoach.accounts.models import User\n"
            "from prepcoach.practice.models import Question\n"
            f"User.objects.create_user(email={EMAIL!r}, password={PASSWORD!r})\n"
            "print('question', Question.objects.order_by('pk').first().pk)\n"
        )
        made = world.programs.manage("setup", setup)
        question = int(made.split("question", 1)[1].split()[0])
        port = free_port()
        world.programs.serve("web-pg", port)  # with the worker it supervises
        browser = world.browser_on(port)
        started = world.start_answer(browser, question)
        recorder = Recorder(browser, started)
        recorder.send(0, world.pieces[0])
        # An answer the worker is reading when the database stops (long enough to still be).
        (world.home / "media" / "recordings").mkdir(parents=True, exist_ok=True)
        speak(" ".join([SPOKEN] * 4), world.home / "media" / "recordings" / "long.wav")
        queued = world.programs.manage("queue", queue_recorded(EMAIL, "recordings/long.wav"))
        pk = int(queued.split("attempt", 1)[1].split()[0])

        def status() -> str:
            return str(cluster.sql("prepcoach", "SELECT status FROM practice_attempt "
                                   "WHERE id = %s", pk)[0][0])  # fmt: skip

        wait_for(lambda: status() != "queued", timeout=180, what="the analysis to start")
        was = status()
        cluster.stop("fast")
        time.sleep(3)
        refused = browser.request("/")[0]
        cluster.start()
        back = time.monotonic()
        wait_for(lambda: browser.request("/")[0] == 200, timeout=120, what="pages")
        pages = time.monotonic() - back
        piece = recorder.send(1, world.pieces[1])
        ended = wait_for(lambda: status() in {"analysed", "failed"} and status(), timeout=300,
                         what="the answer to be analysed")  # fmt: skip
        analysed = time.monotonic() - back
        return (
            f"PostgreSQL restarted (down 3 s, a page then answered {refused}): pages served "
            f"again {pages:.1f} s after it was back, a piece accepted {piece.accepted_at - back:.1f}"
            f" s after; the answer the worker was reading ({was} when it stopped) {ended} "
            f"{analysed:.1f} s after it was back"
        )
    finally:
        world.programs.stop_all(show=False)
        world.extra = {}
        cluster.destroy()


def _refused_then_stored(
    world: World, port: int, block: Callable[[], None], unblock: Callable[[], None]
) -> tuple[float, list[int]]:
    """A piece sent while `block` holds, and how long after `unblock` it was stored."""
    from tests.faults import Recorder, Sent
    from tests.support import wait_for

    browser = world.browser_on(port)
    started = world.start_answer(browser)
    recorder = Recorder(browser, started)
    recorder.send(0, world.pieces[0])
    block()
    sending: list[Sent] = []
    thread = threading.Thread(target=lambda: sending.append(recorder.send(1, world.pieces[1])))
    thread.start()
    wait_for(lambda: 503 in recorder.sent[-1].statuses, timeout=120, what="a 503")
    time.sleep(2)
    unblock()
    back = time.monotonic()
    thread.join(timeout=120)
    (piece,) = sending
    return piece.accepted_at - back, piece.statuses


def _web_refused_then_stored(
    world: World, name: str, extra: dict[str, str], block: Callable[[], None],
    unblock: Callable[[], None],
) -> tuple[float, list[int]]:  # fmt: skip
    """`serve --no-worker` with `extra` in its environment, and `_refused_then_stored` on it;
    the programs stopped and the environment as it was afterwards."""
    from tests.support import free_port

    try:
        world.extra = extra
        port = free_port()
        world.programs.serve(name, port, "--no-worker")
        return _refused_then_stored(world, port, block, unblock)
    finally:
        world.programs.stop_all(show=False)
        world.extra = {}


def store_full(world: World) -> str:
    from tests.faults import SmallDisk

    if os.geteuid() != 0:
        return "store full: not measured (a size-limited tmpfs needs root)"
    disk = SmallDisk(world.home / "small-media", size_kb=1024)
    disk.mount()
    try:
        took, statuses = _web_refused_then_stored(
            world, "web-full", {"MEDIA_ROOT": str(disk.where)}, disk.fill, disk.free
        )
        return (
            f"store full (media disk, ENOSPC): the refused piece stored {took:.1f} s after "
            f"space came back (statuses {statuses})"
        )
    finally:
        disk.unmount()


def store_unreachable(world: World) -> str:
    from tests.faults import Gate
    from tests.object_store import ObjectStore

    store = ObjectStore(log=world.home / "object-store.log")
    store.start()
    gate = Gate(store.port)
    gate.mend()
    try:
        through_gate = store.url.replace(store.endpoint, gate.endpoint)
        took, statuses = _web_refused_then_stored(
            world, "web-s3", {**store.env(), "PREPCOACH_STORAGE_URL": through_gate},
            gate.cut, gate.mend,
        )  # fmt: skip
        return (
            f"store unreachable (S3 server cut off): the refused piece stored {took:.1f} s "
            f"after the connection came back (statuses {statuses})"
        )
    finally:
        gate.cut()
        store.stop()


def child() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prepcoach.settings")
    import django

    django.setup()
    world = World()
    print("faults: loopback only; recovery times from the fault's end (see each line)")
    faults = [worker_killed, web_restarted, postgres_restarted, store_full, store_unreachable]
    return run_parts(world, faults)


if __name__ == "__main__":
    main(child, run)
