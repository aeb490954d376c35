"""One source of truth (issue 12, class 6): the goal made to collect a job's key facts and the
job's research page say the same count, on every page, whatever was logged before."""

from decimal import Decimal

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.goals.models import CheckIn, Goal
from prepcoach.jobs.models import Fact, Opportunity
from prepcoach.partners.models import Partnership
from tests.goals.conftest import days
from tests.jobs.typed import delete, move, typed_job


def facts_goal(client: Client, user: User, facts: int) -> tuple[Opportunity, Goal]:
    job = Opportunity.objects.create(user=user, company="Acme Health", role="Product manager")
    client.post(reverse("goals:facts_goal", args=[job.pk]))
    for n in range(facts):
        client.post(
            reverse("research:fact_add", args=[job.pk]),
            {"fact-text": f"Fact {n}", "fact-source": "https://acme.example/about"},
        )
    return job, Goal.objects.get(user=user)


def test_the_goal_and_the_research_page_agree_whatever_was_logged(
    alice_client: Client, alice: User, bob: User
) -> None:
    job, goal = facts_goal(alice_client, alice, 5)
    # A figure logged by other means later that day (what left the goal at 3 of 5).
    CheckIn.objects.create(goal=goal, day=timezone.localdate(), value=Decimal(3))
    research = alice_client.get(reverse("research:research", args=[job.pk])).text
    assert "Target reached: you know 5 key facts" in research
    detail = alice_client.get(reverse("goals:detail", args=[goal.pk])).text
    assert "5 of 5 key facts" in detail
    assert "3 of 5 key facts" not in detail
    plan = alice_client.get(reverse("goals:index")).text
    assert "5 of 5 key facts" in plan
    api = alice_client.get("/api/goals").json()
    assert [g["progress_percent"] for g in api] == [100.0]
    # A partner the goal is shared with reads the same count.
    partnership = Partnership.objects.create(owner=alice, partner=bob)
    partnership.goals.add(goal)
    partner = Client()
    partner.force_login(bob)
    shared = partner.get(reverse("partners:detail", args=[partnership.pk])).text
    assert "5 of 5 key facts" in shared
    assert "3 of 5" not in shared


def test_a_counted_goal_is_corrected_where_it_is_counted(alice_client: Client, alice: User) -> None:
    job, goal = facts_goal(alice_client, alice, 2)
    detail = alice_client.get(reverse("goals:detail", args=[goal.pk])).text
    assert "This goal counts itself: 2 of 5 key facts" in detail
    assert reverse("research:research", args=[job.pk]) in detail
    assert reverse("goals:checkin_add", args=[goal.pk]) not in detail  # no form to log by hand
    refused = alice_client.post(
        reverse("goals:checkin_add", args=[goal.pk]),
        {"checkin-day": timezone.localdate().isoformat(), "checkin-value": "4"},
        follow=True,
    )
    assert "add or correct them there" in refused.text
    assert "2 of 5 key facts" in refused.text
    # Deleting a fact, or changing how many to collect, moves both at once.
    fact = Fact.objects.filter(opportunity=job).first()
    assert fact is not None
    alice_client.post(reverse("research:fact_delete", args=[fact.pk]))
    assert "1 of 5 key facts" in alice_client.get(reverse("goals:detail", args=[goal.pk])).text
    sections = ("mission", "strategy", "products", "culture", "news", "competitors", "people",
                "notes", "my_questions", "logistics")  # fmt: skip
    research_data = dict.fromkeys(sections, "")
    saved = alice_client.post(
        reverse("research:research", args=[job.pk]), {**research_data, "fact_target": "2"}
    )
    assert saved.status_code == 302
    assert "1 of 2 key facts" in alice_client.get(reverse("goals:detail", args=[goal.pk])).text
    goal.refresh_from_db()
    assert goal.target_value == 2


def test_the_goal_is_due_on_the_day_of_the_next_interview_as_it_is_now(
    alice_client: Client, alice: User
) -> None:
    """A new user's fault: the goal was due on the first date typed into the job's form, after
    that interview was moved on its page. It is due on the next interview's day, as it is."""
    job, (first, _) = typed_job(alice_client, alice, days(10), days(20))
    move(alice_client, first, days(12))
    alice_client.post(reverse("goals:facts_goal", args=[job.pk]))
    assert Goal.objects.get(user=alice).target_date == days(12)


def test_with_no_interview_ahead_the_goal_has_no_deadline(
    alice_client: Client, alice: User
) -> None:
    """The interview typed was deleted, another moved to a day gone: none is ahead."""
    job, (first, second) = typed_job(alice_client, alice, days(10), days(20))
    delete(alice_client, first)
    move(alice_client, second, days(-2))
    alice_client.post(reverse("goals:facts_goal", args=[job.pk]))
    assert Goal.objects.get(user=alice).target_date is None
