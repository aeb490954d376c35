"""The report says what it could not hear: lost speech is marked where it happened, its pause
markers are the Pauses card's own, and an analysis stored before coverage existed still renders
and is upgraded by "Analyse again"."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import ANALYSIS_VERSION, analyse_answer
from prepcoach.coach.speech.coverage import SpeechCoverage
from prepcoach.coach.speech.engine import Transcript, Word
from prepcoach.coach.speech.vad import Span
from prepcoach.practice.models import Attempt, Question

BEFORE = "In my last job our weekly reports were always late and nobody trusted them."
AFTER = "So the reports went out two days earlier and the audit passed."


def _words(text: str, start: float) -> list[Word]:
    return [Word(f" {w}", round(start + i * 0.4, 2), round(start + i * 0.4 + 0.3, 2))
            for i, w in enumerate(text.split())]  # fmt: skip


def lost_in_the_middle() -> dict[str, object]:
    """5.6 s heard, a 3.3 s pause, 20 s of speech that produced no words, then 4.4 s heard."""
    words = _words(BEFORE, 0.0) + _words(AFTER, 30.0)
    spans = [Span(0.0, 5.6), Span(8.9, 28.9), Span(30.0, 34.4)]
    coverage = SpeechCoverage(30.0, 10.0, (Span(8.9, 28.9),))
    transcript = Transcript(tuple(words), "en", 0.99, coverage=coverage)
    return analyse_answer(
        transcript=transcript, duration_s=35.0, spans=spans, engine="test"
    ).as_dict()


def test_lost_speech_is_marked_and_no_verdict_rests_on_it(alice_client: Client, alice: User, question: Question) -> None:  # fmt: skip
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     status="analysed", analysis=lost_in_the_middle())  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert "Part of this answer could not be transcribed." in page
    assert "10.0 of 30.0 seconds of speech produced words (33 %)" in page
    assert "8.9–28.9 s: speech we could not transcribe" in page
    assert "not judged: part of the speech was not heard" in page
    assert "(not heard)" in page  # the task may be in the lost part: not "missing"


def test_pause_markers_are_the_pauses_card_s_own(alice_client: Client, alice: User, question: Question) -> None:  # fmt: skip
    analysis = lost_in_the_middle()
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert analysis["pauses"]["longest_s"] == 3.3  # type: ignore[index]
    assert "pause 3.3 s" in page
    # The 24 s between the last heard word before and the first after is not a pause.
    assert "pause 24" not in page


def version_2(analysis: dict[str, object]) -> dict[str, object]:
    """An analysis as stored before coverage: version 2, no coverage, audio or withheld."""
    old = {k: v for k, v in analysis.items() if k not in {"coverage", "audio", "withheld"}}
    return {**old, "version": 2, "engine": "faster-whisper/base/1"}


def test_an_analysis_from_before_coverage_renders_and_analyse_again_upgrades_it(alice_client: Client, alice: User, question: Question) -> None:  # fmt: skip
    stored = version_2(lost_in_the_middle())
    text = f"{BEFORE} {AFTER}"
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     text=text, status="analysed", analysis=stored)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk]))
    assert page.status_code == 200
    assert "nobody trusted them" in page.text
    assert "could not be transcribed" not in page.text  # it never measured coverage
    alice_client.post(reverse("practice:attempt_reanalyse", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.analysis["version"] == ANALYSIS_VERSION == 7
    assert "withheld" in attempt.analysis


def test_a_part_not_heard_leaves_the_star_trend_alone() -> None:
    from prepcoach.coach.trends import figures

    assert "star_parts" not in figures(lost_in_the_middle())
    assert "wpm" not in figures(lost_in_the_middle())  # a third of the speech was heard
