"""A practice answer kept as a STAR story (`coach.answer_story`): its own sentences, in order,
in the parts the reader placed them, nothing said lost."""

from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.answer_story import (
    answer_key,
    answer_story,
    story_title,
    tells_a_story,
    without_fillers,
)

ANSWER = (
    "In my last job our weekly reports were always late. My task was to get them out on time. "
    "Honestly it was stressful. I built a checklist and I trained the team. "
    "As a result, the reports went out two days earlier. It felt good."
)


def star(**evidence: list[str]) -> dict[str, object]:
    return {p: {"present": bool(evidence.get(p)), "evidence": evidence.get(p, [])}
            for p in ("situation", "task", "action", "result")}  # fmt: skip


def test_each_part_holds_the_answers_sentences_in_order() -> None:
    found = star(
        situation=["In my last job our weekly reports were always late."],
        task=["My task was to get them out on time."],
        action=["I built a checklist and I trained the team."],
        result=["the reports went out two days earlier."],
    )
    story = answer_story("Tell me about a time you fixed a late process.", ANSWER, found)
    assert story.title == "A time you fixed a late process"
    # Unplaced sentences go with the sentence before them: nothing said is lost, in order.
    assert story.parts == {
        "situation": "In my last job our weekly reports were always late.",
        "task": "My task was to get them out on time. Honestly it was stressful.",
        "action": "I built a checklist and I trained the team.",
        "result": "As a result, the reports went out two days earlier. It felt good.",
    }
    assert " ".join(p.text for p in story.pieces) == ANSWER
    assert [p.placed for p in story.pieces] == [True, True, False, True, True, False]
    assert story.metrics == "two days earlier"
    assert story.missing == ()


def test_a_part_the_reader_cannot_tell_about_is_filled_like_an_unplaced_sentence() -> None:
    # The task is "can't tell" (no evidence) and nothing is placed before the first sentence.
    found = star(
        action=["I built a checklist and I trained the team."],
        result=["the reports went out two days earlier."],
    )
    found["task"] = {
        "present": None,
        "evidence": [],
        "unsure": "My task was to get them out on time.",
    }
    story = answer_story("Describe a process you improved.", ANSWER, found)
    assert story.parts["situation"] == (
        "In my last job our weekly reports were always late. My task was to get them out on time. "
        "Honestly it was stressful."
    )
    assert story.parts["task"] == ""
    assert story.missing == ("task",)
    assert story.unplaced == ("situation", "result")
    assert " ".join(p.text for p in story.pieces) == ANSWER


def test_a_sentence_read_in_pieces_is_cut_between_its_parts() -> None:
    said = "We had no tests. I wrote them over a week, and releases stopped breaking."
    found = star(situation=["We had no tests."], action=["I wrote them over a week,"],
                 result=["and releases stopped breaking."])  # fmt: skip
    story = answer_story("Tell me about a time you improved quality.", said, found)
    assert story.parts["action"] == "I wrote them over a week,"
    # A part that starts inside a cut sentence starts with a capital (a page check).
    assert story.parts["result"] == "And releases stopped breaking."
    assert [p.text for p in story.pieces][-1] == "and releases stopped breaking."  # as said
    # One piece the reader put in two parts goes to the one nothing else fills.
    both = "I wrote them, and releases stopped breaking."
    found = star(situation=["We had no tests."], action=["I made a plan.", both], result=[both])
    story = answer_story("", f"We had no tests. I made a plan. {both}", found)
    assert story.parts["action"] == "I made a plan."
    assert story.parts["result"] == both


def test_no_evidence_at_all_keeps_every_word_in_the_situation_and_empty_input_is_empty() -> None:
    story = answer_story("Tell me about a time you failed.", ANSWER, {})
    assert story.parts["situation"] == ANSWER
    assert story.missing == ("task", "action", "result")
    empty = answer_story("", "", {"situation": "not a part", "task": {"evidence": "nor this"}})
    assert empty.title == ""
    assert empty.pieces == ()
    assert set(empty.missing) == {"situation", "task", "action", "result"}


def test_the_title_is_the_question_without_its_request_shortened() -> None:
    assert story_title("Give me an example of a time you showed leadership?") == (
        "A time you showed leadership"
    )
    assert story_title(
        "Can you describe a situation where you had to win back an unhappy customer?"
    ) == ("A situation where you had to win back an unhappy customer")
    long = story_title("Tell me about " + "a very long and winding question " * 6)
    assert len(long) <= 80
    assert long.endswith("…")


def test_the_competency_is_ticked_by_its_key() -> None:
    story = answer_story("Tell me about a customer.", ANSWER, {}, competency="customer-focus")
    assert story.competencies == ("customer focus",)
    assert answer_story("Q", ANSWER, {}, competency="finance").competencies == ()


def test_only_a_readable_story_answer_is_kept_as_a_story() -> None:
    analysis = {"transcript": ANSWER, "star": star(), "cannot_tell": None,
                "relevance": {"question_asks": "story", "kind": None}}  # fmt: skip
    assert tells_a_story("Tell me about a time you led.", analysis)
    assert not tells_a_story("Tell me about a time you led.", analysis, follow_up=True)
    plan = {**analysis, "relevance": {"question_asks": "plan", "kind": "would_do"}}
    assert not tells_a_story("How would you approach your first 90 days?", plan)
    neither = {**analysis, "relevance": {"question_asks": "neither", "kind": None}}
    assert not tells_a_story("What motivates you?", neither)
    assert not tells_a_story("Q", {**analysis, "cannot_tell": "no words"})
    assert not tells_a_story("Q", {**analysis, "transcript": "  "})


def test_the_answers_key_is_its_words_not_its_id() -> None:
    key = answer_key("Q?", ANSWER)
    assert key.startswith("answer ")
    assert len(key) <= 64
    assert key == answer_key("Q?", ANSWER) != answer_key("Q?", ANSWER + " More.")


def test_a_kept_story_leaves_the_fillers_it_was_said_with() -> None:
    """A trial's story kept from a recorded answer read "I found that, um, the night shift was
    waiting on paperwork": the bank keeps what was said, not how."""
    said = "Um, so our rota kept failing. I found that, um, the night shift was, like, short."
    star = {"situation": {"evidence": ["Um, so our rota kept failing."]},
            "action": {"evidence": ["I found that, um, the night shift was, like, short."]}}  # fmt: skip
    story = answer_story("Tell me about a time you fixed a rota.", said, star)
    assert story.parts["situation"] == "So our rota kept failing."
    assert story.parts["action"] == "I found that the night shift was short."
    assert without_fillers("We cut pick-up times by, uh, 35%.") == "We cut pick-up times by 35%."
    assert without_fillers("I like data, you know, so I track it.") == "I like data so I track it."
    assert without_fillers("Um.") == ""
    # A filler that ends a sentence hands on its full stop; quoted or bracketed ones stay.
    said = "Our rota kept failing, you know. I rebuilt it, um. It failed. Um, we fixed it."
    assert without_fillers(said) == "Our rota kept failing. I rebuilt it. It failed. We fixed it."
    assert without_fillers("Um, iPhone sales fell.") == "iPhone sales fell."
    assert without_fillers("We were — um — stuck.") == "We were — stuck."
    assert without_fillers('I said "um, no".') == 'I said "um, no".'
    assert without_fillers("(um) we left.") == "(um) we left."


SAID = ["I", "like", "data,", "um,", "so", "you", "know", "We", "cut", "pick-up", "times", "by"]


@given(st.lists(st.sampled_from([*SAID, "uh", "35%.", "It", "was,"]), max_size=14))
def test_taking_fillers_out_only_takes_words_out(words: list[str]) -> None:
    text = " ".join(words)
    out = without_fillers(text).split()
    bare = [w.rstrip(",").lower() for w in words]
    left = iter(bare)
    assert all(any(w.rstrip(",").lower() == b for b in left) for w in out)  # in order, a subset
    if not {"um,", "uh", "like", "know"} & set(words):
        assert without_fillers(text) == text
    # Every word that is no filler's is kept, whatever marks move onto it.
    fillers = {"um", "uh", "like", "you", "know"}
    assert [w for w in bare if w.strip(".") not in fillers] == [
        w for w in (x.rstrip(",").lower() for x in out) if w.strip(".") not in fillers
    ]
