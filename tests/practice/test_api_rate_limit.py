"""`/api/analyze` per person (`ops.rate`): past the limit a 429 with Retry-After and a message
saying when; other people are not affected; uses leave the window and count no more."""

import datetime as dt
import json

from django.test import Client
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.rate_limits import RATE_LIMITS
from prepcoach.ops.models import ActionUse

LIMIT = RATE_LIMITS["analyze"]


def analyze(client: Client):
    body = json.dumps({"text": "Um, I fixed it."})
    return client.post("/api/analyze", body, content_type="application/json")


def used(user: User, count: int, seconds_ago: float = 0) -> None:
    at = timezone.now() - dt.timedelta(seconds=seconds_ago)
    ActionUse.objects.bulk_create(
        ActionUse(user=user, action="analyze", at=at) for _ in range(count)
    )


def test_each_analysis_counts_and_the_one_past_the_limit_is_429(
    alice_client: Client, alice: User
) -> None:
    used(alice, LIMIT.uses - 1, seconds_ago=LIMIT.window_s - 30)
    assert analyze(alice_client).status_code == 200  # the last one allowed
    assert ActionUse.objects.filter(user=alice).count() == LIMIT.uses
    refused = analyze(alice_client)
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 1 <= wait <= 30  # the oldest use leaves the window in at most 30 s
    assert refused.json()["detail"] == (
        f"You asked for {LIMIT.uses} {LIMIT.what} in the last {LIMIT.window_s} seconds: "
        f"try again in {wait} s."
    )
    assert ActionUse.objects.filter(user=alice).count() == LIMIT.uses  # a refusal is no use


def test_one_persons_limit_does_not_touch_another(
    alice_client: Client, alice: User, bob: User
) -> None:
    used(bob, LIMIT.uses)
    assert analyze(alice_client).status_code == 200


def test_uses_older_than_the_window_no_longer_count(alice_client: Client, alice: User) -> None:
    used(alice, LIMIT.uses, seconds_ago=LIMIT.window_s + 1)
    assert analyze(alice_client).status_code == 200
    assert ActionUse.objects.filter(user=alice).count() == 1  # the old ones are gone
