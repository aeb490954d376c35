"""One person's page: Alice's only; turning them into a partner or a reviewer."""

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.practice.models import Attempt
from tests.network.conftest import add_contact


def test_bob_and_visitors_cannot_open_alices_contact(
    client: Client, alice: User, bob: User
) -> None:
    contact = add_contact(alice, "Ana Lee", notes="private")
    url = f"/plan/network/contacts/{contact.pk}/"
    assert client.get(url).status_code == 302  # to log in
    client.force_login(bob)
    assert client.get(url).status_code == 404
    for action in ("edit/", "delete/", "followed-up/"):
        assert client.post(url + action, {"name": "Hijacked"}).status_code == 404
    contact.refresh_from_db()
    assert contact.name == "Ana Lee"


def test_invite_as_partner_prefills_the_invite_form(alice_client: Client, alice: User) -> None:
    Goal.objects.create(user=alice, text="Do 3 mock interviews")  # a partner follows goals
    contact = add_contact(alice, "Ana Lee", email="ana@example.org")
    page = alice_client.get(f"/plan/network/contacts/{contact.pk}/").content.decode()
    assert 'href="/partners/?email=ana%40example.org#invite-title"' in page
    partners = alice_client.get("/partners/?email=ana%40example.org").content.decode()
    assert 'value="ana@example.org"' in partners


def test_without_an_email_it_says_what_is_missing(alice_client: Client, alice: User) -> None:
    contact = add_contact(alice, "Ana Lee")
    page = alice_client.get(f"/plan/network/contacts/{contact.pk}/").content.decode()
    assert "Add an e-mail address to invite Ana Lee" in page
    assert "/partners/?email" not in page


@pytest.mark.parametrize("name", ["Ana Lee", "<i>Ana</i> & co"])
def test_ask_for_feedback_names_who_it_is_for(alice_client: Client, alice: User, name: str) -> None:
    contact = add_contact(alice, name)
    answer = Attempt.objects.create(user=alice, question_text="Tell me about a conflict")
    page = alice_client.get(f"/plan/network/contacts/{contact.pk}/").content.decode()
    assert "Tell me about a conflict" in page
    link = page.split(f'href="/improve/attempts/{answer.pk}/feedback/?for=')[1].split('"')[0]
    feedback = alice_client.get(
        f"/improve/attempts/{answer.pk}/feedback/?for=" + link.replace("&amp;", "&")
    ).content.decode()
    assert 'name="reviewer_label"' in feedback
    escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert f'value="{escaped}"' in feedback
