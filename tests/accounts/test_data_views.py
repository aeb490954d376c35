"""The account page's "Your data": the archive streamed to its owner only, and an upload that
fills an empty account or changes nothing."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from prepcoach.accounts import archive
from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.practice.models import Attempt
from tests.access_world import build_world
from tests.conftest import make_user
from tests.object_store import ObjectStore
from tests.practice.conftest import tone_wav
from tests.support import close_response, free_port

EXPORT = reverse("accounts:export_data")
IMPORT = reverse("accounts:import_data")
BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8"  # what a form post asks for


def download(client: Client) -> zipfile.ZipFile:
    response = client.post(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    close_response(response)
    return zipfile.ZipFile(io.BytesIO(body))


def every_word(zf: zipfile.ZipFile) -> str:
    return "\n".join(zf.read(name).decode(errors="replace") for name in zf.namelist())


def messages_of(client: Client) -> str:
    return client.get(reverse("accounts:profile")).content.decode()


@pytest.mark.django_db
def test_the_profile_page_offers_both(alice_client: Client) -> None:
    page = alice_client.get(reverse("accounts:profile")).content.decode()
    assert "Download all my data" in page
    assert 'enctype="multipart/form-data"' in page


@pytest.mark.django_db
def test_the_owner_downloads_their_archive(alice_client: Client, alice: User) -> None:
    Goal.objects.create(user=alice, text="Run 3 mock interviews by Friday")
    with download(alice_client) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["email"] == "alice@example.com"
        assert manifest["counts"]["goals.goal"] == 1


@pytest.mark.django_db
def test_anonymous_and_get_get_nothing(client: Client, alice_client: Client) -> None:
    assert Client().post(EXPORT).status_code == 302  # to the log-in page
    assert alice_client.get(EXPORT).status_code == 405


@pytest.mark.django_db
def test_nobody_elses_archive_holds_anything_of_alices(tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    world = build_world(tmp_path)
    for email in ("bob@example.com", "gus@example.com", "carol@example.com"):
        client = Client()
        client.force_login(User.objects.get(email=email))
        with download(client) as zf:
            words = every_word(zf)
        assert "ALICE-" not in words, email
    client = Client()
    client.force_login(world.alice)
    with download(client) as zf:
        assert "ALICE-PRIVATE-goal" in every_word(zf)  # the check above can see markers


def exported(tmp_path: Path, settings: Any) -> bytes:
    settings.MEDIA_ROOT = tmp_path
    ann = make_user("ann@example.com", name="Ann")
    Goal.objects.create(user=ann, text="Read two books by June")
    out = io.BytesIO()
    archive.write_archive(ann, out)
    return out.getvalue()


@pytest.mark.django_db
def test_an_upload_fills_an_empty_account(tmp_path: Path, settings: Any) -> None:
    data = exported(tmp_path, settings)
    client = Client()
    new = make_user("new@example.com")
    client.force_login(new)
    response = client.post(IMPORT, {"archive": SimpleUploadedFile("a.zip", data)})
    assert response.status_code == 302
    assert "Imported" in messages_of(client)
    assert Goal.objects.get(user=new).text == "Read two books by June"


@pytest.mark.django_db
def test_an_upload_into_an_account_with_data_changes_nothing(
    tmp_path: Path, settings: Any, alice_client: Client, alice: User
) -> None:
    data = exported(tmp_path, settings)
    Goal.objects.create(user=alice, text="Her own goal")
    alice_client.post(IMPORT, {"archive": SimpleUploadedFile("a.zip", data)})
    assert "Nothing was imported: This account already holds data" in messages_of(alice_client)
    assert list(Goal.objects.filter(user=alice).values_list("text", flat=True)) == ["Her own goal"]


@pytest.mark.django_db
def test_a_bad_upload_says_why(alice_client: Client, alice: User) -> None:
    alice_client.post(IMPORT, {"archive": SimpleUploadedFile("a.zip", b"not a zip")})
    assert "not a complete zip file" in messages_of(alice_client)
    alice_client.post(IMPORT, {})
    assert "Choose the .zip file" in messages_of(alice_client)
    assert archive.has_data(alice) == {}


def with_recording(owner: User) -> Attempt:
    answer = Attempt.objects.create(user=owner, question_text="Tell me about yourself.")
    answer.recording.save("answer.wav", ContentFile(tone_wav(0.3)))
    return answer


@pytest.mark.django_db
def test_a_store_out_of_reach_gives_the_download_a_503_that_says_so(
    alice_client: Client, alice: User, object_store: ObjectStore, settings: Any
) -> None:
    settings.STORAGES = object_store.storages()
    with_recording(alice)
    settings.STORAGES = object_store.storages(endpoint=f"http://127.0.0.1:{free_port()}")
    response = alice_client.post(EXPORT, HTTP_ACCEPT=BROWSER_ACCEPT)
    assert response.status_code == 503
    assert response["Retry-After"]
    page = response.content.decode()
    assert "The file store (where recordings are kept) cannot take or give files" in page
    assert "Your data was not downloaded; nothing changed." in page
    assert "Traceback" not in page
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_a_store_out_of_reach_imports_nothing_and_says_so(
    object_store: ObjectStore, settings: Any
) -> None:
    settings.STORAGES = object_store.storages()
    ann = make_user("ann@example.com", name="Ann")
    Goal.objects.create(user=ann, text="Read two books by June")
    with_recording(ann)
    out = io.BytesIO()
    archive.write_archive(ann, out)
    before = object_store.names()

    new = make_user("new@example.com")
    client = Client()
    client.force_login(new)
    settings.STORAGES = object_store.storages(endpoint=f"http://127.0.0.1:{free_port()}")
    response = client.post(
        IMPORT, {"archive": SimpleUploadedFile("a.zip", out.getvalue())},
        HTTP_ACCEPT=BROWSER_ACCEPT,
    )  # fmt: skip
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Nothing was imported: send the same archive again." in page
    assert archive.has_data(new) == {}  # the rows written before the file were rolled back
    settings.STORAGES = object_store.storages()
    assert object_store.names() == before

    # Once the store is back, the same archive imports whole.
    response = client.post(IMPORT, {"archive": SimpleUploadedFile("a.zip", out.getvalue())})
    assert response.status_code == 302
    assert Goal.objects.get(user=new).text == "Read two books by June"
    copy = Attempt.objects.get(user=new)
    assert object_store.read(str(copy.recording.name)) == tone_wav(0.3)
