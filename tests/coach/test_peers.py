"""Peer mocks' judgements: whom to pair with, the interviewer's sheet, swapping sides."""

from prepcoach.coach.content import analyse_content
from prepcoach.coach.feedback import REVIEW_RUBRIC, rubric_for
from prepcoach.coach.followups import PLAN_RULES, RULES, TAGS
from prepcoach.coach.peers import Sides, interviewer_sheet, suggest_partner


def test_suggests_the_member_practised_with_least_then_the_longest_standing() -> None:
    assert suggest_partner(1, [1, 2, 3], []).member == 2  # type: ignore[union-attr]
    choice = suggest_partner(1, [1, 2, 3], [(1, 2), (2, 1), (3, 1)])
    assert choice is not None
    assert (choice.member, choice.mocks_together) == (3, 1)
    assert "least (1 time)" in choice.reason
    assert suggest_partner(1, [1], []) is None


def test_pairs_of_others_do_not_count() -> None:
    choice = suggest_partner(1, [1, 2, 3], [(2, 3), (2, 3)])
    assert choice is not None
    assert choice.member == 2
    assert choice.mocks_together == 0


def test_sides_swap() -> None:
    assert Sides(1, 2).swapped() == Sides(2, 1)
    assert Sides(1, 2).swapped().swapped() == Sides(1, 2)


def test_sheet_before_an_answer_has_three_different_general_follow_ups() -> None:
    sheet = interviewer_sheet(2, "Tell me about a conflict.", None)
    texts = [f.text for f in sheet.follow_ups]
    assert len(texts) == 3
    assert len(set(texts)) == 3
    assert all(f.rule == "fixed list" for f in sheet.follow_ups)
    assert sheet.rubric == tuple(REVIEW_RUBRIC)


def test_sheet_after_an_answer_asks_about_what_it_lacks(sentence_model: None) -> None:
    answer = analyse_content("We had a big outage. We worked on it together all night.")
    sheet = interviewer_sheet(1, "Tell me about an outage.", answer)
    assert sheet.follow_ups[0].rule != "fixed list"
    assert len({f.text for f in sheet.follow_ups}) == 3


def test_the_sheet_names_its_general_follow_ups_once(sentence_model: None) -> None:
    """A look at a plan question's sheet found "(a general follow-up to a plan)" after every
    one of its follow-ups: the sheet says it once, and tags only the one the answer calls for."""
    before = interviewer_sheet(1, "What would you do if a deadline slipped?", None, asks="plan")
    assert all(f.general for f in before.follow_ups)
    assert before.general_note == "Interviewers often ask these to test a plan."
    story = interviewer_sheet(1, "Tell me about a conflict.", None)
    assert story.general_note == "Interviewers often ask these to go deeper into a story."
    team = analyse_content("The team would talk it through and we would fix it together.")
    after = interviewer_sheet(1, "What would you do if a deadline slipped?", team, asks="plan")
    first, *others = after.follow_ups
    assert not first.general  # the answer calls for it ("no steps" or "no personal step")
    assert all(f.general for f in others)
    assert after.general_note == "The others: interviewers often ask them to test a plan."


def test_a_plan_questions_sheet_has_the_plans_rubric() -> None:
    """A look at a practice group's sheet found a plan question ("What would you do if…")
    scored on the STAR story's situation and result."""
    plan = interviewer_sheet(1, "What would you do if a deadline slipped?", None, asks="plan")
    names = [name for name, _ in plan.rubric]
    assert names[:4] == ["steps", "action", "reasons", "check"]
    assert "situation" not in names
    assert "result" not in names
    assert plan.rubric == rubric_for("answer", "plan")


UNNUMBERED = (
    "Our weekly reports at Acme were always late. My task was to fix the process. I built a "
    "checklist and trained the team on it. In the end the reports went out on time and the "
    "managers stopped chasing us."
)


def test_the_sheet_tags_what_the_answer_lacks_in_words(sentence_model: None) -> None:
    """A page look found "(the answer has result without a number)" on the sheet: each rule's
    tag is worded as a person would say it."""
    sheet = interviewer_sheet(1, "Tell me about a time you fixed a process.", analyse_content(
        UNNUMBERED))  # fmt: skip
    first, *others = sheet.follow_ups
    assert first.rule == "result without a number"
    assert first.tag == "the answer's result has no number"
    assert [f.tag for f in others] == ["", ""]  # the general ones, named once for the sheet
    assert set(TAGS) >= {rule for rule, _ in RULES + PLAN_RULES} | {"off topic"}
    assert not [
        tag for tag in TAGS.values() if not tag.startswith(("the answer ", "the answer's "))
    ]


TEAMS_STORY = (
    "Our weekly reports at Acme were always late. We looked at the process together and we "
    "built a checklist. We trained everyone on it, and we stopped missing deadlines."
)
TEAMS_PLAN = (
    "The team would sit down together and list what blocks the release. We would cut the "
    "features we can ship later, and we would tell the client the new scope that day."
)


def test_the_sheet_tags_an_answer_with_few_steps_of_its_own_as_a_person_would(
    sentence_model: None,
) -> None:
    """Bob's sheet tagged Alice's team-only answers "(the answer has no personal action)" and
    "(the answer has no personal step)": the rule's words, not what a person would say."""
    story = interviewer_sheet(1, "Tell me about a time you fixed a process.", analyse_content(
        TEAMS_STORY))  # fmt: skip
    (asked,) = [f for f in story.follow_ups if f.rule == "no personal action"]
    assert asked.text == "What did you do yourself?"
    assert asked.tag == "the answer says little of what they did themselves"
    plan = interviewer_sheet(2, "What would you do if a release were about to slip?",
                             analyse_content(TEAMS_PLAN), asks="plan")  # fmt: skip
    (asked,) = [f for f in plan.follow_ups if f.rule == "no personal step"]
    assert asked.text == "What would you do yourself, rather than the team?"
    assert asked.tag == "the answer says little of what they would do themselves"
    assert not [tag for tag in TAGS.values() if "personal" in tag]


def test_the_sheet_scores_a_question_asking_for_neither_on_its_point() -> None:
    """The sheet scored "Why do you want this job?" on "Sets the scene" and "Says how it ended"."""
    sheet = interviewer_sheet(1, "Why do you want this job?", None, asks="neither")
    assert sheet.rubric == rubric_for("answer", "neither")
    assert "point" in dict(sheet.rubric)
    assert "situation" not in dict(sheet.rubric)


def test_a_peer_mock_counts_as_practice_once_held() -> None:
    """Only planned, a peer mock is no practice together (a trial's board counted three planned,
    two of them duplicates, as "practised together least (3 times)")."""
    from prepcoach.coach.peers import held

    assert not held(False, 0)
    assert held(True, 0)  # marked finished
    assert held(False, 1)  # answered
