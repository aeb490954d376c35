"""practice 0020 adds "Tell me about yourself.", "Walk me through your CV." and the first-90-days
question to an install's starter bank, never beside a user's own question of the same text, and
goes back deleting only those nobody has answered or drilled."""

from __future__ import annotations

import pytest

from tests.support import migrate, migrate_to_latest

BEFORE = [("practice", "0019_refresh_attempt_evidence_asks")]
AFTER = [("practice", "0020_starter_introductions")]
ABOUT, CV, FIRST_90 = (
    "Tell me about yourself.",
    "Walk me through your CV.",
    "How would you approach your first 90 days in this role?",
)


@pytest.mark.django_db(transaction=True)
def test_the_introductions_join_the_bank_once_and_go_back() -> None:
    old = migrate(BEFORE)
    questions = old.get_model("practice", "Question").objects
    assert not questions.filter(owner__isnull=True, text__in=[ABOUT, CV, FIRST_90]).exists()
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    own = questions.create(owner=user, text="tell me about yourself.", company="Acme")

    def starters(apps: object) -> list[str]:
        rows = apps.get_model("practice", "Question").objects  # type: ignore[attr-defined]
        return sorted(
            rows.filter(owner__isnull=True, text__in=[ABOUT, CV, FIRST_90]).values_list(
                "text", flat=True
            )
        )

    new = migrate(AFTER)
    assert starters(new) == [FIRST_90, CV]  # not beside the user's own
    mine = new.get_model("practice", "Question").objects.get(pk=own.pk)
    assert (mine.owner_id, mine.text, mine.company) == (user.pk, own.text, "Acme")
    cv = new.get_model("practice", "Question").objects.get(owner__isnull=True, text=CV)
    new.get_model("practice", "Attempt").objects.create(
        user_id=user.pk, question=cv, question_text=CV, text="I studied maths, then…"
    )
    back = migrate(BEFORE)
    assert starters(back) == [CV]  # answered: kept
    assert starters(migrate(AFTER)) == [FIRST_90, CV]  # forward again: none twice
    migrate_to_latest()
