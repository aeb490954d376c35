"""Pages with a year of data (issue 15, item 5): the median time of each main page for a user
with a year of preparation behind them, beside the same page for a user with a tenth of it and
a trivial view (a settings form), all in the same run on the same database.

It runs in a child process of its own (`python bench/bench_pages.py`), so its Django, its
temporary SQLite database (WAL, as `serve` runs it) and its data never touch the other
benchmarks or an installed prepcoach. Requests go through Django's test client: the whole
middleware, view and template path, without a socket. Each page is asked WARMUP times, then
ROUNDS times, and the median printed with the SQL queries it made and the median CPU time of
this process (on a machine shared with other work the wall time swings with their load, the
CPU time much less); the worker's keeping of the patterns page's vectors and themes (it embeds
every entry once and finds the themes when an entry is saved; the page only reads them) is
printed apart.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROUNDS = 15
WARMUP = 3
AIM_MS = 30.0  # issue 15: every page at most 30 ms median with a year of data


def run() -> None:
    here = Path(__file__).resolve().parent
    with tempfile.TemporaryDirectory(prefix="prepcoach-bench-pages-") as home:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env |= {"PREPCOACH_HOME": home, "DJANGO_SETTINGS_MODULE": "prepcoach.settings"}
        subprocess.run([sys.executable, str(here / "bench_pages.py")], env=env, check=True)


def _median_ms(client: Any, url: str) -> tuple[float, int, int, float]:
    """Median wall ms, the SQL queries, the page's bytes and the median CPU ms of this process
    (which the other work on a shared machine disturbs far less than the wall time)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    get = client.get
    for _ in range(WARMUP):
        response = get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    times, cpu = [], []
    for _ in range(ROUNDS):
        began, began_cpu = time.perf_counter(), time.process_time()
        response = get(url)
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = get(url)
    return (
        statistics.median(times),
        len(queries.captured_queries),
        len(response.content),
        statistics.median(cpu),
    )


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from year_of_data import make_year

    from prepcoach.accounts.models import User
    from prepcoach.goals.models import Goal

    call_command("migrate", verbosity=0)
    today = timezone.localdate()
    clients, made = {}, {}
    for label, scale in (("year", 1.0), ("tenth", 0.1)):
        user = User.objects.create_user(email=f"{label}@example.com", password=None)
        made[label] = make_year(user, today, scale)
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        goal = Goal.objects.filter(user=user, status=Goal.Status.ACTIVE).order_by("pk").first()
        if goal is None:
            raise SystemExit(f"the {label} data has no active goal")
        clients[label] = (client, goal)
    print(
        "database: SQLite (a temporary file, WAL); "
        + "; ".join(
            f"{label}: {m.goals} goals, {m.steps} steps, {m.check_ins} check-ins, "
            f"{m.entries} patterns entries, {m.reading} reading items, {m.attempts} answers"
            for label, m in made.items()
        )
    )
    pages: list[tuple[str, Callable[[Goal], str]]] = [
        ("plan", lambda goal: reverse("goals:index")),
        ("week", lambda goal: reverse("goals:week")),
        ("goal", lambda goal: reverse("goals:detail", args=[goal.pk])),
        ("review", lambda goal: reverse("goals:review")),
        ("dashboard", lambda goal: reverse("dashboard:home")),
        ("patterns", lambda goal: reverse("reflection:patterns")),
        ("reading", lambda goal: reverse("reading:list")),
        ("api attempts", lambda goal: "/api/attempts"),
    ]
    from prepcoach.reflection.tasks import refresh_entry_vectors

    for label in clients:
        began = time.perf_counter()
        embedded = refresh_entry_vectors.call(User.objects.get(email=f"{label}@example.com").pk)
        print(f"patterns vectors and themes kept by the worker ({label}: {embedded} entries "
              f"embedded): {(time.perf_counter() - began) * 1000:.0f} ms")  # fmt: skip
    print(f"load average before the pages: {_load()}")
    trivial, _, _, trivial_cpu = _median_ms(
        clients["year"][0], reverse("practice:feedback_settings")
    )
    print(f"trivial view (the feedback settings form, which no data grows): {trivial:.1f} ms "
          f"median of {ROUNDS}, {trivial_cpu:.1f} ms CPU")  # fmt: skip
    print(f"{'page':<14}{'year ms':>9}{'tenth ms':>10}{'year/tenth':>12}{'/trivial':>10}"
          f"{'queries y/t':>13}{'KB year':>9}{'CPU y/t ms':>13}{'CPU /triv':>11}"
          f"  aim <= {AIM_MS:g} ms")  # fmt: skip
    misses = []
    for name, url_of in pages:
        year = _median_ms(clients["year"][0], url_of(clients["year"][1]))
        tenth = _median_ms(clients["tenth"][0], url_of(clients["tenth"][1]))
        if year[0] > AIM_MS:
            misses.append(name)
        print(
            f"{name:<14}{year[0]:>9.1f}{tenth[0]:>10.1f}{year[0] / tenth[0]:>12.2f}"
            f"{year[0] / trivial:>10.1f}{f'{year[1]}/{tenth[1]}':>13}{year[2] / 1024:>9.0f}"
            f"{f'{year[3]:.1f}/{tenth[3]:.1f}':>13}{year[3] / trivial_cpu:>11.1f}"
        )
    print(f"over the {AIM_MS:g} ms aim with a year of data: {', '.join(misses) or 'none'}")
    print(f"load average after the pages: {_load()} (the machine is shared: compare with the "
          f"trivial view's time, measured in the same run)")  # fmt: skip


def _load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg()) + " (1, 5, 15 min)"


if __name__ == "__main__":
    main()
