"""An answer prepcoach cannot read (one word, another language) gets "can't tell" for every
content verdict and no content tip, never a row of "missing" parts; a typed answer too long to
say in the question's time band gets a length tip even without a recording."""

from __future__ import annotations

import pytest

from prepcoach.coach.answer import analyse_answer, measured_rating
from prepcoach.coach.delivery import DeliverySettings

QUESTION = "Tell me about a time you explained a complex idea to someone without your background."
GERMAN = (
    "Letztes Jahr habe ich ein Projekt geleitet, bei dem wir die Wartezeiten in der Klinik um "
    "dreißig Prozent verkürzt haben. Zuerst habe ich die Daten der letzten zwei Jahre analysiert. "
    "Dann habe ich dem Team die Ergebnisse mit einem einzigen Diagramm erklärt."
)
STORY = (
    "Our clinic's waiting times had doubled over the winter. "
    "I was asked to explain to the managers why. "
    "I drew one chart that showed the queue building every Monday morning. "
    "They moved two nurses to Mondays and the wait fell by a third. "
)


# Issue 9's bad input: a job advert pasted as HTML (read as an answer whose "<div class=…><h1>"
# set the scene, told "Answers the question: no" and measured 2 of 5), and two short sentences
# of German that share enough words with English to pass its counts ("in", "Team", "am").
ADVERT_HTML = """<div class="job"><h1>Senior Python Developer &amp; Team Lead</h1>
<script>window.dataLayer=[];gtag('config','UA-12345');</script>
<p>We are looking for a Senior Python Developer to join our Platform &amp; Data team.</p>
<ul><li>5+ years of Python &amp; Django experience</li><li>PostgreSQL and AWS</li></ul></div>"""
SHORT_GERMAN = (
    "Ich habe in meinem letzten Projekt ein Team von fünf Entwicklern geleitet. Am Ende haben "
    "wir die Ladezeit um 40 Prozent reduziert."
)


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Teamwork.", "1 word is too few to judge"),
        (GERMAN, "read as English"),
        (SHORT_GERMAN, "read as English"),
        (ADVERT_HTML, "web page's HTML markup (<div>, <h1>, <script>, <p>, <ul>, <li>)"),
    ],
    ids=["one word", "German", "short German", "HTML advert"],
)
def test_an_unreadable_answer_is_cant_tell_not_missing(text: str, why: str) -> None:
    analysis = analyse_answer(text=text, question=QUESTION)
    shown = analysis.as_dict()
    assert isinstance(shown["cannot_tell"], str)
    assert why in shown["cannot_tell"]
    star = shown["star"]
    assert isinstance(star, dict)
    assert {part: verdict["present"] for part, verdict in star.items()} == dict.fromkeys(
        ("situation", "task", "action", "result", "quantified_result")
    )
    assert analysis.tips == ()
    assert measured_rating(shown) is None  # no "1 of 5" from verdicts nobody could give
    relevance = shown["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["addresses"] is None  # "prepcoach can't tell", not "Answers the question: no"


@pytest.mark.usefixtures("sentence_model")
def test_a_readable_answer_keeps_its_verdicts() -> None:
    shown = analyse_answer(text=STORY, question=QUESTION).as_dict()
    assert shown["cannot_tell"] is None
    star = shown["star"]
    assert isinstance(star, dict)
    assert star["action"]["present"] is True
    assert all(verdict["present"] is not None for verdict in star.values())


@pytest.mark.usefixtures("sentence_model")
def test_a_typed_answer_too_long_to_say_gets_a_length_tip() -> None:
    long_story = STORY * 40  # about 2,000 words: over 12 minutes even at 160 wpm
    analysis = analyse_answer(text=long_story, question=QUESTION)
    tips = [tip for tip in analysis.tips if tip.rule.startswith("Length:")]
    assert len(tips) == 1
    assert "outside 60–180 s" in tips[0].rule
    assert "Even at 160 words a minute" in tips[0].text
    shown = analysis.as_dict()
    assert isinstance(shown["note"], str)
    assert shown["note"].startswith("read the first 60 of 160 sentences")


@pytest.mark.usefixtures("sentence_model")
def test_a_typed_answer_that_fits_at_the_top_of_the_pace_band_gets_no_length_tip() -> None:
    # 5 copies: 215 words, 81 s at 160 wpm, inside 60-180 s; at 60 wpm they take 215 s.
    fits = analyse_answer(text=STORY * 5, question=QUESTION)
    assert not [tip for tip in fits.tips if tip.rule.startswith("Length:")]
    slow = DeliverySettings(pace_low=40, pace_high=60)
    slowed = analyse_answer(text=STORY * 5, question=QUESTION, settings=slow)
    assert [tip for tip in slowed.tips if tip.rule.startswith("Length:")]


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize("text", [GERMAN, SHORT_GERMAN], ids=["German", "short German"])
def test_a_typed_answer_in_another_language_has_no_fillers_counted(text: str) -> None:
    """German "um 40 Prozent" (by 40 per cent) was "Fillers: 1", and marked as a filler in the
    typed answer, on the report, in `prepcoach analyze` and the API (issue 9's bad input)."""
    shown = analyse_answer(text=text, question=QUESTION).as_dict()
    assert shown["fillers"] == {"count": None, "per_min": None, "items": []}
    withheld = shown["withheld"]
    assert isinstance(withheld, list)
    assert "fillers" in withheld


@pytest.mark.usefixtures("sentence_model")
def test_fillers_of_an_english_answer_prepcoach_cannot_read_are_still_counted() -> None:
    shown = analyse_answer(text="um uh like you know so um", question=QUESTION).as_dict()
    fillers = shown["fillers"]
    assert isinstance(fillers, dict)
    assert fillers["count"] == 3
