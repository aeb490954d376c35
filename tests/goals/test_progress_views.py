import datetime as dt
import re
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.smart import Verdict
from prepcoach.coach.smart_rewrite import format_date
from prepcoach.goals import plans
from prepcoach.goals.models import CheckIn, Goal, Milestone
from tests.goals.conftest import add_step, days


def test_check_in_moves_progress_and_celebrates_a_milestone(
    alice_client: Client, mock_goal: Goal
) -> None:
    Milestone.objects.create(goal=mock_goal, title="First mock done", threshold=30)
    response = alice_client.post(
        reverse("goals:checkin_add", args=[mock_goal.pk]),
        {"checkin-day": days(0).isoformat(), "checkin-value": "1", "checkin-note": "with Sam"},
        follow=True,
    )
    assert "1 of 3 mock interviews" in response.text
    assert '<text class="value"' in response.text  # the chart says its latest figure
    assert 'text-anchor="end">33%</text>' in response.text  # left of the today line
    assert "Milestone reached: First mock done!" in response.text
    assert 'class="message message-success celebrate"' in response.text
    assert Milestone.objects.get().reached_on == days(0)
    review = alice_client.get(reverse("goals:review")).text
    assert "Milestone “First mock done”" in review  # the wins log


def test_a_measurable_goal_needs_a_value(alice_client: Client, mock_goal: Goal) -> None:
    response = alice_client.post(
        reverse("goals:checkin_add", args=[mock_goal.pk]), {"checkin-day": days(0).isoformat()}
    )
    assert response.status_code == 422
    assert "Type how many mock interviews so far, e.g. 2" in response.text
    assert "This field is required" not in response.text


def test_a_negative_total_is_refused_and_keeps_the_days_check_in(
    alice_client: Client, mock_goal: Goal
) -> None:
    add = reverse("goals:checkin_add", args=[mock_goal.pk])
    day = days(0).isoformat()
    alice_client.post(add, {"checkin-day": day, "checkin-value": "2", "checkin-note": "two done"})
    response = alice_client.post(add, {"checkin-day": day, "checkin-value": "-3"})
    assert response.status_code == 422
    assert "Type how many mock interviews so far: a total can&#x27;t be below zero." in (
        response.text
    )
    assert [(c.value, c.note) for c in mock_goal.check_ins.all()] == [(2, "two done")]


def test_an_empty_log_it_says_what_to_fill_in(alice_client: Client, mock_goal: Goal) -> None:
    response = alice_client.post(reverse("goals:checkin_add", args=[mock_goal.pk]), {})
    assert response.status_code == 422
    assert "Pick the day you did it." in response.text
    assert "Type how many mock interviews so far" in response.text
    assert "This field is required" not in response.text


def test_week_shows_steps_in_the_hours_alice_has(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    from prepcoach.goals.plans import plan_for

    step = add_step(mock_goal, "Mock interview with Sam", 6, hours=1)
    # The first day with free hours may fall in next week (today could be alice's day off).
    first_day = plan_for(alice, days(0)).allocations[0].day
    page = alice_client.get(reverse("goals:week"), {"start": first_day.isoformat()}).text
    assert "Mock interview with Sam" in page
    assert f"due {step.due_date:%-d %b}" in page
    assert "Day off" in page  # alice gives Sundays nothing
    assert "for <span" in page
    assert "Do 3 recorded mock interviews before my onsite</span>" in page  # the step's goal


def test_a_step_is_ticked_from_the_week(alice_client: Client, alice: User, mock_goal: Goal) -> None:
    # Today has an hour whatever day the suite runs: alice gives Sundays nothing, so on a Sunday
    # her week (Monday to Sunday) had no hours left and showed no step to tick.
    alice.profile.weekly_hours = [1, 1, 1, 1, 1, 1, 1]
    alice.profile.save()
    step = add_step(mock_goal, "Mock interview with Sam", 6, hours=1)
    page = alice_client.get(reverse("goals:week")).text
    toggle = reverse("goals:step_toggle", args=[step.pk])
    assert f'hx-post="{toggle}"' in page
    data = {"view": "week", "day": days(1).isoformat(), "hours": "1"}
    block = alice_client.post(toggle, data, HTTP_HX_REQUEST="true").text
    step.refresh_from_db()
    assert step.done_on == days(0)
    assert block.lstrip().startswith('<li class="block done" id=')
    assert "Mark “Mock interview with Sam” not done" in block  # the same button undoes it
    assert f'id="tick-{step.pk}-{days(1):%Y%m%d}"' in block  # focus stays on it after the swap
    # Without HTMX, back to that week.
    back = alice_client.post(toggle, data)
    assert back.url == reverse("goals:week") + f"?start={days(1).isoformat()}"  # type: ignore[attr-defined]
    step.refresh_from_db()
    assert step.done_on is None


def test_a_step_ticked_in_the_week_stays_on_its_day_after_a_reload(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    alice.profile.weekly_hours = [1, 1, 1, 1, 1, 1, 1]  # today has one hour
    alice.profile.save()
    booked = add_step(mock_goal, "Book a mock with Sam", 2, hours=1)
    add_step(mock_goal, "Write the STAR story", 5, hours=1)
    toggle = reverse("goals:step_toggle", args=[booked.pk])
    data = {"view": "week", "day": days(0).isoformat(), "hours": "1"}
    alice_client.post(toggle, data, HTTP_HX_REQUEST="true")
    page = alice_client.get(reverse("goals:week"), {"start": days(0).isoformat()})
    today_li = next(d for d in page.context["days"] if d["day"] == days(0))
    assert [(s.title, s.done_on) for s, _ in today_li["items"]] == [
        ("Book a mock with Sam", days(0))
    ]  # still there, done; the other step is not moved into its hour
    assert today_li["used"] == 1
    assert "Mark “Book a mock with Sam” not done" in page.text


def oob_targets(block: str) -> list[str]:
    """The ids an HTMX answer's out-of-band pieces are swapped into."""
    targets = []
    for tag in re.findall(r"<[^>]* hx-swap-oob=[^>]*>", block):
        oob = re.search(r'hx-swap-oob="([^"]+)"', tag)
        assert oob is not None
        where = oob.group(1).split(":#", 1)
        targets.append(where[1] if len(where) == 2 else re.findall(r' id="([^"]+)"', tag)[0])
    return targets


def test_every_out_of_band_block_of_a_tick_has_its_place_on_the_week(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    """Ticked done on tomorrow, a step is done today: the answer adds its block to today's list,
    which the week shows even when it holds nothing (a new user's trial: htmx found no target
    for the block and said so in the console)."""
    alice.profile.weekly_hours = [1, 1, 1, 1, 1, 1, 1]
    alice.profile.save()
    add_step(mock_goal, "Write the STAR story", 0, hours=1)  # today's hour
    booked = add_step(mock_goal, "Book a mock with Sam", 9, hours=1)  # tomorrow's
    start = days(0) - dt.timedelta(days=days(0).weekday())
    week = alice_client.get(reverse("goals:week"), {"start": start.isoformat()}).text
    data = {"view": "week", "day": days(1).isoformat(), "hours": "1"}
    toggle = reverse("goals:step_toggle", args=[booked.pk])
    block = alice_client.post(toggle, data, HTTP_HX_REQUEST="true").text
    targets = oob_targets(block)
    if days(1) < start + dt.timedelta(days=7):  # tomorrow is in this week: today gets a block
        assert targets == [f"steps-{days(0):%Y%m%d}"]
    for target in targets:
        assert f'id="{target}"' in week
    assert (
        f'<ul class="steps" id="steps-{days(6):%Y%m%d}"></ul>'
        in alice_client.get(reverse("goals:week"), {"start": days(6).isoformat()}).text
    )  # a day with nothing on it still has its list


def test_overcommitment_is_reported_with_hours(alice_client: Client, mock_goal: Goal) -> None:
    add_step(mock_goal, "Ten hours tomorrow", 1, hours=10)
    page = alice_client.get(reverse("goals:week")).text
    assert re.search(r"its steps need \d+ h more than your week holds before their due dates", page)
    # Named for what is short (the time before the steps' due dates), not the person: a trial
    # read "Over-committed" beside a goal that fits its own date.
    assert "Not enough time before these due dates" in page
    plan_page = alice_client.get(reverse("goals:index")).text
    assert "Your plan does not fit before its deadlines" in plan_page
    detail = alice_client.get(reverse("goals:detail", args=[mock_goal.pk])).text
    assert "attainable" in detail.lower()
    # The goal's three weeks hold its 10 h; the step's own day does not: said, not "short".
    assert "of its steps are planned after their own due dates" in detail
    assert "more than your week holds before their due dates" in detail


def test_weekly_review_lists_slipped_steps_with_prompts(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    add_step(mock_goal, "Slipped step", -2)
    add_step(mock_goal, "Next step", 3)
    mock_goal.success_note = "I walk out of the onsite calm"
    mock_goal.save()
    page = alice_client.get(reverse("goals:review")).text
    assert "Slipped step" in page
    assert "give it a new date, drop it, or split it" in page
    assert "Next step" in page
    assert "I walk out of the onsite calm" in page


def test_when_days_pass_the_plan_says_what_moved(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    from prepcoach.goals.models import PlanSnapshot

    add_step(mock_goal, "Long step", 10, hours=4)
    alice_client.post(reverse("goals:index"), {"seen": "1"})  # alice has seen her plan today
    snapshot = PlanSnapshot.objects.get(user=alice)
    # Pretend she last looked three days ago, when the step would have finished earlier.
    step_id = next(iter(snapshot.finishes))
    earlier = (days(0) - dt.timedelta(days=3)).isoformat()
    PlanSnapshot.objects.filter(pk=snapshot.pk).update(
        taken_on=days(-3), finishes={step_id: earlier}
    )
    page = alice_client.get(reverse("goals:index")).text
    assert "Re-planned since" in page
    assert "“Long step”" in page
    assert "Re-planned since" in alice_client.get(reverse("goals:week")).text  # until seen
    seen = alice_client.post(reverse("goals:week"), {"seen": "1"})
    assert seen.status_code == 302
    assert seen["Location"] == reverse("goals:week")
    assert "Re-planned since" not in alice_client.get(reverse("goals:index")).text
    assert PlanSnapshot.objects.get(user=alice).taken_on == days(0)


def test_the_latest_check_in_of_a_day_counts(alice_client: Client, mock_goal: Goal) -> None:
    url = reverse("goals:checkin_add", args=[mock_goal.pk])
    for value in ("1", "2"):
        alice_client.post(url, {"checkin-day": days(0).isoformat(), "checkin-value": value})
    page = alice_client.get(reverse("goals:detail", args=[mock_goal.pk])).text
    assert "2 of 3 mock interviews" in page


def test_a_check_in_cannot_be_in_the_future(alice_client: Client, mock_goal: Goal) -> None:
    response = alice_client.post(
        reverse("goals:checkin_add", args=[mock_goal.pk]),
        {"checkin-day": days(3).isoformat(), "checkin-value": "3"},
    )
    assert response.status_code == 422
    assert "A check-in records what is done" in response.text


def test_a_step_due_in_year_9999_is_refused(alice_client: Client, alice: User) -> None:
    goal = Goal.objects.create(user=alice, text="Read 3 papers")
    response = alice_client.post(
        reverse("goals:step_add", args=[goal.pk]),
        {"step-title": "Paper", "step-due_date": "9999-12-31", "step-estimated_hours": "1",
         "step-impact": "2", "step-urgency": "2"},
    )  # fmt: skip
    assert "Pick a date between 2000 and 2100" in response.text


def test_a_past_day_offers_no_hours_to_give(alice_client: Client, alice: User) -> None:
    # A fresh user-tester read "1 h to give" above "Past" on every day of last week.
    last_week = alice_client.get(reverse("goals:week"), {"start": days(-7).isoformat()}).text
    assert last_week.count('class="day past"') == 7
    assert "to give" not in last_week
    assert "Past" in last_week
    next_week = alice_client.get(reverse("goals:week"), {"start": days(7).isoformat()}).text
    assert "to give" in next_week  # days to come still say what they have


def test_a_goal_made_late_by_another_goal_is_offered_the_plans_date(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    from prepcoach.coach.smart import format_date
    from prepcoach.goals.plans import plan_for

    alice.profile.weekly_hours = [1, 1, 1, 1, 1, 1, 1]
    alice.profile.save()
    # Alone, the goal's 18 hours fit the 22 before its deadline; another goal's 8-hour step,
    # due sooner and on time, leaves 14 (a new user's trial: the late goal was told to move its
    # deadline three weeks earlier than the plan could finish it).
    steps = [add_step(mock_goal, f"Mock {k}", 20 + k, hours=9) for k in range(2)]
    other = Goal.objects.create(user=alice, text="Work through every SQLZoo tutorial",
                                kind=Goal.Kind.SKILLS, target_date=days(40))  # fmt: skip
    add_step(other, "Every SQLZoo tutorial", 8, hours=8)
    plan = plan_for(alice, days(0))
    finish = max(plan.outcomes[s.pk].finish or days(0) for s in steps)
    assert finish > mock_goal.target_date  # the plan finishes them after the deadline
    detail = alice_client.get(reverse("goals:detail", args=[mock_goal.pk])).text
    assert f"Move the deadline to {format_date(finish)}" in detail
    assert detail.count("Move the deadline to") == 1


def test_the_progress_label_keeps_the_units_capitals(alice_client: Client, alice: User) -> None:
    # A new user's trial: "Timed sql practice exercises so far".
    goal = Goal.objects.create(user=alice, text="Do 10 timed SQL practice exercises",
                               target_date=days(20), target_value=10,
                               unit="timed SQL practice exercises")  # fmt: skip
    page = alice_client.get(reverse("goals:detail", args=[goal.pk])).text
    assert "Timed SQL practice exercises so far" in page


def test_a_plan_without_saved_hours_says_they_are_not_saved_and_where_to_save_them(
    bob: User, alice_client: Client
) -> None:
    """A trial read "your weekly hours are not set" beside the profile's suggested hours: the
    suggestions count only once saved, and the message says so."""
    bobs = Client()
    bobs.force_login(bob)  # a new user: the profile only suggests hours
    for page in (bobs.get(reverse("goals:index")).text, bobs.get(reverse("goals:week")).text):
        assert "hours saved yet" in page or "hours are not saved yet" in page
        assert "once saved" in page or "once you save them" in page
    assert "not saved yet" not in alice_client.get(reverse("goals:index")).text


def test_a_goal_with_an_overdue_step_fits_before_its_own_deadline(
    alice_client: Client, mock_goal: Goal
) -> None:
    """A trial's month-long goal with one overdue step read "you have 3 h before 31 December:
    1.5 h short": the plan's hours less its shortfall, not the hours before the deadline."""
    add_step(mock_goal, "Overdue mock", -1, hours=1.5)
    add_step(mock_goal, "Mock today", 0, hours=1)
    add_step(mock_goal, "Mock next week", 7, hours=2)
    detail = alice_client.get(reverse("goals:detail", args=[mock_goal.pk])).text
    attainable = re.search(r"Attainable.*?</li>", detail, re.S)
    assert attainable is not None
    said = attainable.group(0)
    assert "Your plan&#x27;s steps need 4.5 h; you have" in said
    assert "of its steps are planned after their own due dates" in said
    assert "but you have" not in said  # the over-commitment's words are for the deadline's
    # Listed first by priority, it is placed after the steps still on time: the page says why.
    assert "places a step that can no longer be on time after the steps that still can" in detail


def test_a_day_off_does_not_break_the_streak(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    """Alice gives Sunday no hours: a check-in every other day of the last three weeks is one
    streak on the plan, the review and the dashboard (a trial's Sunday off cut it to 7 days)."""
    logged = [days(-n) for n in range(21) if days(-n).weekday() != 6]
    CheckIn.objects.bulk_create(
        CheckIn(goal=mock_goal, day=d, value=Decimal(i)) for i, d in enumerate(logged)
    )
    said = f"{len(logged)}-day streak"
    assert said in alice_client.get(reverse("goals:index")).text
    assert said in alice_client.get(reverse("goals:review")).text
    assert said in alice_client.get(reverse("dashboard:home")).text


def test_a_goal_the_plan_finishes_after_its_deadline_is_not_attainable(
    alice: User, mock_goal: Goal
) -> None:
    """A review: with today's hours used by a step ticked on another goal, the goal's 5 h step
    due on its deadline finishes the day after it, yet the check said "you have 6 h"."""
    alice.profile.weekly_hours = [2] * 7
    alice.profile.save(update_fields=["weekly_hours"])
    mock_goal.target_date = days(2)
    mock_goal.save(update_fields=["target_date"])
    other = Goal.objects.create(user=alice, text="Write 5 STAR stories", target_date=days(20))
    add_step(other, "Ticked today", 5, hours=2, done_on=days(0))
    add_step(mock_goal, "Five hours of mocks", 2, hours=5)
    found = plans.check(alice, mock_goal.text, days(0), mock_goal).attainable
    assert found.verdict is Verdict.MISSING
    assert found.reason.endswith("but you have 4 h by " + format_date(days(2)) + ": 1 h short.")
    assert format_date(days(3)) in found.fix  # the day the plan finishes it


def test_the_plan_finishing_after_the_deadline_is_said_even_when_the_hours_are_there(
    alice: User, mock_goal: Goal
) -> None:
    """The hours before the deadline suffice, but the user put the step on a later day."""
    alice.profile.weekly_hours = [2] * 7
    alice.profile.save(update_fields=["weekly_hours"])
    mock_goal.target_date = days(3)
    mock_goal.save(update_fields=["target_date"])
    add_step(mock_goal, "Mock on Friday", 3, hours=1, planned_on=days(5))
    found = plans.check(alice, mock_goal.text, days(0), mock_goal).attainable
    assert found.verdict is Verdict.MISSING
    assert f"the week plan finishes them on {format_date(days(5))}" in found.reason
    assert found.fix.startswith(f"Move the deadline to {format_date(days(5))}")
