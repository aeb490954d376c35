"""One pause is written one way on every face: a trial saw the same pause as 3.55 s on the
report's Pauses card, 3.6 s in its transcript and 3.5 s on the improvement areas page."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import AnswerAnalysis, analyse_answer
from prepcoach.coach.delivery import DeliverySettings
from prepcoach.coach.speech.engine import Transcript, Word
from prepcoach.coach.speech.vad import Span
from prepcoach.practice.models import Attempt, Question

BEFORE = "When I joined the weekly report was always late and nobody owned it at all."
AFTER = "I owned the fix and rebuilt the queries so it went out two days earlier each week."
PAUSE_FROM, PAUSE_TO = 4.65, 8.2  # a pause of 3.55 s, held as 3.5499999… by a float


def paused_analysis_of() -> AnswerAnalysis:
    """An answer said with one long pause of 3.55 s between its two sentences."""
    words = [Word(" " + w, 0.5 + i * 0.27, 0.72 + i * 0.27) for i, w in enumerate(BEFORE.split())]
    words += [
        Word(" " + w, PAUSE_TO + i * 0.36, PAUSE_TO + 0.3 + i * 0.36)
        for i, w in enumerate(AFTER.split())
    ]
    spans = [Span(0.5, PAUSE_FROM), Span(PAUSE_TO, words[-1].end)]
    return analyse_answer(
        transcript=Transcript(tuple(words), "en", 0.99), duration_s=words[-1].end + 1,
        spans=spans, settings=DeliverySettings(), engine="test",
    )  # fmt: skip


def paused_analysis() -> dict[str, Any]:
    """That answer's analysis as it is stored."""
    return paused_analysis_of().as_dict()


def test_the_pauses_card_and_the_transcript_write_the_pause_alike(
    alice_client: Client, alice: User, question: Question
) -> None:
    analysis = paused_analysis()
    assert analysis["pauses"]["longest_s"] == 3.55
    assert analysis["pauses"]["long_count"] == 1
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert "longest 3.6 s" in page
    assert '<span class="pause">pause 3.6 s</span>' in page
    assert "3.55" not in page
    assert "3.5 s" not in page


def test_the_pause_tip_shows_its_figure_as_measured_not_as_words_said(
    alice_client: Client, alice: User, question: Question
) -> None:
    # A trial read a measured figure in quotation marks as something they had said.
    analysis = paused_analysis()
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert "<li>3.6 s of silence at 0:04</li>" in page
    assert "“3.6 s of silence" not in page


def test_an_old_reports_tip_evidence_is_still_quoted(
    alice_client: Client, alice: User, question: Question
) -> None:
    # Stored before evidence said whether it was said: words, as every tip's were then.
    analysis = paused_analysis()
    for tip in analysis["tips"]:
        tip["evidence"] = [{"text": BEFORE, "start": 0.5}]
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    # At its moment as m:ss, as the measured evidence beside it writes one ("at 0:04").
    assert f'<span class="time">0:00</span> “{BEFORE}”' in page
