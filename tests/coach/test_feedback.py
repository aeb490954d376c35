"""Feedback from people: pinned comments, calibration and the rubric comparison (pure core)."""

from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.feedback import (
    CRITERIA,
    MAX_PIN_CHARS,
    MAX_PINS,
    REVIEW_RUBRIC,
    ReviewScores,
    calibrate,
    clock,
    combined_reading,
    compare,
    mock_rubric,
    overall_of,
    parse_comments,
    reading_on,
    reversal_rubric,
    rubric_for,
    scored_lines,
    with_scored,
)
from prepcoach.coach.rubric import RUBRIC, Judgement


def test_lines_that_start_with_a_time_become_pins_in_time_order() -> None:
    parsed = parse_comments(
        "1:05 — the result comes too late\nGood energy.\n0:42 – this is where you lost me\n"
        "12 s: strong opening\n1:02:03 a very long answer\n3:99 not a time"
    )
    assert [(p.at_s, p.text) for p in parsed.pins] == [
        (12.0, "strong opening"), (42.0, "this is where you lost me"),
        (65.0, "the result comes too late"), (3723.0, "a very long answer"),
    ]  # fmt: skip
    assert parsed.general == "Good energy.\n3:99 not a time"


def test_a_pin_past_the_end_is_kept_and_named() -> None:
    parsed = parse_comments("0:10 fine\n5:00 after the end", duration_s=60)
    assert [p.at_s for p in parsed.pins] == [10.0, 300.0]
    assert [p.text for p in parsed.outside] == ["after the end"]


def test_a_time_with_nothing_after_it_is_not_a_pin() -> None:
    assert parse_comments("0:42 —").pins == ()
    assert parse_comments("0:42 —").general == "0:42 —"


@given(st.text(max_size=3000))
def test_parsing_never_raises_and_pins_are_well_formed(text: str) -> None:
    parsed = parse_comments(text)
    assert len(parsed.pins) <= MAX_PINS
    assert all(0 < len(p.text) <= MAX_PIN_CHARS for p in parsed.pins)
    assert [p.at_s for p in parsed.pins] == sorted(p.at_s for p in parsed.pins)


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=500))
def test_text_without_a_time_is_kept_whole(text: str) -> None:
    parsed = parse_comments(text)
    assert parsed.pins == ()
    assert parsed.general == "\n".join(text.splitlines()).strip()


def test_clock() -> None:
    assert (clock(0), clock(42.9), clock(65), clock(3723)) == ("0:00", "0:42", "1:05", "1:02:03")


def reviews(*overall: int | None) -> list[ReviewScores]:
    return [ReviewScores(f"R{k}", o, {}) for k, o in enumerate(overall)]


def test_calibration_names_a_gap_of_a_point_or_more_with_the_numbers() -> None:
    harsh = calibrate(2, reviews(4, 3), measured=3)
    assert harsh.verdict == "harsh"
    assert harsh.text.startswith("You gave it 2 of 5; your 2 reviewers gave it 3.5")
    assert "prepcoach's measures give 3 of 5" in harsh.text
    assert calibrate(5, reviews(3), None).verdict == "kind"
    assert calibrate(4, reviews(4, 3), None).verdict == "close"  # half a point apart


def test_calibration_says_what_is_missing_instead_of_guessing() -> None:
    assert calibrate(3, [], 3).verdict is None
    assert "No reviewer" in calibrate(3, [], 3).text
    unrated = calibrate(None, reviews(4), 3)
    assert unrated.verdict is None
    assert "Rate it yourself" in unrated.text
    assert calibrate(3, reviews(None), 3).verdict is None  # a review with no overall score


@given(st.integers(1, 5), st.lists(st.integers(1, 5), min_size=1, max_size=8))
def test_calibration_follows_the_sign_of_the_gap(own: int, theirs: list[int]) -> None:
    result = calibrate(own, reviews(*theirs), None)
    gap = own - sum(theirs) / len(theirs)
    assert result.verdict == ("harsh" if gap <= -1 else "kind" if gap >= 1 else "close")


def test_compare_puts_prepcoach_beside_reviewers_and_names_big_differences() -> None:
    theirs = [ReviewScores("Sam", 4, {"action": 2, "result": 0, "clarity": 1}),
              ReviewScores("Kim", 3, {"action": 2, "result": 1})]  # fmt: skip
    ours = [Judgement("action", 0, "no action is described"),
            Judgement("result", 2, "it says how things ended", ("Errors fell by 40%.",))]  # fmt: skip
    rows = {row.criterion: row for row in compare(theirs, ours)}
    assert tuple(rows) == CRITERIA
    assert rows["action"].reviewers == (2, 2)
    assert rows["action"].difference is not None
    assert "heard more of your own part" in rows["action"].difference
    assert rows["result"].mean == 0.5
    assert rows["result"].difference is not None
    assert "ask them what was missing" in rows["result"].difference
    assert rows["clarity"].prepcoach is None  # people judge clarity
    assert rows["clarity"].prepcoach_why == "prepcoach does not score this"
    assert rows["clarity"].difference is None
    assert rows["task"].mean is None  # nobody scored it


def test_the_interviewer_ask_is_specific_polite_and_never_invents_a_name() -> None:
    from prepcoach.coach.feedback import interviewer_ask

    ask = interviewer_ask("Acme", "Data analyst", "", "", ["SQL"], "")
    assert ask.subject == "Thank you, and a request for feedback: Data analyst"
    assert ask.body.startswith(
        "Hello,\n\nThank you for interviewing me for the Data analyst role at Acme."
    )
    assert "our discussion of SQL." in ask.body
    assert ask.body.endswith("Kind regards,\n[your name]")
    many = interviewer_ask("Acme", "", "Sam", "Monday", ["a", "b", "c", "d"], "Alice")
    assert "for Acme on Monday." in many.body
    assert "discussion of a, b and c." in many.body  # three topics at most


def test_a_story_is_scored_without_what_only_a_recording_shows() -> None:
    assert rubric_for("answer") == rubric_for("mock interview") == tuple(REVIEW_RUBRIC)
    story = [name for name, _ in rubric_for("story")]
    assert "delivery" not in story
    assert story == [c for c in CRITERIA if c != "delivery"]
    rows = compare([ReviewScores("Kim", 4, {"clarity": 2})], (), rubric_for("story"))
    assert [r.criterion for r in rows] == story


def test_calibration_speaks_of_the_thing_reviewed() -> None:
    assert calibrate(None, [], None, "story").text == "No reviewer has scored this story yet."
    story = calibrate(None, reviews(4), None, "story")
    assert story.text == "Your reviewer gave it 4 of 5."  # a story has no rating to ask for
    mock = calibrate(None, reviews(4), 3, "mock interview")
    assert "Rate its answers yourself" in mock.text
    assert "prepcoach's measures give 3 of 5" in mock.text


def test_a_mock_interviews_own_figure_is_the_mean_of_its_answers_half_up() -> None:
    assert overall_of([2, 3]) == 3
    assert overall_of([2, None, 2, 3]) == 2
    assert overall_of([None, None]) is None
    assert overall_of([]) is None


def test_a_mock_interviews_reading_combines_its_answers() -> None:
    first = [Judgement("action", 2, "x"), Judgement("result", 0, "y")]
    second = [Judgement("action", 1, "x"), Judgement("result", 0, "y")]
    third = [Judgement("action", 0, "x")]
    combined = {j.criterion: j for j in combined_reading([first, second, third])}
    assert combined["action"].score == 1
    assert combined["action"].why == "over 3 answers: 1 yes, 1 partly, 1 no"
    assert combined["result"].score == 0
    assert combined["result"].why == "over 2 answers: 2 no"
    assert "situation" not in combined  # no answer was read on it
    assert combined_reading([]) == []


def test_a_story_is_worded_as_read_and_an_answer_as_heard() -> None:
    """The words follow the thing: a story is read, so nothing said of it speaks of hearing
    or a listener; an answer and a mock interview are heard."""
    from prepcoach.coach.feedback import unread_note

    theirs = [ReviewScores("Kim", 5, {"action": 2, "result": 0, "clarity": 2})]
    ours = [Judgement("action", 0, "no action is described"),
            Judgement("result", 2, "it says how things ended")]  # fmt: skip
    story = compare(theirs, ours, rubric_for("story"), "story")
    said = [r.label for r in story] + [r.difference or "" for r in story]
    said += [r.prepcoach_why for r in story]
    said += [calibrate(2, theirs, None, "story").text, unread_note("story")]
    for text in said:
        assert "heard" not in text, text
        assert "listen" not in text, text
    rows = {r.criterion: r for r in story}
    assert rows["action"].difference == (
        "Your reviewer found more of your own part in it than prepcoach did: ask them which "
        "words showed it."
    )
    assert rows["clarity"].label.endswith("without losing the reader")
    assert calibrate(5, [ReviewScores("Kim", 3, {})], None, "story").text.endswith(
        "they read less in it than you did."
    )
    answer = {r.criterion: r for r in compare(theirs, ours, rubric_for("answer"), "answer")}
    assert answer["action"].difference is not None
    assert answer["action"].difference.startswith("Your reviewer heard more of your own part")
    assert answer["clarity"].label.endswith("without losing the listener")


def test_a_line_prepcoach_does_not_score_says_so_unless_it_read_nothing() -> None:
    from prepcoach.coach.feedback import UNSCORED, unread_note

    theirs = [ReviewScores("Sam", 4, {"clarity": 1, "delivery": 2})]
    read = {r.criterion: r for r in compare(theirs, [Judgement("action", 1, "partly")])}
    assert read["clarity"].prepcoach_why == read["delivery"].prepcoach_why == UNSCORED
    nothing = compare(theirs, [], thing="mock interview")
    assert {r.prepcoach_why for r in nothing} == {""}  # said once, above: unread_note
    assert unread_note("mock interview").startswith("prepcoach could not read this mock interview")


def test_a_plan_is_scored_on_its_steps_not_a_story_it_does_not_tell() -> None:
    """A look at a practice group's sheet found "What would you do if…" scored on "Sets the
    scene" and "Says how it ended": a plan has no scene of its own and no ending yet."""
    plan = dict(rubric_for("answer", "plan"))
    assert list(plan) == ["steps", "action", "reasons", "check", "clarity", "delivery"]
    assert not {"situation", "task", "result", "evidence"} & set(plan)
    assert "would" in plan["action"]
    assert "story" not in plan["clarity"]
    # A mock interview mixes questions, and a story tells one: their rubrics stay.
    assert rubric_for("mock interview", "plan") == tuple(REVIEW_RUBRIC)
    assert rubric_for("story", "plan") == rubric_for("story")


def test_scores_given_on_another_rubric_stay_shown() -> None:
    # A review given before the answer was read as a plan scored it as a story: the owner's
    # page still shows those scores, after the plan's own lines.
    reviews = [ReviewScores("Kim", 4, {"situation": 2, "steps": 1})]
    shown = [name for name, _ in with_scored(rubric_for("answer", "plan"), reviews)]
    assert shown == ["steps", "action", "reasons", "check", "clarity", "delivery", "situation"]
    assert with_scored(rubric_for("answer"), reviews)[-1][0] == "steps"
    assert with_scored(rubric_for("answer"), []) == rubric_for("answer")


def test_role_reversal_scores_a_plan_on_its_steps_and_reads_its_action_alone() -> None:
    """Role reversal scored a sample plan on "Sets the scene" and "Says how it ended": the
    user scores a plan on the plan's lines, as a reviewer does, and prepcoach reads its action
    alone (the lines people judge by ear or as a whole, `HOW_SAID`, are left out of both)."""
    assert reversal_rubric() == RUBRIC  # a story's: what it always was
    plan = reversal_rubric("plan")
    assert [name for name, _ in plan] == ["steps", "action", "reasons", "check"]
    assert plan == tuple(line for line in rubric_for("answer", "plan") if line[0] in dict(plan))
    reading = [Judgement(name, 0, f"no {name}") for name, _ in RUBRIC]
    assert [j.criterion for j in reading_on(plan, reading)] == ["action"]
    assert reading_on(reversal_rubric(), reading) == reading
    lines = scored_lines(plan, {"steps": 2, "action": 2, "reasons": 1, "check": 0},
                         reading_on(plan, reading))  # fmt: skip
    assert [(line.criterion, line.ours is not None, line.differs) for line in lines] == [
        ("steps", False, False), ("action", True, True), ("reasons", False, False),
        ("check", False, False),
    ]  # fmt: skip


def test_a_mock_interview_scores_its_plans_on_the_plans_lines() -> None:
    """A whole mock interview was scored on the story's rubric whatever its questions: its
    plans on "Sets the scene" and "Says how it ended"."""
    assert mock_rubric([]) == mock_rubric(["story", "story"]) == rubric_for("mock interview")
    assert mock_rubric(["plan", "plan"]) == rubric_for("answer", "plan")
    mixed = dict(mock_rubric(["story", "plan", "story", "plan", "plan"]))
    assert list(mixed) == ["situation", "task", "action", "result", "evidence", "steps",
                           "reasons", "check", "clarity", "delivery"]  # fmt: skip
    assert mixed["situation"] == "Sets the scene: where, when, what was at stake (answers 1 and 3)"
    assert mixed["steps"].endswith("in an order that makes sense (answers 2, 4 and 5)")
    assert mixed["action"] == "Says what they did, or would do, themselves"
    assert "story or plan" in mixed["clarity"]
    assert mixed["delivery"] == dict(REVIEW_RUBRIC)["delivery"]
    assert dict(mock_rubric(["plan", "story"]))["result"] == "Says how it ended (answer 2)"


def test_an_answer_to_a_question_asking_for_neither_is_scored_on_its_point() -> None:
    """Role reversal scored "What motivates you?" on the story's lines, and so did a reviewer:
    one rule (`rubric_for` by what the question asks for, `relevance.asked_for`) gives an answer
    to a question asking for neither a story nor a plan a rubric of its own."""
    from prepcoach.coach.feedback import DIRECT_REVIEW_RUBRIC, UNSCORED

    direct = dict(rubric_for("answer", "neither"))
    assert list(direct) == ["point", "support", "fit", "clarity", "delivery"]
    assert not {"situation", "task", "result", "steps"} & set(direct)
    assert "story" not in direct["clarity"]
    assert rubric_for("answer", "neither") == DIRECT_REVIEW_RUBRIC
    assert rubric_for("story", "neither") == rubric_for("story")
    assert [name for name, _ in reversal_rubric("neither")] == ["point", "support", "fit"]
    reading = [Judgement(name, 0, f"no {name}") for name, _ in RUBRIC]
    assert reading_on(reversal_rubric("neither"), reading) == []
    # Read, but scored on none of its lines: each says so, not "could not read".
    theirs = [ReviewScores("Sam", 4, {"point": 1})]
    rows = compare(theirs, [], rubric_for("answer", "neither"), read=True)
    assert {r.prepcoach_why for r in rows} == {UNSCORED}
    assert {r.prepcoach_why for r in compare(theirs, [], rubric_for("answer", "neither"))} == {""}
    # A review given on another rubric stays shown beside it, and the reverse.
    shown = with_scored(rubric_for("answer"), [ReviewScores("Kim", 3, {"point": 0})])
    assert shown[-1] == ("point", direct["point"])


def test_a_mock_interview_of_every_kind_scores_each_on_its_own_lines() -> None:
    assert mock_rubric(["neither", "neither"]) == rubric_for("answer", "neither")
    mixed = dict(mock_rubric(["neither", "story", "plan", "neither"]))
    assert list(mixed) == ["situation", "task", "action", "result", "evidence", "steps",
                           "reasons", "check", "point", "support", "fit", "clarity",
                           "delivery"]  # fmt: skip
    assert mixed["point"] == "Answers what was asked, plainly and early (answers 1 and 4)"
    assert mixed["situation"].endswith("(answer 2)")
    assert mixed["steps"].endswith("(answer 3)")
    # The action is a story's and a plan's, not a point's: worded for both, for their answers.
    assert mixed["action"] == "Says what they did, or would do, themselves (answers 2 and 3)"
    assert mixed["clarity"] == (
        "Easy to follow: one answer at a time, in order, without losing the listener"
    )
    two = dict(mock_rubric(["story", "neither"]))
    assert two["action"] == "Describes what they did themselves (answer 1)"
    assert "story or plan" not in two["clarity"]


def test_a_typed_answer_is_read_so_it_has_no_delivery_and_is_worded_as_read() -> None:
    """A trial's typed answer was reviewed on "Delivery: pace, pauses and fillers" and its
    owner's table showed the line "not scored": a typed answer is read, as a story is, on any
    question (`heard` false), and so is a mock interview whose answers were all typed; a mock
    interview of typed and recorded answers scores delivery on the recorded ones, named."""
    for asks in ("story", "plan", "neither"):
        typed = rubric_for("answer", asks, heard=False)  # type: ignore[arg-type]
        assert "delivery" not in dict(typed), asks
        assert dict(typed)["clarity"].endswith("without losing the reader"), asks
        assert [n for n, _ in typed] == [
            n
            for n, _ in rubric_for("answer", asks)
            if n != "delivery"  # type: ignore[arg-type]
        ]
    assert "delivery" not in dict(mock_rubric(["story", "plan"], [False, False]))
    assert dict(mock_rubric(["story", "plan"], [True, True])) == dict(
        mock_rubric(["story", "plan"])
    )
    mixed = dict(mock_rubric(["story", "story", "plan"], [False, True, True]))
    assert (
        mixed["delivery"]
        == "Pace, pauses and fillers help rather than get in the way (answers 2 and 3)"
    )
    theirs = [ReviewScores("Kim", 5, {"action": 2})]
    ours = [Judgement("action", 0, "no action is described")]
    rows = compare(theirs, ours, rubric_for("answer", heard=False), "answer", heard=False)
    assert "delivery" not in [r.criterion for r in rows]
    assert all("heard" not in (r.difference or "") for r in rows)
    assert calibrate(5, [ReviewScores("Kim", 3, {})], None, "answer", heard=False).text.endswith(
        "they read less in it than you did."
    )


def test_one_reviewer_is_your_reviewer_and_a_difference_is_said_as_a_person_would() -> None:
    """A trial's page said "Your 1 reviewer gave it 4 of 5" and, of one reviewer's score of a
    typed answer, "Your reviewers heard less result"."""
    sam = [ReviewScores("Sam", 4, {"result": 0, "action": 2})]
    assert calibrate(None, sam, None, "answer", heard=False).text.startswith(
        "Your reviewer gave it 4 of 5."
    )
    assert calibrate(2, sam, None).text.startswith("You gave it 2 of 5; your reviewer gave it 4:")
    ours = [Judgement("result", 2, "it says how things ended"),
            Judgement("action", 0, "no action is described")]  # fmt: skip
    typed = {r.criterion: r for r in compare(sam, ours, heard=False)}
    assert typed["result"].difference == (
        "Your reviewer found less of a result in it than prepcoach did: ask them what was missing."
    )
    two = [*sam, ReviewScores("Kim", 4, {"result": 0, "action": 2})]
    heard = {r.criterion: r for r in compare(two, ours)}
    assert heard["action"].difference == (
        "Your reviewers heard more of your own part than prepcoach read: ask them which words "
        "showed it."
    )


def test_prepcoachs_action_reason_counts_its_actions_as_a_person_would() -> None:
    """The reading said "9 action(s) in the first person": one action, or 9 actions."""
    from prepcoach.coach.content import analyse_content
    from prepcoach.coach.rubric import read_answer

    one = {j.criterion: j for j in read_answer(analyse_content("I rewrote the triage rules."))}
    assert one["action"].why == "1 action in the first person (“I …”)"
    many = read_answer(
        analyse_content("I rewrote the triage rules. I trained two new starters. I told them.")
    )
    why = {j.criterion: j.why for j in many}["action"]
    assert why.endswith(" actions in the first person (“I …”)")
    assert "(s)" not in why
