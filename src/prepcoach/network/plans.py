"""Rows to the core's inputs and back: which follow-ups are due, and networking goals moved by
what the user logged. It judges nothing itself (`coach.network` does)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach import network
from prepcoach.goals.models import CheckIn, Goal
from prepcoach.network.models import Contact, Event

AUTO_NOTE = "Counted from your network: "


def follow_ups(user: User) -> list[network.FollowUp]:
    """Every contact of the user with a follow-up date."""
    rows = owned_by(Contact.objects.all(), user).filter(next_follow_up__isnull=False)
    return [
        network.FollowUp(c.pk, c.name, c.company, c.next_follow_up)
        for c in rows.only("pk", "name", "company", "next_follow_up")
        if c.next_follow_up is not None
    ]


def due_follow_ups(user: User, today: dt.date, days: int = 1) -> network.FollowUpsDue:
    return network.follow_ups_due(follow_ups(user), today, days)


def follow_ups_between(user: User, start: dt.date, end: dt.date) -> list[network.FollowUp]:
    """Follow-ups on the days start ≤ day < end (the week view)."""
    return [f for f in follow_ups(user) if start <= f.due < end]


def sync_goals(user: User, today: dt.date) -> list[tuple[Goal, network.GoalUpdate]]:
    """Move each networking goal with a count to what the user has logged: a check-in with the
    new count and what was counted, through the goals app's own check-ins."""
    goals = list(
        owned_by(Goal.objects.all(), user)
        .filter(status=Goal.Status.ACTIVE, target_value__isnull=False)
        .prefetch_related("check_ins")
    )
    if not goals:
        return []
    inputs = []
    for goal in goals:
        logged = sorted(
            (c for c in goal.check_ins.all() if c.value is not None),
            key=lambda c: (c.day, c.created_at),
        )
        inputs.append(
            network.GoalInput(
                id=goal.pk,
                text=goal.text,
                unit=goal.unit or goal.text,
                kind=goal.kind,
                start=goal.start_date,
                deadline=goal.target_date,
                current=float(logged[-1].value) if logged and logged[-1].value is not None else 0.0,
                target=float(goal.target_value) if goal.target_value is not None else None,
            )
        )
    contacts = [
        network.NetworkContact(c.pk, c.name, c.counted_text, c.added_on, c.last_contact)
        for c in owned_by(Contact.objects.all(), user)
    ]
    events = [
        network.NetworkEvent(e.pk, e.name, e.day) for e in owned_by(Event.objects.all(), user)
    ]
    updates = network.goal_updates(inputs, contacts, events, today)
    by_id = {g.pk: g for g in goals}
    with transaction.atomic():
        for update in updates:
            CheckIn.objects.create(
                goal=by_id[update.goal_id],
                day=today,
                value=Decimal(int(update.after)),
                note=AUTO_NOTE + update.count.summary,  # no names: partners see check-ins
            )
    # Fresh rows: the ones above hold the check-ins as they were before this one.
    moved = owned_by(Goal.objects.all(), user).in_bulk([u.goal_id for u in updates])
    return [(moved[u.goal_id], u) for u in updates]
