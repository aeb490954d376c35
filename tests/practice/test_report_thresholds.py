"""The report words and draws an answer by the bands it was judged by: the user's own."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer, measured_rating
from prepcoach.coach.delivery import DeliverySettings
from prepcoach.coach.speech.engine import Transcript, Word
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.report import pace_chart

SAID = ("When I joined, the weekly report was late. I owned the fix and I rebuilt the queries. "
        "As a result, it went out two days earlier. Um, uh, um, we kept it.")  # fmt: skip


def spoken(seconds_per_word: float = 0.4, gap_after: int = 8, gap: float = 2.5) -> Transcript:
    """The answer said three times over about a minute, with a 2.5 s pause in each."""
    words, t = [], 0.0
    for _ in range(3):
        for n, token in enumerate(SAID.split(" ")):
            words.append(Word(" " + token, t, t + seconds_per_word * 0.8))
            t += seconds_per_word + (gap if n == gap_after else 0.0)
    return Transcript(tuple(words), "en", 0.99)


def own_settings() -> DeliverySettings:
    return DeliverySettings(
        pace_low=100, pace_high=140, long_pause_s=2.0, fillers_per_min_high=12.0
    )


def test_the_report_uses_the_thresholds_the_answer_was_judged_by(alice_client: Client, alice: User, question: Question) -> None:  # fmt: skip
    analysis = analyse_answer(
        transcript=spoken(), duration_s=60.0, settings=own_settings(), engine="test"
    ).as_dict()
    assert analysis["thresholds"] == {"pace": [100, 140], "fillers_per_min_high": 12.0, "pause_s": 1.0, "long_pause_s": 2.0}  # fmt: skip
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert "of 2 s or more" in page
    assert "the band shows 100 to 140." in page
    assert "against the 100–140 band." in page


def test_the_pace_band_spans_exactly_its_two_lines() -> None:
    analysis = analyse_answer(
        transcript=spoken(), duration_s=60.0, settings=own_settings(), engine="test"
    ).as_dict()
    chart = pace_chart(analysis)
    assert chart is not None
    assert chart.band_height == round(chart.band_low_y - chart.band_high_y, 1) > 0
    assert chart.band_high_y + chart.band_height < chart.height  # not down to the axis


def test_the_measured_rating_allows_the_fillers_the_user_allows() -> None:
    star = {
        p: {"present": True} for p in ("situation", "task", "action", "result", "quantified_result")
    }
    said = {"star": star, "fillers": {"per_min": 5.0}}
    assert measured_rating(said) == 3  # five a minute is too many by the default three
    assert measured_rating(said | {"thresholds": {"fillers_per_min_high": 6.0}}) == 5


def test_length_is_judged_and_shown_to_the_last_word(alice_client: Client, alice: User, question: Question) -> None:  # fmt: skip
    """Silence after the last word is not part of the answer: the card, the verdict and the
    tip all use the same figure."""
    transcript = spoken()  # the last word ends at about 56 s
    analysis = analyse_answer(
        transcript=transcript, duration_s=62.0, settings=own_settings(), engine="test"
    ).as_dict()
    last = round(transcript.words[-1].end, 1)
    assert analysis["length"]["seconds"] == last
    assert analysis["length"]["verdict"] == "short"
    assert any(t["rule"] == f"Length: {last:.0f} s, outside 60–180 s" for t in analysis["tips"])
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert f'<p class="big">{last:.0f} s</p><p class="meta">short (60–180 s)' in page
