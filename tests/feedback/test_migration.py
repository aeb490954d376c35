"""The migration that lets feedback be asked on a mock interview or a story keeps every link
made before it (each was for one answer), and from then on the database itself holds that a
request is for exactly one thing."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("feedback", "0002_interviewer_reply")]
AFTER = [("feedback", "0003_subjects")]


@pytest.mark.django_db(transaction=True)
def test_links_made_before_keep_their_answer_and_one_thing_is_enforced() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    attempt = old.get_model("practice", "Attempt").objects.create(user=user, question_text="Q?")
    now = dt.datetime.now(dt.UTC)
    ask = old.get_model("feedback", "FeedbackRequest").objects.create(
        owner=user, attempt=attempt, reviewer_label="Sam", token_digest="d" * 64,
        expires_at=now + dt.timedelta(days=7),
    )  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    requests = new.get_model("feedback", "FeedbackRequest").objects
    kept = requests.get(pk=ask.pk)
    assert (kept.attempt_id, kept.session_id, kept.story_id) == (attempt.pk, None, None)
    session = new.get_model("practice", "MockSession").objects.create(user_id=user.pk)
    for things in ({}, {"attempt_id": attempt.pk, "session_id": session.pk}):
        with pytest.raises(IntegrityError), transaction.atomic():
            requests.create(owner_id=user.pk, reviewer_label="x", token_digest=str(things) * 9,
                            expires_at=now, **things)  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
