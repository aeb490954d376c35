"""The recordings' object store goes out of reach while a person records (a real S3-compatible
server on loopback; prepcoach pointed at a port where nothing listens, the server keeping its
data, as behind a cut network). The page says why in words and keeps the pieces; once the
store is back they are sent, and the saved answer holds every piece in order."""

from __future__ import annotations

import time
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as site_settings
from playwright.sync_api import Browser, Page, Playwright, expect

from prepcoach.accounts.models import User
from prepcoach.coach.media import measured_seconds
from prepcoach.practice.models import Attempt, Question
from tests.e2e.conftest import CHROMIUM_ARGS, chromium_path, log_in, watched_page
from tests.object_store import ObjectStore
from tests.practice.conftest import tone_wav
from tests.support import free_port

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def microphone(playwright: Playwright, tmp_path: Path) -> Iterator[Browser]:
    """Chromium whose microphone plays a 40 s tone: longer than the test records."""
    sound = tmp_path / "tone.wav"
    sound.write_bytes(tone_wav(40.0))
    with wave.open(str(sound)) as check:
        assert check.getnframes() > 0
    browser = playwright.chromium.launch(
        executable_path=chromium_path(), headless=True,
        args=[*CHROMIUM_ARGS, "--use-fake-ui-for-media-stream",
              "--use-fake-device-for-media-stream",
              f"--use-file-for-fake-audio-capture={sound}%noloop"],
    )  # fmt: skip
    yield browser
    browser.close()


def pieces_received(user: User) -> int:
    attempt = Attempt.objects.filter(user=user, status="recording").first()
    return attempt.chunks_received if attempt else 0


def wait_until(probe: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if probe():
            return
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


def test_pieces_recorded_while_the_store_is_away_are_kept_and_sent_when_it_is_back(
    microphone: Browser, live_server: object, alice: User, object_store: ObjectStore,
    settings: Any, tmp_path: Path,
) -> None:  # fmt: skip
    settings.STORAGES = object_store.storages()
    from prepcoach.practice.bank import load_bank

    if not Question.objects.filter(owner__isnull=True).exists():
        load_bank(Question)
    question = Question.objects.filter(owner__isnull=True).order_by("pk").first()
    assert question is not None
    # The browser logs each refused piece itself ("the server responded with a status of 503");
    # any other error is a fault.
    with watched_page(
        microphone,
        str(live_server),
        timeout_ms=30_000,
        expected=lambda text: "status of 503" in text,
    ) as page:
        record_through_the_outage(page, alice, question.pk, object_store, settings, tmp_path)


def record_through_the_outage(
    page: Page, alice: User, question: int, object_store: ObjectStore, settings: Any,
    tmp_path: Path,
) -> None:  # fmt: skip
    log_in(page, alice)
    page.goto(f"/improve/questions/{question}/")
    recorder = page.locator("[data-recorder]").first
    recorder.get_by_role("button", name="Record").click()
    expect(recorder).to_have_attribute("data-state", "recording")
    wait_until(lambda: pieces_received(alice) >= 1, 30, "the first piece")

    settings.STORAGES = object_store.storages(endpoint=f"http://127.0.0.1:{free_port()}")
    # The next piece is refused when it is sent, 2 s on or more (a loaded CI machine took over
    # the 5 s expect waits by default): the page waits as long as the pieces do.
    away = page.get_by_text("cannot be reached just now", exact=False)
    expect(away).to_be_visible(timeout=30_000)
    expect(page.get_by_text("are kept in this page", exact=False)).to_be_visible(timeout=30_000)
    stuck = pieces_received(alice)
    time.sleep(2 * site_settings.RECORDING_CHUNK_SECONDS + 1)  # pieces pile up in the page
    assert pieces_received(alice) == stuck

    settings.STORAGES = object_store.storages()
    wait_until(lambda: pieces_received(alice) >= stuck + 2, 40, "the kept pieces to arrive")
    recorder.get_by_role("button", name="Stop").click()
    wait_until(
        lambda: not Attempt.objects.filter(user=alice, status="recording").exists(),
        120, "the answer to be saved",
    )  # fmt: skip
    attempt = Attempt.objects.get(user=alice)
    assert attempt.recording, attempt.failure
    assert attempt.recording_note == ""  # no gap: every piece joined, in order
    # Joined, and no piece left over: the joined pieces are deleted just after the answer is
    # committed as saved (so a join that never commits keeps them), hence the wait.
    wait_until(
        lambda: object_store.names() == [attempt.recording.name], 30, "the joined pieces to go"
    )
    saved = tmp_path / "saved.webm"
    saved.write_bytes(object_store.read(attempt.recording.name))
    seconds = measured_seconds(saved)
    assert seconds is not None
    # Every piece is in it: it plays as long as the pieces that arrived (2 s each, the last
    # one shorter), the ones kept through the outage included.
    assert seconds >= (attempt.chunks_received - 1) * site_settings.RECORDING_CHUNK_SECONDS - 1
