"""`make load`: a bounded load test of a cohort on loopback, printed beside one student.

The runner makes a fresh temporary home (never the user's data), migrates it (PostgreSQL when
DATABASE_URL is set, else SQLite in the home; the first line says which), creates the students,
starts `prepcoach serve` (with its worker) and one more `prepcoach worker` (two workers), and
drives them with locust's library API, headless, for fixed user counts and times:
1. one student doing everything (the baseline),
2. the cohort: typing students and recording students at the same time,
3. recording students stepped 1, 2, 4, 8, 16, 32, stopping after the first step whose p95 chunk
   upload is over 200 ms: how many recording students the machine holds within it.
It prints p50/p95 per request kind, chunks lost (acknowledged vs stored in the joined
recording), and end-of-answer -> report seconds, each beside the one-student figure.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from gevent import monkey

monkey.patch_all()

sys.path.insert(0, str(Path(__file__).resolve().parent))

import locust.stats  # noqa: E402
import locustfile as cohort  # noqa: E402
from locust.env import Environment  # noqa: E402

CHUNK_SECONDS = 2
P95_LIMIT_MS = 200.0
DRAIN_S = 90.0  # the longest a phase waits for answers under way to end
# Recording students at once, doubled until p95 chunk upload passes P95_LIMIT_MS: the thirty-
# seventh session's 1-8 all held, which said "at least 8", not how many the machine holds.
STEPS = [1, 2, 4, 8, 16, 32]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answer_chunks(scratch: Path) -> list[bytes]:
    """A real spoken answer (espeak-ng WAV), cut into 2 s pieces as a recorder sends them."""
    path = scratch / "answer.wav"
    text = (
        "In my last role I led the migration of our billing service. The situation was that "
        "releases took two weeks. I set up automated tests and a deploy pipeline, and we cut "
        "release time to two days."
    )
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(path), text], check=True)
    data = path.read_bytes()
    rate = int.from_bytes(data[24:28], "little")
    per_chunk = rate * 2 * CHUNK_SECONDS
    header, body = data[:44], data[44:]
    pieces = [body[i : i + per_chunk] for i in range(0, len(body), per_chunk)]
    pieces[0] = header + pieces[0]
    return pieces


def _prepare(students: int) -> None:
    """Migrate, create the students with a goal and a question, sign each in (a session)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prepcoach.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from prepcoach.accounts.models import User
    from prepcoach.goals.models import Goal
    from prepcoach.practice.models import Attempt, Question

    call_command("migrate", verbosity=0)
    stamp = int(time.time())
    for number in range(students):
        user = User.objects.create_user(f"load-{stamp}-{number}@example.org", "a long password 1")
        goal = Goal.objects.create(user=user, text=cohort.GOAL_WORDS)
        question = Question.objects.create(owner=user, text="Tell me about a project you led.")
        client = Client()
        client.force_login(user)
        cohort.ACCOUNTS.append(
            cohort.Account(
                session=client.cookies["sessionid"].value,
                csrf="a" * 32,
                goal_id=goal.pk,
                question_id=question.pk,
            )
        )

    def status_of(attempt_id: int) -> str:
        return str(Attempt.objects.values_list("status", flat=True).get(pk=attempt_id))

    cohort.STATUS_OF.append(status_of)


def _chunks_stored(attempt_ids: list[int]) -> int:
    """Pieces in the joined recordings: each recording's length over 2 s, rounded up."""
    from prepcoach.coach.media import measured_seconds
    from prepcoach.practice.models import Attempt

    stored = 0
    for attempt in Attempt.objects.filter(pk__in=attempt_ids):
        if attempt.recording:
            seconds = measured_seconds(Path(attempt.recording.path)) or 0.0
            stored += -(-int(seconds * 1000) // (CHUNK_SECONDS * 1000))
    return stored


def _phase(
    host: str, classes: list[type[cohort.Student]], users: int, seconds: float
) -> tuple[locust.stats.RequestStats, cohort.Results]:
    cohort.RESULTS = cohort.Results()
    env = Environment(user_classes=list(classes), host=host)
    runner = env.create_local_runner()
    cohort.DEADLINE[0] = time.monotonic() + seconds
    runner.start(users, spawn_rate=users)
    time.sleep(seconds)
    # Users finish the round under way (an answer is finalised and its report awaited), then stop.
    drain_until = time.monotonic() + DRAIN_S
    while runner.user_count and time.monotonic() < drain_until:
        time.sleep(0.5)
    runner.stop()
    runner.greenlet.join(timeout=5)
    return env.stats, cohort.RESULTS


def _row(stats: locust.stats.RequestStats, name: str) -> tuple[float, float, int]:
    entry = stats.entries.get((name, "POST")) or stats.entries.get((name, "GET"))
    if entry is None or entry.num_requests == 0:
        return (float("nan"), float("nan"), 0)
    return (entry.get_response_time_percentile(0.5), entry.get_response_time_percentile(0.95),
            entry.num_requests)  # fmt: skip


def _median(values: list[float]) -> float:
    # The mean of the two middle values when there are an even number (two reports: not the
    # slower one).
    return statistics.median(values) if values else float("nan")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else float("nan")


def _lost(results: cohort.Results) -> tuple[int, int]:
    finished = list(results.acknowledged)
    acked = sum(results.acknowledged.values())
    return acked, acked - _chunks_stored(finished)


def main(short: bool = False) -> int:
    cohort_size = 4 if short else 8
    base_s, cohort_s, step_s = (30.0, 30.0, 0.0) if short else (40.0, 60.0, 25.0)
    steps = [] if short else STEPS
    with tempfile.TemporaryDirectory(prefix="prepcoach-load-") as home:
        os.environ["PREPCOACH_HOME"] = home
        os.environ.setdefault("SECRET_KEY", "load-test-only-" + "x" * 40)
        database = "PostgreSQL (DATABASE_URL)" if os.environ.get("DATABASE_URL") else "SQLite"
        print(f"load: database {database}; home {home}; serve + 1 worker, 1 more worker")
        cohort.ANSWER_CHUNKS[:] = _answer_chunks(Path(home))
        _prepare(max([cohort_size, *steps]) + 1)
        port = _free_port()
        host = f"http://127.0.0.1:{port}"
        bin_dir = Path(sys.executable).parent
        logs = open(Path(home) / "servers.log", "wb")  # noqa: SIM115
        servers = [
            subprocess.Popen([bin_dir / "prepcoach", "serve", "--port", str(port)],
                             stdout=logs, stderr=subprocess.STDOUT),
            subprocess.Popen([bin_dir / "prepcoach", "worker"], stdout=logs,
                             stderr=subprocess.STDOUT),
        ]  # fmt: skip
        try:
            for _ in range(120):
                try:
                    urllib.request.urlopen(f"{host}/healthz", timeout=1)  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.5)
            return _report(host, cohort_size, base_s, cohort_s, step_s, steps)
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.wait(timeout=30)
            logs.close()


def _report(
    host: str, size: int, base_s: float, cohort_s: float, step_s: float, steps: list[int]
) -> int:
    _phase(host, [cohort.TypingStudent], 1, 3.0)  # warm-up (first imports): not reported
    one, one_results = _phase(host, [cohort.WholeStudent], 1, base_s)
    one_acked, one_lost = _lost(one_results)
    half = max(1, size // 2)
    cohort.TypingStudent.weight = size - half
    cohort.RecordingStudent.weight = half
    many, many_results = _phase(host, [cohort.TypingStudent, cohort.RecordingStudent], size,
                                cohort_s)  # fmt: skip
    many_acked, many_lost = _lost(many_results)
    print(
        f"\n{'request kind':<22} {'1 student p50/p95 ms':>22} {f'{size} students p50/p95 ms':>24}"
    )
    kinds = ["smart check (typing)", "dashboard", "plan", "goal", "improve", "recording start",
             "chunk upload", "finalise"]  # fmt: skip
    for kind in kinds:
        a, b = _row(one, kind), _row(many, kind)
        print(
            f"{kind:<22} {a[0]:>9.0f} /{a[1]:>6.0f} (n={a[2]:<3}) {b[0]:>9.0f} /{b[1]:>6.0f} (n={b[2]})"
        )
    print(f"chunks lost            {one_lost} of {one_acked} acknowledged   "
          f"{many_lost} of {many_acked} acknowledged")  # fmt: skip
    print(
        "answer end -> report s "
        f"median {_median(one_results.report_seconds):.1f} "
        f"(n={len(one_results.report_seconds)}, not ready {one_results.reports_missing})   "
        f"median {_median(many_results.report_seconds):.1f} p95 {_p95(many_results.report_seconds):.1f} "
        f"(n={len(many_results.report_seconds)}, not ready {many_results.reports_missing})"
    )
    held, step_lost = 0, 0
    for count in steps:
        stats, results = _phase(host, [cohort.RecordingStudent], count, step_s)
        p50, p95, n = _row(stats, "chunk upload")
        acked, lost = _lost(results)
        step_lost += lost
        print(f"recording students {count}: chunk upload p50 {p50:.0f} ms p95 {p95:.0f} ms "
              f"(n={n}), chunks lost {lost} of {acked}")  # fmt: skip
        if n == 0 or not p95 <= P95_LIMIT_MS:
            break  # no upload answered, or over the limit: more students would only be slower
        held = count
    if steps:
        tried = steps[steps.index(held) + 1] if held in steps[:-1] else None
        most = (
            f" ({tried} did not)" if tried else
            " (the most tried: at least this many)" if held else " (not even one)"
        )  # fmt: skip
        print(
            f"recording students held with p95 chunk upload <= {P95_LIMIT_MS:.0f} ms: {held}{most}"
        )
    return 1 if one_lost or many_lost or step_lost else 0


if __name__ == "__main__":
    sys.exit(main(short="--short" in sys.argv))
