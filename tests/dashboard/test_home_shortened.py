"""The dashboard shortens a long goal, note, question or rule where a clause ends, never
mid-word, keeps what follows it (a step's "· 2 days overdue"), and keeps the whole text where
the line links and in its title: a new user's trial saw "each followed by a written review o…"
with the step's due date cut off after it, and a partner's nudge cut inside its quotation."""

import datetime as dt
import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from tests.goals.conftest import today

GOAL = (
    "Complete three full mock interviews for data analyst roles in healthcare, each followed "
    "by a written review of what to improve, by the end of next month."
)
NOTE = (
    "Hey Alice, do not forget that the mock interview you planned is this week, and I would "
    "love to hear how it went afterwards."
)
BOBS_GOAL = (
    "Apply to five backend engineering roles in fintech companies with a tailored cover letter "
    "for each one, and follow up within a week."
)
QUESTION = (
    "Tell me about a time you had to explain a complicated analysis to people without a "
    "technical background, and how you checked that they understood it."
)


def main_of(page: str) -> str:
    return html.unescape(page.split("<main", 1)[1].split("</main>", 1)[0])


def test_the_today_list_shortens_a_goal_at_a_clause_and_keeps_the_due_date(
    alice_client: Client, alice: User
) -> None:
    goal = Goal.objects.create(user=alice, text=GOAL)
    Step.objects.create(goal=goal, title="Do the first mock interview", due_date=today())
    Step.objects.create(
        goal=goal, title="Review the recording", due_date=today() - dt.timedelta(days=2)
    )
    page = main_of(alice_client.get(reverse("dashboard:home")).text)
    listed = page.split('<ul class="today-list">')[1].split("</ul>")[0]
    short = "Complete three full mock interviews for data analyst roles in healthcare…"
    assert f"{short} · due today" in listed
    assert f"{short} · 2 days overdue" in listed
    assert "review o…" not in page
    # The step links to its goal's page, which holds the goal whole.
    assert reverse("goals:detail", args=[goal.pk]) + "#steps" in listed
    assert GOAL in alice_client.get(reverse("goals:detail", args=[goal.pk])).text


def test_news_shortens_inside_its_quotation_and_closes_it(
    alice_client: Client, alice: User, bob: User
) -> None:
    from prepcoach.accounts.access import new_link_token
    from prepcoach.feedback.models import FeedbackRequest, Review
    from prepcoach.partners.models import Comment, Nudge, Partnership
    from prepcoach.practice.models import Attempt

    goal = Goal.objects.create(user=alice, text=GOAL)
    partnership = Partnership.objects.create(owner=alice, partner=bob)
    partnership.goals.add(goal)
    Comment.objects.create(partnership=partnership, goal=goal, author=bob, text="Keep going")
    Nudge.objects.create(partnership=partnership, note=NOTE)
    attempt = Attempt.objects.create(user=alice, question_text=QUESTION)
    ask = FeedbackRequest.objects.create(owner=alice, attempt=attempt, reviewer_label="Sam",
                                         token_digest=new_link_token()[1],
                                         expires_at=FeedbackRequest.expiry())  # fmt: skip
    Review.objects.create(request=ask, reviewer_name="Sam", browser_key="k", overall=4)
    page = main_of(alice_client.get(reverse("dashboard:home")).text)
    news = page.split('<ul class="news">')[1].split("</ul>")[0]
    assert (
        "Bob Roe sent you a nudge: “Hey Alice, do not forget that the mock interview you "
        "planned is this week…”</a>"
    ) in news
    assert f'title="Bob Roe sent you a nudge: “{NOTE}”"' in news
    assert (
        "Bob Roe commented on “Complete three full mock interviews for data analyst roles in "
        "healthcare…”</a>"
    ) in news
    assert f'title="Bob Roe commented on “{GOAL}”"' in news
    assert (
        "Sam sent feedback on “Tell me about a time you had to explain a complicated analysis "
        "to people…” (4 of 5)</a>"
    ) in news
    assert f'title="Sam sent feedback on “{QUESTION}” (4 of 5)"' in news


def test_a_followed_goal_is_shortened_after_a_whole_word_with_its_whole_text_in_the_title(
    alice_client: Client, alice: User, bob: User
) -> None:
    from prepcoach.partners.models import Partnership

    goal = Goal.objects.create(user=bob, text=BOBS_GOAL)
    Partnership.objects.create(owner=bob, partner=alice).goals.add(goal)
    page = main_of(alice_client.get(reverse("dashboard:home")).text)
    following = page.split('<ul class="following">')[1].split("</ul>")[0]
    assert (
        f'title="{BOBS_GOAL}">Apply to five backend engineering roles in fintech companies with '
        "a tailored cover letter…</a>"
    ) in following


WE_STORY = (
    "Last year our support team faced a backlog of four hundred tickets after a launch. We had "
    "to clear it within a month. We rewrote the triage rules, we trained the two new starters "
    "and we moved the weekly reports to a shared queue. In the end we cleared the backlog in "
    "three weeks."
)


@pytest.mark.usefixtures("sentence_model")
def test_the_improve_card_drops_a_rules_asides_before_cutting_it(
    alice_client: Client, alice: User
) -> None:
    """The "Say what you did yourself" rule (126 characters with its count) was cut at 90,
    inside its brackets: "…fewer than half the team's (“we…”): in 2 of…"."""
    from prepcoach.coach.answer import analyse_answer
    from prepcoach.practice.models import Attempt

    for _ in range(2):
        Attempt.objects.create(user=alice, question_text="Tell me about a backlog you cleared.",
                               status=Attempt.Status.ANALYSED,
                               analysis=analyse_answer(text=WE_STORY).as_dict())  # fmt: skip
    page = main_of(alice_client.get(reverse("dashboard:home")).text)
    areas = page.split('<ul class="areas-short">')[1].split("</ul>")[0]
    assert "#area-personal_action" in areas
    assert (
        ">— no action of your own, or fewer than half the team's: in 2 of the 2 answers it could "
        "judge; trend:"
    ) in areas
    assert 'title="no action of your own (“I…”, or “I would…” in a plan), or fewer' in areas


def test_feedback_on_a_long_story_title_is_shortened_inside_its_quotation(
    alice_client: Client, alice: User
) -> None:
    # A review: a story's title (up to 150 characters) was shown whole, an answer's question cut.
    from prepcoach.accounts.access import new_link_token
    from prepcoach.feedback.models import FeedbackRequest, Review
    from prepcoach.reflection.models import Story

    story = Story.objects.create(user=alice, title=QUESTION[:150])
    ask = FeedbackRequest.objects.create(owner=alice, story=story, reviewer_label="Sam",
                                         token_digest=new_link_token()[1],
                                         expires_at=FeedbackRequest.expiry())  # fmt: skip
    Review.objects.create(request=ask, reviewer_name="Sam", browser_key="k", overall=3)
    page = main_of(alice_client.get(reverse("dashboard:home")).text)
    news = page.split('<ul class="news">')[1].split("</ul>")[0]
    assert "Sam sent feedback on your story “Tell me about a time you had to explain" in news
    assert "…” (3 of 5)</a>" in news
    assert f'title="Sam sent feedback on your story “{QUESTION[:150]}” (3 of 5)"' in news
