"""The relevance verdict (coach.relevance, coach.relevance_model): it says whether an answer
addresses its question only where cross-validation showed it right at least 90 % of the time,
quotes what ties the answer (or what it talks about instead), and says "prepcoach can't tell"
otherwise. The shipped weights are what scripts/train_relevance.py makes from the development
answers, to float rounding (coach.retraining), and the script never names a held-out split."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from prepcoach.coach import reader, reader_features, relevance, relevance_model
from prepcoach.coach.relevance import question_relevance
from tests.relevance_samples import HOPES, SKILLS, STRENGTHS, WEAKNESS
from tests.retraining_check import assert_retraining_reproduces

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "scripts" / "train_relevance.py"

STORY = (
    "Last year our release slipped two weeks behind a client deadline, and the client was "
    "threatening to walk away from the contract. "
    "I split the remaining work into daily goals and took the riskiest piece of the build myself. "
    "We shipped on the Friday and the client renewed for another year."
)


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_relevance", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_relevance"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_training_reads_development_answers_only() -> None:
    # relevance/heldout.json and heldout2.json are held-out (tests/data/README.md).
    assert "heldout" not in SCRIPT.read_text()
    trainer = _trainer()
    names = {path.name for path in trainer.DEVELOPMENT}
    assert names == {"dev.json", "dev2.json", "dev3.json"}
    shipped = relevance_model.weights()
    assert {str(name) for name in shipped["trained_on"]} <= names
    assert tuple(str(name) for name in shipped["features"]) == relevance_model.FEATURE_NAMES


def test_each_spoken_verdict_was_right_nine_times_in_ten_in_cross_validation() -> None:
    w = relevance_model.weights()
    assert 0.0 < float(w["low"]) < float(w["high"]) < 1.0
    # Nested figures: the cuts chosen without the fold they are measured on.
    assert float(w["cv_yes_right"]) >= 0.9
    assert float(w["cv_no_right"]) >= 0.9
    assert float(w["cv_coverage"]) > 0.2  # it speaks on a fair share of answers
    assert float(w["cv_accuracy"]) > float(w["baseline"])  # better than always "it does"
    # Those figures are read on answers written in pairs of one length, where length says
    # nothing of the label (issue 9): the cuts were chosen there.
    assert str(w["cut_set"]) == "dev3.json"
    assert float(w["unrelated_share"]) <= 0.02  # an answer to another kind of question


def test_the_verdict_does_not_read_answer_length() -> None:
    """In dev.json and dev2.json word count alone gives the label away (AUC .998, .993), and
    the verdict trained on them read a short answer as a miss. The model is fitted with the
    log word count as an input that is then left out, so it has no length input, and within
    each label of dev3.json (out of fold) a longer answer scores higher than a shorter one
    about as often as not (the bar declared before the candidates were compared:
    tests/data/README.md, the relevance retrain)."""
    w = relevance_model.weights()
    assert len(w["coef"]) == len(relevance_model.FEATURE_NAMES)
    assert "log_words" not in {str(name) for name in w["features"]}
    assert float(w["length_coef"]) != 0.0  # length was accounted for in the fit
    addresses, misses = (float(v) for v in w["length_concordance"])
    assert 0.4 <= addresses <= 0.6
    assert 0.4 <= misses <= 0.6


def test_the_cuts_make_three_outcomes() -> None:
    w = relevance_model.weights()
    low, high = float(w["low"]), float(w["high"])
    assert relevance_model.verdict(high, w) is True
    assert relevance_model.verdict(low, w) is False
    assert relevance_model.verdict((low + high) / 2, w) is None


@pytest.mark.usefixtures("sentence_model")
def test_a_strength_given_for_a_weakness_does_not_address_it() -> None:
    found = question_relevance(WEAKNESS, STRENGTHS)
    assert found.addresses is False
    assert found.asks == "a weakness or an area to improve"
    assert found.gist is not None
    assert found.gist in STRENGTHS
    assert found.reason == (
        "it does not address the question: the question asks for a weakness or an area to "
        "improve, and the answer talks about this"
    )
    assert found.probability is not None
    assert found.probability <= float(relevance_model.weights()["low"])


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_that_gives_what_was_asked_addresses_it_quoting_the_tie() -> None:
    found = question_relevance(SKILLS, HOPES)
    assert found.addresses is True
    assert found.tie is not None
    assert found.tie in HOPES
    assert found.reason.startswith("it addresses the question")
    assert found.probability is not None
    assert found.probability >= float(relevance_model.weights()["high"])


@pytest.mark.usefixtures("sentence_model")
def test_an_unrelated_story_to_a_skills_question_is_never_called_an_answer() -> None:
    # The example: never "it addresses the question", and the story check is raised
    # (a verdict that it misses is pinned below; the check alone says prepcoach can't tell).
    found = question_relevance(SKILLS, STORY)
    assert found.addresses is not True
    assert found.check is True
    if found.addresses is None:
        assert found.reason.startswith(
            "prepcoach can't tell from the words whether it addresses the question"
        )
        assert "; the question asks for no story and at least half of this answer tells one (" in (
            found.reason
        )


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    ("answer", "why"),
    [
        ("", "there are no words"),
        ("um uh like you know um", "filler"),
        ("I want to learn negotiation and public speaking.", "too short to judge"),
        (" ".join([HOPES] * 120), "too long to judge"),  # about 8,000 words
    ],
)
def test_what_cannot_be_judged_gets_cant_tell(answer: str, why: str) -> None:
    found = question_relevance(SKILLS, answer)
    assert found.addresses is None
    assert found.reason.startswith("prepcoach can't tell")
    assert why in found.reason


@pytest.mark.usefixtures("sentence_model")
def test_a_question_kind_is_found_by_meaning_in_any_wording() -> None:
    centroids = relevance_model.prototype_centroids()
    assert centroids is not None
    for question, kind in (
        ("What's something you'd love to get better at in this job?", "develop"),
        ("Talk me through a time you and your manager didn't see eye to eye.", "conflict"),
        ("Why us?", "motivation"),
        ("Describe a project of yours that went badly wrong.", "failure"),
    ):
        vectors = reader.embed([question])
        assert vectors is not None
        kinds = relevance_model.question_kinds(vectors[0], centroids)
        assert relevance_model.TYPE_NAMES[int(np.argmax(kinds))] == kind, question


@pytest.mark.usefixtures("sentence_model")
def test_retraining_reproduces_the_shipped_weights_to_float_rounding() -> None:
    assert_retraining_reproduces(SCRIPT)


def test_cant_tell_leans_neither_way_and_names_only_a_near_sentence(sentence_model: None) -> None:
    # A trial read "read the sentence nearest it against the question" beside a sentence from
    # the middle of a story, barely related to what was asked; the reason then said "the quoted
    # sentence is its closest and still far from what was asked", which a new user read beside
    # a good story as a verdict that it missed, from a closeness the verdict did not trust.
    # "Can't tell" is said as it is; only a sentence close in meaning is named, as the one
    # closest to the question.
    from prepcoach.coach.relevance import comes_near
    from tests.relevance_samples import HOCKEY

    neutral = (
        "prepcoach can't tell from the words whether it addresses the question: it says yes or "
        "no only when its reading is sure"
    )
    far = question_relevance("Tell me about a time you had to manage a budget.", HOCKEY)
    assert far.addresses is None
    assert far.probability is not None  # between the cuts
    assert far.score is not None
    assert far.score <= relevance_model.NEAR
    assert not comes_near(far.score)
    assert far.reason == neutral
    near = question_relevance("Tell me about a time you led a team.", HOCKEY)
    assert near.addresses is None  # on point, but not sure enough for "addresses"
    assert near.score is not None
    assert near.score > relevance_model.NEAR
    assert comes_near(near.score)
    assert near.reason == f"{neutral}; the quoted sentence is the one closest to the question"
    assert not comes_near(None)  # an analysis stored without a score


def test_the_story_check_ends_the_reason_as_a_prompt(sentence_model: None) -> None:
    # A trial's good story told to "Walk me through your CV": the report warned "Check that
    # this answers the question" where the mock said "can't tell". The check is right about
    # 45 % of the time held out, so the reason says "can't tell" and ends with it as a prompt.
    from tests.relevance_samples import CLINIC, CV

    found = question_relevance(CV, CLINIC)
    assert found.addresses is None
    assert found.check is True
    assert found.reason == (
        "prepcoach can't tell from the words whether it addresses the question: it says yes or "
        "no only when its reading is sure; the question asks for no story and at least half of "
        "this answer tells one (6 of 6 sentences in the past, such as “Last year a small dental "
        "practice was about to cancel our booking software because appointments kept getting "
        "double-booked.”): make sure its point comes through"
    )


def test_the_off_question_tip_quotes_what_the_answer_talks_about_once(
    sentence_model: None,
) -> None:
    from prepcoach.coach.answer import analyse_answer
    from tests.relevance_samples import FINANCE, HOCKEY

    analysis = analyse_answer(text=HOCKEY, question=FINANCE).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["addresses"] is False
    tips = analysis["tips"]
    assert isinstance(tips, list)
    tip = tips[0]
    assert tip["text"].startswith("Answer the question that was asked.")
    # The sentence alone: the report adds the quotes.
    assert [e["text"] for e in tip["evidence"]] == [relevance["gist"]]
    assert relevance["gist"] in HOCKEY


def test_what_a_question_asks_for_is_one_rule_for_every_face() -> None:
    """`asked_for`: a plan by the report's rule (the kind a stored analysis keeps), else by the
    question's words a story, or neither (the rubric a reviewer, a peer interviewer and role
    reversal score its answer on: `feedback.rubric_for`)."""
    from prepcoach.coach.relevance import asked_for, asks_for_neither, talks_past

    def kept(kind: str | None) -> dict[str, object]:
        return {"relevance": {"kind": kind}}

    assert asked_for("Why do you want this job?", kept("motivation")) == "neither"
    assert asked_for("What is your greatest strength?", kept(None)) == "neither"
    assert asked_for("Tell me about a time you fixed a backlog.", kept("story")) == "story"
    assert asked_for("What would you do if a client complained?", kept("would_do")) == "plan"
    assert asks_for_neither("Why do you want this job?")
    assert not asks_for_neither("Why do you want this job?", plan=True)
    assert talks_past("Why do you want this job?", 0.8)
    assert not talks_past("Tell me about a time you fixed a backlog.", 0.8)


@pytest.mark.usefixtures("sentence_model")
def test_habits_told_in_the_present_raise_no_story_check_and_a_check_quotes_its_story(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A trial's habits answer to a question asking for neither read "5 of 5 sentences tell
    # one", with nothing quoted.
    habits = (
        "When a new request comes in, I first check where the data comes from. My job is to "
        "make sure every figure can be traced back to its source. I rerun the whole pipeline "
        "from a clean copy before I share anything. I ask a colleague to rerun it on their "
        "machine too. As a result, anyone on the team can reproduce my numbers months later."
    )
    question = "What steps do you take to make your analysis reproducible?"
    found = question_relevance(question, habits)
    assert found.question_asks == "neither"
    assert found.check is not True
    assert "tells one" not in found.reason
    monkeypatch.setattr(relevance, "in_the_past", lambda sentence: True)  # any a story's
    # A verdict that this answer addresses its question (right: it lists the steps asked for)
    # alone keeps the check away; without a verdict, as the trial had none, only the tense
    # rule does.
    monkeypatch.setattr(relevance_model, "predict", lambda *args, **kwargs: None)
    assert question_relevance(question, habits).check is True  # the trial's false alarm
    monkeypatch.undo()
    # The example still raises it, and now quotes a sentence of the story told.
    story = question_relevance(SKILLS, STORY)
    assert story.check is True
    if story.addresses is None:
        assert "sentences in the past, such as “" in story.reason


# Short answers (32-43 words) that give what a process question asks for, written for issue 9
# ("Trust"). The verdict trained on dev.json and dev2.json alone said "does not address" to
# each, at 0.002 to 0.165: those sets' lengths give their labels away (in dev.json every answer
# that addresses its question has 87 words or more and every other 93 or fewer; in dev2.json 51
# or more and 70 or fewer), and the model read what a short answer looks like as one that
# misses. The verdict trained with length out of its reach gives none of them "does not
# address", with no rule on length.
SHORT_ANSWERS_THAT_ADDRESS = (
    (
        "What steps do you take to make your analysis reproducible?",
        "Reports are often late, and when they are, nobody can say which version of the data "
        "was used. I keep every query in Git, with documentation of each step, so a colleague "
        "could rerun it and get the same answer.",
    ),
    (
        "What steps do you take to make your analysis reproducible?",
        "In my experience reports are often late. I keep every query in Git with documentation "
        "of each step so a colleague could rerun it. I also record where each dataset comes "
        "from.",
    ),
    (
        "How do you organise your week?",
        "Weeks in my job are often unpredictable, so I plan every Monday morning. I usually "
        "block two mornings for deep work, always keep Friday afternoon free for catching up, "
        "and review the list every evening.",
    ),
    (
        "What do you do to keep your skills current?",
        "Tools in data analysis change often, and every year there is something new to learn. "
        "I usually spend an hour every Friday on a course or an article, and I always try the "
        "new thing on a small real task the following week.",
    ),
)


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(("question", "answer"), SHORT_ANSWERS_THAT_ADDRESS)
def test_a_short_answer_that_gives_the_steps_asked_for_is_not_called_off_question(
    question: str, answer: str
) -> None:
    assert question_relevance(question, answer).addresses is not False


@pytest.mark.usefixtures("sentence_model")
def test_a_short_answer_that_misses_is_said_to_miss_with_its_evidence() -> None:
    """No rule on length: the stop-gap that never said "does not address" under 60 words
    (`SHORT_WORDS`) is gone with the verdict that needed it. The issue's unrelated story (under
    60 words) told to a skills question is said to miss it, quoting what it talks about, and
    the short process answers above still are not."""
    assert len(reader_features.words_of(STORY)) < 60
    found = question_relevance(SKILLS, STORY)
    assert found.addresses is False
    assert found.gist is not None
    assert found.gist in STORY
    assert found.reason.startswith("it does not address the question: the question asks for")
    assert not hasattr(relevance, "SHORT_WORDS")
