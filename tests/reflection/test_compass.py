"""The career compass: what shifted between a person's answers, in themes."""

from django.test import Client
from django.urls import reverse

URL = "reflection:compass"


def test_the_compass_names_themes_and_what_matters_less(alice_client: Client) -> None:
    url = reverse(URL)
    alice_client.post(url, {"prompt": "five-years", "answer": (
        "Leading a small analytics team inside a hospital, so clinicians ask us questions. I "
        "want to keep my registration.")})  # fmt: skip
    alice_client.post(url, {"prompt": "five-years", "answer": (
        "Honestly unsure. Maybe a clinical informatics role. Team leadership matters less than "
        "I thought.")})  # fmt: skip
    page = alice_client.get(url).text
    assert "clinical informatics role" in page
    assert "matters less now: " in page
    shift = page.split("data-shift>")[1].split("</p>")[0]
    new = shift.split("new: ")[1].split("matters less")[0]
    assert "leadership" not in new
    assert "honestly" not in new
    assert "maybe" not in new


def test_when_nothing_clear_shifted_the_compass_says_so(alice_client: Client) -> None:
    url = reverse(URL)
    alice_client.post(url, {"prompt": "motivation", "answer": "Fixing broken data pipelines."})
    alice_client.post(url, {"prompt": "motivation", "answer": "Honestly, fixing data pipelines."})
    assert "no theme clearly shifted" in alice_client.get(url).text
