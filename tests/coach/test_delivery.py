import json
from dataclasses import replace
from pathlib import Path

import pytest

from prepcoach.coach.answer import analyse_answer, measured_rating
from prepcoach.coach.answer_evidence import answer_evidence
from prepcoach.coach.delivery import DeliverySettings, find_fillers, tokens_of
from prepcoach.coach.keywords import coverage, key_terms
from prepcoach.coach.speech.engine import Transcript, Word
from tests.relevance_samples import HOCKEY, HOCKEY_FOR_FINANCE


@pytest.mark.parametrize(
    ("text", "fillers"),
    [
        ("I like working with data.", []),
        ("It was, like, really hard.", ["like"]),
        ("We had like twenty people there.", ["like"]),
        ("It looks like rain and people like her agree.", []),
        ("Um, so, uh, I mean, it was hard, you know.", ["um", "uh", "i mean", "you know"]),
        ("You know the answer. I mean it.", []),
        ("It was kind of messy and sort of late.", ["kind of", "sort of"]),
        ("What kind of tool was it? A sort of checklist.", []),
        # "like" after a comma opens examples, unless a clause, a stress or a number follows
        # (a trial's "high-risk drugs, like methotrexate" was counted a filler)
        ("We handle high-risk drugs, like methotrexate and warfarin.", []),
        ("I was nervous, like I knew nobody there.", ["like"]),
        ("It was hard, like really hard.", ["like"]),
        ("We were short-staffed, like twenty people off.", ["like"]),
        # a comparison after a hedge, an approximation, a stress
        ("It's kind of like a puzzle.", ["kind of"]),
        ("You need like a lot of patience, not like a puzzle.", ["like"]),
        ("I pick up new software like really quickly.", ["like"]),
        ("There were like loads of complaints.", ["like"]),
        # "as you know" says what the listener knows
        ("As you know, the sector is under pressure.", []),
        ("It was, you know, hard.", ["you know"]),
        # a review: examples that begin like a number, a verb after "I'd", a curly apostrophe,
        # a sentence opened with "like", a hedge's comparison against a stress, "as, you know,"
        ("We use lean tools, like 5S and kaizen.", []),
        ("I know several frameworks, like TensorFlow and PyTorch.", []),
        ("Racket sports, like tennis and squash.", []),
        ("I'd like very much to join your team.", []),
        ("I was nervous, like I’m new here.", ["like"]),
        ("It was a mess. Like the whole team was off sick.", ["like"]),
        ("There were a lot of like twenty people.", ["like"]),
        ("It was kind of like really stressful.", ["kind of", "like"]),
        ("It was hard as, you know, the team was new.", ["you know"]),
    ],
)
def test_fillers_and_not_fillers(text: str, fillers: list[str]) -> None:
    assert [f.text for f in find_fillers(tokens_of(None, text))] == fillers


def test_typed_answers_have_no_timings() -> None:
    data = analyse_answer(text="Um, I built it. As a result we saved 10 hours a week.").as_dict()
    assert (data["words"], data["wpm"], data["pauses"], data["duration_s"]) == (
        None,
        None,
        None,
        None,
    )
    assert data["fillers"]["count"] == 1
    assert data["star"]["quantified_result"]["present"]


def test_job_description_terms_used_and_missed() -> None:
    jd = "We need SQL and Tableau skills. You will build dashboards in Tableau and write SQL every day for clinical teams."
    terms = key_terms(jd)
    assert "SQL" in terms
    assert "Tableau" in terms
    found = coverage("I built dashboards in Tableau.", terms)
    assert "Tableau" in found.used
    assert "SQL" in found.missed


def test_the_measured_rating_rewards_a_complete_answer() -> None:
    weak = analyse_answer(text="I am a hard worker and I like teams.").as_dict()
    strong = analyse_answer(
        text="In my last role our releases slipped. My task was to fix it. I set up a checklist and I "
        "trained the team. As a result, late releases fell from 8 to 1 a quarter."
    ).as_dict()
    assert measured_rating(strong) == 5
    assert measured_rating(weak) == 1
    assert measured_rating({"version": 1, "content": {}}) is None


def test_a_part_the_reader_cannot_tell_about_gives_a_figure_only_if_either_reading_agrees() -> None:
    # Its situation is "can't tell" (reader.UNSURE_FROM): read as there the figure is 2, as
    # missing 1, so no figure rather than a guess.
    vague = analyse_answer(text="We kind of did stuff and it was fine I guess.").as_dict()
    assert vague["star"]["situation"] == {  # type: ignore[index]
        "present": None,
        "evidence": [],
        "unsure": "We kind of did stuff and it was fine I guess.",
    }
    assert measured_rating(vague) is None
    # Where the part cannot move the figure (a plan is measured by its steps alone), it stands.
    as_plan = {
        **vague,
        "star": {
            **vague["star"],
            "action": {
                "present": True,
                "evidence": [
                    "I would map the steps, ask the team which ones hurt, and fix the worst one first."
                ],
            },
        },
    }  # type: ignore[dict-item]
    assert measured_rating(as_plan, "plan") == measured_rating(
        {**as_plan, "star": {**as_plan["star"], "situation": {"present": True, "evidence": []}}},
        "plan",
    )
    assert measured_rating(as_plan, "plan") is not None


def test_an_answer_that_does_not_address_its_question_never_measures_high() -> None:
    # The new user's case: a well-told story with a number, to a question that asks for none.
    # Its parts and number alone measure 5; beside "Answers the question: no" it is at most 2.
    told = analyse_answer(text=HOCKEY).as_dict()
    assert measured_rating(told) == 5
    off = told | {"relevance": HOCKEY_FOR_FINANCE}
    assert measured_rating(off) == 2
    assert measured_rating(answer_evidence(off)) == 2  # what the areas and readiness read
    # A figure already below the cap stays what it was.
    weak = analyse_answer(text="We kind of did stuff and it was fine I guess.").as_dict()
    assert measured_rating(weak | {"relevance": HOCKEY_FOR_FINANCE}) == measured_rating(weak)


@pytest.mark.parametrize(
    "relevance",
    [
        # The trained verdict can't tell (the story check fired beside it).
        HOCKEY_FOR_FINANCE | {"addresses": None, "probability": 0.5},
        # Speech that was lost withholds the verdict: stored as null, its probability kept.
        HOCKEY_FOR_FINANCE | {"addresses": None},
        # The old verdict by similarity alone (no probability): the report does not show it.
        {"addresses": False, "score": 0.1, "evidence": "We won 8 of our 10 matches."},
        None,  # no question
    ],
)
def test_where_relevance_cannot_tell_the_figure_is_unchanged(
    relevance: dict[str, object] | None,
) -> None:
    told = analyse_answer(text=HOCKEY).as_dict()
    assert measured_rating(told | {"relevance": relevance}) == 5


# What the trained reader (`coach.reader`, behind `analyse_content`) reaches on the labelled
# transcripts, less about one transcript in 64: each floor sits above the
# always-the-commonest-label baseline on the same transcripts, so passing means the reader beats
# guessing. These transcripts are development data (the cue lists, which the reader uses as
# features, were written against them): a floor here guards against sliding, it does not
# measure quality. The floors were first set at the cue lists' level; the reader is above it
# on situation, task and the quantified result, and below it on action (two transcripts) and
# result (one).
AGREEMENT_FLOORS = {
    "situation": 0.93,  # reaches 0.95 (61 of 64); always "present" scores 0.89
    "task": 0.93,  # reaches 0.95 (61); always "present" scores 0.72
    "action": 0.90,  # reaches 0.92 (59); always "present" scores 0.83
    "result": 0.82,  # reaches 0.84 (54); always "present" scores 0.75
    "quantified_result": 0.90,  # reaches 0.92 (59); always "absent" scores 0.61
}


def test_agreement_with_the_labelled_transcripts() -> None:
    """64 transcripts labelled by hand (tests/data/answer_transcripts.json); make bench prints
    the figures, this keeps them from sliding."""
    data = json.loads(
        (Path(__file__).parent.parent / "data" / "answer_transcripts.json").read_text()
    )
    agree = dict.fromkeys(AGREEMENT_FLOORS, 0)
    found = detected = labelled = 0
    for item in data:
        result = analyse_answer(text=item["transcript"])
        star = result.content.star
        got = {
            "situation": star["situation"].present, "task": star["task"].present,
            "action": result.content.ownership.personal, "result": star["result"].present,
            "quantified_result": result.content.quantified_result.present,
        }  # fmt: skip
        for label in agree:
            agree[label] += got[label] == item[label]
        # Fillers by position (within one word), so a false alarm cannot stand in for a miss.
        tokens = [replace(t, start=float(i)) for i, t in enumerate(tokens_of(None, item["transcript"]))]  # fmt: skip
        places = [int(f.start or 0) for f in find_fillers(tokens)]
        spans = [at for _, at in item["filler_spans"]]
        assert len(spans) == item["fillers"], item["id"]
        for at in spans:
            near = [p for p in places if abs(p - at) <= 1]
            if near:
                places.remove(near[0])
                found += 1
        detected += len(find_fillers(tokens))
        labelled += len(spans)
    for label, floor in AGREEMENT_FLOORS.items():
        present = sum(bool(item[label]) for item in data)
        baseline = max(present, len(data) - present) / len(data)
        assert floor > baseline, (label, floor, baseline)
        assert agree[label] / len(data) >= floor, (label, agree[label] / len(data), floor)
    assert found / labelled >= 0.95  # recall: 200 of 206
    assert found / detected >= 0.95  # precision: 200 of 201


def test_tips_point_to_the_moment_of_the_words_they_quote() -> None:
    from prepcoach.coach.speech.engine import Transcript, Word

    text = ("In my last job our reports were late. My task was to fix it. I built a checklist. "
            "I trained the team. In the end the reports were better.")  # fmt: skip
    words = tuple(Word(f" {w}", i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(text.split()))
    result = analyse_answer(
        transcript=Transcript(words, "en", 0.99), duration_s=words[-1].end, spans=[]
    )
    tip = next(t for t in result.tips if t.rule == "STAR: the result has no number")
    assert tip.evidence[0].start == words[text.split().index("end") - 2].start  # "In the end…"


def _spoken(count: int, gap_s: float, lead_s: float) -> tuple[Word, ...]:
    """count words, one every gap_s seconds, the first after lead_s seconds of silence."""
    return tuple(
        Word(" word", round(lead_s + i * gap_s, 3), round(lead_s + i * gap_s + gap_s * 0.8, 3))
        for i in range(count)
    )


def test_pace_over_time_starts_at_the_first_word_as_the_answers_pace_does() -> None:
    """The tester's short answer: 161 wpm "fast", but its only window was measured from the
    recording's start, silence included, and quoted "130.7 words a minute from here"."""
    words = _spoken(46, 60 / 165, 3.0)  # 165 wpm after 3 s of silence
    result = analyse_answer(
        transcript=Transcript(words, "en", 0.99), duration_s=words[-1].end + 1, spans=[]
    )
    delivery = result.delivery
    assert delivery.pace == "fast"
    assert delivery.pace_over_time[0][0] == 3.0  # from the first word
    assert delivery.pace_over_time[0][1] > DeliverySettings().pace_high  # 168, not 130
    tip = next(t for t in result.tips if t.rule.startswith("Pace:"))
    quoted = float(tip.evidence[0].text.split()[0])
    assert quoted > DeliverySettings().pace_high  # evidence on the side the tip speaks of
    # Its own times, not "from here" (a new user read that, in quotation marks, as words they
    # were supposed to have said): the 15 s window from the first word.
    assert tip.evidence[0].text.endswith(" words a minute from 0:03 to 0:18")
    assert not tip.evidence[0].said


def test_a_pace_tip_never_quotes_a_window_inside_the_band() -> None:
    # 15 s at 160 wpm, the top of the band, then a 4.9 s rush too short to be a window of its
    # own: fast overall, yet the only window is in the band, so the tip quotes the whole answer.
    steady = _spoken(40, 15 / 40, 0.0)
    rush = _spoken(24, 4.9 / 24, 15.0)
    words = steady + rush
    result = analyse_answer(
        transcript=Transcript(words, "en", 0.99), duration_s=words[-1].end, spans=[]
    )
    assert result.delivery.pace == "fast"
    assert [rate for _, rate in result.delivery.pace_over_time] == [160.0]
    (evidence,) = next(t for t in result.tips if t.rule.startswith("Pace:")).evidence
    assert evidence.text == f"{result.delivery.wpm:g} words a minute over the whole answer"


def test_a_pace_tips_last_window_ends_with_the_last_words_not_the_recording() -> None:
    # A review: an answer ending in a fast rush, then silence to the end of a 60 s recording,
    # was quoted to 0:45 while its rate was measured to its last word.
    words = _spoken(40, 15 / 40, 0.0) + _spoken(41, 0.25, 15.0)  # the rush: 15 s to 25.2 s
    result = analyse_answer(transcript=Transcript(words, "en", 0.99), duration_s=60.0, spans=[])
    assert result.delivery.pace == "fast"
    tip = next(t for t in result.tips if t.rule.startswith("Pace:"))
    assert tip.evidence[0].text.endswith(" words a minute from 0:15 to 0:25"), tip.evidence
