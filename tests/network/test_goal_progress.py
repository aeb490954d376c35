"""A networking goal with a count moves by itself as people and events are logged, through the
goals app's own check-ins, and says what it counted."""

from decimal import Decimal

from django.test import Client
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Milestone
from prepcoach.goals.plans import progress_of
from tests.network.conftest import add_contact


def alumni_goal(alice: User) -> Goal:
    return Goal.objects.create(
        user=alice, text="Contact 5 alumni by Friday", kind=Goal.Kind.NETWORKING,
        target_value=Decimal(5), unit="alumni", start_date=timezone.localdate(),
    )  # fmt: skip


def test_contact_5_alumni_moves_from_0_to_2(alice_client: Client, alice: User) -> None:
    goal = alumni_goal(alice)
    today = timezone.localdate()
    assert progress_of(goal, today).basis == "0 of 5 alumni"
    alice_client.post("/plan/network/contacts/new/", {"name": "Ana Lee", "tags": "alumni"})
    alice_client.post("/plan/network/contacts/new/", {"name": "Zed", "company": "Acme"})
    response = alice_client.post(
        "/plan/network/contacts/new/",
        {"name": "Ben Park", "where_met": "King's alumnus evening"},
        follow=True,
    )
    goal.refresh_from_db()
    assert progress_of(goal, today).basis == "2 of 5 alumni"
    assert progress_of(goal, today).percent == 40.0
    latest = goal.check_ins.order_by("-created_at").first()
    assert latest is not None
    assert latest.value == 2
    # A check-in note is shown to the partner the goal is shared with: it says what was counted,
    # never whom (the user's contacts are theirs alone).
    assert "Counted 2 contacts" in latest.note
    assert "Ana Lee" not in latest.note
    assert "Ben Park" not in latest.note
    page = response.content.decode()
    assert "“Contact 5 alumni by Friday” now stands at 2 of 5." in page
    assert "Ana Lee, Ben Park." in page  # the owner is told whom it counted (Zed is no alumnus)
    # The goal page shows the count and what it counted.
    detail = alice_client.get(f"/plan/goals/{goal.pk}/").content.decode()
    assert "2 of 5 alumni" in detail


def test_deleting_an_alumna_moves_it_back(alice_client: Client, alice: User) -> None:
    goal = alumni_goal(alice)
    alice_client.post("/plan/network/contacts/new/", {"name": "Ana Lee", "tags": "alumna"})
    ana = alice.contacts.get()
    alice_client.post(f"/plan/network/contacts/{ana.pk}/delete/")
    assert progress_of(goal, timezone.localdate()).basis == "0 of 5 alumni"


def test_events_count_for_an_events_goal_and_not_for_a_mock_interview_goal(
    alice_client: Client, alice: User
) -> None:
    today = timezone.localdate()
    events = Goal.objects.create(
        user=alice, text="Attend 3 industry events this month", kind=Goal.Kind.NETWORKING,
        target_value=Decimal(3), unit="industry events", start_date=today,
    )  # fmt: skip
    mocks = Goal.objects.create(
        user=alice, text="Do 3 mock interviews", kind=Goal.Kind.BEHAVIORAL,
        target_value=Decimal(3), unit="mock interviews", start_date=today,
    )  # fmt: skip
    alice_client.post("/plan/network/events/new/", {"name": "PyData", "day": today.isoformat()})
    assert progress_of(events, today).basis == "1 of 3 industry events"
    assert progress_of(mocks, today).basis == "0 of 3 mock interviews"
    assert not mocks.check_ins.exists()


def test_an_import_moves_the_goal_too(alice_client: Client, alice: User) -> None:
    goal = alumni_goal(alice)
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = b"Name,Tags\nAna,alumni\nBen,alumni\nCy,alumni\nDee,recruiter\n"
    alice_client.post("/plan/network/contacts/import/", {"file": SimpleUploadedFile("c.csv", data)})
    assert progress_of(goal, timezone.localdate()).basis == "3 of 5 alumni"


def test_bobs_contacts_never_count_for_alice(alice_client: Client, alice: User, bob: User) -> None:
    goal = alumni_goal(alice)
    add_contact(bob, "Bob's alumnus", tags="alumni")
    alice_client.post("/plan/network/contacts/new/", {"name": "Ana", "tags": "alumni"})
    assert progress_of(goal, timezone.localdate()).basis == "1 of 5 alumni"


def test_a_milestone_is_reached_as_contacts_are_logged(alice_client: Client, alice: User) -> None:
    goal = alumni_goal(alice)
    halfway = Milestone.objects.create(goal=goal, title="Halfway there", threshold=40)
    alice_client.post("/plan/network/contacts/new/", {"name": "Ana", "tags": "alumni"})
    halfway.refresh_from_db()
    assert halfway.reached_on is None
    response = alice_client.post(
        "/plan/network/contacts/new/", {"name": "Ben", "tags": "alumni"}, follow=True
    )
    halfway.refresh_from_db()
    assert halfway.reached_on == timezone.localdate()
    assert "Milestone reached: Halfway there!" in response.content.decode()


def test_one_contact_is_said_in_the_singular_and_the_target_as_typed(
    alice_client: Client, alice: User
) -> None:
    """A trial read "now stands at 1 of 5.00" and "Counted 1 contacts": a target stored with
    two decimal places is said as typed, and one person in the singular."""
    goal = Goal.objects.create(
        user=alice, text="Contact 5 alumni by Friday", kind=Goal.Kind.NETWORKING,
        target_value=Decimal("5.00"), unit="alumni", start_date=timezone.localdate(),
    )  # fmt: skip
    response = alice_client.post(
        "/plan/network/contacts/new/", {"name": "Ana Lee", "tags": "alumni"}, follow=True
    )
    page = response.content.decode()
    assert "“Contact 5 alumni by Friday” now stands at 1 of 5." in page
    latest = goal.check_ins.order_by("-created_at").first()
    assert latest is not None
    assert "Counted 1 contact whose details say “alumni”" in latest.note
