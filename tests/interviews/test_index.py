"""The interviews page: coming up, done, the debriefs owed, and empty states."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from tests.interviews.conftest import add_debrief, add_interview, add_job

URL = "/interviews/"


def test_without_a_job_it_says_to_add_one_first(alice_client: Client) -> None:
    page = alice_client.get(URL).content.decode()
    assert "No interviews yet" in page
    assert "add the job you are applying for first" in page


def test_with_a_job_it_says_where_to_log_one(alice_client: Client, alice: User) -> None:
    add_job(alice)
    assert "No interviews logged yet" in alice_client.get(URL).content.decode()


def test_coming_up_and_done(alice_client: Client, alice: User, bob: User) -> None:
    add_interview(alice, hours=50, round_name="Final round")
    done = add_interview(alice, hours=-48, round_name="Phone screen")
    add_debrief(done, outcome="next")
    add_interview(alice, hours=-2, round_name="Second round")
    add_interview(bob, hours=10, round_name="BOB round")
    page = alice_client.get(URL).content.decode()
    assert "Final round at Northwind Health" in page
    assert "next round" in page  # the phone screen's outcome
    assert "How did it go?" in page  # the second round's debrief is owed
    assert "BOB round" not in page
