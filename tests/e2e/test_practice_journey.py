"""Improve, end to end, with a fake microphone that plays a spoken answer made by espeak-ng."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from playwright.sync_api import Browser, Page, Playwright, expect

from prepcoach.accounts.models import User
from prepcoach.coach.drills import new_card
from prepcoach.practice.models import Attempt, DrillCard, Question
from prepcoach.practice.tasks import finalise_abandoned
from tests.e2e.conftest import CHROMIUM_ARGS, chromium_path, log_in, watched_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANSWER = (
    "In my last job, um, our reports were always late. My task was to fix that. "
    "I built a checklist and, uh, I trained the team. "
    "As a result, the reports went out two days earlier."
)


@pytest.fixture(autouse=True)
def starter_bank(transactional_db: None) -> None:
    """Transactional tests empty the database after each test: put the bank back."""
    from prepcoach.practice.bank import load_bank

    if not Question.objects.filter(owner__isnull=True).exists():
        load_bank(Question)


@pytest.fixture(scope="session")
def spoken_answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        pytest.fail(
            "espeak-ng is needed to make the fake microphone's speech: apt-get install espeak-ng",
            pytrace=False,
        )
    path = tmp_path_factory.mktemp("audio") / "answer.wav"
    subprocess.run([espeak, "-s", "150", "-w", str(path), ANSWER], check=True, capture_output=True)
    return path


@pytest.fixture(scope="session")
def microphone_browser(playwright: Playwright, spoken_answer: Path) -> Iterator[Browser]:
    args = [
        *CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={spoken_answer}",
        "--autoplay-policy=no-user-gesture-required",
    ]
    browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=args)
    yield browser
    browser.close()


@pytest.fixture
def mic_page(microphone_browser: Browser, live_server: object) -> Iterator[Page]:
    with watched_page(microphone_browser, str(live_server), timeout_ms=20_000) as tab:
        yield tab


def wait_for_chunks(user: User, count: int, timeout: float = 20) -> Attempt:
    """Wait on the server, not the clock: until count pieces of the answer have arrived."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        attempt = Attempt.objects.filter(user=user, status="recording").first()
        if attempt and attempt.chunks_received >= count:
            return attempt
        time.sleep(0.2)
    raise AssertionError(f"{count} pieces of the recording never arrived")


def record(page: Page, user: User, chunks: int = 2) -> None:
    recorder = page.locator("[data-recorder]").first
    recorder.get_by_role("button", name="Record").click()
    expect(recorder).to_have_attribute("data-state", "recording")
    wait_for_chunks(user, chunks)
    recorder.get_by_role("button", name="Stop").click()


def test_a_two_question_mock_interview_with_recorded_answers(mic_page: Page, alice: User) -> None:
    page = mic_page
    log_in(page, alice)
    page.goto("/improve/mock/new/")
    page.get_by_label("Questions", exact=True).fill("2")
    page.get_by_label("Seconds per answer").fill("60")
    page.get_by_label("Read the questions aloud").uncheck()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("question 1 of 2")).to_be_visible()

    record(page, alice, chunks=8)  # the spoken answer loops: 16 s holds all of it once
    expect(page.get_by_text("Answer saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="Follow-up")).to_be_visible()
    page.get_by_role("link", name="Next question →").click()
    expect(page.get_by_text("question 2 of 2")).to_be_visible()
    record(page, alice)
    expect(page.get_by_text("Answer saved.")).to_be_visible()
    page.get_by_role("button", name="Finish the interview").click()

    expect(page.get_by_role("heading", name="Mock interview")).to_be_visible()
    attempts = list(Attempt.objects.filter(user=alice, mode="mock").order_by("created_at"))
    assert len(attempts) == 2
    for attempt in attempts:
        assert attempt.recording
        assert Path(attempt.recording.path).stat().st_size > 5_000
        assert attempt.media_type in {"video/webm", "audio/ogg", "video/mp4"}
    expect(page.locator("audio")).to_have_count(2)

    # The answer was read on this machine: its report marks the fillers and the STAR parts.
    page.goto(f"/improve/attempts/{attempts[0].pk}/")
    expect(page.get_by_role("heading", name="Your report")).to_be_visible()
    expect(page.locator(".transcript mark.filler").first).to_be_visible()
    # The fake microphone loops the 14 s answer from wherever it was when the page opened it,
    # so one sentence may be cut at the seam: at least two whole ones carry their STAR part.
    # (A longer recording repeats the answer, and Whisper loses itself in the repetition.)
    star = page.locator(
        ", ".join(f".transcript .star-{p}" for p in ("situation", "task", "action", "result"))
    )
    expect(star.nth(1)).to_be_visible()
    expect(page.get_by_role("heading", name="Three things to work on")).to_be_visible()
    analysed = Attempt.objects.get(pk=attempts[0].pk)
    assert analysed.status == "analysed"
    # "um" and "uh" sit in different sentences: the seam can cut one of them, never both.
    assert {f["text"] for f in analysed.analysis["fillers"]["items"]} & {"um", "uh"}
    playable = page.evaluate(
        """() => new Promise((resolve) => {
            const audio = document.querySelector('audio[data-playback]');
            if (audio.readyState >= 1) return resolve(true);
            audio.addEventListener('loadedmetadata', () => resolve(true));
            audio.addEventListener('error', () => resolve(false));
            audio.load();
        })"""
    )
    assert playable is True


def test_closing_the_page_mid_answer_keeps_what_was_recorded(
    mic_page: Page, alice: User, settings: object
) -> None:
    page = mic_page
    log_in(page, alice)
    question = Question.objects.filter(owner__isnull=True).order_by("pk").first()
    assert question is not None
    page.goto(f"/improve/questions/{question.pk}/")
    page.get_by_role("button", name="Record").click()
    expect(page.locator("[data-recorder]").first).to_have_attribute("data-state", "recording")
    wait_for_chunks(alice, 2)
    page.close()  # the tab goes away mid-answer

    # The page's goodbye marks the answer interrupted; the worker's sweep then joins what
    # arrived once nothing more is on its way (here the test runs the sweep itself).
    deadline = time.monotonic() + 15
    attempt = Attempt.objects.get(user=alice)
    while not attempt.interrupted and time.monotonic() < deadline:
        time.sleep(0.2)
        attempt.refresh_from_db()
    assert attempt.interrupted, "the page's goodbye should have reached the server"
    settings.RECORDING_INTERRUPTED_GRACE_SECONDS = 1  # type: ignore[attr-defined]
    time.sleep(1.5)
    assert finalise_abandoned.call() == 1
    attempt.refresh_from_db()
    assert attempt.status != "recording"
    assert attempt.recording
    assert Path(attempt.recording.path).stat().st_size > 5_000


def test_drill_two_due_questions(mic_page: Page, alice: User) -> None:
    page = mic_page
    kind = ContentType.objects.get_for_model(Question)
    now = timezone.now()
    for question in Question.objects.filter(owner__isnull=True, category="behavioral").order_by(
        "pk"
    )[:2]:
        DrillCard.objects.create(
            user=alice,
            content_type=kind,
            object_id=question.pk,
            state=new_card(question.pk, now),
            due=now,
        )
    log_in(page, alice)
    page.goto("/improve/drills/")
    expect(page.get_by_role("heading", name="Drills 2 due")).to_be_visible()
    for _ in range(2):
        page.get_by_label("Answer it out loud, or type it here (optional)").fill(
            "I would start with the situation..."
        )
        page.get_by_role("button", name="Good").click()
        expect(page.get_by_role("status").first).to_contain_text(
            "Graded good: next review in 10 minutes"
        )
    expect(page.get_by_text("Nothing is due right now")).to_be_visible()
    assert DrillCard.objects.filter(user=alice, reviews=1).count() == 2


def test_a_browser_without_recording_says_what_to_do(page: Page, alice: User) -> None:
    page.add_init_script("delete window.MediaRecorder")
    log_in(page, alice)
    question = Question.objects.filter(owner__isnull=True).order_by("pk").first()
    assert question is not None
    page.goto(f"/improve/questions/{question.pk}/")
    status = page.locator("[data-recorder] [data-status]")
    expect(status).to_contain_text("This browser cannot record here")
    expect(page.get_by_role("button", name="Record")).to_be_disabled()
    expect(page.get_by_role("textbox", name="Your answer")).to_be_visible()  # typing still works


def test_no_microphone_is_explained(page: Page, alice: User) -> None:
    # The ordinary test browser has no microphone, fake or real, and no permission to use one.
    log_in(page, alice)
    question = Question.objects.filter(owner__isnull=True).order_by("pk").first()
    assert question is not None
    page.goto(f"/improve/questions/{question.pk}/")
    page.get_by_role("button", name="Record").click()
    status = page.locator("[data-recorder] [data-status]")
    expect(status).to_have_class("recorder-status error")
    expect(status).to_contain_text("or type your answer")
    assert not Attempt.objects.exists()  # nothing half-started on the server
