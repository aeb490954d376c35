"""When a goal's steps do not fit before its deadline, the date the SMART check proposes is the
day the week plan really finishes them (other goals' steps take hours too), never a day on or
before the deadline it already has; and the sharper version carries one deadline, not the
words' own date with the proposed one after it. (A new user's trial: one goal's 30-hour step
made another goal's steps late, and its check proposed moving 31 December to 6 December.)"""

import datetime as dt

from prepcoach.coach.availability import WeeklyAvailability
from prepcoach.coach.smart import SmartContext, Verdict, check_goal

TODAY = dt.date(2026, 12, 2)
DEADLINE = dt.date(2026, 12, 31)
GOAL = "Build a small web app with a login page and tests by 12/31"
WEEK = WeeklyAvailability((1, 1, 1, 1, 1, 2, 2))  # 9 h a week: 8.5 h alone fit in a week


def plan_context(finish: dt.date | None) -> SmartContext:
    # The plan gives this goal no hours before its deadline: another goal's steps took them.
    return SmartContext(planned_hours=6.5, available_hours=0.0, availability=WEEK,
                        deadline=DEADLINE, date_order="MDY", planned_finish=finish)  # fmt: skip


def test_the_proposed_date_is_the_plans_finish() -> None:
    check = check_goal(GOAL, TODAY, context=plan_context(dt.date(2027, 1, 9)))
    assert check.attainable.verdict is Verdict.MISSING
    assert check.attainable.fix.startswith("Move the deadline to 9 January 2027")
    assert check.rewrite.endswith("by 9 January 2027")
    assert check.rewrite.count(" by ") == 1
    assert "12/31" not in check.rewrite


def test_no_date_on_or_before_the_deadline_is_proposed() -> None:
    for finish in (dt.date(2026, 12, 6), DEADLINE, None):
        check = check_goal(GOAL, TODAY, context=plan_context(finish))
        assert check.attainable.verdict is Verdict.MISSING
        assert "Move the deadline" not in check.attainable.fix
        assert "move other goals' steps later" in check.attainable.fix
        assert check.rewrite.count(" by ") == 1  # its own deadline, once


def test_a_job_key_term_makes_a_goal_relevant_only_whole() -> None:
    # A new user's trial: "tests" in a web-app goal matched the advert's "A/B tests".
    jobs = SmartContext(target_role="Junior data analyst", job_terms=("A/B tests", "SQL"))
    web_app = check_goal(GOAL, TODAY, context=jobs).relevant
    assert web_app.verdict is Verdict.MISSING
    assert "A/B" not in web_app.reason
    ab = check_goal("Run 2 A/B tests on my portfolio site by 20 December", TODAY, context=jobs)
    assert ab.relevant.verdict is Verdict.MET
    assert ab.relevant.reason == (
        "It names a key term of the jobs you are applying for: “A/B tests”."
    )


def test_a_passed_saved_date_is_replaced_not_doubled() -> None:
    # The review: a saved date that has passed gave "…by 12/31 by 30 December 2026".
    passed = SmartContext(deadline=dt.date(2026, 11, 30), date_order="MDY")
    check = check_goal("Do 3 mock interviews by 12/31", TODAY, context=passed)
    assert check.time_bound.verdict is not Verdict.MET
    assert check.rewrite.count(" by ") == 1
    assert "12/31" not in check.rewrite
    assert check.rewrite_deadline is not None
    assert check.rewrite.endswith(f"by {check.rewrite_deadline.day} {check.rewrite_deadline:%B %Y}")
