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
from prepcoach.coach.relevance import asked_for
from prepcoach.coach.tips import asks_for_story_parts
from tests.relevance_samples import (
    AMBITION,
    FINANCE,
    FIVE_YEARS,
    HOCKEY,
    HOCKEY_FOR_FINANCE,
    PLAN,
    PLAN_QUESTION,
    WE_BACKLOG_STORY,
)

TODAY = dt.date(2026, 11, 30)
STORY = "Tell me about a time you fixed a backlog."
# The relevance verdict finds WEAK misses STORY (it leaves out what was asked of the speaker),
# so the tests about the other figures ask this, which the verdict can't tell about.
PROCESS = "Tell me about a time you improved a process."
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
     # "Manager" alone is no level (a trial's customer success manager was set up as a lead),
     # and a staff nurse is no staff engineer.
     ("Product Manager", "any"), ("Customer Success Manager (Mid-Market)", "any"),
     ("Staff nurse", "any"), ("Staff engineer", "senior"), ("Staff Product Manager", "senior"),
     ("Staff Machine Learning Engineer", "senior"), ("Senior lead engineer", "lead")],
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
    analysis = analyse_answer(text=WEAK, question=PROCESS).as_dict()
    report = short_report(analysis)
    assert report is not None
    assert report.number is False
    assert report.tip == "Put a number on the result: how much, how many, how much faster."
    assert short_report(None) is None
    assert short_report({"note": "old"}) is None


@pytest.mark.usefixtures("sentence_model")
def test_the_summary_lists_each_answer_once_and_each_unanswered_question() -> None:
    good = analyse_answer(text=GOOD, question=STORY).as_dict()
    weak = analyse_answer(text=WEAK, question=PROCESS).as_dict()
    answers = [
        MockAnswer(1, 1, PROCESS, False, "analysed", weak, TODAY),
        MockAnswer(2, 1, "What was the outcome?", True, "analysed", weak, TODAY),
        # A story question: "Why us?" asks for no story, so its answer is counted on no STAR
        # part or number and cannot go best on them (`relevance.asked_for`).
        MockAnswer(3, 3, STORY, False, "analysed", good, TODAY),
        MockAnswer(2, 1, "What was the outcome?", True, "analysed", weak, TODAY),  # twice in
    ]
    summary = summarise_mock([PROCESS, "Tell me about a conflict.", STORY], answers, TODAY)
    assert [(r.number, r.ref, r.follow_up) for r in summary.rows] == [
        (1, 1, False), (1, 2, True), (2, None, False), (3, 3, False)
    ]  # fmt: skip
    assert summary.rows[2].status == "not answered"
    assert (summary.answered, summary.unanswered) == (3, 1)
    assert summary.best is not None
    assert summary.best.ref == 3
    assert "a result with a number" in summary.best_why
    # What the weak answer misses (a number, and the task WEAK leaves out), as its tips, then
    # the question left unanswered. "What was the outcome?" asks for the story's result alone
    # (`follow_up_answer`): its answer is judged on that, never counted as a story missing its
    # task or number, so the areas (2 of the 3 answers, before) have one answer each to go on.
    assert summary.next_steps == (
        "Put a number on the result: how much, how many, how much faster.",
        "Before the actions, say in one sentence what was asked of you or what you set out to "
        "achieve.",
        "Answer the question you left unanswered: “Tell me about a conflict.”",
    )
    follow_up = summary.rows[1].figures
    assert follow_up is not None
    assert follow_up.asked_words.startswith("Asked for: how it ended — given: “In the end")


WEAKNESS = "What is your greatest weakness?"
STRENGTHS = (
    "I'd say I'm incredibly detail-oriented. I'm the person in the team who always spots the "
    "transposed numbers in the reconciliations, and my manager trusts me with the VAT returns "
    "because I just don't make mistakes. I'm also really good at building relationships with "
    "the budget holders, and they come to me with questions now. So I think accuracy and "
    "relationships are my strongest points."
)


@pytest.mark.usefixtures("sentence_model")
def test_the_verdict_is_in_the_short_report_and_leads_the_next_steps() -> None:
    off = analyse_answer(text=STRENGTHS, question=WEAKNESS).as_dict()
    # As the mock's page reads it: by what its question asks for (neither a story nor a plan).
    report = short_report(off, asked_for(WEAKNESS, off))
    assert report is not None
    assert report.relevance == "does not address"
    assert report.relevance_quote
    assert report.relevance_quote in STRENGTHS
    good = analyse_answer(text=GOOD, question=STORY).as_dict()
    answered = short_report(good)
    assert answered is not None
    assert answered.relevance in {"addresses", "can't tell"}
    answers = [
        MockAnswer(1, 1, STORY, False, "analysed", good, TODAY),
        MockAnswer(2, 2, WEAKNESS, False, "analysed", off, TODAY),
    ]
    summary = summarise_mock([STORY, WEAKNESS], answers, TODAY)
    assert summary.rows[1].figures == report
    assert summary.next_steps[0] == (
        "Answer the question that was asked: prepcoach's check finds your answer to "
        f"“{WEAKNESS}” does not address it."
    )
    assert not [s for s in summary.next_steps if s.startswith("Answer the question")][1:]


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_that_missed_its_question_is_measured_low_and_never_went_best() -> None:
    # All four STAR parts and a number, to a question that asks for no story.
    off = analyse_answer(text=HOCKEY).as_dict() | {"relevance": HOCKEY_FOR_FINANCE}
    report = short_report(off)
    assert report is not None
    assert (report.measured, report.star_parts, report.relevance) == (2, 4, "does not address")
    alone = summarise_mock([FINANCE], [MockAnswer(1, 1, FINANCE, False, "analysed", off, TODAY)],
                           TODAY)  # fmt: skip
    assert alone.best is None
    weak = analyse_answer(text=WEAK, question=PROCESS).as_dict()
    answers = [
        MockAnswer(1, 1, FINANCE, False, "analysed", off, TODAY),
        MockAnswer(2, 2, PROCESS, False, "analysed", weak, TODAY),
    ]
    summary = summarise_mock([FINANCE, PROCESS], answers, TODAY)
    assert summary.best is not None
    assert summary.best.ref == 2


@pytest.mark.usefixtures("sentence_model")
def test_the_summary_gives_each_piece_of_advice_once() -> None:
    weak = analyse_answer(text=WEAK, question=PROCESS).as_dict()
    missed = ["SQL", "Tableau", "stakeholders", "forecasting"]
    terms = {"used": [], "missed": missed, "bearing": ["stakeholders", "forecasting"]}
    tip = {"rule": "Job terms: 2 of the job's 2 key terms that bear on this question unused",
           "evidence": [],
           "text": "Use the job's own words where they are true for you."}  # fmt: skip
    tips = weak["tips"]
    assert isinstance(tips, list)
    told = {**weak, "keywords": terms, "tips": [tip, *tips]}
    answers = [MockAnswer(i, 1, PROCESS, False, "analysed", told, TODAY) for i in (1, 2)]
    steps = summarise_mock([PROCESS], answers, TODAY).next_steps
    assert any(s.startswith("Use the job's key terms: fewer than 3") for s in steps)
    assert "Use the job's own words where they are true for you." not in steps


def test_the_area_and_the_tip_to_say_what_you_did_yourself_are_one_next_step() -> None:
    told = analyse_answer(text=WE_BACKLOG_STORY, question=PROCESS).as_dict()
    tips = told["tips"]
    assert isinstance(tips, list)
    assert any(str(t["rule"]).startswith("Ownership:") for t in tips)  # the premise
    answers = [MockAnswer(i, 1, PROCESS, False, "analysed", told, TODAY) for i in (1, 2)]
    steps = summarise_mock([PROCESS], answers, TODAY).next_steps
    assert len([s for s in steps if s.startswith("Say what you did")]) == 1, steps


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


@pytest.mark.usefixtures("sentence_model")
def test_a_plans_parts_are_counted_of_those_a_plan_is_judged_on() -> None:
    """A page look found a plan's short report saying "1 of 4 STAR parts" and "no number in the
    result", and "Went best" saying "1 of the 4 STAR parts": a plan has no situation, task or
    result of its own (`relevance.NOT_IN_A_PLAN`), as its report's STAR card says."""
    plan = analyse_answer(text=PLAN, question=PLAN_QUESTION).as_dict()
    report = short_report(plan)
    assert report is not None
    assert report.plan
    assert (report.star_parts, report.star_judged) == (1, ("action",))
    assert report.star_words == "the action (the one STAR part a plan is judged on)"
    assert report.number is None  # no number in a result is asked of a plan
    assert "number" not in report.measured_from
    assert not [said for said in report.row_words if "number" in said or "of 4" in said]
    summary = summarise_mock(
        [PLAN_QUESTION], [MockAnswer(1, 1, PLAN_QUESTION, False, "analysed", plan, TODAY)], TODAY
    )
    assert summary.best is not None
    assert "4 STAR parts" not in summary.best_why
    assert summary.best_why.startswith("the action (the one STAR part a plan is judged on)")
    # A plan with no steps says so, counted of the same part.
    no_steps = plan | {"star": {**plan["star"], "action": {"present": False, "evidence": []}}}
    missing = short_report(no_steps)
    assert missing is not None
    assert missing.star_words == "no action (the one STAR part a plan is judged on)"
    # A story is still counted of all four, with its number.
    story = short_report(analyse_answer(text=GOOD, question=STORY).as_dict())
    assert story is not None
    assert not story.plan
    assert (story.star_words, story.number) == ("4 of 4 STAR parts", True)
    # Typed: no pace was measured and no fillers weighed (it said "fillers and pace"); its
    # fillers are counted in the text, as its report says (it said it had none to measure).
    assert story.measured_from == (
        "STAR parts and a number in the result alone: a typed answer has no pace to measure, and "
        "its fillers are counted in the text, not weighed"
    )


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_a_question_asking_for_no_story_is_not_counted_on_star() -> None:
    """A trial: "Where do you see yourself in five years?" got "1 of 5 · 0 of 4 STAR parts · no
    number", and "Next things to practise" said "Finish with the result…" and "Say what you did
    yourself…" from it. What a question asks for is `relevance.asked_for`'s to say: a question
    asking for neither a story nor a plan is counted on no STAR part or number, and no tip
    asking for a story's parts comes from it."""
    fresh = analyse_answer(text=AMBITION, question=FIVE_YEARS).as_dict()
    assert not [t for t in fresh["tips"] if asks_for_story_parts(str(t["rule"]))]  # the report's
    # An analysis stored before the report kept what its question asks for (version 3) holds
    # the story's tips the report then gave: the mock leaves them out all the same.
    relevance = {k: v for k, v in fresh["relevance"].items() if k != "question_asks"}
    analysis = fresh | {"version": 3, "relevance": relevance, "tips": [
        {"rule": "STAR: the answer never says how it ended",
         "text": "Finish with the result: what changed because of what you did."},
        {"rule": "Ownership: 0 “we” actions against 0 “I”",
         "text": "Say what you did yourself: “I decided…”, “I built…”."},
    ]}  # fmt: skip
    summary = summarise_mock(
        [FIVE_YEARS, PROCESS],
        [MockAnswer(1, 1, FIVE_YEARS, False, "analysed", analysis, TODAY),
         MockAnswer(2, 2, PROCESS, False, "analysed", analyse_answer(text=WEAK, question=PROCESS).as_dict(), TODAY)],
        TODAY,
    )  # fmt: skip
    row = summary.rows[0].figures
    assert row is not None
    assert (row.asks, row.measured, row.star_parts, row.number) == ("neither", None, None, None)
    assert row.tip == ""
    assert row.row_words == (
        "no STAR parts or number counted: the question asks for neither a story nor a plan",
        "0 fillers in the text",  # typed: counted in its text, as its report counts them
    )
    assert not [s for s in row.row_words if "of 5" in s or "of 4" in s or s == "no number"]
    assert row == short_report(analysis, "neither")
    assert summary.best is not None
    assert summary.best.ref == 2  # the story, never the point on a STAR figure
    assert "Finish with the result: what changed because of what you did." not in summary.next_steps
    assert not [s for s in summary.next_steps if s.startswith("Say what you did yourself")]
    # The story keeps its STAR parts and number, and its tips.
    story = summary.rows[1].figures
    assert story is not None
    assert (story.asks, story.star_parts, story.number) == ("story", 3, False)


@pytest.mark.usefixtures("sentence_model")
def test_the_measured_figure_says_what_was_measured_typed_or_recorded() -> None:
    """A trial's typed answer read "5 of 5 as prepcoach measured it (the steps of the plan,
    fillers and pace)": a typed answer has no pace or fillers measured, and
    `answer.measured_rating` weighs its content alone. A recording's figure names the delivery
    it weighed."""
    from prepcoach.coach.speech.engine import Transcript, Word

    typed_plan = short_report(analyse_answer(text=PLAN, question=PLAN_QUESTION).as_dict())
    assert typed_plan is not None
    assert typed_plan.measured_from == (
        "the steps of the plan alone: a typed answer has no pace to measure, and its fillers "
        "are counted in the text, not weighed"
    )
    typed_story = short_report(analyse_answer(text=GOOD, question=STORY).as_dict())
    assert typed_story is not None
    assert "pace" not in typed_story.measured_from.split(":")[0]
    words = tuple(Word(f" {w}", i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(GOOD.split()))
    recorded = analyse_answer(
        transcript=Transcript(words, "en", 0.99), duration_s=words[-1].end + 0.5, spans=[],
        question=STORY,
    ).as_dict()  # fmt: skip
    spoken = short_report(recorded)
    assert spoken is not None
    assert spoken.measured_from == (
        "STAR parts and a number in the result, and its pace, fillers, pauses and length"
    )


NURSE_QUESTIONS = [
    "Tell me about a career decision you made and why you made it.",
    "How do you care for a patient who is frightened about an upcoming procedure?",
    "What would you do if your manager gave you feedback you strongly disagreed with?",
    "Tell me about a time you had to hold a team member accountable for poor performance.",
]


def _read(*found: str, kind: str = "") -> dict[str, object]:
    """An analysis whose STAR reader found the parts `found`; `kind` "would_do": read as a
    plan."""
    star: dict[str, object] = {
        part: {"present": part in found, "evidence": []}
        for part in ("situation", "task", "action", "result")
    }
    star["quantified_result"] = {"present": False}
    return {"star": star, "relevance": {"kind": kind} if kind else {}}


def test_each_next_step_counts_of_the_answers_its_rule_could_judge() -> None:
    """A trial's summary listed "in 2 of your last 2 answers" beside "in 2 of your last 3
    answers" for one mock of 4 answers: the result and the task are judged on its two stories
    alone, the action on the plan too, and the question asking for neither on none."""
    answers = [
        MockAnswer(1, 1, NURSE_QUESTIONS[0], False, "analysed", _read("situation"), TODAY),
        MockAnswer(2, 2, NURSE_QUESTIONS[1], False, "analysed", _read("action"), TODAY),
        MockAnswer(3, 3, NURSE_QUESTIONS[2], False, "analysed", _read(kind="would_do"), TODAY),
        MockAnswer(4, 4, NURSE_QUESTIONS[3], False, "analysed", _read("situation", "action"),
                   TODAY),
    ]  # fmt: skip
    steps = summarise_mock(NURSE_QUESTIONS, answers, TODAY).next_steps
    assert steps[:3] == (
        "Say the result: no result found by the STAR reader: in 2 of the 2 answers it could judge.",
        "Say the task: no task found by the STAR reader: in 2 of the 2 answers it could judge.",
        "Say the action: no action found by the STAR reader: in 2 of the 3 answers it could judge.",
    )
    assert not any("of your last" in step for step in steps)


def test_a_question_of_the_users_own_with_no_stop_still_ends_its_step_as_a_sentence() -> None:
    # A review: "Walk me through your CV" left unanswered gave a step with no full stop.
    summary = summarise_mock(["Walk me through your CV"], [], TODAY)
    assert summary.next_steps == (
        "Answer the question you left unanswered: “Walk me through your CV”.",
    )
