"""What a new user's trial found on the areas page and a follow-up's report (each with a
coach test: `tests/coach/test_follow_up_reflection.py`, `test_follow_up_story_areas.py`):
- an answer to "What did you learn from that?" (`followups.FIXED`) was judged as a story: 3 of
  5, three STAR tips, and evidence for "Say the task" and "Put a number on the result";
- an answer with no result stayed evidence for "Say the result" though its follow-up, "What
  was the outcome?", gave it and that report counted "✓ result";
- "6 of the last 10 answers it could judge" stood beside "Trend: 6 of the 11 answers it judged
  this week", unsaid that the two count different answers."""

from __future__ import annotations

import html

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Question
from tests.coach.test_follow_up_measured import OUTCOME, WHOLE, stored
from tests.coach.test_follow_up_reflection import LEARN, lesson
from tests.practice.test_follow_up_report import answered

URL = reverse("practice:areas")
NO_RESULT = stored("situation", "action")
RESULT = stored("result", number=True)


def page(client: Client, url: str) -> str:
    got = client.get(url)
    assert got.status_code == 200
    return html.unescape(got.text)


def area(shown: str, key: str) -> str:
    return shown.split(f'id="area-{key}"')[1].split("</li>\n  \n")[0]


def test_a_lesson_is_not_judged_as_a_story(
    alice_client: Client, alice: User, question: Question
) -> None:
    follow_ups = []
    for _ in range(2):
        first = answered(alice, question, WHOLE)
        follow_ups.append(answered(alice, question, lesson(), question_text=LEARN,
                                   follow_up_to=first, rating=3))  # fmt: skip
    report = page(alice_client, reverse("practice:attempt", args=[follow_ups[0].pk]))
    assert "Asked for: what you learned — a reflection on the story" in report
    assert "Put a number on the result" not in report
    assert "Start with a sentence of context" not in report
    assert "what was asked of you" not in report
    assert "3 and " not in report  # no figure beside the rating
    assert (
        "your rating; no 1–5 figure: a follow-up is judged only on what it asked for (what you "
        "learned)" in report
    )
    assert "The whole story, over your first answer and this one together:" in report
    areas = page(alice_client, URL)
    for key in ("star_situation", "star_task", "quantified"):
        assert f'id="area-{key}"' not in areas, key


def test_a_result_given_in_the_follow_up_is_counted_in_the_areas(
    alice_client: Client, alice: User, question: Question
) -> None:
    firsts = []
    for _ in range(2):
        firsts.append(first := answered(alice, question, NO_RESULT))
        then = answered(alice, question, RESULT, question_text=OUTCOME, follow_up_to=first)
    report = page(alice_client, reverse("practice:attempt", args=[then.pk]))
    assert "✓ result" in report  # the follow-up's report, over both answers
    areas = page(alice_client, URL)
    assert 'id="area-star_result"' not in areas
    task = area(areas, "star_task")  # missing from both stories: once each, at its first answer
    assert "in 2 of the 2 answers it could judge" in task
    assert "2 answers to follow-ups, read as one story with the answers they follow up" in task
    for first in firsts:
        assert reverse("practice:attempt", args=[first.pk]) in task


def test_the_trend_says_what_it_counts_beside_the_headline(
    alice_client: Client, alice: User, question: Question
) -> None:
    for analysis in [stored("situation", "result")] * 5 + [NO_RESULT] * 6:
        answered(alice, question, analysis)
    result = area(page(alice_client, URL), "star_result")
    assert "in 6 of the last 10 answers it could judge" in result
    assert (
        "Trend, over all 11 answers it judged, not only the last 10: 6 of the 11 answers it "
        "judged this week." in result
    )
    assert "Trend: 6 of the 11" not in result
