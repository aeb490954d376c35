"""Throughput of the task queues (issue 15, item 2, "A queue that is fair and recovers"), on
loopback, with real programs.

The issue measured one worker reading one answer at a time: the last of 4 answers sent together
waited 25 s, and a password-reset mail waited 7½ minutes behind one person's 1,000 queued
analyses. `run()` (what `make bench` calls through bench/run.py) starts this file again as a
child in a fresh temporary home (never the user's data; SQLite there, whatever DATABASE_URL
says; the queue and speech settings at their shipped defaults), bounded by BOUND_S. The child
migrates, makes people and a question, starts `prepcoach worker` (as `serve` starts it: its
1 s poll, its lanes, the packaged speech model joined and loaded by the worker itself) and
`prepcoach serve --no-worker` with `tests/faults.py`'s helpers, and prints:
- four spoken answers sent together (four people, one answer each; espeak-ng speech of about
  20 s, queued with `queue_analysis`, the function the recorder's Stop calls): the time from
  queueing to each report, and the last one's, on a worker with WORKER_ANALYSES at its shipped
  default (one lane per core, `conf.cpu_count()`) beside WORKER_ANALYSES=1 (the baseline: one
  answer at a time, as before), each worker warmed first by one answer per lane, in turns
  (ROUNDS of each);
- a password-reset mail (the reset page posted to the web process; the worker's mail lane
  sends it to a real aiosmtpd server on loopback): the time from the request to the SMTP
  server, behind a backlog of 200 spoken answers of about 4 s queued for analysis (four people,
  50 each: the per-person limit, ANALYSES_QUEUED_PER_USER), the analysis lanes reading them,
  beside the same mail on an empty queue, and how much of the backlog was still waiting when
  the mail arrived; then the backlog's pace, and so how long a mail behind it would wait;
- the message a person sees when one more answer would pass the per-person limit (a typed
  answer posted on the web page, the message read from the answer's page).
The tests (tests/ops/test_queue_fairness.py, test_worker_lanes.py, tests/coach/test_queueing.py,
tests/practice/test_analysis_queue.py) check the behaviour; this prints the times.
"""

from __future__ import annotations

import html
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

if TYPE_CHECKING:
    from tests.faults import Browser

    from prepcoach.accounts.models import User

from bounded import main, run_bounded, run_parts  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
BOUND_S = 600
DOMAIN = "throughput.example.org"
PASSWORD = "a long enough password 42"  # noqa: S105 (throwaway accounts in a temporary home)
# Settings the bench leaves at their shipped defaults, whatever the caller's environment says.
SHIPPED = (
    "DATABASE_URL", "WORKER_ANALYSES", "ANALYSES_QUEUED_PER_USER", "SPEECH_MODEL", "MEDIA_ROOT",
    "PREPCOACH_STORAGE_URL", "SITE_URL",
)  # fmt: skip
QUESTION = "Tell me about a time you improved how your team worked."
# Four spoken answers of about 15 to 25 s each at espeak-ng's 150 words a minute.
SPOKEN = (
    "In my last job our monthly reports were always late. My task was to fix that before the "
    "audit. I built a checklist, moved the data pulls to Monday, and trained the team to use "
    "it. As a result the reports went out two days earlier for the rest of the year.",
    "Our support queue had grown to three hundred open tickets. I was asked to bring it down. "
    "I sorted the tickets by product, wrote answers for the ten most common questions, and "
    "paired new staff with experienced ones. Within six weeks the queue was under fifty.",
    "When two teams disagreed about a release date, I set up a short meeting with both leads. "
    "We listed what each team needed and found that one feature could wait. We shipped on "
    "time, and the held feature followed two weeks later without any complaints.",
    "I noticed that new starters took a month to make their first change to our code. I wrote "
    "a setup guide, recorded three short videos, and made a list of small first tasks. The "
    "next four starters made their first change in their first week, and two of them said "
    "the guide was the most useful thing they were given.",
)
WARM_UP = "I planned the move, kept everyone informed, and we finished a week early."
ROUNDS = 2  # one lane and the shipped lanes in turns, so a busier minute hurts neither alone
BACKLOG_PEOPLE = 4
PACE_S = 20  # the backlog's pace is measured over this long after the mail arrived
DONE = ("analysed", "failed")


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="prepcoach-throughput-") as home:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "EMAIL_")) and k not in SHIPPED
        }
        env["PREPCOACH_HOME"] = home
        began = time.monotonic()
        code = run_bounded([sys.executable, __file__, "--child"], env, ROOT, BOUND_S)
        if code is None:
            print(f"throughput: stopped after {BOUND_S} s")
            return
        if code:
            print(f"throughput: the bench stopped (exit {code})")
        print(f"throughput: {time.monotonic() - began:.0f} s in all (bound {BOUND_S} s)")


@dataclass
class Seen:
    """One queued answer as the bench saw it: when it was queued, taken by a lane (no longer
    "queued") and finished (its report saved, or failed), by time.monotonic()."""

    pk: int
    queued: float
    taken: float | None = None
    done: float | None = None
    status: str = "queued"


class World:
    """The child's home, question and people, and the programs it starts."""

    def __init__(self) -> None:
        from django.core.management import call_command
        from tests.faults import Programs
        from tests.support import child_env

        from prepcoach.practice.models import Question

        self.home = Path(os.environ["PREPCOACH_HOME"])
        call_command("migrate", verbosity=0)
        self.question = Question.objects.create(text=QUESTION)
        self.extra: dict[str, str] = {}
        self.programs = Programs(self.home, lambda name: child_env(self.home, **self.extra))

    def person(self, name: str) -> User:
        from prepcoach.accounts.models import User

        return User.objects.create_user(email=f"{name}@{DOMAIN}", password=PASSWORD)

    def start_worker(self, name: str, **extra: str) -> subprocess.Popen[str]:
        """`prepcoach worker` as `serve` starts it, with `extra` in its environment, once its
        heartbeat is written."""
        from tests.support import wait_for

        from prepcoach.ops.models import WorkerHeartbeat

        self.extra = extra
        process = self.programs.start(name, ["worker"])
        wait_for(
            lambda: WorkerHeartbeat.objects.filter(pid=process.pid).exists()
            or process.poll() is not None,
            timeout=180, what=f"{name} to beat",
        )  # fmt: skip
        if process.poll() is not None:
            raise AssertionError(f"{name} stopped: {self.programs.log(name)[-2000:]}")
        return process

    def browser(self, port: int) -> Browser:
        from tests.faults import Browser

        return Browser(f"http://127.0.0.1:{port}")


def stop(process: subprocess.Popen[str], grace: float = 60) -> None:
    """SIGTERM (the worker finishes what it runs), then SIGKILL after `grace` s."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def load() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


def seconds_of(path: Path) -> float:
    with wave.open(str(path)) as sound:
        return float(sound.getnframes() / sound.getframerate())


def queue_recorded(world: World, user: User, sound: Path, name: str) -> Seen:
    """The recording `sound` saved as `user`'s answer and queued for analysis, as the
    recorder's Stop queues it (`queue_analysis`)."""
    from prepcoach.practice.models import Attempt
    from prepcoach.practice.tasks import queue_analysis

    folder = world.home / "media" / "recordings" / str(user.pk)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(sound.read_bytes())
    attempt = Attempt.objects.create(
        user=user, question=world.question, question_text=world.question.text,
        media_type="audio/wav", recording=f"recordings/{user.pk}/{name}", status="saved",
    )  # fmt: skip
    queued = time.monotonic()
    queue_analysis(attempt)
    return Seen(attempt.pk, queued)


def watch(answers: list[Seen], timeout: float) -> None:
    """Until every answer is analysed or failed, noting when each was taken and finished."""
    from prepcoach.practice.models import Attempt

    pks = {seen.pk: seen for seen in answers}
    deadline = time.monotonic() + timeout
    while True:
        now = time.monotonic()
        for pk, status in Attempt.objects.filter(pk__in=pks).values_list("pk", "status"):
            seen = pks[pk]
            seen.status = status
            if status != "queued" and seen.taken is None:
                seen.taken = now
            if status in DONE and seen.done is None:
                seen.done = now
        if all(seen.done is not None for seen in answers):
            return
        if now > deadline:
            raise AssertionError(f"answers not analysed in {timeout} s: {answers}")
        time.sleep(0.1)


def answers_together(world: World) -> None:
    """Four spoken answers queued at once, on one lane and on the shipped lanes, in turns."""
    from tests.coach.speech.conftest import speak

    from prepcoach import conf

    shipped = conf.cpu_count()
    people = [world.person(f"speaker-{n}") for n in range(len(SPOKEN))]
    sounds = [speak(text, world.home / f"answer-{n}.wav") for n, text in enumerate(SPOKEN)]
    lengths = [seconds_of(sound) for sound in sounds]
    warm_up = speak(WARM_UP, world.home / "warm-up.wav")
    print(
        f"four spoken answers sent together (four people, one answer each; "
        f"{', '.join(f'{s:.1f}' for s in lengths)} s of speech; each worker first warmed by one "
        f"answer per lane, its engines loaded; {ROUNDS} rounds, one lane and {shipped} in turns):",
        flush=True,
    )
    what = {1: "baseline, one answer at a time, as before"}
    if shipped > 1:
        what[shipped] = "shipped default, one lane per core"
    else:
        print("  (one core here: the shipped default is the baseline's single lane)")
    last: dict[int, list[float]] = {lanes: [] for lanes in what}
    for round_ in range(ROUNDS):
        for lanes in what:
            extra = {"WORKER_ANALYSES": "1"} if lanes == 1 else {}  # shipped: the default
            name = f"worker-{round_}-{lanes}-lanes"
            worker = world.start_worker(name, **extra)
            try:
                warm = [  # one answer for each lane, of people of their own
                    queue_recorded(
                        world, world.person(f"warm-up-{round_}-{lanes}-{n}"), warm_up, "w.wav"
                    )
                    for n in range(lanes)
                ]
                watch(warm, timeout=300)
                before = load()
                answers = [
                    queue_recorded(world, person, sounds[n], f"answer-{round_}-{lanes}-{n}.wav")
                    for n, person in enumerate(people)
                ]
                watch(answers, timeout=300)
            finally:
                stop(worker)
            reports = [(seen.done or 0.0) - seen.queued for seen in answers]
            waits = [(seen.taken or 0.0) - seen.queued for seen in answers]
            last[lanes].append(max(reports))
            failed = [seen for seen in answers if seen.status != "analysed"]
            print(
                f"  round {round_ + 1}, WORKER_ANALYSES={lanes} ({what[lanes]}; {before}): "
                f"reports {', '.join(f'{r:.1f}' for r in reports)} s after queueing (taken by a "
                f"lane after {', '.join(f'{w:.1f}' for w in waits)} s); the last "
                f"{max(reports):.1f} s" + (f"; {len(failed)} failed" if failed else ""),
                flush=True,
            )
    if shipped > 1:
        ours, theirs = statistics.mean(last[shipped]), statistics.mean(last[1])
        print(
            f"  the last report, mean of {ROUNDS} rounds: {ours:.1f} s with {shipped} lanes "
            f"against {theirs:.1f} s on one ({ours / theirs:.2f}x the baseline)",
            flush=True,
        )


class Smtp:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that notes when each message arrived."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller
        from tests.support import SmtpSink, free_port

        arrived: list[float] = []

        class Timed(SmtpSink):
            async def handle_DATA(  # noqa: N802 (aiosmtpd's name)
                self, server: Any, session: Any, envelope: Any
            ) -> str:
                answer = await super().handle_DATA(server, session, envelope)
                arrived.append(time.monotonic())
                return answer

        self.arrived = arrived
        self.sink = Timed()
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=free_port())
        self.controller.start()
        self.port = int(self.controller.port)

    def env(self) -> dict[str, str]:
        return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.port), "EMAIL_USE_TLS": "false"}

    def stop(self) -> None:
        self.controller.stop()


@dataclass
class Mailed:
    """A reset mail: how long the page took, and how long until the SMTP server had it."""

    page_s: float
    mail_s: float
    at: float  # time.monotonic() when it arrived


def reset_mail(world: World, smtp: Smtp, port: int, email: str) -> Mailed:
    """Someone asks for a password reset on the web page; the mail at the SMTP server."""
    from tests.support import wait_for

    browser = world.browser(port)
    status, _, _ = browser.request("/account/password/reset/")
    if status != 200:
        raise AssertionError(f"the reset page answered {status}")
    before = len(smtp.arrived)
    form = {"csrfmiddlewaretoken": browser.cookie("csrftoken"), "email": email}
    asked = time.monotonic()
    status, page, _ = browser.request(
        "/account/password/reset/", urlencode(form).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    answered = time.monotonic()
    if status != 200:
        raise AssertionError(f"the reset was refused ({status}): {page[:300]!r}")
    wait_for(lambda: len(smtp.arrived) > before, timeout=300, what="the reset mail")
    message = smtp.sink.messages[-1]
    if email not in str(message["To"]):
        raise AssertionError(f"a mail to {message['To']}, not {email}")
    at = smtp.arrived[-1]
    return Mailed(answered - asked, at - asked, at)


def limit_message(world: World, port: int, user: User) -> str:
    """One more typed answer posted on the web page by someone at the per-person limit: the
    message their answer's page shows."""
    browser = world.browser(port)
    browser.log_in(user.email, PASSWORD)
    form = {"text": SPOKEN[0]}
    status, page, _ = browser.request(
        f"/improve/questions/{world.question.pk}/answer/", urlencode(form).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    said = re.search(rb'<p class="message message-error[^"]*">\s*(.*?)\s*</p>', page, re.S)
    if status != 200 or said is None:
        raise AssertionError(f"no limit message on the page ({status}): {page[:500]!r}")
    return html.unescape(said.group(1).decode())


def mail_behind_backlog(world: World) -> None:
    """A reset mail on an empty queue, then behind 200 queued spoken answers."""
    from django.conf import settings
    from tests.coach.speech.conftest import speak
    from tests.support import free_port, wait_for

    from prepcoach.practice.models import Attempt
    from prepcoach.practice.tasks import BUSY

    per_person = settings.ANALYSES_QUEUED_PER_USER
    backlog = per_person * BACKLOG_PEOPLE
    print(
        "password-reset mail (the reset page posted to `serve --no-worker`; the worker's mail "
        "lane sends it to aiosmtpd on loopback), counted from the request:",
        flush=True,
    )
    smtp = Smtp()
    try:
        asking = world.person("forgetful")
        port = free_port()
        world.extra = smtp.env()
        world.programs.serve("web", port, "--no-worker")
        worker = world.start_worker("worker-mail-empty", **smtp.env())
        time.sleep(2)  # its lanes polling
        empty = reset_mail(world, smtp, port, asking.email)
        stop(worker)
        print(
            f"  empty queue (baseline; {load()}): at the SMTP server {empty.mail_s:.2f} s after "
            f"the request (the page answered in {empty.page_s:.2f} s)",
            flush=True,
        )
        # The backlog, queued with no worker running, as the recorder's Stop queues each.
        sound = speak(WARM_UP, world.home / "backlog.wav")
        people = [world.person(f"busy-{n}") for n in range(BACKLOG_PEOPLE)]
        for person in people:
            for n in range(per_person):
                queue_recorded(world, person, sound, f"backlog-{n}.wav")
        theirs = Attempt.objects.filter(user__in=people)
        waiting = theirs.filter(status__in=BUSY)
        limit = limit_message(world, port, people[0])
        worker = world.start_worker("worker-mail-backlog", **smtp.env())
        started = time.monotonic()
        try:
            wait_for(  # every analysis lane has its engine and is reading
                lambda: theirs.filter(status__in=DONE).count() >= settings.WORKER_ANALYSES,
                timeout=180, what="the analysis lanes to be busy",
            )  # fmt: skip
            before = waiting.count()
            busy = reset_mail(world, smtp, port, asking.email)
            left = waiting.count()
            print(
                f"  behind {backlog} spoken answers queued for analysis ({BACKLOG_PEOPLE} people, "
                f"{per_person} each, the per-person limit; {seconds_of(sound):.1f} s of speech "
                f"each; {before} still waiting when the reset was asked for; {load()}): at the "
                f"SMTP server {busy.mail_s:.2f} s after the request (the page answered in "
                f"{busy.page_s:.2f} s), {busy.mail_s / empty.mail_s:.2f}x the baseline; {left} "
                f"of the {backlog} still waiting when it arrived",
                flush=True,
            )
            read = theirs.filter(status__in=DONE).count()
            time.sleep(PACE_S)
            pace = (theirs.filter(status__in=DONE).count() - read) / PACE_S
            rest = waiting.count()
            print(
                f"  the backlog's pace over the {PACE_S} s after the mail: {pace:.2f} answers a "
                f"second on {settings.WORKER_ANALYSES} lanes; the {rest} still waiting then take "
                f"about {rest / pace / 60 if pace else float('inf'):.1f} min more (a mail "
                "behind them in one first-come queue would have waited about as long); the "
                f"mail arrived {busy.at - started:.1f} s after the worker started",
                flush=True,
            )
        finally:
            stop(worker)
        print(f'the per-person limit, as the answer\'s page says it: "{limit}"', flush=True)
    finally:
        smtp.stop()


def child() -> int:
    if "PREPCOACH_HOME" not in os.environ:
        print("throughput: run it through run() (a temporary home), not on your own data")
        return 2
    for name in SHIPPED:
        os.environ.pop(name, None)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prepcoach.settings")
    import django

    django.setup()
    world = World()
    print(f"throughput: loopback only, a temporary home on SQLite ({load()} at the start)")
    return run_parts(world, (answers_together, mail_behind_backlog))


if __name__ == "__main__":
    main(child, run)
