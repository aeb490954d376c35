import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from tests.goals.conftest import today


def test_a_new_user_is_told_where_to_start(alice_client: Client) -> None:
    page = alice_client.get(reverse("dashboard:home")).text
    assert "No goals yet" in page
    for section in ("Plan", "Grow", "Improve", "Dashboard"):
        assert f">{section}</a>" in page


def test_the_plan_card_shows_what_is_due(alice_client: Client, alice: User) -> None:
    goal = Goal.objects.create(user=alice, text="Write 3 STAR stories")
    Step.objects.create(goal=goal, title="Conflict story", due_date=today() + dt.timedelta(days=2))
    page = alice_client.get(reverse("dashboard:home")).text
    assert "1 active goal" in page
    assert "Conflict story" in page
    assert "Overdue or due in the next 7 days:" in page
    assert "overdue</strong>" not in page.split('id="plan-title"')[1].split("Go to Plan")[0]


def test_the_plan_card_marks_a_step_gone_past_its_due_date(
    alice_client: Client, alice: User
) -> None:
    """A trial's step due yesterday sat first in the card's list, unmarked, while the Today card
    and the review called it overdue."""
    goal = Goal.objects.create(user=alice, text="Write 3 STAR stories")
    Step.objects.create(goal=goal, title="Late story", due_date=today() - dt.timedelta(days=1))
    Step.objects.create(goal=goal, title="Next story", due_date=today() + dt.timedelta(days=1))
    card = alice_client.get(reverse("dashboard:home")).text.split('id="plan-title"')[1]
    card = card.split("Go to Plan")[0]
    late, soon = card.split("Late story")[1], card.split("Next story")[1]
    assert late.split("</li>")[0].endswith('<strong class="warn-text">overdue</strong>')
    assert "overdue" not in soon.split("</li>")[0]


def test_news_from_people_shows_only_what_came_to_this_user(
    alice_client: Client, alice: User, bob: User
) -> None:
    from prepcoach.accounts.access import new_link_token
    from prepcoach.feedback.models import FeedbackRequest, Review
    from prepcoach.goals.models import Milestone
    from prepcoach.partners.models import Cheer, Comment, Nudge, Partnership
    from prepcoach.practice.models import Attempt
    from tests.conftest import make_user

    empty = alice_client.get(reverse("dashboard:home")).text
    assert "Nothing new from people" in empty
    goal = Goal.objects.create(user=alice, text="Do 3 mock interviews")
    milestone = Milestone.objects.create(goal=goal, title="First mock done", threshold=33)
    partnership = Partnership.objects.create(owner=alice, partner=bob)
    partnership.goals.add(goal)
    Comment.objects.create(partnership=partnership, goal=goal, author=bob, text="Keep going")
    Comment.objects.create(partnership=partnership, goal=goal, author=alice, text="Thanks")
    Cheer.objects.create(partnership=partnership, milestone=milestone)
    Nudge.objects.create(partnership=partnership, note="<b>Friday!</b>")
    attempt = Attempt.objects.create(user=alice, question_text="Why this role?")
    ask = FeedbackRequest.objects.create(owner=alice, attempt=attempt, reviewer_label="Sam",
                                         token_digest=new_link_token()[1],
                                         expires_at=FeedbackRequest.expiry())  # fmt: skip
    Review.objects.create(request=ask, reviewer_name="Sam", browser_key="k", overall=4)
    carol = make_user("carol@example.com", name="Carol")
    carols = Attempt.objects.create(user=carol, question_text="Carol's private question")
    other = FeedbackRequest.objects.create(owner=carol, attempt=carols, reviewer_label="x",
                                           token_digest=new_link_token()[1],
                                           expires_at=FeedbackRequest.expiry())  # fmt: skip
    Review.objects.create(request=other, reviewer_name="Kim", browser_key="k", overall=2)

    page = alice_client.get(reverse("dashboard:home")).text
    assert "Sam sent feedback on “Why this role?” (4 of 5)" in page
    assert "Bob Roe commented on “Do 3 mock interviews”" in page
    assert "Bob Roe cheered “First mock done”" in page
    assert "Bob Roe sent you a nudge: “&lt;b&gt;Friday!&lt;/b&gt;”" in page
    # The comment and the nudge link to where they are shown: the partnership's page.
    shared = reverse("partners:detail", args=[partnership.pk])
    assert f'href="{shared}#comments-{goal.pk}"' in page
    assert f'href="{shared}"' in page
    assert f"comments-{goal.pk}" in alice_client.get(shared).text
    assert "Keep going" in alice_client.get(shared).text
    assert "Alice Doe commented" not in page  # her own reply is no news to her
    assert "Carol's private question" not in page
    assert "Kim" not in page


def test_news_names_a_mock_interview_or_a_story_that_got_feedback(
    alice_client: Client, alice: User
) -> None:
    from prepcoach.accounts.access import new_link_token
    from prepcoach.feedback.models import FeedbackRequest, Review
    from prepcoach.practice.models import MockSession
    from prepcoach.reflection.models import Story

    session = MockSession.objects.create(user=alice, role="Data analyst", company="Acme")
    story = Story.objects.create(user=alice, title="Late weekly reports")
    for name, thing in (("Sam", {"session": session}), ("Kim", {"story": story})):
        ask = FeedbackRequest.objects.create(owner=alice, reviewer_label=name,
                                             token_digest=new_link_token()[1],
                                             expires_at=FeedbackRequest.expiry(), **thing)  # fmt: skip
        Review.objects.create(request=ask, reviewer_name=name, browser_key="k", overall=4)
    page = alice_client.get(reverse("dashboard:home")).text
    assert "Sam sent feedback on your mock interview of " in page
    assert "(Data analyst at Acme) (4 of 5)" in page
    assert reverse("feedback:session", args=[session.pk]) in page
    assert "Kim sent feedback on your story “Late weekly reports” (4 of 5)" in page
    assert reverse("feedback:story", args=[story.pk]) in page


@pytest.mark.usefixtures("sentence_model")
def test_the_improve_card_names_what_to_work_on_next(alice_client: Client, alice: User) -> None:
    from prepcoach.coach.answer import analyse_answer
    from prepcoach.practice.models import Attempt

    said = (
        "Last spring our support queue doubled after a launch. I was asked to bring waiting "
        "times down. I rewrote the triage rules. In the end customers were happier."
    )
    for _ in range(2):
        Attempt.objects.create(user=alice, question_text="Tell me about a backlog you cleared.",
                               status=Attempt.Status.ANALYSED,
                               analysis=analyse_answer(text=said).as_dict())  # fmt: skip
    page = alice_client.get(reverse("dashboard:home")).text
    assert "What to work on next" in page
    assert f"{reverse('practice:areas')}#area-quantified" in page
    assert "Put a number on the result" in page
    # Its trend reads as a number even with one week of answers, never a lone dot.
    assert "trend: 2 of the 2 answers it judged this week" in page


def test_today_lists_the_debrief_owed_the_interview_steps_and_drills(
    alice_client: Client, alice: User, bob: User
) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from prepcoach.jobs.models import Interview, Opportunity
    from prepcoach.practice.models import DrillCard, Question

    job = Opportunity.objects.create(user=alice, company="Initech", role="Analyst")
    done = Interview.objects.create(user=alice, opportunity=job, round_name="Phone screen",
                                    starts_at=timezone.now() - dt.timedelta(hours=3))  # fmt: skip
    soon = Interview.objects.create(user=alice, opportunity=job, round_name="Final round",
                                    starts_at=timezone.now() + dt.timedelta(hours=20))  # fmt: skip
    goal = Goal.objects.create(user=alice, text="Write 3 STAR stories")
    # Three hours: all Alice has on any day (coach.planning), so the week puts nothing else on
    # today, whatever day it is, and next week's story is not on today's list.
    Step.objects.create(goal=goal, title="Conflict story", due_date=today(), estimated_hours=3)
    Step.objects.create(
        goal=goal, title="Next week's story", due_date=today() + dt.timedelta(days=6)
    )
    question = Question.objects.create(owner=alice, text="Why Initech?")
    DrillCard.objects.create(user=alice, content_type=ContentType.objects.get_for_model(Question),
                             object_id=question.pk, state={}, due=timezone.now())  # fmt: skip
    bobs = Goal.objects.create(user=bob, text="Bob's goal")
    Step.objects.create(goal=bobs, title="Bob's step", due_date=today())
    page = alice_client.get(reverse("dashboard:home")).text
    listed = page.split('<ul class="today-list">')[1].split("</ul>")[0]
    assert reverse("interviews:debrief", args=[done.pk]) in listed
    assert "Debrief your phone screen at Initech" in listed
    assert reverse("dashboard:readiness", args=[soon.pk]) in listed
    assert "Final round at Initech" in listed
    assert "Conflict story" in listed
    assert "Next week&#x27;s story" not in listed
    assert "1 drill due" in listed
    assert "Bob" not in page
    assert reverse("dashboard:digest") in page


def test_the_grow_card_counts_jobs_and_stories(alice_client: Client, alice: User) -> None:
    from prepcoach.jobs.models import Opportunity
    from prepcoach.reflection.models import Story

    page = alice_client.get(reverse("dashboard:home")).text
    assert "No research or stories yet" in page
    Opportunity.objects.create(user=alice, company="Initech", role="Analyst")
    Story.objects.create(user=alice, title="Clearing the backlog")
    Story.objects.create(user=alice, title="The courier switch")
    page = alice_client.get(reverse("dashboard:home")).text
    assert "1 job you are preparing for · 2 STAR stories." in page
    assert "No research or stories yet" not in page


def test_news_from_a_moment_ago_says_just_now() -> None:
    from django.utils import timezone

    from prepcoach.templating import ago

    now = timezone.now()
    assert ago(now) == "just now"
    assert ago(now - dt.timedelta(hours=3)) == "3\xa0hours ago"
    assert ago(None) == ""


def test_the_grow_card_says_none_yet_rather_than_zero(alice_client: Client, alice: User) -> None:
    """The card read "1 job you are preparing for · 0 STAR stories.", a count of nothing."""
    from prepcoach.jobs.models import Opportunity
    from prepcoach.reflection.models import Story

    job = Opportunity.objects.create(user=alice, company="Initech", role="Analyst")
    page = alice_client.get(reverse("dashboard:home")).text
    assert "1 job you are preparing for · no STAR stories yet." in page
    job.delete()
    Story.objects.create(user=alice, title="Clearing the backlog")
    page = alice_client.get(reverse("dashboard:home")).text
    assert "No job added yet · 1 STAR story." in page


def test_the_cards_follow_the_loop_plan_grow_improve_then_people(alice_client: Client) -> None:
    """Plan, Grow and Improve in the loop's order, then what came from people: a trial found
    Improve left alone under the other three."""
    page = alice_client.get(reverse("dashboard:home")).text
    order = [page.index(f'id="{card}-title"') for card in ("plan", "grow", "improve", "people")]
    assert order == sorted(order)
    assert 'class="cards home-cards"' in page
