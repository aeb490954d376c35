"""The transcript on an answer's report marks each sentence with the STAR parts it carries,
also when the reader read it in pieces (a transcript's comma splice, a spoken run-on)."""

from typing import Any

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
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
