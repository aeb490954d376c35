"""The report's pace chart and Length card say what they measure. A trial's chart had no wpm
labels, began at "0:01" and ended at 0:45 for a 69 s answer; its Length card read "57 s ·
short (60–180 s)" beside a player showing 1:01."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.delivery import DeliverySettings
from prepcoach.coach.speech.engine import Transcript, Word
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.report import length_card, pace_chart

SAID = (
    "When I joined the team the weekly report was always late. I was asked to fix it. I "
    "rebuilt the queries, moved the checks earlier and trained two colleagues. As a result it "
    "went out two days earlier every week."
)


def spoken(last_word_by: float, first_word_at: float = 1.2) -> Transcript:
    """The answer said over and over from `first_word_at` until about `last_word_by` s."""
    words, t, tokens = [], first_word_at, SAID.split()
    while t + 0.4 < last_word_by:
        words.append(Word(" " + tokens[len(words) % len(tokens)], t, t + 0.32))
        t += 0.4
    return Transcript(tuple(words), "en", 0.99)


def analysed(last_word_by: float = 65.0, recording_s: float = 69.4) -> dict[str, object]:
    return analyse_answer(
        transcript=spoken(last_word_by), duration_s=recording_s, settings=DeliverySettings(),
        engine="test",
    ).as_dict()  # fmt: skip


def test_the_time_axis_runs_from_0_00_to_the_answers_length() -> None:
    analysis = analysed()
    length = analysis["length"]["seconds"]  # type: ignore[index]
    assert 64 < length < 65.5
    chart = pace_chart(analysis)
    assert chart is not None
    assert chart.labels[0] == (chart.left, "0:00")
    assert chart.labels[-1] == (chart.right, "1:05")
    assert [label for _, label in chart.labels] == ["0:00", "0:15", "0:30", "0:45", "1:05"]
    # The line covers each stretch measured, from its start to its end, not a dot at its start.
    xs = [float(x) for x in re.findall(r"[ML]([\d.]+),", chart.line)]
    last_start = analysis["pace"]["over_time"][-1][0]  # type: ignore[index]

    def x(t: float) -> float:
        return round(chart.left + (chart.right - chart.left) * t / length, 1)

    assert min(xs) == x(1.2)  # the first word came 1.2 s in
    assert max(xs) == x(last_start + 15)


def test_the_pace_axis_is_labelled_in_words_a_minute() -> None:
    chart = pace_chart(analysed())
    assert chart is not None
    assert [value for _, value in chart.y_ticks] == ["0", "50", "100", "150", "200", "250"]
    ys = [y for y, _ in chart.y_ticks]
    assert ys[0] == chart.bottom
    assert ys == sorted(ys, reverse=True)
    assert chart.band_low_y > chart.band_high_y


def test_the_length_card_says_it_measures_to_the_last_word_and_gives_the_recordings_length(
    alice_client: Client, alice: User, question: Question
) -> None:
    analysis = analysed(last_word_by=57.0, recording_s=61.3)
    card = length_card(analysis)
    assert card is not None
    assert (card.seconds, card.to_last_word, card.recording) == (57, True, "1:01")
    assert analysis["length"]["verdict"] == "short"  # type: ignore[index]
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert (
        '<p class="big">57 s</p><p class="meta">short (60–180 s) · from the start of the '
        "recording to your last word; the recording runs 1:01</p>"
    ) in page
    assert ">wpm</text>" in page
    assert ">0:00</text>" in page
    assert ">0:57</text>" in page


def test_an_analysis_without_the_length_to_the_last_word_says_it_is_the_recordings() -> None:
    card = length_card({"duration_s": 61.3, "length": {"seconds": None}})
    assert card is not None
    assert (card.seconds, card.to_last_word, card.recording) == (61, False, None)
