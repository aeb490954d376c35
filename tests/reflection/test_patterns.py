from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.reflection.models import Retrospective, Story

ENERGISED = [
    "Mentoring two junior analysts through their first SQL reports.",
    "I mentored a new hire on dashboard design; seeing her present was the best part.",
    "Rebuilding the data warehouse load jobs.",
    "Running the mentoring scheme for interns over the summer.",
]


def test_patterns_link_the_entries_that_show_a_theme(alice_client: Client, alice: User) -> None:
    retros = [
        Retrospective.objects.create(user=alice, role=f"Analyst {n}", energised=text)
        for n, text in enumerate(ENERGISED)
    ]
    Story.objects.create(user=alice, title="Unrelated", situation="A migration deadline.")
    page = alice_client.get(reverse("reflection:patterns")).text
    assert "appears in 3 of your 4 energising projects" in page
    for n in (0, 1, 3):
        assert f'href="{retros[n].get_absolute_url()}"' in page
    assert f'href="{retros[2].get_absolute_url()}"' not in page


def test_patterns_start_empty_and_say_what_feeds_them(alice_client: Client) -> None:
    assert "No patterns yet" in alice_client.get(reverse("reflection:patterns")).text


def test_patterns_read_only_your_own_writing(alice_client: Client, bob: User) -> None:
    for text in ENERGISED:
        Retrospective.objects.create(user=bob, role="Bob's role", energised=text)
    assert "No patterns yet" in alice_client.get(reverse("reflection:patterns")).text
