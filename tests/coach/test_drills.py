import datetime as dt

import pytest

from prepcoach.coach.drills import DueItem, due_queue, grade, new_card, preview, retention

NOW = dt.datetime(2026, 11, 21, 9, tzinfo=dt.UTC)


def test_grades_move_the_next_review_further_the_better_the_answer() -> None:
    card = new_card(1, NOW)
    assert preview(card, NOW) == {
        "again": "in 1 minute",
        "hard": "in 6 minutes",
        "good": "in 10 minutes",
        "easy": "in 8 days",
    }
    learnt = grade(grade(card, "good", NOW).state, "good", NOW + dt.timedelta(minutes=10))
    assert learnt.due > NOW + dt.timedelta(days=1)
    assert learnt.interval.endswith("days")


def test_an_unknown_grade_is_refused() -> None:
    with pytest.raises(ValueError, match="again, hard, good, easy"):
        grade(new_card(1, NOW), "perfect", NOW)


def test_the_queue_puts_overdue_reviews_first_then_new_items_up_to_the_target() -> None:
    items = [
        DueItem("later", NOW + dt.timedelta(days=1), is_new=False),
        DueItem("due", NOW - dt.timedelta(hours=1), is_new=False),
        DueItem("overdue", NOW - dt.timedelta(days=3), is_new=False),
        DueItem("new1", NOW, is_new=True),
        DueItem("new2", NOW, is_new=True),
    ]
    assert [i.id for i in due_queue(items, NOW, daily_target=3, reviewed_today=0)] == [
        "overdue",
        "due",
        "new1",
    ]
    assert [i.id for i in due_queue(items, NOW, daily_target=3, reviewed_today=3)] == [
        "overdue",
        "due",
    ]


def test_retention_figures() -> None:
    state = grade(new_card(1, NOW), "easy", NOW).state
    stats = retention(["good", "again", "easy", "hard"], [state], NOW + dt.timedelta(days=1), 2, 4)
    assert stats.recalled == 0.75
    assert stats.expected_now is not None
    assert 0.9 < stats.expected_now <= 1
    assert retention([], [], NOW, 0, 0).recalled is None


def test_a_card_just_graded_again_is_not_expected_to_be_recalled() -> None:
    known = grade(new_card(1, NOW), "good", NOW - dt.timedelta(days=3)).state
    forgotten = grade(known, "again", NOW).state
    # FSRS alone says 100 % at the moment of any review, "again" included.
    assert retention(["good", "again"], [forgotten], NOW, 0, 1).expected_now == 1.0
    stats = retention(["good", "again"], [forgotten], NOW, 0, 1, last_grades=["again"])
    assert stats.expected_now == 0.0
    assert stats.cards_reviewed == 1
    passed = grade(forgotten, "good", NOW + dt.timedelta(minutes=10)).state
    later = retention(["again", "good"], [passed], NOW + dt.timedelta(minutes=10), 0, 2, ["good"])
    assert later.expected_now == 1.0  # passed again: FSRS's figure counts once more
