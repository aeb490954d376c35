import datetime as dt
import json
import re
import zoneinfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from prepcoach.coach.availability import WeeklyAvailability
from prepcoach.coach.deadlines import find_deadline
from prepcoach.coach.smart import (
    MAX_GOAL_CHARS,
    SmartContext,
    Verdict,
    check_goal,
    target_quantity,
)
from prepcoach.coach.text import words

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


def test_steps_late_against_their_own_dates_are_said_beside_an_attainable_goal() -> None:
    late = SmartContext(planned_hours=4.5, available_hours=50, late_step_hours=1.5)
    found = check_goal("Write 5 STAR stories by Friday", TODAY, context=late).attainable
    assert found.verdict is Verdict.MET
    assert found.reason.startswith("Your plan's steps need 4.5 h; you have 50 h by ")
    assert found.reason.endswith(". 1.5 h of its steps are planned after their own due dates.")
    assert found.fix.startswith("Give those steps later due dates, or do them sooner")
    on_time = SmartContext(planned_hours=4.5, available_hours=50)
    assert check_goal("Write 5 STAR stories by Friday", TODAY, context=on_time).attainable.fix == ""


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
    assert result.kind is None
    assert check_goal(result.rewrite, TODAY).time_bound.verdict is Verdict.MET


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
        assert set(data[name]) == {"verdict", "reason", "fix"}  # type: ignore[call-overload]
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
@example("0 0 FEBRUARY FEBRUARY")  # found in CI: the words left read as "0 FEBRUARY" again
# Found in CI: the work does not fit before "BY FRI", so the rewrite proposes the date it fits by
# (`SmartCheck.rewrite_deadline`) in place of the user's, which is a deadline replaced too.
@example("BY FRI 000:10 INTERVIEW")
def test_the_rewrite_keeps_the_goal_and_adds_a_deadline(text: str) -> None:
    if not words(text):
        return  # no goal to keep: test_empty_input_says_what_to_do
    result = check_goal(text, TODAY, context=ALICE)
    if {c.verdict for c in result.criteria.values()} == {Verdict.UNSURE}:
        return  # only fillers or another language: test_a_goal_of_fillers_or_in_another_language…
    if not result.offers_rewrite and not result.is_smart:
        # Withheld only where a version leading with a count would still read as not specific
        # (`_fails_its_own_check`), or where it changes nothing but capitals: the specific
        # criterion's fix says what to pin down instead.
        assert result.specific.verdict is not Verdict.MET or result.rewrite == result.original
        assert all(c.fix for c in result.criteria.values() if c.verdict is Verdict.MISSING)
        return
    again = check_goal(result.rewrite, TODAY, context=ALICE)
    assert again.time_bound.verdict is Verdict.MET, (text, result.rewrite, again.time_bound)
    # Not asserted: that the added count makes the goal measurable. The trained measurable
    # model is unsure of it on text that is not a goal (Hypothesis finds "IMPROVE:SQRHR …,
    # doing 3 recorded practice sessions" read as not measurable, 59 %): a known weakness,
    # named in the closing note of issue 9, not a behaviour this test can promise yet.
    # Never another goal: what the user wrote (less a deadline that was replaced: not met, or
    # met but too soon for the work, `rewrite_deadline`) stays.
    kept = " ".join(text.split()).rstrip(" .!?")
    replaced = result.time_bound.verdict is not Verdict.MET or result.rewrite_deadline is not None
    for phrase in (result.deadline_phrase, "soon"):
        if phrase and replaced:
            kept = re.sub(re.escape(phrase), " ", kept, flags=re.IGNORECASE)
    # Words left that still read as a date that cannot be go too, so the rewrite's deadline is
    # its only one (`smart_rewrite.rewrite`: "0 0 FEBRUARY FEBRUARY" less "0 FEBRUARY" is
    # "0 FEBRUARY" again, found by Hypothesis in CI).
    kept = " ".join(kept.split())
    joined = find_deadline(kept, TODAY)
    if result.time_bound.verdict is not Verdict.MET and joined.problem and joined.phrase:
        kept = re.sub(re.escape(joined.phrase), " ", kept, count=1, flags=re.IGNORECASE)
    for word in kept.split()[:3]:
        if word.isalpha() and word not in {"by", "before", "on", "within", "in", "the"}:
            assert word.lower() in result.rewrite.lower(), (text, result.rewrite)


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


def test_the_target_of_counted_sessions_of_a_set_length_is_the_sessions() -> None:
    # The rewrite itself proposes "doing 4 practice sessions of 45 minutes": the form then
    # fills its target with the 4 sessions, not nothing.
    goal = "Learn Spanish, doing 4 practice sessions of 45 minutes by Friday"
    target = target_quantity(check_goal(goal, TODAY))
    assert target is not None
    assert (target.value, target.unit) == (4, "practice sessions")


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


# Issue 9: the rewrite keeps the user's subject; relevance knows core competencies.
PM = SmartContext(target_role="Product manager", industry="Fintech")
NOW = dt.date(2026, 11, 30)


def test_the_rewrite_never_swaps_the_goal_for_another() -> None:
    result = check_goal("improve communication skills", NOW, context=PM)
    assert "communication skills" in result.rewrite.lower()
    assert "practice problems" not in result.rewrite
    assert result.relevant.verdict is Verdict.MET
    assert "core competency" in result.relevant.reason
    again = check_goal(result.rewrite, NOW, context=PM)
    # What was added is a count and a deadline. The measurable model is unsure about a vague
    # verb with a count of sessions (about 50 %), so its verdict is not pinned here.
    assert [q.text for q in again.quantities][:1] == ["4 practice sessions"]
    assert again.time_bound.verdict is Verdict.MET


@pytest.mark.parametrize(
    "text",
    [
        "Write 3 STAR stories about leadership by the end of Q3",
        "Read 2 books about product strategy by the end of the month",
        "practise system design before the end of next week",
    ],
)
def test_the_rewrite_does_not_garble_the_deadline(text: str) -> None:
    rewrite = check_goal(text, NOW, context=PM).rewrite
    assert "by the by" not in rewrite
    assert "by by" not in rewrite
    assert rewrite.lower().count(" by ") <= 2, rewrite


def test_a_goal_of_no_preparation_kind_is_not_turned_into_interview_preparation() -> None:
    rewrite = check_goal("save money", NOW, context=PM).rewrite
    assert rewrite.startswith("Save money")
    assert "Product manager" not in rewrite
    assert "interview" not in rewrite


def test_a_goal_with_a_deadline_keeps_it_and_gets_the_count_before_it() -> None:
    rewrite = check_goal("learn about Acme's products by Friday", NOW, context=PM).rewrite
    assert rewrite.startswith("Learn about Acme's products")
    assert rewrite.endswith("by Friday")


@pytest.mark.parametrize(
    ("text", "order", "due"),
    [
        ("Do 3 mock interviews by 12/31", "MDY", dt.date(2026, 12, 31)),
        ("Do 3 mock interviews by 4.12.", "DMY", dt.date(2026, 12, 4)),
        ("Do 3 mock interviews by EOD Friday", None, dt.date(2026, 12, 4)),
        ("Do 3 mock interviews before 2026-12-04T17:00", None, dt.date(2026, 12, 4)),
    ],
)
def test_the_date_order_reaches_the_check(text: str, order: str | None, due: dt.date) -> None:
    context = SmartContext(date_order=order)  # type: ignore[arg-type]
    result = check_goal(text, NOW, context=context)
    assert result.time_bound.verdict is Verdict.MET, result.time_bound
    assert result.deadline == due


def test_a_date_years_away_is_questioned_in_the_verdict() -> None:
    result = check_goal(
        "Do 3 mock interviews by 12/31", NOW, context=SmartContext(date_order="DMY")
    )
    assert result.time_bound.verdict is Verdict.MISSING
    assert "Did you mean 31 December 2026" in result.time_bound.reason


@pytest.mark.parametrize(
    ("text", "measurable"),
    [
        ("Get comfortable with Angular 17", Verdict.MISSING),
        ("Learn Python 3.12 by Friday", Verdict.MISSING),
        ("Get comfortable with Windows 11", Verdict.MISSING),
        ("Install Windows 11 on the family laptop", Verdict.MET),  # a deliverable
        ("Build 2 small apps in Angular 17 by Friday", Verdict.MET),
        ("Submit Form 1040 by 15 April", Verdict.MET),  # a deliverable, not the count 1040
    ],
)
def test_a_version_number_is_not_a_count(text: str, measurable: Verdict) -> None:
    result = check_goal(text, NOW)
    assert result.measurable.verdict is measurable, result.measurable
    assert "1040" not in [q.text for q in result.quantities]


def test_the_kind_can_be_none_and_says_why() -> None:
    result = check_goal(
        "run 5k without stopping by 12/19", NOW, context=SmartContext(date_order="MDY")
    )
    assert result.kind is None
    assert result.kind_reason
    assert result.as_dict()["type"] is None
    built = check_goal("Build a small web app with a login page and tests", NOW)
    assert built.kind is not None
    assert built.kind.value == "skills"


def test_every_verdict_quotes_its_evidence() -> None:
    result = check_goal("Solve 20 SQL window-function problems by Friday", NOW)
    assert result.specific.verdict is Verdict.MET
    assert "“" in result.specific.reason
    assert result.measurable.verdict is Verdict.MET
    assert "“20 SQL window-function problems”" in result.measurable.reason


@pytest.mark.parametrize(
    ("text", "rewrite"),
    [
        (
            "- research interviewers on linkedin - by 12/7",
            "Research interviewers on linkedin, noting at least 5 key facts by 12/7",
        ),
        (
            "Learn Spanish for the Madrid role by 2035",
            "Learn Spanish for the Madrid role, doing 4 practice sessions of 45 minutes "
            "by 28 December 2026",
        ),
    ],
)
def test_the_rewrite_reads_as_one_sentence(text: str, rewrite: str) -> None:
    context = SmartContext(target_role="Data analyst", date_order="MDY")
    assert check_goal(text, NOW, context=context).rewrite == rewrite


@pytest.mark.parametrize(
    "text",
    [
        "um uh um",
        "Je veux apprendre le SQL avant vendredi",
        "Quiero aprender SQL antes del viernes",
        # Issue 9's inputs: fillers with "you know", and paragraphs that share a few words
        # with English ("in", "am", "a"): each was read as a goal, quoting "40 Prozent reduziert"
        # or "20 por ciento m" as its measure, or filed as behavioral "from “um”".
        "um uh like you know so um",
        # Fillers the answer reader always knew as fillers (`text.FILLER_WORDS`): read as a goal.
        "Well, okay, right, yes.",
        "You know, I mean, kind of, sort of, basically.",
        "Ich habe in meinem letzten Projekt ein Team von fünf Entwicklern geleitet. Wir mussten "
        "die Datenbank innerhalb von drei Monaten migrieren. Am Ende haben wir die Ladezeit um "
        "40 Prozent reduziert.",
        "En mi último trabajo dirigí un equipo de cinco personas. Teníamos que lanzar una nueva "
        "aplicación en tres meses y al final lanzamos a tiempo con un 20 por ciento más de "
        "usuarios.",
    ],
)
def test_a_goal_of_fillers_or_in_another_language_gets_can_t_tell(text: str) -> None:
    check = check_goal(text, dt.date(2026, 11, 30))
    assert {c.verdict for c in check.criteria.values()} == {Verdict.UNSURE}
    assert check.kind is None
    assert "filler" in check.kind_reason or "English" in check.kind_reason


def test_a_web_pages_html_pasted_as_the_goal_gets_can_t_tell() -> None:
    """Issue 9: a job advert's HTML met Specific ("join", "Python") and Measurable ("It is done
    or not done: “<div class="job"><h1>…”") on `prepcoach smart`, and its sharper version was
    the markup with a date at its end."""
    advert = (
        '<div class="job"><h1>Senior Python Developer &amp; Team Lead</h1>'
        "<p>Join our Platform team.</p><ul><li>5+ years of Python</li></ul></div>"
    )
    check = check_goal(advert, NOW)
    assert {c.verdict for c in check.criteria.values()} == {Verdict.UNSURE}
    assert "is a web page's HTML markup, not a goal" in check.specific.reason
    assert check.kind is None
    assert check.specific.fix.startswith("Say what you will do and by when")


def test_only_another_language_is_told_to_write_in_english() -> None:
    fillers = check_goal("um uh like you know so um", NOW).specific.fix
    assert "English" not in fillers
    french = check_goal("Je veux apprendre le SQL avant vendredi", NOW).specific.fix
    assert french.startswith("Write the goal in English")


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize("text", ["asdf qwerty zxcv", "jjjj kkkk llll!!"])
def test_keyboard_mashing_gets_can_t_tell_and_no_kind(text: str) -> None:
    check = check_goal(text, dt.date(2026, 11, 30))
    assert {c.verdict for c in check.criteria.values()} == {Verdict.UNSURE}
    assert check.kind is None
    assert "no word prepcoach knows" in check.kind_reason


@pytest.mark.usefixtures("sentence_model")
def test_a_short_goal_with_new_words_is_still_read() -> None:
    # The vocabulary lacks "leetcode", "coding", "recruiters": one known word is enough.
    for text in ("do leetcode", "practise whiteboard coding 3x/wk", "contact recruiters asap"):
        assert check_goal(text, dt.date(2026, 11, 30)).specific.verdict is not Verdict.UNSURE


def test_a_french_name_in_an_english_goal_is_still_read() -> None:
    check = check_goal(
        "Do 3 mock interviews for the role at Le Monde by Friday", dt.date(2026, 11, 30)
    )
    assert check.specific.verdict is Verdict.MET
    two_names = check_goal("Read 3 articles in Die Zeit and Le Monde by Friday", TODAY)
    assert two_names.kind_reason == "" or "English" not in two_names.kind_reason
    assert two_names.measurable.verdict is Verdict.MET


@pytest.mark.parametrize(
    ("goal", "hours"),
    [
        ("Learn Spanish, doing 4 practice sessions of 45 minutes by 30 November 2026", "3 h"),
        ("Do 10 practice sessions of 3 hours by 30 November 2026", "30 h"),
    ],
)
def test_sessions_of_a_set_length_are_estimated_as_count_times_length(
    goal: str, hours: str
) -> None:
    # A new user's trial: 4 sessions of 45 minutes were estimated at 4.75 h (4 sessions at an
    # hour each, and the 45 minutes on top).
    result = check_goal(goal, TODAY, context=ALICE)
    assert re.match(rf"A rough estimate is {hours}[ ;]", result.attainable.reason)


def test_a_deadline_gone_by_is_replaced_not_added_to() -> None:
    """A trial's "by yesterday" read as no deadline, and the rewrite said "... by yesterday by
    3 January 2027"."""
    found = check_goal("Practise 10 behavioural questions by yesterday", dt.date(2026, 12, 6))
    assert found.time_bound.verdict is Verdict.MISSING
    assert "“yesterday” is in the past" in found.time_bound.reason
    assert "yesterday" not in found.rewrite
    assert found.rewrite.startswith("Practise 10 behavioural questions by ")


def test_hours_booked_by_the_plan_are_not_free_for_a_new_goal() -> None:
    week = WeeklyAvailability((2,) * 7)
    friday = dt.date(2026, 11, 27)  # TODAY is Saturday 21 November: 7 days of 2 h by Friday
    free = SmartContext(availability=week)
    found = check_goal("Do 3 recorded mock interviews by Friday", TODAY, context=free).attainable
    assert "you have 14 h by" in found.reason
    # 3 h booked on Monday (only its 2 h count) and 1 h on Saturday 28th, after the deadline.
    booked = SmartContext(
        availability=week,
        booked=((dt.date(2026, 11, 23), 3.0), (friday + dt.timedelta(days=1), 1.0)),
    )
    found = check_goal("Do 3 recorded mock interviews by Friday", TODAY, context=booked).attainable
    assert "you have 12 h by" in found.reason


@pytest.mark.parametrize(
    "text", ["pass the PL-300 Power BI exam by 15/02", "pass the AZ-900 exam by 15/02"]
)
def test_an_exams_code_is_no_count(text: str) -> None:
    """Trial 297: "target 300 Power BI exam", "You can count it: “300 Power BI exam”". Passing
    the exam is still measurable, as done or not done."""
    found = check_goal(text, NOW, context=SmartContext(date_order="DMY"))
    assert found.quantities == ()
    assert target_quantity(found) is None
    assert found.measurable.verdict is Verdict.MET
    assert "done or not done" in found.measurable.reason
    assert "300" not in found.specific.reason.replace("PL-300", "")


def test_a_goal_no_criterion_can_be_read_on_says_why_once() -> None:
    """One reason for all five criteria (another language, fillers) is said once, and no
    sharper version is offered; a goal read in part gives no such reason."""
    french = check_goal("Améliorer mon SQL d'ici fin janvier, 3 heures par semaine", TODAY)
    assert french.unreadable is not None
    assert "does not read as English" in french.unreadable
    assert not french.offers_rewrite
    vague = check_goal("get better at SQL", TODAY, context=ALICE)
    assert vague.unreadable is None
    assert vague.offers_rewrite
