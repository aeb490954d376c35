"""The transcript on an answer's report marks each sentence with the STAR parts it carries,
also when the reader read it in pieces (a transcript's comma splice, a spoken run-on)."""

from typing import Any

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.answer_story import answer_story
from prepcoach.coach.delivery import DeliverySettings
from prepcoach.coach.speech.engine import Transcript, Word
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.report import transcript_pieces

# What Whisper once heard in the browser journey: "As a result" as "I'm a result", one
# sentence that the reader cuts in two at its comma.
SPLICED = (
    "In my last job, um, our reports were always late. My task was to fix that. "
    "I built a checklist and, uh, I trained the team. "
    "I'm a result, the reports went out two days earlier."
)


def analysis_of(said: str) -> dict[str, Any]:
    words, t = [], 0.0
    for token in said.split(" "):
        words.append(Word(" " + token, t, t + 0.3))
        t += 0.4
    return analyse_answer(
        transcript=Transcript(tuple(words), "en", 0.99), duration_s=t,
        settings=DeliverySettings(), engine="faster-whisper/base/1",
    ).as_dict()  # fmt: skip


def test_a_sentence_read_in_pieces_is_marked_with_the_part_of_its_piece() -> None:
    analysis = analysis_of(SPLICED)
    # The reader's evidence for the result is the piece after the comma, not the sentence.
    assert analysis["star"]["result"]["evidence"] == ["the reports went out two days earlier."]
    marked = [(s.parts, " ".join(p.text for p in s.pieces)) for s in transcript_pieces(analysis)]
    assert marked[-1] == (["result"], "I'm a result, the reports went out two days earlier.")
    assert [parts for parts, _ in marked] == [["situation"], ["task"], ["action"], ["result"]]


def test_the_report_page_shows_the_spliced_result_marked(
    alice_client: Client, alice: User, question: Question
) -> None:
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text, status="analysed",
        analysis=analysis_of(SPLICED),
    )  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert '<span class="sentence star-result" title="result">I&#x27;m a result,' in page


# A trial's story (forty-seventh session): the reader read its last sentence in two pieces, "We
# made every despatch slot that Monday" an action and the rest a result. The report drew the
# whole sentence as a result, and "Keep as a STAR story" put the first piece in the action.
TRIAL = (
    "It was on me to get the rota sorted before Monday. "
    "I rang round our agency and booked two extra pickers. "
    "We made every despatch slot that Monday, pick accuracy stayed at 99.6 percent, and my "
    "manager used my two-wave plan for the rest of peak."
)


def _placed(transcript: str, evidence: dict[str, list[str]]) -> dict[str, Any]:
    return {"transcript": transcript, "star": {p: {"evidence": e} for p, e in evidence.items()}}


def test_a_sentence_the_reader_placed_in_two_parts_is_marked_in_two_pieces() -> None:
    analysis = _placed(TRIAL, {
        "task": ["It was on me to get the rota sorted before Monday."],
        "action": ["I rang round our agency and booked two extra pickers.",
                   "We made every despatch slot that Monday"],
        "result": ["pick accuracy stayed at 99.6 percent, and my manager used my two-wave plan "
                   "for the rest of peak."],
    })  # fmt: skip
    marked = [(s.parts, " ".join(p.text for p in s.pieces)) for s in transcript_pieces(analysis)]
    assert marked == [
        (["task"], "It was on me to get the rota sorted before Monday."),
        (["action"], "I rang round our agency and booked two extra pickers."),
        (["action"], "We made every despatch slot that Monday,"),
        (["result"], "pick accuracy stayed at 99.6 percent, and my manager used my two-wave plan "
                     "for the rest of peak."),
    ]  # fmt: skip


def test_a_piece_in_two_parts_at_once_keeps_both_and_words_before_a_piece_go_with_it() -> None:
    analysis = _placed("So anyway the deadline was Friday and it fell to me to ship it.", {
        "situation": ["the deadline was Friday"],
        "task": ["the deadline was Friday", "it fell to me to ship it."],
    })  # fmt: skip
    marked = [(s.parts, " ".join(p.text for p in s.pieces)) for s in transcript_pieces(analysis)]
    assert marked == [
        (["situation", "task"], "So anyway the deadline was Friday and"),
        (["task"], "it fell to me to ship it."),
    ]


def test_a_spoken_sentence_is_cut_between_its_timed_words_and_a_pause_stays_before_the_cut() -> (
    None
):
    said = "We made every slot that Monday, pick accuracy stayed high."
    words, t = [], 0.0
    for token in said.split(" "):
        t += 3.5 if token == "pick" else 0.0  # a long pause (3 s or more) before "pick"
        words.append({"w": token, "start": t, "end": t + 0.3})
        t += 0.4
    analysis = _placed(said, {"action": ["We made every slot that Monday"],
                              "result": ["pick accuracy stayed high."]})  # fmt: skip
    analysis |= {"words": words, "duration_s": t}
    cut = transcript_pieces(analysis)
    assert [s.parts for s in cut] == [["action"], ["result"]]
    assert [p.text for p in cut[0].pieces if p.pause_s is None] == said.split(" ")[:6]
    assert any(p.pause_s for p in cut[0].pieces)  # the pause before "pick" ends the action
    assert [p.text for p in cut[1].pieces] == ["pick", "accuracy", "stayed", "high."]


def test_words_that_cannot_be_laid_on_the_sentence_leave_it_whole() -> None:
    said = "We made every slot that Monday, pick accuracy stayed high."
    words = [{"w": w, "start": i * 0.4, "end": i * 0.4 + 0.3}
             for i, w in enumerate(["We", "made", "every", "slot", "that", "Monday,", "pick",
                                    "accuracy", "stayed", "really", "high."])]  # fmt: skip
    analysis = _placed(said, {"action": ["We made every slot that Monday"],
                              "result": ["pick accuracy stayed high."]})  # fmt: skip
    analysis |= {"words": words, "duration_s": 5.0}
    assert [s.parts for s in transcript_pieces(analysis)] == [["action", "result"]]


def test_the_report_marks_each_piece_as_the_story_kept_from_it_places_it() -> None:
    question = "Tell me about a time you had to plan around short staffing."
    analysis: dict[str, Any] = analyse_answer(text=TRIAL, question=question).as_dict()
    story = answer_story(question, analysis["transcript"], analysis["star"])
    marked = [
        (s.parts, " ".join(p.text for p in s.pieces).strip()) for s in transcript_pieces(analysis)
    ]
    drafted = [([piece.part], piece.text) for piece in story.pieces if piece.placed]
    assert marked == drafted


def test_the_report_page_draws_each_piece_in_its_own_mark(
    alice_client: Client, alice: User, question: Question
) -> None:
    analysis: dict[str, Any] = analyse_answer(text=TRIAL, question=question.text).as_dict()
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text, status="analysed",
        analysis=analysis,
    )  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    pieces = transcript_pieces(analysis)
    assert len(pieces) > len(analysis["transcript"].split(". "))  # one sentence is cut
    for piece in pieces:
        classes = "".join(f" star-{p}" for p in piece.parts)
        first = piece.pieces[0].text.replace("'", "&#x27;")
        assert f'<span class="sentence{classes}" title="{", ".join(piece.parts)}">{first}' in page
