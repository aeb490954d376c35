"""accounts.access, partners section: the one place that decides what a partner may see."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from prepcoach.accounts import access
from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.partners.models import Partnership


def test_partner_goals_are_only_the_chosen_ones(
    alice: User, bob: User, carol: User, partnership: Partnership, shared_goal: Goal,
    secret_goal: Goal,
) -> None:  # fmt: skip
    assert list(access.partner_goals(bob)) == [shared_goal]
    assert list(access.partner_goals(bob, partnership)) == [shared_goal]
    assert list(access.partner_goals(alice, partnership)) == [shared_goal]  # her own
    assert list(access.partner_goals(alice)) == []  # nobody shares with her
    assert list(access.partner_goals(carol, partnership)) == []
    assert list(access.partner_goals(AnonymousUser())) == []  # type: ignore[arg-type]
    assert access.get_partner_goal_or_404(bob, shared_goal.pk) == shared_goal
    with pytest.raises(Http404):
        access.get_partner_goal_or_404(bob, secret_goal.pk)
    with pytest.raises(Http404):
        access.get_partner_goal_or_404(carol, shared_goal.pk)


def test_a_goal_moved_to_another_owner_is_not_shared_by_the_old_grant(
    bob: User, carol: User, partnership: Partnership, shared_goal: Goal
) -> None:
    Goal.objects.filter(pk=shared_goal.pk).update(user=carol)

    assert list(access.partner_goals(bob, partnership)) == []


def test_partnerships_and_their_sides(
    alice: User, bob: User, carol: User, partnership: Partnership
) -> None:
    assert access.get_partnership_or_404(alice, partnership.pk, "owner") == partnership
    assert access.get_partnership_or_404(bob, partnership.pk, "partner") == partnership
    for user, side in [(alice, "partner"), (bob, "owner"), (carol, None)]:
        with pytest.raises(Http404):
            access.get_partnership_or_404(user, partnership.pk, side)  # type: ignore[arg-type]
    assert list(access.partnerships_of(carol)) == []
