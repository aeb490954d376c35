"""Improve, end to end, with a fake microphone that plays a spoken answer made by espeak-ng."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import time
import wave
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from playwright.sync_api import Browser, Dialog, Page, Playwright, Request, expect

from prepcoach.accounts.models import User
from prepcoach.coach.drills import new_card
from prepcoach.practice.models import Attempt, DrillCard, Question
from prepcoach.practice.tasks import finalise_abandoned
from tests.e2e.conftest import CHROMIUM_ARGS, chromium_path, log_in, watched_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The answer's sentences, each carrying one STAR part, with "um" and "uh" in different ones.
SENTENCES = {
    "situation": "In my last job, um, our reports were always late.",
    "task": "My task was to fix that.",
    "action": "I built a checklist and, uh, I trained the team.",
    "result": "As a result, the reports went out two days earlier.",
}
# Issue 14: two sentences with a 3 s silence between them; each sentence's key words, ones
# Whisper base hears in espeak-ng's voice wherever the recording starts (it heard "our
# billing" as "power-willing", "power-bearing": a misheard word, not a lost sentence).
PAUSED = (
    ("I moved our customer records to a new database.", ("customer", "records", "database")),
    ("As a result, the monthly invoices were never late again.", ("monthly", "invoices")),
)
PAUSE_S = 3.0
# Chromium's fake microphone starts playing its file when the page calls getUserMedia, which
# recorder.js does before its countdown (3, 2, 1 at 700 ms each); only then does the recorder
# start. So every file begins with silence longer than the countdown, with a margin for the
# request that starts the answer: no word is said before the recorder listens. "%noloop" makes
# the device play the file once and then silence, so no answer repeats or is cut at a seam.
COUNTDOWN_S = 3 * 0.7
LEAD_S = COUNTDOWN_S + 3.0
CHUNK_S = 2  # settings.RECORDING_CHUNK_SECONDS
# Saving runs the analysis (Whisper on this machine's CPU, shared with the rest of the suite)
# before the page says "Answer saved.": how long to wait for it, not a check on its speed.
ANALYSIS_WAIT_MS = 90_000


@pytest.fixture(autouse=True)
def starter_bank(transactional_db: None) -> None:
    """Transactional tests empty the database after each test: put the bank back."""
    from prepcoach.practice.bank import load_bank

    if not Question.objects.filter(owner__isnull=True).exists():
        load_bank(Question)


def speak(folder: Path, name: str, pieces: list[tuple[str, float]]) -> Path:
    """A WAV of LEAD_S silence, then each piece spoken by espeak-ng followed by its silence."""
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        pytest.fail(
            "espeak-ng is needed to make the fake microphone's speech: apt-get install espeak-ng",
            pytrace=False,
        )
    frames: list[bytes] = []
    rate = 22_050
    for index, (text, pause) in enumerate(pieces):
        piece = folder / f"{name}-{index}.wav"
        subprocess.run(
            [espeak, "-s", "150", "-w", str(piece), text], check=True, capture_output=True
        )
        with wave.open(str(piece)) as handle:
            assert (handle.getnchannels(), handle.getsampwidth()) == (1, 2)
            rate = handle.getframerate()
            frames += [handle.readframes(handle.getnframes()), bytes(2 * int(pause * rate))]
    path = folder / f"{name}.wav"
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(bytes(2 * int(LEAD_S * rate)) + b"".join(frames))
    return path


def chunks_to_hear_all_of(path: Path) -> int:
    """Pieces of recording that reach past the file's end (plus one), counted from the
    earliest moment the recorder can start: the end of the countdown."""
    with wave.open(str(path)) as handle:
        seconds = handle.getnframes() / handle.getframerate()
    return math.ceil((seconds - COUNTDOWN_S) / CHUNK_S) + 1


@pytest.fixture(scope="session")
def spoken_answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pieces = [(sentence, 0.0) for sentence in SENTENCES.values()]
    return speak(tmp_path_factory.mktemp("audio"), "answer", pieces)


@pytest.fixture(scope="session")
def paused_answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    (first, _), (second, _) = PAUSED
    return speak(tmp_path_factory.mktemp("audio"), "paused", [(first, PAUSE_S), (second, 0.5)])


def microphone(playwright: Playwright, path: Path) -> Browser:
    """Chromium whose microphone plays path once, from when the page opens it."""
    args = [
        *CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={path}%noloop",
        "--autoplay-policy=no-user-gesture-required",
    ]
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=args)


@pytest.fixture(scope="session")
def microphone_browser(playwright: Playwright, spoken_answer: Path) -> Iterator[Browser]:
    browser = microphone(playwright, spoken_answer)
    yield browser
    browser.close()


@pytest.fixture
def paused_mic_page(
    playwright: Playwright, paused_answer: Path, live_server: object
) -> Iterator[Page]:
    browser = microphone(playwright, paused_answer)
    try:
        with watched_page(browser, str(live_server), timeout_ms=20_000) as tab:
            yield tab
    finally:
        browser.close()


@pytest.fixture
def mic_page(microphone_browser: Browser, live_server: object) -> Iterator[Page]:
    with watched_page(microphone_browser, str(live_server), timeout_ms=20_000) as tab:
        yield tab


def wait_for_chunks(user: User, count: int) -> Attempt:
    """Wait on the server, not the clock: until count pieces of the answer have arrived
    (giving up well after the browser should have sent them)."""
    deadline = time.monotonic() + count * CHUNK_S + 20
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


def test_a_two_question_mock_interview_with_recorded_answers(
    mic_page: Page, alice: User, spoken_answer: Path
) -> None:
    page = mic_page
    log_in(page, alice)
    page.goto("/improve/mock/new/")
    page.get_by_label("Questions", exact=True).fill("2")
    page.get_by_label("Seconds per answer").fill("60")
    page.get_by_label("Read the questions aloud").uncheck()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("question 1 of 2")).to_be_visible()

    record(page, alice, chunks=chunks_to_hear_all_of(spoken_answer))
    expect(page.get_by_text("Answer saved.")).to_be_visible(timeout=ANALYSIS_WAIT_MS)
    expect(page.get_by_role("heading", name="Follow-up")).to_be_visible()
    page.get_by_role("link", name="Next question →").click()
    expect(page.get_by_text("question 2 of 2")).to_be_visible()
    record(page, alice)
    expect(page.get_by_text("Answer saved.")).to_be_visible(timeout=ANALYSIS_WAIT_MS)
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
    # Every sentence was heard once, whole: each STAR part spoken is marked, both fillers too.
    # A mock picks its questions at random and may open with one asking for neither a story nor
    # a plan ("Why this role?"): its report marks no STAR part and says they are not asked. One
    # asking what you would do marks only the actions: situation, task and result are not asked.
    first = Attempt.objects.get(pk=attempts[0].pk)
    assert first.analysis is not None
    if first.analysis["relevance"]["question_asks"] == "neither":
        expect(page.get_by_text("Not asked", exact=True)).to_be_visible()
        expect(page.locator(".transcript [class*='star-']")).to_have_count(0)
    elif first.analysis["relevance"]["kind"] == "would_do":
        expect(page.locator(".transcript .star-action").first).to_be_visible()
        expect(page.locator(".transcript .star-situation")).to_have_count(0)
        expect(
            page.get_by_text("Situation, task and result are not asked", exact=False)
        ).to_be_visible()
    else:
        for part in SENTENCES:
            expect(page.locator(f".transcript .star-{part}").first).to_be_visible()
        expect(page.get_by_role("heading", name="Three things to work on")).to_be_visible()
    fillers = page.locator(".transcript mark.filler")
    for filler in ("um", "uh"):
        expect(fillers.filter(has_text=re.compile(rf"^\W*{filler}\W*$", re.I))).to_have_count(1)
    analysed = Attempt.objects.get(pk=attempts[0].pk)
    assert analysed.status == "analysed"
    assert {"um", "uh"} <= {f["text"] for f in analysed.analysis["fillers"]["items"]}
    assert all(analysed.analysis["star"][part]["present"] for part in SENTENCES)
    # Playable, and its player knows how long it is (a browser's WebM says nothing, so the
    # player showed 0:00 until prepcoach wrote the duration when the pieces were joined).
    duration = page.evaluate(
        """() => new Promise((resolve) => {
            const audio = document.querySelector('audio[data-playback]');
            const known = () => resolve(Number.isFinite(audio.duration) ? audio.duration : -1);
            if (audio.readyState >= 1) return known();
            audio.addEventListener('loadedmetadata', known);
            audio.addEventListener('error', () => resolve(null));
            audio.load();
        })"""
    )
    assert duration is not None  # it plays
    assert duration > 2, duration


def test_a_pause_mid_answer_keeps_every_sentence(
    paused_mic_page: Page, alice: User, paused_answer: Path
) -> None:
    """Issue 14: a 3 s silence between two sentences must not lose the second one. Issue 15:
    the recorder sends a piece as soon as its meter hears the speaker go quiet, marked so
    (`?quiet=1`), in the pause as at the end, and none before the first word; the piece sent
    as Stop is pressed is marked last (`last=1`: the server queues no streaming step for it)."""
    page = paused_mic_page
    quiet: list[int] = []
    last: list[int] = []

    def marked(request: Request) -> None:
        url = urlsplit(request.url)
        if "/chunks/" not in url.path:
            return
        index, query = int(url.path.rstrip("/").split("/")[-1]), parse_qs(url.query)
        if query.get("quiet") == ["1"]:
            quiet.append(index)
        if query.get("last") == ["1"]:
            last.append(index)

    page.on("request", marked)
    log_in(page, alice)
    question = Question.objects.filter(owner__isnull=True).order_by("pk").first()
    assert question is not None
    page.goto(f"/improve/questions/{question.pk}/")
    record(page, alice, chunks=chunks_to_hear_all_of(paused_answer))
    # The pause (3 s) came about 3 s after the recorder started, the end about 5 s later.
    assert len(quiet) >= 2, quiet
    assert Attempt.objects.get(user=alice).stream_quiet == quiet[-1] + 1
    # Saved, the page goes on to the answer's report.
    expect(page.get_by_role("heading", name="Your report")).to_be_visible(timeout=ANALYSIS_WAIT_MS)
    attempt = Attempt.objects.get(user=alice)
    assert page.url.endswith(f"/improve/attempts/{attempt.pk}/")
    assert attempt.status == "analysed", attempt.status
    if last:
        assert last[-1] == attempt.chunks_received - 1, (last, attempt.chunks_received)
    else:
        # Stop came as the quiet piece was flushed, leaving no data for a piece of its own
        # (the recorder sends none empty): then the quiet piece is the answer's last (a CI run).
        assert quiet[-1] == attempt.chunks_received - 1, (quiet, attempt.chunks_received)
    transcript = page.locator(".transcript").inner_text().lower()
    for sentence, words in PAUSED:
        missing = [word for word in words if word not in transcript]
        assert not missing, f"{missing} of {sentence!r} are not in the report: {transcript!r}"


def test_closing_the_page_mid_answer_keeps_what_was_recorded(
    mic_page: Page, alice: User, settings: object
) -> None:
    page = mic_page
    log_in(page, alice)
    question = Question.objects.filter(owner__isnull=True).order_by("pk").first()
    assert question is not None
    page.goto(f"/improve/questions/{question.pk}/")
    with page.expect_request(
        lambda r: r.url.endswith("/record/") and r.method == "POST"
    ) as started:
        page.get_by_role("button", name="Record").click()
    # The start carries a submit key, as every form does, so a twin begins no second answer.
    assert re.search(r'name="submit_key"\r\n\r\n[0-9a-f]{32}\r\n', started.value.post_data or "")
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
            "Marked “Good”: you will see it again in 10 minutes."
        )
    expect(page.get_by_text("Nothing is due right now")).to_be_visible()
    assert DrillCard.objects.filter(user=alice, reviews=1).count() == 2


def test_leaving_while_recording_asks_first(mic_page: Page, alice: User) -> None:
    """Issue 12, class 8: Back mid-answer used to leave without a word."""
    page = mic_page
    log_in(page, alice)
    question = Question.objects.filter(owner__isnull=True).order_by("pk").first()
    assert question is not None
    page.goto(f"/improve/questions/{question.pk}/")
    asked: list[str] = []

    def stay(dialog: Dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()  # "Stay on this page"

    page.on("dialog", stay)
    recorder = page.locator("[data-recorder]").first
    recorder.get_by_role("button", name="Record").click()
    expect(recorder).to_have_attribute("data-state", "recording")
    wait_for_chunks(alice, 1)
    page.get_by_role("link", name="Plan", exact=True).click(no_wait_after=True)
    expect(recorder).to_have_attribute("data-state", "recording")  # still here, still recording
    assert asked == ["beforeunload"]
    assert page.url.endswith(f"/improve/questions/{question.pk}/")
    page.remove_listener("dialog", stay)
    # Stopped, the page goes on to the report by itself: nothing asks any more (an unanswered
    # dialog would be dismissed, and the page would stay).
    recorder.get_by_role("button", name="Stop").click()
    page.wait_for_url(re.compile(r"/improve/attempts/\d+/$"), timeout=ANALYSIS_WAIT_MS)
    assert asked == ["beforeunload"]


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
