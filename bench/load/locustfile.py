"""The cohort for the load test (bench/load/runner.py): students who type goals into the live SMART
check, open their pages, and record answers in 2 s chunks, as the browser does.

Each user takes one prepared account from `ACCOUNTS` (session cookie, CSRF token, goal and
question ids) set by the runner before it starts; the runner also sets `ANSWER_CHUNKS` (the
answer's bytes cut into 2 s pieces). Results go to locust's stats (p50/p95 per request name)
and to `RESULTS` (chunks acknowledged, attempts finalised, end-of-answer to report seconds).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from locust import HttpUser, between, task
from locust.exception import StopUser

GOAL_WORDS = (
    "Practise three behavioural answers every week until the 15 March interview, "
    "measured by recorded mock answers with fewer than 3 fillers a minute"
)


@dataclass
class Account:
    session: str
    csrf: str
    goal_id: int
    question_id: int


@dataclass
class Results:
    acknowledged: dict[int, int] = field(default_factory=dict)  # attempt id -> chunks acked
    report_seconds: list[float] = field(default_factory=list)
    reports_missing: int = 0


ACCOUNTS: list[Account] = []
ANSWER_CHUNKS: list[bytes] = []
RESULTS = Results()
# The runner sets this: attempt id -> "analysed"/"failed"/... read from the database.
STATUS_OF: list[Callable[[int], str]] = []
_next_account = itertools.count()
REPORT_WAIT_S = 90.0
# No user starts a new round after this (time.monotonic()); one under way finishes, so every
# answer begun is finalised and counted.
DEADLINE: list[float] = [0.0]


class Student(HttpUser):
    """Base: signs in with a prepared account; sub-classes choose what the student does."""

    abstract = True
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.account = ACCOUNTS[next(_next_account) % len(ACCOUNTS)]
        self.client.cookies.set("sessionid", self.account.session)
        self.client.cookies.set("csrftoken", self.account.csrf)
        self.headers = {"X-CSRFToken": self.account.csrf, "Referer": self.host or ""}

    def before_round(self) -> None:
        if time.monotonic() > DEADLINE[0]:
            raise StopUser

    def type_goal(self) -> None:
        """The goal form posts the text to the SMART check as the user types (HTMX)."""
        for end in range(20, len(GOAL_WORDS) + 1, 20):
            self.client.post(
                "/plan/goals/check/",
                data={"text": GOAL_WORDS[:end]},
                headers={**self.headers, "HX-Request": "true"},
                name="smart check (typing)",
            )
            time.sleep(0.3)

    def open_pages(self) -> None:
        self.client.get("/", name="dashboard")
        self.client.get("/plan/", name="plan")
        self.client.get(f"/plan/goals/{self.account.goal_id}/", name="goal")
        self.client.get("/improve/", name="improve")

    def record_answer(self) -> None:
        """Start, send a chunk every 2 s, finalise, then wait for the report."""
        started = self.client.post(
            f"/improve/questions/{self.account.question_id}/record/",
            headers=self.headers,
            name="recording start",
        )
        if started.status_code != 201:
            return
        attempt_id = int(started.json()["id"])
        acked = 0
        for index, piece in enumerate(ANSWER_CHUNKS):
            if index:
                time.sleep(2.0)
            response = self.client.post(
                f"/improve/attempts/{attempt_id}/chunks/{index}/",
                data=piece,
                headers={**self.headers, "Content-Type": "application/octet-stream"},
                name="chunk upload",
            )
            if response.status_code in (200, 201):
                acked += 1
        RESULTS.acknowledged[attempt_id] = acked
        ended = time.monotonic()
        done = self.client.post(
            f"/improve/attempts/{attempt_id}/finalise/", headers=self.headers, name="finalise"
        )
        if done.status_code != 200:
            RESULTS.reports_missing += 1
            return
        while time.monotonic() - ended < REPORT_WAIT_S:
            if STATUS_OF[0](attempt_id) in {"analysed", "failed"}:
                RESULTS.report_seconds.append(time.monotonic() - ended)
                return
            time.sleep(0.2)
        RESULTS.reports_missing += 1


class WholeStudent(Student):
    """One student doing everything in turn: the single-student baseline and the cohort."""

    @task
    def journey(self) -> None:
        self.before_round()
        self.type_goal()
        self.open_pages()
        self.record_answer()


class TypingStudent(Student):
    @task
    def typing(self) -> None:
        self.before_round()
        self.type_goal()
        self.open_pages()


class RecordingStudent(Student):
    wait_time = between(0.2, 0.5)

    @task
    def recording(self) -> None:
        self.before_round()
        self.record_answer()
