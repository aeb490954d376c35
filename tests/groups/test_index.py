"""The groups page: create a group; names with HTML or 10,000 characters."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.groups.models import Group, Membership


def test_creating_a_group_makes_the_creator_its_owner_and_first_member(
    alice_client: Client, alice: User
) -> None:
    page = alice_client.get(reverse("groups:index"))
    assert "No groups yet" in page.text
    response = alice_client.post(reverse("groups:index"), {"name": "  Thursday   analysts "})
    group = Group.objects.get()
    assert response.url == reverse("groups:board", args=[group.pk])
    assert group.name == "Thursday analysts"
    assert group.owner == alice
    assert list(Membership.objects.values_list("user", flat=True)) == [alice.pk]
    assert "Thursday analysts" in alice_client.get(reverse("groups:index")).text


def test_a_name_with_html_stays_text(alice_client: Client) -> None:
    alice_client.post(reverse("groups:index"), {"name": "<script>alert(1)</script> club"})
    group = Group.objects.get()
    page = alice_client.get(reverse("groups:board", args=[group.pk])).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; club" in page


def test_a_name_of_10000_characters_is_refused_with_the_text_kept(alice_client: Client) -> None:
    name = "x" * 10_000
    response = alice_client.post(reverse("groups:index"), {"name": name})
    assert response.status_code == 422
    assert "Keep the name under 80 characters (this has 10000)" in response.text
    assert name in response.text  # nothing typed is lost
    assert not Group.objects.exists()


def test_an_empty_name_is_refused(alice_client: Client) -> None:
    response = alice_client.post(reverse("groups:index"), {"name": "   "})
    assert response.status_code == 422
    assert "Give the group a name" in response.text


def test_the_improve_page_links_to_groups(alice_client: Client) -> None:
    assert reverse("groups:index") in alice_client.get(reverse("practice:index")).text


def test_anonymous_is_sent_to_log_in(client: Client) -> None:
    response = client.get(reverse("groups:index"))
    assert response.status_code == 302
    assert "/account/login/" in response.url
