"""The long poll behind an answer's status panel and a mock answer's short report: the request
waits until the answer changes (or `coach.push` says how long it may), so the report is on
screen as soon as it is saved. One indexed query (by primary key) every `tick_s` while waiting;
the waits a process holds are counted here, and `coach.push.plan_wait` decides."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from prepcoach.coach.push import PushSettings, WaitPlan, plan_wait, wait_capacity
from prepcoach.practice.models import Attempt

# What the watching pages show changes only with these (and whether the picture has been read).
FIELDS = (
    "status", "task_id", "queued_at", "analysis_started_at", "finalised_at",
    "body_language_started_at",
)  # fmt: skip
SETTINGS = PushSettings()


def token_of(values: tuple[object, ...]) -> str:
    return hashlib.sha256(repr(values).encode()).hexdigest()[:16]


def token(attempt: Attempt) -> str:
    """What a page saw of the answer, as a short token (the same as `_current` gives)."""
    return token_of((*(getattr(attempt, f) for f in FIELDS), attempt.body_language is None))


def _current(pk: int) -> str | None:
    """The answer's token read afresh (None when it is gone): one query by primary key."""
    unread = ExpressionWrapper(Q(body_language__isnull=True), output_field=BooleanField())
    row = Attempt.objects.filter(pk=pk).values_list(*FIELDS, unread).first()
    return None if row is None else token_of((*row[:-1], bool(row[-1])))


class Waits:
    """The waits this process holds, in all and per person."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.held = 0
        self.by_person: Counter[int] = Counter()

    @contextmanager
    def plan(
        self, person: int, watching: bool, open_for_s: float, threads: int | None = None
    ) -> Iterator[WaitPlan]:
        """`threads`: the process's request threads, when known (1: a single-threaded server)."""
        capacity = wait_capacity(int(settings.PUSH_WAITS), threads)
        with self._lock:
            decided = plan_wait(
                watching=watching, open_for_s=open_for_s, held=self.held,
                capacity=capacity, held_by_person=self.by_person[person], settings=SETTINGS,
            )  # fmt: skip
            holding = decided.wait_s > 0
            if holding:
                self.held += 1
                self.by_person[person] += 1
        try:
            yield decided
        finally:
            if holding:
                with self._lock:
                    self.held -= 1
                    self.by_person[person] -= 1
                    if not self.by_person[person]:
                        del self.by_person[person]


WAITS = Waits()


@dataclass(frozen=True)
class Watch:
    """How the panel asks again: its address (what it saw and since when it watches), after
    how many seconds, or that it stopped watching."""

    url: str
    again_s: float
    stopped: bool
    reason: str

    @property
    def minutes(self) -> int:
        return round(SETTINGS.give_up_s / 60)

    @property
    def delay(self) -> str:
        return f"{self.again_s:g}s" if self.again_s else ""


def watch_of(attempt: Attempt, url_name: str, since: int, plan: WaitPlan | None = None) -> Watch:
    """The panel's next request, carrying the token of `attempt` as it is drawn now."""
    query = urlencode({"seen": token(attempt), "since": since})
    url = f"{reverse(url_name, args=[attempt.pk])}?{query}"
    if plan is None:
        return Watch(url, 0.0, False, "now")
    return Watch(url, plan.again_s, plan.stopped, plan.reason)


def _since(request: HttpRequest, now: int) -> int:
    given = request.GET.get("since", "")
    return int(given) if given.isdigit() and int(given) <= now else now


def wait_for_change(request: HttpRequest, attempt: Attempt) -> tuple[int, WaitPlan, str]:
    """Hold the request until the answer's token differs from the one the page saw, or the
    plan's time is up. Returns since when the page watches, the plan, and how the wait ended
    ("changed", "bound", or the plan's reason when it did not wait). The caller reads the
    answer afresh and draws it."""
    now = int(time.time())
    since = _since(request, now)
    seen = request.GET.get("seen", "")
    if seen and seen != token(attempt):
        seen = ""  # it changed before this request: answer at once
    # A WSGI server says whether other threads of this process serve requests meanwhile
    # (wsgi.multithread): when none do, holding this one would hold them all up.
    threads = None if request.META.get("wsgi.multithread", True) else 1
    with WAITS.plan(attempt.user_id, bool(seen), now - since, threads) as plan:
        if plan.wait_s <= 0:
            return since, plan, plan.reason
        until = time.monotonic() + plan.wait_s
        analysing = attempt.status == Attempt.Status.ANALYSING
        tick = SETTINGS.analysing_tick_s if analysing else SETTINGS.tick_s
        while time.monotonic() < until:
            time.sleep(min(tick, max(until - time.monotonic(), 0.0)))
            if _current(attempt.pk) != seen:
                return since, plan, "changed"
        return since, plan, "bound"


def answered(response: HttpResponse, ended: str) -> HttpResponse:
    """How the wait ended, for logs and tests (`X-Wait`), and never cached."""
    response["X-Wait"] = ended
    response["Cache-Control"] = "no-store"
    return response
