"""A mock interview that coaches: its setup, the short report and the summary."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.mock_interview import (
    MockAnswer,
    level_for_role,
    mock_setup,
    short_report,
    summarise_mock,
)

TODAY = dt.date(2026, 11, 30)
STORY = "Tell me about a time you fixed a backlog."
GOOD = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "Within a month the average wait fell from 9 hours to 2 hours."
)
WEAK = (
    "Last spring our support queue doubled after a product launch. I rewrote the triage rules "
    "and trained two new starters. In the end the queue got much shorter and customers were "
    "happier."
)


@pytest.mark.parametrize(
    ("role", "level"),
    [("Senior data analyst", "senior"), ("Graduate nurse", "junior"), ("Head of Sales", "lead"),
     ("Data analyst", "any"), ("Sr. Engineer", "senior"), ("Mid-level designer", "mid"),
     ("Senior Product Manager", "senior"), ("Junior account manager", "junior"),
     ("Graduate project manager", "junior"), ("Principal product manager", "lead"),
     ("Product Manager", "lead"), ("Senior lead engineer", "lead")],
)  # fmt: skip
def test_the_level_is_read_from_the_title(role: str, level: str) -> None:
    assert level_for_role(role) == level


def test_the_job_comes_first_then_the_profile() -> None:
    job = mock_setup("Northwind", "Senior data analyst", "Junior teacher", "Education")
    assert (job.company, job.role, job.field, job.seniority, job.source) == (
        "Northwind", "Senior data analyst", "data", "senior", "job"
    )  # fmt: skip
    mine = mock_setup("", "", "Junior teacher", "")
    assert (mine.company, mine.field, mine.seniority, mine.source) == ("", "teaching", "junior",
                                                                       "profile")  # fmt: skip
    by_industry = mock_setup("", "", "Coordinator", "Nursing homes")
    assert by_industry.field == "nursing"
    nothing = mock_setup()
    assert (nothing.field, nothing.seniority, nothing.source) == ("general", "any", "")


@pytest.mark.usefixtures("sentence_model")
def test_the_short_report_gives_the_figures_and_the_first_tip() -> None:
    analysis = analyse_answer(text=WEAK, question=STORY).as_dict()
    report = short_report(analysis)
    assert report is not None
    assert report.number is False
    assert report.tip == "Put a number on the result: how much, how many, how much faster."
    assert short_report(None) is None
    assert short_report({"note": "old"}) is None


@pytest.mark.usefixtures("sentence_model")
def test_the_summary_lists_each_answer_once_and_each_unanswered_question() -> None:
    good = analyse_answer(text=GOOD, question=STORY).as_dict()
    weak = analyse_answer(text=WEAK, question=STORY).as_dict()
    answers = [
        MockAnswer(1, 1, STORY, False, "analysed", weak, TODAY),
        MockAnswer(2, 1, "What was the outcome?", True, "analysed", weak, TODAY),
        MockAnswer(3, 3, "Why us?", False, "analysed", good, TODAY),
        MockAnswer(2, 1, "What was the outcome?", True, "analysed", weak, TODAY),  # twice in
    ]
    summary = summarise_mock([STORY, "Tell me about a conflict.", "Why us?"], answers, TODAY)
    assert [(r.number, r.ref, r.follow_up) for r in summary.rows] == [
        (1, 1, False), (1, 2, True), (2, None, False), (3, 3, False)
    ]  # fmt: skip
    assert summary.rows[2].status == "not answered"
    assert (summary.answered, summary.unanswered) == (3, 1)
    assert summary.best is not None
    assert summary.best.ref == 3
    assert "a result with a number" in summary.best_why
    # The tip both weak answers share, then the question left unanswered.
    assert summary.next_steps == (
        "Put a number on the result: how much, how many, how much faster.",
        "Answer “Tell me about a conflict.”: you left it unanswered",
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.booleans()), max_size=12), st.integers(0, 5))
def test_every_answer_is_in_one_row_and_every_question_has_one(
    rows: list[tuple[int, bool]], questions: int
) -> None:
    answers = [MockAnswer(i, n, f"q{n}", follow, "saved") for i, (n, follow) in enumerate(rows)]
    summary = summarise_mock([f"q{n}" for n in range(1, questions + 1)], answers, TODAY)
    refs = [r.ref for r in summary.rows if r.ref is not None]
    assert sorted(refs) == list(range(len(rows)))  # type: ignore[type-var]
    for n in range(1, questions + 1):
        assert any(r.number == n for r in summary.rows)
    assert summary.best is None  # nothing was analysed
