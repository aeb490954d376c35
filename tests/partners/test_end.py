"""POST /partners/<id>/end/: either side ends it, and everything is hidden at once."""

from __future__ import annotations

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Milestone
from prepcoach.partners.models import Cheer, Comment, Nudge, Partnership
from tests.partners.conftest import SHARED_TEXT


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_either_side_ends_it_and_every_partner_page_is_gone(
    who: str, alice_client: Client, bob_client: Client, alice: User, bob: User,
    partnership: Partnership, shared_goal: Goal,
) -> None:  # fmt: skip
    bobs = Goal.objects.create(user=bob, text="Bob's SQL course")
    back = Partnership.objects.create(owner=bob, partner=alice)
    back.goals.add(bobs)
    milestone = Milestone.objects.get(title="First mock done")
    Comment.objects.create(partnership=partnership, goal=shared_goal, author=bob, text="go")
    Cheer.objects.create(partnership=partnership, milestone=milestone)
    Nudge.objects.create(partnership=partnership)
    ender = alice_client if who == "alice" else bob_client

    response = ender.post(f"/partners/{partnership.pk}/end/", follow=True)

    assert "neither of you sees the other" in response.content.decode()
    assert not Partnership.objects.exists()
    assert not (Comment.objects.exists())
    assert not (Cheer.objects.exists())
    assert not (Nudge.objects.exists())
    gone = [
        bob_client.get(f"/partners/{partnership.pk}/"),
        alice_client.get(f"/partners/{back.pk}/"),
        bob_client.post(f"/partners/{partnership.pk}/goals/{shared_goal.pk}/comments/",
                        {"text": "hi"}),
        bob_client.post(f"/partners/milestones/{milestone.pk}/cheer/"),
        bob_client.post(f"/partners/{partnership.pk}/nudge/"),
    ]  # fmt: skip
    assert [r.status_code for r in gone] == [404] * len(gone)
    assert SHARED_TEXT not in bob_client.get("/partners/").content.decode()
    assert "Bob's SQL course" not in alice_client.get("/partners/").content.decode()
    assert Goal.objects.filter(pk__in=[shared_goal.pk, bobs.pk]).count() == 2  # goals stay


def test_a_stranger_cannot_end_it(carol_client: Client, partnership: Partnership) -> None:
    assert carol_client.post(f"/partners/{partnership.pk}/end/").status_code == 404
    assert Partnership.objects.filter(pk=partnership.pk).exists()


def test_only_a_post_ends_it(
    bob_client: Client, carol_client: Client, partnership: Partnership
) -> None:
    # A GET asks (below); it never ends anything, and a stranger's GET finds nothing.
    assert bob_client.get(f"/partners/{partnership.pk}/end/").status_code == 200
    assert carol_client.get(f"/partners/{partnership.pk}/end/").status_code == 404
    assert bob_client.put(f"/partners/{partnership.pk}/end/").status_code == 405
    assert Partnership.objects.filter(pk=partnership.pk).exists()
    assert Partnership.objects.filter(pk=partnership.pk).exists()


def test_ending_asks_first_and_says_what_goes_with_it(
    alice_client: Client, bob_client: Client, bob: User, partnership: Partnership,
    shared_goal: Goal,
) -> None:  # fmt: skip
    # A new user's trial: one click on the partners page ended it and deleted the comments.
    Comment.objects.create(partnership=partnership, goal=shared_goal, author=bob, text="go")
    Comment.objects.create(partnership=partnership, goal=shared_goal, author=bob, text="again")
    Nudge.objects.create(partnership=partnership)
    url = f"/partners/{partnership.pk}/end/"
    for page in (alice_client.get("/partners/").text,
                 alice_client.get(f"/partners/{partnership.pk}/").text):  # fmt: skip
        assert f'href="{url}"' in page
        assert f'action="{url}"' not in page
    asked = alice_client.get(url)
    assert asked.status_code == 200
    text = asked.content.decode()
    assert "End the partnership with" in text
    assert "<li>2 comments</li>" in text
    assert "<li>1 nudge</li>" in text
    assert "cheer" not in text.split("<h1>")[1].split("</form>")[0]  # none were given
    assert f'href="/partners/{partnership.pk}/">Keep it</a>' in text
    assert Partnership.objects.filter(pk=partnership.pk).exists()
    assert Comment.objects.count() == 2
    assert bob_client.get(url).status_code == 200  # either side may ask
