"""The brief's PDF per person (`ops.rate`): past the limit the brief page with a message saying
when to try again, as a 429 with Retry-After; the PDF again once a use leaves the window."""

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.rate_limits import RATE_LIMITS
from prepcoach.ops.models import ActionUse
from tests.research.test_brief import job_with_research

LIMIT = RATE_LIMITS["brief_pdf"]


def test_a_pdf_past_the_limit_says_when_to_try_again(alice_client: Client, alice: User) -> None:
    job = job_with_research(alice)
    url = reverse("research:brief_pdf", args=[job.pk])
    at = timezone.now() - dt.timedelta(seconds=LIMIT.window_s - 10)
    ActionUse.objects.bulk_create(
        ActionUse(user=alice, action="brief_pdf", at=at) for _ in range(LIMIT.uses)
    )
    refused = alice_client.get(url)
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 1 <= wait <= 10
    assert f"try again in {wait} s." in refused.text
    assert "Reporting analyst" in refused.text  # the brief itself, on its page
    ActionUse.objects.filter(user=alice).update(at=at - dt.timedelta(seconds=20))
    again = alice_client.get(url)
    assert again["Content-Type"] == "application/pdf"
