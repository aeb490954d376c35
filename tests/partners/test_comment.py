"""POST /partners/<id>/goals/<goal>/comments/: comments between partner and owner."""

from __future__ import annotations

from django.test import Client

from prepcoach.goals.models import Goal
from prepcoach.partners.models import Comment, Partnership


def url(partnership: Partnership, goal: Goal) -> str:
    return f"/partners/{partnership.pk}/goals/{goal.pk}/comments/"


def test_bob_comments_and_alice_reads_it(
    bob_client: Client, alice_client: Client, partnership: Partnership, shared_goal: Goal
) -> None:
    response = bob_client.post(
        url(partnership, shared_goal), {"text": "Two to go, you've got this"}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/partners/{partnership.pk}/#goal-{shared_goal.pk}"
    page = alice_client.get(f"/partners/{partnership.pk}/").content.decode()
    assert "Two to go, you&#x27;ve got this" in page
    assert "Bob Roe" in page


def test_alice_replies_in_the_same_thread(
    bob_client: Client, alice_client: Client, partnership: Partnership, shared_goal: Goal
) -> None:
    alice_client.post(url(partnership, shared_goal), {"text": "Thanks, Priya is on Thursday"})

    page = bob_client.get(f"/partners/{partnership.pk}/").content.decode()

    assert "Thanks, Priya is on Thursday" in page


def test_html_in_a_comment_is_shown_as_text(
    bob_client: Client, partnership: Partnership, shared_goal: Goal
) -> None:
    bob_client.post(url(partnership, shared_goal), {"text": "<script>alert(1)</script><b>go</b>"})

    page = bob_client.get(f"/partners/{partnership.pk}/").content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;go&lt;/b&gt;" in page
    assert Comment.objects.get().text == "<script>alert(1)</script><b>go</b>"  # kept as written


def test_a_10000_character_comment_is_refused_with_its_text_kept(
    bob_client: Client, partnership: Partnership, shared_goal: Goal
) -> None:
    long = "word " * 2000

    response = bob_client.post(url(partnership, shared_goal), {"text": long})

    assert response.status_code == 422
    page = response.content.decode()
    assert "Keep a comment to 2,000 characters (yours has 9999)" in page  # stripped of its end
    assert long.strip() in page  # nothing lost: it is back in the box
    assert Comment.objects.count() == 0


def test_with_htmx_the_thread_comes_back_alone(
    bob_client: Client, partnership: Partnership, shared_goal: Goal
) -> None:
    posted = bob_client.post(
        url(partnership, shared_goal), {"text": "Nice"}, HTTP_HX_REQUEST="true"
    )
    empty = bob_client.post(url(partnership, shared_goal), {"text": "  "}, HTTP_HX_REQUEST="true")

    assert posted.status_code == 200
    assert "<html" not in posted.content.decode()
    assert "Nice" in posted.content.decode()
    assert "Comment posted." in posted.content.decode()
    assert "Write something first." in empty.content.decode()
    assert Comment.objects.count() == 1


def test_no_comment_on_an_unshared_goal_or_by_a_stranger(
    bob_client: Client, carol_client: Client, partnership: Partnership, shared_goal: Goal,
    secret_goal: Goal,
) -> None:  # fmt: skip
    assert bob_client.post(url(partnership, secret_goal), {"text": "hi"}).status_code == 404
    assert carol_client.post(url(partnership, shared_goal), {"text": "hi"}).status_code == 404
    assert Comment.objects.count() == 0


def test_alice_reads_bobs_comment_on_her_goal_page(
    bob_client: Client, alice_client: Client, carol_client: Client,
    partnership: Partnership, shared_goal: Goal,
) -> None:  # fmt: skip
    bob_client.post(url(partnership, shared_goal), {"text": "Two to go, you've got this"})
    page = alice_client.get(f"/plan/goals/{shared_goal.pk}/").content.decode()
    assert "Comments with your partners" in page
    assert "Two to go, you&#x27;ve got this" in page
    assert "Bob Roe" in page
    assert f"/partners/{partnership.pk}/#comments-{shared_goal.pk}" in page  # where to reply
    # The goal page stays Alice's: Bob (the partner) and Carol (a stranger) get nothing.
    for client in (bob_client, carol_client):
        assert client.get(f"/plan/goals/{shared_goal.pk}/").status_code == 404


def test_a_goal_with_no_comments_shows_no_comment_section(
    alice_client: Client, partnership: Partnership, shared_goal: Goal
) -> None:
    page = alice_client.get(f"/plan/goals/{shared_goal.pk}/").content.decode()
    assert "Comments with your partners" not in page


def test_alices_own_reply_is_hers_and_more_comments_cost_no_more_queries(
    bob_client: Client, alice_client: Client, partnership: Partnership, shared_goal: Goal
) -> None:  # fmt: skip
    """A review: Alice's own reply was listed as a partner's, and each comment's author name
    cost a query of its own (12 queries with one comment, 18 with seven)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        alice_client.get(f"/plan/goals/{shared_goal.pk}/")  # the messages of the posts, shown
        with CaptureQueriesContext(connection) as captured:
            alice_client.get(f"/plan/goals/{shared_goal.pk}/")
        return len(captured)

    bob_client.post(url(partnership, shared_goal), {"text": "Keep going"})
    one = queries()
    for n in range(5):
        bob_client.post(url(partnership, shared_goal), {"text": f"Keep going {n}"})
    alice_client.post(url(partnership, shared_goal), {"text": "Thanks, on it"})
    assert queries() == one
    page = alice_client.get(f"/plan/goals/{shared_goal.pk}/").content.decode()
    mine = page[page.index("Thanks, on it") - 400 : page.index("Thanks, on it")]
    assert "<strong>You</strong>" in mine
