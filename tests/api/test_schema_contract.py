"""The API keeps its OpenAPI schema (issue 11, class 9): schemathesis generates requests from
`/api/openapi.json` (valid ones, ones aimed at rows that exist, and invalid ones) and sends them
to the real Django app in-process (its WSGI handler: no network, no port), signed in with a
real personal access token. Every answer must be no server error, a status the schema
documents for that operation, and a body that fits the documented schema. A fixed seed and a
fixed number of examples per operation make the run the same every time and keep it short.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from prepcoach.accounts.models import AccessToken, User
from prepcoach.goals.models import Goal, Step
from prepcoach.practice.models import Attempt
from tests.goals.conftest import today

EXAMPLES = 40  # per operation: about 450 requests in all, well under a minute
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def wsgi_app(db: None) -> Iterator[Any]:
    """The real app, called in the test's own database transaction, as Django's test client
    does: the handler would otherwise close the connection at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def alices_rows(alice: User) -> dict[str, int]:
    goal = Goal.objects.create(user=alice, text="Do 3 mock interviews by Friday")
    step = Step.objects.create(goal=goal, title="Book a room", due_date=today())
    attempt = Attempt.objects.create(
        user=alice, question_text="Tell me about yourself.", text="I led a team of five."
    )
    return {"goal_id": goal.pk, "step_id": step.pk, "attempt_id": attempt.pk}


def try_operation(
    cases: st.SearchStrategy[schemathesis.Case],
    headers: dict[str, str],
    statuses: Counter[int],
    failures: dict[tuple[str, int], str],
) -> None:
    @seed(11)
    @settings(
        max_examples=EXAMPLES, deadline=None, database=None,
        suppress_health_check=list(HealthCheck),
    )  # fmt: skip
    @given(case=cases)
    def call(case: schemathesis.Case) -> None:
        response = case.call(headers=headers)
        statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (AssertionError, BaseExceptionGroup) as failure:  # one check, or several
            key = (case.operation.label, response.status_code)
            failures.setdefault(key, str(failure)[:2000])

    call()


def test_every_answer_of_the_api_fits_its_schema(
    wsgi_app: Any, alice: User, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_app)
    _, secret = AccessToken.issue(alice, "schemathesis")
    headers = {"Authorization": f"Bearer {secret}"}
    rows = alices_rows(alice)
    statuses: dict[str, Counter[int]] = {}
    failures: dict[tuple[str, int], str] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        statuses[operation.label] = Counter()
        known = {p.name: rows[p.name] for p in operation.path_parameters if p.name in rows}
        cases = st.one_of(
            operation.as_strategy(),
            operation.as_strategy(path_parameters=known),
            operation.as_strategy(schemathesis.GenerationMode.NEGATIVE),
        )
        try_operation(cases, headers, statuses[operation.label], failures)
    cases_sent = sum(sum(c.values()) for c in statuses.values())
    with capsys.disabled():
        print(
            f"\nschemathesis: {cases_sent} cases over {len(statuses)} operations, "
            f"{len(failures)} failures"
        )
        for label, counts in statuses.items():
            print(f"  {label}: {dict(sorted(counts.items()))}")
    assert not failures, "\n\n".join(f"{k}: {v}" for k, v in failures.items())
    # Signed in for real: every operation answered at least one request with success.
    assert all(any(200 <= code < 300 for code in c) for c in statuses.values()), statuses
    assert len(statuses) == 11
