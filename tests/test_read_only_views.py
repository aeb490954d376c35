"""Read-only views answer GET and HEAD only (issue 11, class 8): the calendar feed, the one-off
.ics, the brief in its three forms, the question export, the answer status poll and every
recording (the owner's, a feedback link's, a group's). Any other method is a 405 that names
GET and HEAD and shows nothing, whoever asks."""

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity

READ_ONLY = [
    ("goals:ics", []), ("goals:feed", ["no-such-address"]),
    ("research:brief", ["JOB"]), ("research:brief_md", ["JOB"]), ("research:brief_pdf", ["JOB"]),
    ("practice:questions_export", []), ("practice:attempt_status", [1]),
    ("practice:attempt_media", [1]), ("groups:answer_media", [1]),
    ("feedback:review_media", ["no-such-link"]), ("feedback:review_answer_media", ["x", 1]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "args"), READ_ONLY)
def test_only_get_and_head_are_answered(
    alice_client: Client, alice: User, name: str, args: list[object]
) -> None:
    job = Opportunity.objects.create(user=alice, company="Acme", role="Analyst")
    url = reverse(name, args=[job.pk if a == "JOB" else a for a in args])
    for method in ("post", "put", "patch", "delete"):
        refused = getattr(alice_client, method)(url)
        assert refused.status_code == 405, (name, method)
        assert set(refused["Allow"].split(", ")) == {"GET", "HEAD"}
        assert refused.content == b""
    if name != "research:brief_pdf":  # GET itself is shown by the brief's own tests
        assert alice_client.head(url).status_code == alice_client.get(url).status_code != 405
