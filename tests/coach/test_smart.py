import datetime as dt
import json
import zoneinfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.availability import WeeklyAvailability
from prepcoach.coach.smart import (
    MAX_GOAL_CHARS,
    SmartContext,
    Verdict,
    check_goal,
    target_quantity,
)

TODAY = dt.date(2026, 11, 21)
ALICE = SmartContext(
    target_role="Data analyst",
    industry="Healthcare",
    availability=WeeklyAvailability((1, 1, 1, 1, 1, 3, 0)),
)
CRITERIA = ("specific", "measurable", "attainable", "relevant", "time_bound")


def verdicts(text: str, context: SmartContext = ALICE) -> dict[str, str]:
    return {
        k: v.verdict.value for k, v in check_goal(text, TODAY, context=context).criteria.items()
    }


def test_a_vague_goal_is_explained_criterion_by_criterion() -> None:
    result = check_goal("get better at interviews", TODAY, context=ALICE)
    assert result.specific.verdict is Verdict.MISSING
    assert "“get better”" in result.specific.reason
    assert result.measurable.verdict is Verdict.MISSING
    assert result.time_bound.verdict is Verdict.MISSING
    assert "“by 19 December 2026”" in result.time_bound.fix
    for criterion in result.criteria.values():
        assert criterion.reason.endswith(".")
        if criterion.verdict is not Verdict.MET:
            assert criterion.fix


def test_the_sharper_goal_passes() -> None:
    result = check_goal(
        "Do 3 recorded mock interviews before my onsite on 14 March", TODAY, context=ALICE
    )
    assert result.is_smart, result.criteria
    assert result.deadline == dt.date(2027, 3, 14)
    assert [q.text for q in result.quantities] == ["3 recorded mock interviews"]
    assert "“on 14 March”" in result.time_bound.reason


def test_attainable_compares_planned_with_available_hours() -> None:
    short = SmartContext(planned_hours=12, available_hours=8)
    result = check_goal("Write 5 STAR stories by Friday", TODAY, context=short)
    assert result.attainable.verdict is Verdict.MISSING
    assert "12 h" in result.attainable.reason
    assert "8 h" in result.attainable.reason
    assert "4 h short" in result.attainable.reason
    enough = SmartContext(planned_hours=3, available_hours=8)
    assert (
        check_goal("Write 5 STAR stories by Friday", TODAY, context=enough).attainable.verdict
        is Verdict.MET
    )


def test_attainable_proposes_a_date_that_fits_the_week() -> None:
    result = check_goal("Solve 50 LeetCode problems by tomorrow", TODAY, context=ALICE)
    assert result.attainable.verdict is Verdict.MISSING
    assert "Move the deadline to 23 December 2026" in result.attainable.fix
    assert "by 23 December 2026" in result.rewrite


def test_relevance_uses_role_industry_and_job_description() -> None:
    assert verdicts("Practice SQL window functions 3 times a week")["relevant"] == "met"
    assert verdicts("learn to bake 3 sourdough loaves by May 1st")["relevant"] == "missing"
    jd = SmartContext(job_description="You will build dashboards in Looker for clinicians.")
    assert verdicts("Build 2 Looker dashboards by Friday", jd)["relevant"] == "met"
    assert verdicts("Build 2 birdhouses by Friday", SmartContext())["relevant"] == "unsure"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "There is no goal yet"),
        ("   ", "There is no goal yet"),
        ("😀😀😀", "has no words to check"),
    ],
)
def test_empty_input_says_what_to_do(text: str, message: str) -> None:
    result = check_goal(text, TODAY)
    assert all(c.verdict is Verdict.MISSING for c in result.criteria.values())
    assert message in result.specific.reason
    assert check_goal(result.rewrite, TODAY).specific.verdict is Verdict.MET


def test_a_very_long_goal_is_checked_in_part_and_says_so() -> None:
    text = "Do 3 mock interviews by Friday. " + "blah " * 2000
    result = check_goal(text, TODAY)
    assert result.notes
    assert str(MAX_GOAL_CHARS) in result.notes[0]
    assert result.time_bound.verdict is Verdict.MET


def test_other_languages_and_emoji_do_not_break_it() -> None:
    for text in [
        "Préparer 3 entretiens avant vendredi 🚀",
        "面接の準備をする",
        "Do 3 mock interviews 🎯 by Friday",
    ]:
        result = check_goal(text, TODAY)
        assert set(result.as_dict()) >= set(CRITERIA)


def test_the_json_contract() -> None:
    data = check_goal("Do 3 mock interviews by Friday", TODAY).as_dict()
    assert set(data) == {*CRITERIA, "type", "deadline", "quantities", "rewrite"}
    for name in CRITERIA:
        assert set(data[name]) == {"verdict", "reason", "fix"}  # type: ignore[arg-type]
    assert data["type"] == "behavioral"
    assert data["deadline"] == "2026-11-27"
    assert data["quantities"] == [
        {"value": 3, "unit": "mock interviews", "comparator": "=", "text": "3 mock interviews"}
    ]
    json.dumps(data)


def test_today_defaults_to_the_users_time_zone() -> None:
    # Kiritimati (UTC+14) and Niue (UTC-11) are on different dates for most of each day.
    for zone in ("Pacific/Niue", "Pacific/Kiritimati", "UTC"):
        before = dt.datetime.now(zoneinfo.ZoneInfo(zone)).date()
        deadline = check_goal("Do 3 mock interviews by tomorrow", tz=zone).deadline
        after = dt.datetime.now(zoneinfo.ZoneInfo(zone)).date()
        assert deadline in {before + dt.timedelta(days=1), after + dt.timedelta(days=1)}


goal_texts = st.one_of(
    st.text(max_size=120),
    st.lists(
        st.sampled_from(
            "get better at do write 3 5 mock interviews STAR stories research Acme by Friday "
            "soon network more SQL every weekday within two weeks contact alumni the of on "
            "30 February 😀 improve".split()
        ),
        max_size=14,
    ).map(" ".join),
)


@settings(max_examples=150, deadline=None)
@given(goal_texts)
def test_the_rewrite_is_specific_measurable_and_time_bound(text: str) -> None:
    rewrite = check_goal(text, TODAY, context=ALICE).rewrite
    again = check_goal(rewrite, TODAY, context=ALICE)
    for name in ("specific", "measurable", "time_bound", "relevant"):
        assert again.criteria[name].verdict is Verdict.MET, (
            text,
            rewrite,
            name,
            again.criteria[name],
        )


def test_a_target_date_set_in_the_form_makes_it_time_bound() -> None:
    context = SmartContext(deadline=dt.date(2026, 12, 12), planned_hours=10, available_hours=3)
    result = check_goal("Do 3 recorded mock interviews before my onsite", TODAY, context=context)
    assert result.time_bound.reason == "Due 12 December 2026: the target date you set."
    assert result.attainable.verdict is Verdict.MISSING
    assert "7 h short" in result.attainable.reason
    past = SmartContext(deadline=dt.date(2026, 11, 1))
    assert (
        check_goal("Do 3 mock interviews", TODAY, context=past).time_bound.verdict
        is Verdict.MISSING
    )


def test_a_saved_target_date_wins_over_relative_words() -> None:
    # Written on 21 November as "within two weeks" (5 December); read again on 10 December.
    saved = SmartContext(deadline=dt.date(2026, 12, 5))
    later = check_goal(
        "Do 3 mock interviews within two weeks", dt.date(2026, 12, 10), context=saved
    )
    assert later.time_bound.verdict is Verdict.MISSING
    assert "is in the past" in later.time_bound.reason


def test_huge_counts_do_not_break_the_check() -> None:
    result = check_goal("Solve 99999999 problems by Friday", TODAY, context=ALICE)
    assert result.attainable.verdict is Verdict.MISSING
    assert "Move the deadline" not in result.attainable.fix  # no date decades away
    assert target_quantity(result) is None


def test_the_target_is_the_one_count_the_goal_names() -> None:
    assert target_quantity(check_goal("Do 3 mock interviews by Friday", TODAY)).value == 3  # type: ignore[union-attr]
    assert target_quantity(check_goal("Keep under 3 fillers per minute by Friday", TODAY)) is None
    assert target_quantity(check_goal("Read 2 papers and 3 articles by Friday", TODAY)) is None


def test_evidence_is_quoted_right_after_letters_that_change_length_in_lower_case() -> None:
    context = SmartContext(target_role="BI developer")
    result = check_goal("İİİ Practise 3 Tableau dashboards by Friday", TODAY, context=context)
    assert "“Tableau”" in result.relevant.reason or "“dashboard”" in result.relevant.reason


@pytest.mark.parametrize(
    ("text", "keeps"),
    [
        ("Write my resume by Friday", "Write my resume"),
        ("Learn Python in 3 months", "Learn Python"),
        ("Solve 50 LeetCode problems by fridy", "Solve 50 LeetCode problems"),
    ],
)
def test_the_rewrite_keeps_the_users_own_words(text: str, keeps: str) -> None:
    rewrite = check_goal(text, TODAY, context=ALICE).rewrite
    assert rewrite.startswith(keeps)
    assert check_goal(rewrite, TODAY, context=ALICE).time_bound.verdict is Verdict.MET
