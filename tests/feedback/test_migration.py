"""The migration that lets feedback be asked on a mock interview or a story keeps every link
made before it (each was for one answer), and from then on the database itself holds that a
request is for exactly one thing."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tests.support import migrate, migrate_to_latest

BEFORE = [("feedback", "0002_interviewer_reply")]
AFTER = [("feedback", "0003_subjects")]


@pytest.mark.django_db(transaction=True)
def test_links_made_before_keep_their_answer_and_one_thing_is_enforced() -> None:
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    attempt = old.get_model("practice", "Attempt").objects.create(user=user, question_text="Q?")
    now = dt.datetime.now(dt.UTC)
    ask = old.get_model("feedback", "FeedbackRequest").objects.create(
        owner=user, attempt=attempt, reviewer_label="Sam", token_digest="d" * 64,
        expires_at=now + dt.timedelta(days=7),
    )  # fmt: skip

    new = migrate(AFTER)
    requests = new.get_model("feedback", "FeedbackRequest").objects
    kept = requests.get(pk=ask.pk)
    assert (kept.attempt_id, kept.session_id, kept.story_id) == (attempt.pk, None, None)
    session = new.get_model("practice", "MockSession").objects.create(user_id=user.pk)
    for number, things in enumerate(({}, {"attempt_id": attempt.pk, "session_id": session.pk})):
        # A digest of the column's own length (64), so only the one-subject rule can refuse it.
        with pytest.raises(IntegrityError), transaction.atomic():
            requests.create(owner_id=user.pk, reviewer_label="x", token_digest=str(number) * 64,
                            expires_at=now, **things)  # fmt: skip
    migrate_to_latest()


@pytest.mark.django_db(transaction=True)
def test_pins_made_before_name_their_answer_and_outlive_it() -> None:
    """A pin on a one-answer link had no answer of its own (it meant the link's); after the
    migration it names it, so an answer deleted later leaves its pins, marked as removed."""
    before, after = [("feedback", "0003_subjects")], [("feedback", "0004_pins_outlive_answers")]
    old = migrate(before)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    attempt = old.get_model("practice", "Attempt").objects.create(user=user, question_text="Q?")
    session = old.get_model("practice", "MockSession").objects.create(user=user)
    in_mock = old.get_model("practice", "Attempt").objects.create(
        user=user, question_text="Q2?", session=session
    )
    requests = old.get_model("feedback", "FeedbackRequest").objects
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(days=7)
    on_answer = requests.create(owner=user, attempt=attempt, reviewer_label="Sam",
                                token_digest="a" * 64, expires_at=expires)  # fmt: skip
    on_mock = requests.create(owner=user, session=session, reviewer_label="Kim",
                              token_digest="b" * 64, expires_at=expires)  # fmt: skip
    reviews = old.get_model("feedback", "Review").objects
    pins = old.get_model("feedback", "Pin").objects
    pin = pins.create(review=reviews.create(request=on_answer, reviewer_name="Sam",
                                            browser_key="k"), at_s=3, text="lost me")  # fmt: skip
    mock_pin = pins.create(review=reviews.create(request=on_mock, reviewer_name="Kim",
                                                 browser_key="k"),
                           attempt=in_mock, at_s=4, text="on answer 1")  # fmt: skip

    new = migrate(after)
    moved = new.get_model("feedback", "Pin").objects
    assert moved.get(pk=pin.pk).attempt_id == attempt.pk
    assert moved.get(pk=mock_pin.pk).attempt_id == in_mock.pk
    new.get_model("practice", "Attempt").objects.filter(pk=in_mock.pk).delete()
    assert moved.get(pk=mock_pin.pk).attempt_id is None  # kept, on an answer since removed
    migrate_to_latest()
