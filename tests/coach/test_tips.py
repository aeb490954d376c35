"""The tips for a STAR part the report marks missing (a new user's trial: "✗ task" beside
"Nothing else stands out to fix in this answer")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, cast

import pytest

from prepcoach.coach import relevance_model
from prepcoach.coach.answer import analyse_answer, measured_rating
from prepcoach.coach.delivery import DeliverySettings
from prepcoach.coach.feedback import clock
from prepcoach.coach.relevance import Relevance
from prepcoach.coach.speech.quality import CONTENT_TIPS, AudioQuality
from prepcoach.coach.speech.vad import Span
from prepcoach.coach.tips import RULES, TIGHTEN_PLAN, Facts, choose_tips
from tests.coach.test_questions_asking_for_neither import MOTIVATES, MOTIVATION
from tests.relevance_samples import AMBITION, FIVE_YEARS

QUESTION = "Tell me about a time you fixed a backlog."
WITH_TASK = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "Within a month the average wait fell from 9 hours to 2 hours."
)
NO_TASK = (
    "Last spring our support queue doubled after a product launch. I rewrote the triage rules "
    "and trained two new starters. Within a month the average wait fell from 9 hours to 2 hours."
)
TASK_TIP = "Before the actions, say in one sentence what was asked of you"

needs_model = pytest.mark.usefixtures("sentence_model")


def report_of(text: str, question: str) -> dict[str, Any]:
    """The analysis as it is stored (JSON: its values are looked into by key)."""
    return analyse_answer(text=text, question=question).as_dict()


def tips(text: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = report_of(text, QUESTION)["tips"]
    return found


@needs_model
def test_a_story_with_no_task_gets_a_tip_quoting_its_first_action() -> None:
    report = report_of(NO_TASK, QUESTION)
    assert report["star"]["task"]["present"] is False
    found = [t for t in report["tips"] if str(t["text"]).startswith(TASK_TIP)]
    assert len(found) == 1
    evidence = found[0]["evidence"]
    # The sentence alone: the report puts each piece of evidence in quotes once.
    assert evidence == [
        {
            "text": "I rewrote the triage rules and trained two new starters.",
            "start": None,
            "said": True,
        }
    ]


@needs_model
def test_a_story_with_its_task_gets_no_such_tip() -> None:
    assert not [t for t in tips(WITH_TASK) if str(t["text"]).startswith(TASK_TIP)]


def test_too_few_words_to_read_get_no_part_tips() -> None:
    assert not [t for t in tips("I fixed it.") if "STAR" in str(t["rule"])]


MISSED = "Tell me about a time you missed a deadline."
ONE_SENTENCE = (
    "I once missed a deadline on a report because I underestimated how long the data checks "
    "would take."
)


@needs_model
def test_a_one_sentence_answer_marked_missing_parts_gets_a_tip_to_add_them() -> None:
    """A new user's trial: "✗ task ✗ action ✗ result" beside "Nothing else stands out to fix in
    this answer" (every part tip waited for 25 words)."""
    report = report_of(ONE_SENTENCE, MISSED)
    missing = [
        p
        for p in ("situation", "task", "action", "result")
        if report["star"][p]["present"] is False
    ]
    assert {"task", "action", "result"} <= set(missing)
    # A part the reader can't tell about (reader.UNSURE_FROM) is not asked for as missing.
    untold = [p for p in ("situation", "task", "action", "result") if "unsure" in report["star"][p]]
    for part in untold:
        assert report["star"][part] == {"present": None, "evidence": [], "unsure": ONE_SENTENCE}
        assert part not in str(report["tips"][0]["rule"])
    assert report["tips"], "a report marking parts missing must not say nothing stands out"
    tip = report["tips"][0]
    assert str(tip["text"]).startswith("Tell the whole story: add ")
    for part in missing:
        assert part in str(tip["rule"])
    assert "how it ended" in str(tip["text"])
    assert "the steps you took" in str(tip["text"])
    assert tip["evidence"] == [{"text": ONE_SENTENCE, "start": None, "said": True}]


@needs_model
def test_a_short_answer_whose_speech_was_lost_gets_no_such_tip() -> None:

    analysis = analyse_answer(text=ONE_SENTENCE, question=MISSED)
    facts = Facts(analysis.content, analysis.delivery, None, analysis.settings)
    assert not choose_tips(facts, withhold=CONTENT_TIPS)


WOULD_DO = "What would you do if the sales team promised a client a feature that does not exist?"
PLAN = (
    "First, I would talk to the sales lead to understand exactly what was promised and by when, "
    "so I am working from facts. Then I would meet the product manager and engineers to see "
    "whether a smaller version could be built, or what a realistic date would be. Finally, I "
    "would call the client together with the sales lead, be honest about what exists today, "
    "offer the workaround and a firm date, and agree a process so sales checks the roadmap "
    "before promising features."
)
STORY_TIPS = ("Finish with the result", "Before the actions", "Start with a sentence of context")


@needs_model
def test_a_plan_for_a_would_do_question_gets_no_situation_task_or_result_tip() -> None:
    """A new user's three-step plan got "Finish with the result…", a task tip and "Start with a
    sentence of context…": a question asking what you WOULD do asks for a plan."""
    report = report_of(PLAN, WOULD_DO)
    assert report["relevance"]["kind"] == "would_do"
    assert report["star"]["action"]["present"] is True
    assert not [t for t in report["tips"] if str(t["text"]).startswith(STORY_TIPS)]
    assert measured_rating(report) == 5


@needs_model
def test_a_would_do_question_not_read_sure_keeps_the_story_tips() -> None:
    """ "Can't tell" stays honest: where the kind is not sure, the tips are today's."""
    analysis = analyse_answer(text=PLAN, question=WOULD_DO)
    assert analysis.relevance is not None
    # Not sure of a plan, the report reads it as a story (`relevance.question_asks`).
    unsure = replace(analysis.relevance, kind=None, question_asks="story")
    facts = Facts(analysis.content, analysis.delivery, None, analysis.settings, unsure)
    texts = [t.text for t in choose_tips(facts)]
    assert [t for t in texts if t.startswith(STORY_TIPS)]
    report: dict[str, Any] = analysis.as_dict()
    report["relevance"]["kind"] = None
    report["relevance"]["question_asks"] = "story"
    assert measured_rating(report) == 2


@needs_model
def test_a_short_plan_is_told_to_add_its_steps_not_a_story() -> None:
    report = report_of("I would talk to the sales lead about what was promised.", WOULD_DO)
    assert report["relevance"]["kind"] == "would_do"
    for tip in report["tips"]:
        for part in ("situation", "task", "result"):
            assert part not in str(tip["rule"])


@needs_model
@pytest.mark.parametrize(
    "question",
    [
        "Tell me about a time you had to handle an angry customer. What did you do?",
        "Describe a time when a colleague missed a deadline. How did you handle it?",
    ],
)
def test_a_story_question_read_near_the_would_do_kind_is_not_a_plan(question: str) -> None:
    # Both read as "would do" by the kinds' prototypes (0.66 and 0.67, over the 0.5 cut); the
    # plan-question model reads them as stories, so the story's parts are asked for.
    from prepcoach.coach import reader, relevance_model
    from prepcoach.coach.plan_questions import asks_for_a_plan

    vectors = reader.embed([question])
    centroids = relevance_model.prototype_centroids()
    assert vectors is not None
    assert centroids is not None
    kinds = relevance_model.question_kinds(vectors[0], centroids)
    best = int(kinds.argmax())  # the case: the prototypes are sure it is "would do"
    assert relevance_model.TYPE_NAMES[best] == "would_do"
    assert kinds[best] >= relevance_model.TYPE_SURE
    assert not asks_for_a_plan(question, vectors[0])
    report = report_of(NO_TASK, question)
    assert report["relevance"]["kind"] != "would_do"


@needs_model
def test_a_one_line_plan_is_not_a_full_plan_and_its_evidence_measures_alike() -> None:
    from prepcoach.coach.answer_evidence import answer_evidence

    short = report_of("I would ask my manager.", WOULD_DO)
    assert short["relevance"]["kind"] == "would_do"
    assert measured_rating(short) == 2  # was 5: any action counted as a full plan
    assert [t["rule"] for t in short["tips"]] == ["A plan of 5 words"]
    full = report_of(PLAN, WOULD_DO)
    for analysis in (short, full):
        # What the improvement and readiness pages read gives the report's figure.
        assert measured_rating(answer_evidence(analysis)) == measured_rating(analysis)


@needs_model
def test_a_plan_is_not_told_to_put_a_number_on_its_result() -> None:
    """A plan's result has not happened: "Put a number on the result" asks for what cannot be
    there, as the improvement areas already know. The same parts in a story keep the tip."""
    from prepcoach.coach.content import Part

    analysis = analyse_answer(text=PLAN, question=WOULD_DO)
    assert analysis.relevance is not None
    assert analysis.relevance.kind == "would_do"
    star = dict(analysis.content.star)
    star["result"] = Part(True, ("That way the client would hear it from us first.",))
    content = replace(analysis.content, star=star, quantified_result=Part(False, ()))
    plan = Facts(content, analysis.delivery, None, analysis.settings, analysis.relevance)
    story = replace(plan, relevance=replace(analysis.relevance, kind=None))
    number = "STAR: the result has no number"
    assert number in [t.rule for t in choose_tips(story, count=10)]
    assert number not in [t.rule for t in choose_tips(plan, count=10)]


FIRST_90_DAYS = "What would you do in your first 90 days?"
TEAM_PLAN = (
    "We would meet the team and the main stakeholders in the first two weeks. Then we would "
    "map the open projects and agree which ones matter most. By the end of the third month we "
    "would have a plan for the year that the team has shaped."
)
TEAM_STORY = (
    "Last spring our support queue doubled after a launch. We met the team and the main "
    "stakeholders in the first two weeks. Then we mapped the open projects and agreed which "
    "ones mattered most. By the end of the third month the wait had fallen from 9 hours to 2."
)


@needs_model
def test_a_plan_told_in_we_is_asked_what_you_would_do_yourself() -> None:
    """A trial's plan ("We would meet the team…") was told "Say what you did yourself: “I
    decided…”": a plan has not happened, so it is asked what the user would do themselves, by
    the plan rule the tips receive. A story told in "we" keeps the past tense."""
    plan = report_of(TEAM_PLAN, FIRST_90_DAYS)
    assert plan["relevance"]["kind"] == "would_do"
    texts = [str(t["text"]) for t in plan["tips"] if str(t["rule"]).startswith("Ownership")]
    assert texts == ["Say what you would do yourself: “I would…”, “I would start by…”."]
    story = report_of(TEAM_STORY, QUESTION)
    texts = [str(t["text"]) for t in story["tips"] if str(t["rule"]).startswith("Ownership")]
    assert texts == ["Say what you did yourself: “I decided…”, “I built…”."]


# Words a tip says only of a story: an answer to a question asking for neither a story nor a
# plan has no scene, situation or result to give.
STORY_TALK = re.compile(r"\b(?:story|scene|situation|result|outcome|ended)\b", re.IGNORECASE)


@needs_model
@pytest.mark.parametrize(("question", "answer"), [(MOTIVATES, MOTIVATION), (FIVE_YEARS, AMBITION)])
def test_the_delivery_tips_to_a_point_speak_of_the_point_not_a_story(
    question: str, answer: str
) -> None:
    """A good answer to "What motivates you?" was told "Say more: set the scene, walk through
    what you did, and end with the result", "Know your story's outline" and "lift your voice at
    the result". The same rules fire on the same evidence; only their words differ."""
    analysis = analyse_answer(text=answer, question=question)
    assert analysis.relevance is not None
    assert analysis.relevance.question_asks == "neither"
    spoken = replace(
        analysis.delivery, duration_s=20.0, answer_s=20.0, length_band=(60, 120),
        length_verdict="short", long_pauses=(Span(4.0, 7.5),), monotone=True,
        pitch_semitones=1.2,
    )  # fmt: skip
    deliveries = {
        "short": spoken,
        "long": replace(spoken, duration_s=200.0, answer_s=200.0, length_verdict="long"),
        "typed, long": replace(spoken, duration_s=None, answer_s=None, words=900),
    }
    for how, delivery in deliveries.items():
        point = Facts(analysis.content, delivery, None, analysis.settings, analysis.relevance)
        story = replace(point, relevance=replace(analysis.relevance, question_asks="story"))
        given = choose_tips(point, count=20)
        assert {"Length", "Pauses", "Voice"} <= {t.rule.split(":")[0] for t in given}, how
        assert not [t.text for t in given if STORY_TALK.search(t.text)], how
        told = {t.rule: t for t in choose_tips(story, count=20)}
        for tip in given:  # the same rule, evidence and weight as a story's
            assert tip.rule in told, how
            assert (tip.evidence, tip.weight) == (told[tip.rule].evidence, told[tip.rule].weight)
        # A story keeps its words.
        texts = " ".join(t.text for t in told.values())
        assert "Know your story's outline" in texts
        assert "lift your voice at the result" in texts
    point = Facts(analysis.content, spoken, None, analysis.settings, analysis.relevance)
    short = {t.rule.split(":")[0]: t.text for t in choose_tips(point, count=20)}
    assert short["Length"].startswith("Say more: make your point")
    assert short["Pauses"].startswith("Know your outline")
    assert "on the point that matters most" in short["Voice"]


@pytest.mark.usefixtures("sentence_model")
def test_the_delivery_tips_to_a_plan_speak_of_its_steps() -> None:
    """A plan was told "Say more: set the scene… end with the result", "Know your story's
    outline" and "lift your voice at the result": a plan has no scene or result of its own."""
    analysis = analyse_answer(text=PLAN, question=WOULD_DO)
    assert analysis.relevance is not None
    assert analysis.relevance.question_asks == "plan"
    spoken = replace(
        analysis.delivery, duration_s=20.0, answer_s=20.0, length_band=(60, 120),
        length_verdict="short", long_pauses=(Span(4.0, 7.5),), monotone=True,
        pitch_semitones=1.2,
    )  # fmt: skip
    for delivery in (
        spoken,
        replace(spoken, duration_s=200.0, answer_s=200.0, length_verdict="long"),
    ):
        facts = Facts(analysis.content, delivery, None, analysis.settings, analysis.relevance)
        given = choose_tips(facts, count=20)
        assert not [t.text for t in given if STORY_TALK.search(t.text)]
    facts = Facts(analysis.content, spoken, None, analysis.settings, analysis.relevance)
    said = {t.rule.split(":")[0]: t.text for t in choose_tips(facts, count=20)}
    assert said["Length"].startswith("Say more: give the steps you would take")
    assert said["Pauses"].startswith("Know your plan's outline")
    assert "on the step that matters most" in said["Voice"]


@pytest.mark.usefixtures("sentence_model")
def test_unreliable_words_keep_what_the_question_asks_for_in_the_tips_words() -> None:
    """Clipped audio (or lost speech) withholds the verdict and the content tips, not what the
    question asks for: a plan's length tip then spoke of "one situation… the result"."""
    clipped = AudioQuality("mono", 0.5, -20.0, 0.0)
    analysis = analyse_answer(text=" ".join([PLAN] * 12), question=WOULD_DO, audio=clipped)
    assert analysis.withheld >= CONTENT_TIPS
    assert analysis.relevance is not None
    assert analysis.relevance.question_asks == "plan"
    (length,) = [t.text for t in analysis.tips if t.rule.startswith("Length")]
    assert length.endswith(TIGHTEN_PLAN)


def _sentences_start_with_capitals(text: str) -> bool:
    return all(s[:1].isupper() for s in re.split(r"(?<=[.!?])\s+", text) if s)


@pytest.mark.parametrize(
    "asks",
    [None, "", *(relevance_model.asks_for(kind) for kind in relevance_model.TYPE_NAMES)],
)
def test_every_wording_of_the_off_topic_tip_starts_its_sentences_with_capitals(
    asks: str | None,
) -> None:
    """A trial saw "Answer the question that was asked. say that first, then back it up." when
    the question's aim was unknown: every variant, with and without what it asks, reads right."""
    off = Relevance(False, 0.1, None, "it does not address the question", probability=0.1,
                    gist="I like hiking at weekends.", asks=asks)  # fmt: skip
    facts = Facts(cast(Any, None), cast(Any, None), None, DeliverySettings(), off)
    tip = RULES["relevance"](facts)
    assert tip is not None
    assert tip.text.startswith("Answer the question that was asked. ")
    assert _sentences_start_with_capitals(tip.text), tip.text
    assert tip.text.endswith("then back it up.")
    if asks:
        assert f"The question asks for {asks}; say that first" in tip.text


def test_the_pause_tip_writes_a_pause_as_every_face_does() -> None:
    from tests.practice.test_report_pauses import paused_analysis_of

    said = paused_analysis_of()
    tip = RULES["long_pauses"](Facts(said.content, said.delivery, None, said.settings))
    assert tip is not None
    first = tip.evidence[0]
    assert first.start is not None
    assert first.text == f"3.6 s of silence at {clock(first.start)}"
    assert not first.said  # a figure measured, not words said: no quotation marks


def test_the_key_terms_tips_evidence_says_the_term_is_the_jobs_and_not_said() -> None:
    """A tester read "What prepcoach found: “Customer Success”" as a phrase of the answer,
    where it was the job's term the answer does not say."""
    from prepcoach.coach.keywords import Coverage

    def evidence(missed: tuple[str, ...], bearing: tuple[str, ...]) -> list[tuple[str, bool]]:
        found = Coverage((), missed, (), bearing)
        tip = RULES["keywords"](Facts(cast(Any, None), cast(Any, None), found, DeliverySettings()))
        assert tip is not None
        return [(e.text, e.said) for e in tip.evidence]

    assert evidence(("Customer Success",), ("Customer Success",)) == [
        ("Not used: “Customer Success”, the job's one term that bears on this question", False)
    ]
    assert evidence(("Customer Success",), ("Customer Success", "CRM")) == [
        ("Not used: “Customer Success”, one of the job's terms that bear on this question", False)
    ]
    assert evidence(("A", "B"), ("A", "B", "C")) == [
        ("Not used: “A” and “B”, 2 of the job's terms that bear on this question", False)
    ]
    assert evidence(("A", "B", "C"), ("A", "B", "C")) == [
        ("Not used: “A”, “B” and “C”, all of the job's terms that bear on this question", False)
    ]


@needs_model
def test_a_short_story_with_every_part_is_asked_for_more_of_them_not_for_the_parts() -> None:
    """A trial's 56 s answer had all four STAR parts ticked and was told to "set the scene, walk
    through what you did, and end with the result"; with a part missing the advice stands."""
    whole = analyse_answer(text=WITH_TASK, question=QUESTION)
    assert all(whole.content.star[p].present for p in ("situation", "task", "action", "result"))
    spoken = replace(
        whole.delivery, duration_s=40.0, answer_s=40.0, length_band=(60, 180),
        length_verdict="short",
    )  # fmt: skip
    facts = Facts(whole.content, spoken, None, whole.settings, whole.relevance)
    tip = next(t for t in choose_tips(facts, count=20) if t.rule.startswith("Length"))
    assert tip.text.startswith("Say more: every part of the story is there")
    assert "set the scene" not in tip.text
    partial = analyse_answer(text=NO_TASK, question=QUESTION)
    assert not partial.content.star["task"].present
    facts = Facts(partial.content, spoken, None, partial.settings, partial.relevance)
    tip = next(t for t in choose_tips(facts, count=20) if t.rule.startswith("Length"))
    assert "set the scene" in tip.text


@needs_model
def test_a_typed_answer_too_short_to_make_a_point_is_asked_for_more() -> None:
    # A trial's "Helping patients and learning new things." to "What motivates you?" was told
    # "Nothing stands out to fix in this answer".
    short = analyse_answer(text="Helping patients and learning new things.", question=MOTIVATES)
    assert [(t.rule, t.text) for t in short.tips] == [(
        "Length: 6 words, too few to make a point and back it",
        "Say more: make your point, back it with something you did, and tie it to the role.",
    )]  # fmt: skip
    assert short.tips[0].evidence[0].text == "Helping patients and learning new things."
    # Not for a full answer, nor for a follow-up's (it answers one question about another).
    full = analyse_answer(text=MOTIVATION, question=MOTIVATES)
    assert not [t for t in full.tips if t.rule.startswith("Length:")]
    follow = analyse_answer(text="Helping patients and learning new things.",
                            question=MOTIVATES, follow_up=True)  # fmt: skip
    assert not [t for t in follow.tips if t.rule.startswith("Length:")]


def test_the_short_point_tip_is_for_typed_answers_to_questions_asking_for_neither() -> None:
    rule = RULES["short_point"]
    read = analyse_answer(text="Helping patients and learning new things.")
    neither = Relevance(None, None, None, "", kind="motivation", question_asks="neither")
    facts = Facts(read.content, read.delivery, None, DeliverySettings(), neither)
    assert rule(facts) is not None
    story = replace(facts, relevance=replace(neither, question_asks="story"))
    assert rule(story) is None  # a short story has `_short`
    timed = replace(facts, delivery=replace(facts.delivery, duration_s=3.0))
    assert rule(timed) is None  # a recording has `_length`
    # A weakness question's answer has its own tips (a review: "Say more… back it" beside "Name
    # a real weakness" built up the disguise).
    assert rule(replace(facts, relevance=replace(neither, kind="weakness"))) is None
    # Words prepcoach cannot read get no tip on their content (a review: "Yes." was told
    # "Length: 1 words", a Spanish answer quoted back); lost speech holds it back too.
    unread = replace(facts, content=replace(read.content, cannot_tell="does not read as English"))
    assert rule(unread) is None
    assert "short_point" in CONTENT_TIPS
    one = replace(facts, content=replace(read.content, words=1))
    found = rule(one)
    assert found is not None
    assert found.rule == "Length: 1 word, too few to make a point and back it"
