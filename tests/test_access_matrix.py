"""Who may see or change what, walked over every URL the project serves.

The world (tests/access_world.py): Alice owns one of everything, each carrying a marker of who
may see it, and the personas are her partner, group members, holders of her feedback links, a
stranger and an anonymous visitor, each with what it may see and change. Every URL pattern
(pages, HTMX partials, recordings, exports, the API; the admin aside) is requested with GET and
POST by every persona, with each path argument filled from Alice's objects. A response leaks
when it shows a marker its persona may not see, or when Alice's rows change in a way the persona
may not cause. Each request runs in a savepoint that is rolled back, so one persona's allowed
change never hides another's leak.

The world is built once for the module (in a transaction rolled back after its last test) and
each persona walks it in a test of its own, so a failure names the persona and pytest times each
walk. Alice's rows are read again after a request only when it sent the database something other
than a read (any statement but SELECT and savepoints): a request that only read changed nothing.
Each walk ends by checking that no change to Alice's rows outlived its request.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, models, transaction
from django.test import Client, override_settings

from prepcoach.accounts.models import User
from prepcoach.coach.login_throttle import login_limits
from tests.access_world import (
    MARKER_RE,
    PERSONAS,
    Persona,
    World,
    body_of,
    build_world,
    owner_of,
    routes,
    urls_for,
)

# Every URL is asked with GET, with an empty POST, and with a POST whose body any of the
# project's forms would accept (the fields they use, filled plausibly), so a view that checks a
# body before its owner check is exercised too; API URLs also with JSON under every method.
FORM_BODY: dict[str, Any] = {
    "text": "Do 3 mock interviews by Friday", "title": "A title", "name": "A name",
    "note": "A note", "comment": "A comment", "comments": "0:01 a pin", "answer": "An answer",
    "due_date": "2026-12-04", "day": "2026-12-01", "received_on": "2026-12-01",
    "estimated_hours": "1", "impact": "3", "urgency": "3", "value": "1", "threshold": "50",
    "status": "done", "kind": "auto", "rating": "3", "overall": "4", "reviewer_name": "R",
    "reviewer_label": "R", "relation": "friend", "days": "3", "email": "x@example.com",
    "company": "C", "role": "R", "situation": "S", "task": "T", "action": "A", "result": "R",
    "prompt": "motivation", "energised": "E", "url": "https://example.org/feed.xml",
    "source": "notes", "draft": "0", "question_text": "Q?", "reply-text": "T",
    "reply-received_on": "2026-12-01", "weekly_mail": "on", "share": "on",
    "time": "14:00", "round_name": "R", "format": "video", "went_well": "W", "wanted": "on",
}  # fmt: skip
JSON_BODY = '{"text": "Do 3 mock interviews by Friday", "title": "A step", "due_date": "2026-12-04", "estimated_hours": 1, "done": true, "question_text": "Q?", "answer": "An answer", "kind": "skills"}'
API_METHODS = ("post", "put", "patch", "delete")
JOIN = "/improve/groups/join/"


Rows = dict[str, dict[Any, tuple[Any, ...]]]


def project_models() -> list[type[models.Model]]:
    """Every table of the project, the many-to-many link tables included."""
    return [
        m for m in apps.get_models(include_auto_created=True)
        if m.__module__.startswith("prepcoach.") or m._meta.app_label in PROJECT_APPS
    ]  # fmt: skip


PROJECT_APPS = {app.label for app in apps.get_app_configs() if app.name.startswith("prepcoach.")}


@functools.cache
def table_queries() -> list[tuple[str, str, tuple[Any, ...]]]:
    """Each project table's label and the SQL that reads all its rows (the ops app aside),
    compiled once: reading every table after a request is the walk's own main cost."""
    out = []
    for model in project_models():
        if model._meta.app_label == "ops":
            continue
        names = [f.attname for f in model._meta.concrete_fields]
        query = model._default_manager.order_by().values_list("pk", *names).query
        sql, params = query.sql_with_params()
        out.append((model._meta.label_lower, sql, tuple(params)))
    return out


def all_rows() -> Rows:
    """Every row of the project's tables, one query a table, as the database stores them (no
    field converts them: two rows differ when any stored value does)."""
    out: Rows = {}
    with connection.cursor() as cursor:
        for label, sql, params in table_queries():
            cursor.execute(sql, params)
            out[label] = {row[0]: tuple(row) for row in cursor.fetchall()}
    return out


def changed_rows(before: Rows, after: Rows) -> Iterator[tuple[str, Any, str]]:
    """(table, pk, "create" | "update" | "delete") for every row that differs."""
    for table, rows in after.items():
        old = before.get(table, {})
        for pk in set(old) | set(rows):
            if old.get(pk) != rows.get(pk):
                yield (
                    table,
                    pk,
                    "create" if pk not in old else "delete" if pk not in rows else "update",
                )


def touches(obj: models.Model, whose: dict[tuple[str, Any], int | None], alice: int) -> bool:
    """A new row is Alice's business when it is hers, or when it points at a row of hers (a
    stranger's feedback request on her answer is a change to her answer's grants)."""
    if owner_of(obj) == alice:
        return True
    for f in obj._meta.fields:
        if isinstance(f, models.ForeignKey) and f.related_model is not User:
            target = getattr(obj, f.attname)
            if (
                target is not None
                and whose.get((f.related_model._meta.label_lower, target)) == alice
            ):
                return True
    return False


def owners(rows: Rows) -> dict[tuple[str, Any], int | None]:
    """Whose each row is, worked out once before the walk (requests are rolled back)."""
    out = {}
    for model in project_models():
        label = model._meta.label_lower
        for obj in model._default_manager.filter(pk__in=list(rows.get(label, {}))):
            out[label, obj.pk] = obj.pk if model is User else owner_of(obj)
    return out


def alice_changes(
    baseline: Rows, whose: dict[tuple[str, Any], int | None], alice: int
) -> list[str]:
    """The changes to Alice's rows since the baseline: "+table" for a new row that is her
    business, "-table" for a row of hers deleted, "table" for one updated."""
    changes = []
    for table, pk, kind in changed_rows(baseline, all_rows()):
        if kind == "create":
            new = apps.get_model(table).objects.get(pk=pk)
            if touches(new, whose, alice):
                changes.append(f"+{table}")
        elif whose.get((table, pk)) == alice:
            changes.append(f"-{table}" if kind == "delete" else table)
    return sorted(set(changes))


READS = re.compile(r"\s*(SELECT|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b", re.I)


@dataclass
class WriteSpy:
    """Notes whether the database was sent anything but a read (an execute wrapper: every
    statement on the connection passes through it, raw SQL and the tasks run in-process too)."""

    wrote: bool = False

    def __call__(
        self, execute: Callable[..., Any], sql: Any, params: Any, many: bool, context: Any
    ) -> Any:
        if not (isinstance(sql, str) and READS.match(sql)):
            self.wrote = True
        return execute(sql, params, many, context)


@dataclass
class Tally:
    tries: int = 0
    leaks: list[str] = field(default_factory=list)
    shown: int = 0  # pages showing what the persona may see
    patterns: list[str] = field(default_factory=list)  # the URL patterns it requested


def calls(route: str) -> list[tuple[str, dict[str, Any] | str]]:
    out: list[tuple[str, dict[str, Any] | str]] = [("get", {}), ("post", {}), ("post", FORM_BODY)]
    if route.startswith("api/"):
        out += [(method, JSON_BODY) for method in API_METHODS]
    return out


def client_for(persona: Persona) -> Client:
    client = Client()
    if persona.user:
        client.force_login(User.objects.get(email=persona.user))
    return client


@dataclass
class Matrix:
    world: World
    routes: list[tuple[str, list[str]]]
    baseline: Rows
    whose: dict[tuple[str, Any], int | None]
    tallies: dict[str, Tally] = field(default_factory=dict)


@pytest.fixture(scope="module")
def matrix(
    request: pytest.FixtureRequest,
    django_db_setup: None,
    django_db_blocker: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Matrix]:
    """The world, built once and rolled back after the module's last test (each test's own
    transaction and each request's savepoint nest inside it)."""
    media = tmp_path_factory.mktemp("access-matrix-media")
    # The log-in form is walked too; its throttling is not the subject.
    limits = login_limits(free=1_000_000)
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, LOGIN_LIMITS=limits),
        transaction.atomic(),
    ):
        world = build_world(media)
        baseline = all_rows()
        found = Matrix(world, list(routes()), baseline, owners(baseline))
        yield found
        transaction.set_rollback(True)
    tallies = found.tallies.values()
    shown = {name: tally.shown for name, tally in found.tallies.items()}
    summary = (
        f"access matrix: {len(found.routes)} URL patterns, {len(found.tallies)} personas, "
        f"{sum(t.tries for t in tallies)} requests, {sum(len(t.leaks) for t in tallies)} "
        f"leaks; pages showing what each persona may see: {shown}"
    )
    # Shown in CI's log even when every walk passes.
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line("\n" + summary)
    else:
        print(summary)


@pytest.mark.django_db
def test_the_owner_sees_her_markers(matrix: Matrix) -> None:
    """The markers show where they should: the walk can see a leak when there is one."""
    owner = Client()
    owner.force_login(matrix.world.alice)
    owner_pages = 0
    for route, names in matrix.routes:
        for url in urls_for(route, names, matrix.world, matrix.world.tokens["valid"]):
            with transaction.atomic():
                owner_pages += bool(MARKER_RE.search(body_of(owner.get(url))))
                transaction.set_rollback(True)
    assert owner_pages >= 30, owner_pages


# What each grant opens, it really opens: the partner sees the shared goal, the link holder the
# linked answer; the member the board's shared question, the peer mock, the answer and its
# recording; a mock-interview link shows the interview and plays its recording, a story link
# the story. The others see nothing of Alice's.
SHOWN_AT_LEAST = {
    "partner": 2,
    "feedback link holder": 2,
    "group member": 4,
    "mock interview link holder": 2,
    "story link holder": 1,
}


def walk(matrix: Matrix, persona: Persona) -> Tally:
    world, alice = matrix.world, matrix.world.alice.pk
    tally = matrix.tallies[persona.name] = Tally()
    client = client_for(persona)
    token = world.tokens[persona.link] if persona.link else "not-a-link-token-abcdefghijkl"
    for route, names in matrix.routes:
        if persona.token_urls_only and "token" not in names:
            continue
        tries = tally.tries
        for url, (method, data) in itertools.product(
            urls_for(route, names, world, token), calls(route)
        ):
            spy = WriteSpy()
            with transaction.atomic(), connection.execute_wrapper(spy):
                if isinstance(data, str):
                    response = getattr(client, method)(url, data, content_type="application/json")
                else:
                    response = getattr(client, method)(url, data)
                body = body_of(response)
                changes = alice_changes(matrix.baseline, matrix.whose, alice) if spy.wrote else []
                transaction.set_rollback(True)
            tally.tries += 1
            if persona.user and "_auth_user_id" not in client.session:
                client = client_for(persona)  # the walk passed by "log out"
            kinds = {m.group(1).decode() for m in MARKER_RE.finditer(body)}
            tally.shown += bool(kinds & persona.sees)
            for kind in kinds - persona.sees:
                tally.leaks.append(f"{persona.name} {method.upper()} {url}: shows {kind}")
            for change in changes:
                if change in persona.may_change or change.lstrip("+-") in persona.may_change:
                    continue
                if url.startswith(JOIN) and change == "+groups.membership":
                    continue  # every persona is handed the group's invite link: it joins
                tally.leaks.append(f"{persona.name} {method.upper()} {url}: changes {change}")
            for kind, recording in world.recordings.items():
                if recording in body and kind not in persona.sees:
                    tally.leaks.append(
                        f"{persona.name} {method.upper()} {url}: plays the {kind} recording"
                    )
        if tally.tries > tries:
            tally.patterns.append(route)
    return tally


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, ids=[p.name for p in PERSONAS])
def test_no_persona_sees_or_changes_what_it_may_not(matrix: Matrix, persona: Persona) -> None:
    tally = walk(matrix, persona)
    for leak in tally.leaks:
        print("LEAK", leak)
    print(
        f"\naccess matrix, {persona.name}: {len(tally.patterns)} URL patterns, {tally.tries} "
        f"requests, {len(tally.leaks)} leaks; pages showing what it may see: {tally.shown}"
    )
    assert tally.leaks == []
    # Nothing a request changed outlived it (the rollbacks held).
    assert alice_changes(matrix.baseline, matrix.whose, matrix.world.alice.pk) == []
    # The walk cannot silently shrink: every URL pattern the project has (or, for a holder of a
    # link that only links open, every pattern that takes a link) was requested, each with GET,
    # an empty POST and a filled one at least.
    every = [route for route, names in routes() if not persona.token_urls_only or "token" in names]
    assert sorted(tally.patterns) == sorted(every)
    assert tally.tries >= 3 * len(every)
    assert tally.shown >= SHOWN_AT_LEAST.get(persona.name, 0), tally.shown
    assert not persona.sees or persona.name in SHOWN_AT_LEAST  # every grant is checked
