"""A typed answer's report marks the very fillers it counts: "you know" and "kind of" as well as
"um", and never the "like" of "I like data" (a trial counted 6 fillers and marked 4)."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.delivery import DeliverySettings
from prepcoach.coach.speech.engine import Transcript, Word
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.report import transcript_pieces

TYPED = (
    "Um, so basically, like, there was this guy on my team who, you know, kept missing his "
    "handovers. I kind of talked to him, um, one to one and we agreed a checklist. "
    "I like data, so I tracked it, and after that, like, his handovers were on time for "
    "6 weeks straight."
)


def test_the_words_marked_are_the_fillers_counted() -> None:
    analysis: dict[str, Any] = analyse_answer(text=TYPED, settings=DeliverySettings()).as_dict()
    counted = [f["text"] for f in analysis["fillers"]["items"]]
    marked = [
        piece.text.strip(",.").lower()
        for sentence in transcript_pieces(analysis)
        for piece in sentence.pieces
        if piece.filler
    ]
    assert counted == ["um", "like", "you know", "kind of", "um", "like"]
    assert marked == ["um", "like", "you", "know", "kind", "of", "um", "like"]
    # "I like data": the verb is not marked.
    words = [p for s in transcript_pieces(analysis) for p in s.pieces]
    verb = next(i for i, p in enumerate(words) if p.text == "I" and words[i + 1].text == "like")
    assert not words[verb + 1].filler


def test_the_hedge_tip_names_the_hedges_said() -> None:
    # The advice used to be "drop “I guess” and “kind of”" whatever was said.
    text = (
        "Basically our warehouse was kind of late every week. I sort of owned the fix. "
        "I kind of rebuilt the rota, basically, and I sort of trained two pickers. "
        "Late dispatches fell from twelve a week to two."
    )
    analysis: dict[str, Any] = analyse_answer(text=text, settings=DeliverySettings()).as_dict()
    hedge = next(t for t in analysis["tips"] if t["rule"].startswith("Hedges"))
    assert hedge["text"] == "Say it plainly: drop “basically” and “kind of”."


def test_a_recorded_answer_marks_every_word_of_a_filler_of_two_words() -> None:
    """A recorded answer's fillers are matched to its timed words: a trial's "you know" was
    marked only on "you", found by its start time alone."""
    said = "The rota was, you know, late every week. Um, I kind of rebuilt it with the team."
    words = tuple(Word(w, 0.5 + i * 0.4, 0.8 + i * 0.4) for i, w in enumerate(said.split()))
    analysis: dict[str, Any] = analyse_answer(
        transcript=Transcript(words, "en", 1.0), duration_s=10.0, settings=DeliverySettings()
    ).as_dict()
    counted = [f["text"] for f in analysis["fillers"]["items"]]
    marked = [
        piece.text.strip(",.").lower()
        for sentence in transcript_pieces(analysis)
        for piece in sentence.pieces
        if piece.filler
    ]
    assert counted == ["you know", "um", "kind of"]
    assert marked == ["you", "know", "um", "kind", "of"]


def test_the_filler_rate_is_written_with_one_decimal_on_the_card_and_in_the_tip(
    alice_client: Client, alice: User, question: Question
) -> None:
    """A trial read "11.07 a minute" on one report and "0.0 a minute" on another."""
    said = "Um, so, um, the rota was, um, late. Um, I, um, rebuilt it, um, with the team."
    words = tuple(Word(" " + w, 0.5 + i * 0.5, 0.9 + i * 0.5) for i, w in enumerate(said.split()))
    analysis: dict[str, Any] = analyse_answer(
        transcript=Transcript(words, "en", 1.0), duration_s=31.0, settings=DeliverySettings()
    ).as_dict()
    rate = analysis["fillers"]["per_min"]
    assert round(rate, 1) != rate  # more than one decimal stored
    tip = next(t for t in analysis["tips"] if t["rule"].startswith("Fillers"))
    assert tip["rule"].startswith(f"Fillers: {rate:.1f} a minute")
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert f"{rate:.1f} a minute" in page
    assert f"{rate:g} a minute" not in page


def test_the_previous_answers_filler_count_is_in_words(
    alice_client: Client, alice: User, question: Question
) -> None:
    """A tester's report read "Your previous answer to this question: 3 Dec · 1 fillers."."""
    import datetime as dt

    from django.utils import timezone

    for said, line in (("I, um, rebuilt the rota with the team.", " · 1 filler."),
                       ("I rebuilt the rota, um, with the team, um.", " · 2 fillers.")):  # fmt: skip
        earlier = Attempt.objects.create(
            user=alice, question=question, question_text=question.text, status="analysed",
            text=said, analysis=analyse_answer(text=said).as_dict(),
        )  # fmt: skip
        Attempt.objects.filter(pk=earlier.pk).update(
            created_at=timezone.now() - dt.timedelta(days=1)
        )
        later = Attempt.objects.create(
            user=alice, question=question, question_text=question.text, status="analysed",
            text=said, analysis=analyse_answer(text=said).as_dict(),
        )  # fmt: skip
        page = alice_client.get(reverse("practice:attempt", args=[later.pk])).text
        assert f"</a>{line}</p>" in page
        earlier.delete()
        later.delete()
