from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.reading.models import ReadingItem


def test_empty_reading_list_says_where_to_start(alice_client: Client) -> None:
    assert "Nothing on your reading list yet" in alice_client.get(reverse("reading:list")).text


def test_add_then_finish_an_item_with_takeaways(alice_client: Client, alice: User) -> None:
    alice_client.post(reverse("reading:list"), {"title": "Designing Data-Intensive Applications", "kind": "book", "status": "to_read", "link": ""})  # fmt: skip
    item = ReadingItem.objects.get(user=alice)
    alice_client.post(reverse("reading:item_edit", args=[item.pk]), {"title": item.title, "kind": "book", "status": "done", "link": "",
                      "takeaways": "**Replication** lag <script>alert(1)</script> matters"})  # fmt: skip
    page = alice_client.get(reverse("reading:list")).text
    assert "Done (1)" in page
    assert "<strong>Replication</strong>" in page
    assert "<script>alert(1)" not in page


def test_bad_input_is_explained(alice_client: Client) -> None:
    page = alice_client.post(reverse("reading:list"), {"title": "", "link": "not a link", "kind": "paper", "status": "to_read"}).text  # fmt: skip
    assert "What is it called?" in page
    assert "That is not a web address" in page
    assert not ReadingItem.objects.exists()


def test_someone_elses_item_is_not_found(alice_client: Client, alice: User) -> None:
    item = ReadingItem.objects.create(user=alice, title="Mine")
    other = Client()
    other.force_login(User.objects.create_user("bob@example.com", "pw-long-enough-123"))
    assert other.get(reverse("reading:item_edit", args=[item.pk])).status_code == 404


def test_a_title_of_only_markup_is_no_title(alice_client: Client) -> None:
    page = alice_client.post(reverse("reading:list"), {"title": "<b></b>", "kind": "paper", "status": "to_read"}).text  # fmt: skip
    assert "What is it called?" in page
    assert not ReadingItem.objects.exists()
