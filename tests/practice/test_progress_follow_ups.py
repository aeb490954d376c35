"""The progress page leaves an answer to a follow-up that asked for one part off its STAR line,
and says so, as the areas, the goals and the mock judge it on that part alone (a review found
the line still counted "What changed, in numbers?"'s two sentences of numbers as 1 of 4 parts,
dragging the week's mean down).

- alice: in a mock, answers a story question, then its follow-up asking for numbers."""

from __future__ import annotations

import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.trends import weekly
from tests.practice.mock_sessions import answered, post_follow_up
from tests.practice.test_mock_follow_ups import IN_NUMBERS, NUMBERS
from tests.practice.test_mocks import PROCESS, UNQUANTIFIED


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_asking_for_one_part_is_off_the_star_line_and_said(
    alice_client: Client, alice: User
) -> None:
    _, _, main = answered(alice_client, alice, PROCESS, UNQUANTIFIED, count="1")
    post_follow_up(alice_client, main, IN_NUMBERS, NUMBERS)
    page = html.unescape(alice_client.get(reverse("practice:progress")).text)
    assert "2 analysed answers" in page
    star = page[page.index("<strong>STAR parts present (of 4)</strong>") :]
    star = star[: star.index("</figure>")]
    # The first answer's figure alone: its follow-up's numbers are not a story of 1 part.
    first = weekly([(main.created_at.date(), main.analysis or {}, "story")])
    (line,) = [t for t in first if t.metric == "star_parts"]
    assert f"</strong>: {line.points[0][1]:g} in the week of" in star
    assert "Not counted: 1 answer to a follow-up that asked for one part." in star


def test_the_core_counts_its_delivery_as_any_answers() -> None:
    import datetime as dt

    day = dt.date(2026, 12, 4)
    numbers = {"wpm": 150.0, "duration_s": 12.0, "star": {p: {"present": p == "result"} for p in
               ("situation", "task", "action", "result")}}  # fmt: skip
    trends = {t.metric: t for t in weekly([(day, numbers, "story", True)])}
    assert trends["wpm"].points == ((day - dt.timedelta(days=day.weekday()), 150.0),)
    assert trends["star_parts"].points == ()
    assert "duration_s" not in trends  # a one-sentence answer would pull the length line down
    assert trends["star_parts"].left_out_words == "1 answer to a follow-up that asked for one part"
