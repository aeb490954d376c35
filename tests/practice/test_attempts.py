import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.answer import ANALYSIS_VERSION
from prepcoach.coach.rate_limits import RATE_LIMITS
from prepcoach.ops.models import ActionUse
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.tasks import finalise_abandoned
from tests.practice.conftest import live_webm, tone_wav

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

GOOD = (
    "In my last role our ward lost track of handovers. My job was to fix it. I designed a "
    "one-page checklist and I trained twelve nurses. As a result, missed handover items fell by 40%."
)


def start(client: Client, question: Question, **fields: str) -> dict[str, object]:
    response = client.post(reverse("practice:recording_start", args=[question.pk]), fields)
    assert response.status_code == 201
    return response.json()


def send(client: Client, started: dict[str, object], index: int, data: bytes) -> "Response":
    return client.post(
        f"{started['chunk_url']}/{index}/", data, content_type="application/octet-stream"
    )


def test_a_typed_answer_is_saved_then_analysed(
    alice_client: Client, alice: User, question: Question
) -> None:
    response = alice_client.post(
        reverse("practice:typed_create", args=[question.pk]),
        {"text": GOOD, "rating": "4"},
        follow=True,
    )
    attempt = Attempt.objects.get(user=alice)
    assert (attempt.status, attempt.rating, attempt.mode) == ("analysed", 4, "practice")
    assert attempt.analysis["version"] == ANALYSIS_VERSION
    assert attempt.analysis["star"]["quantified_result"]["present"]
    assert attempt.analysis["wpm"] is None  # typed: no timings
    assert "Your report" in response.text
    assert "result with a number" in response.text
    # Typed: the legend names no long pause, which only a recording can have.
    assert "long pause" not in response.text


@pytest.mark.parametrize(
    ("text", "message"), [("", "Type your answer first"), ("🎤🎤", "in words")]
)
def test_an_empty_typed_answer_is_explained(
    alice_client: Client, question: Question, text: str, message: str
) -> None:
    response = alice_client.post(
        reverse("practice:typed_create", args=[question.pk]), {"text": text}
    )
    assert response.status_code == 422
    assert message in response.text
    assert not Attempt.objects.exists()


def test_a_refused_answer_keeps_the_answers_so_far_on_the_page(
    alice_client: Client, alice: User, question: Question
) -> None:
    url = reverse("practice:typed_create", args=[question.pk])
    alice_client.post(url, {"text": GOOD})
    response = alice_client.post(url, {"text": ""})
    assert response.status_code == 422
    assert "Type your answer first" in response.text
    assert "No answers yet" not in response.text  # one was saved a moment ago
    saved = Attempt.objects.get(user=alice)
    assert reverse("practice:attempt", args=[saved.pk]) in response.text


def test_chunks_are_joined_into_a_playable_recording(
    alice_client: Client, alice: User, question: Question
) -> None:
    audio = tone_wav(1.0)
    started = start(alice_client, question, mode="practice")
    pieces = [audio[:10_000], audio[10_000:20_000], audio[20_000:]]
    assert send(alice_client, started, 0, pieces[0]).status_code == 201
    assert send(alice_client, started, 2, pieces[2]).status_code == 201  # out of order
    assert send(alice_client, started, 1, pieces[1]).status_code == 201
    assert send(alice_client, started, 1, pieces[1]).json() == {
        "index": 1,
        "stored": False,
    }  # twice
    clash = send(alice_client, started, 1, b"something else")
    assert clash.status_code == 409
    done = alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    assert done.status_code == 200
    attempt = Attempt.objects.get(user=alice)
    # A tone is not speech: the analysis says so, and the recording is kept whole.
    assert attempt.status == "failed"
    assert "No speech was found" in attempt.failure
    assert Path(attempt.recording.path).read_bytes() == audio
    assert attempt.media_type == "audio/wav"
    media = alice_client.get(
        reverse("practice:attempt_media", args=[attempt.pk]), HTTP_RANGE="bytes=0-99"
    )
    assert media.status_code == 206
    assert media["Content-Range"] == f"bytes 0-99/{len(audio)}"
    assert media.content == audio[:100]
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert "<audio controls" in page


def test_a_browsers_webm_is_saved_with_its_duration(
    alice_client: Client, alice: User, question: Question
) -> None:
    import av

    recorded = live_webm(3.0)
    with av.open(io.BytesIO(recorded)) as before:
        assert before.duration is None  # what the player showed as 0:00
        packets = sum(1 for p in before.demux(before.streams.audio[0]) if p.dts is not None)
    started = start(alice_client, question, mode="practice")
    third = len(recorded) // 3
    for index, piece in enumerate((recorded[:third], recorded[third : 2 * third],
                                   recorded[2 * third :])):  # fmt: skip
        assert send(alice_client, started, index, piece).status_code == 201
    assert alice_client.post(started["finalise_url"]).status_code == 200  # type: ignore[arg-type]
    attempt = Attempt.objects.get(user=alice)
    assert attempt.media_type == "video/webm"
    with av.open(attempt.recording.path) as after:
        assert after.duration is not None
        assert 2.9 <= after.duration / 1_000_000 <= 3.1
        # The same sound, packet for packet: nothing was decoded or re-encoded.
        assert sum(1 for p in after.demux(after.streams.audio[0]) if p.dts is not None) == packets
    assert not list(Path(attempt.recording.path).parent.glob("*.remuxed"))


def test_recordings_saved_before_are_given_their_duration(
    alice_client: Client, alice: User, question: Question, settings: object
) -> None:
    import av
    from django.core.management import call_command

    started = start(alice_client, question, mode="practice")
    send(alice_client, started, 0, tone_wav(1.0))
    alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    attempt = Attempt.objects.get(user=alice)
    # As a recording joined before durations were written: a browser's WebM, as it came.
    old = Path(attempt.recording.path).with_name("answer.webm")
    old.write_bytes(live_webm(2.0))
    Attempt.objects.filter(pk=attempt.pk).update(
        recording=str(old.relative_to(settings.MEDIA_ROOT)),  # type: ignore[attr-defined]
        media_type="video/webm",
    )
    broken = Attempt.objects.create(
        user=alice, question=question, question_text=question.text, status="failed",
        recording=str(old.with_name("gone.webm").relative_to(settings.MEDIA_ROOT)),  # type: ignore[attr-defined]
        media_type="video/webm",
    )  # fmt: skip
    out = io.StringIO()
    call_command("write_durations", stdout=out)
    assert out.getvalue().strip() == (
        "1 recording now states its duration; 1 could not be read and was left as it is."
    )
    with av.open(str(old)) as after:
        assert after.duration is not None
        assert 1.9 <= after.duration / 1_000_000 <= 2.1
    assert broken.recording.name.endswith("gone.webm")


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        (b"", 400, "empty piece"),
        (b"%PDF-1.7 not a recording", 415, "not audio or video"),
    ],
)
def test_bad_uploads_are_refused_with_a_reason(
    alice_client: Client, question: Question, data: bytes, status: int, message: str
) -> None:
    started = start(alice_client, question)
    response = send(alice_client, started, 0, data)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_an_upload_past_the_limit_keeps_what_came_before(
    alice_client: Client, alice: User, question: Question, settings: object
) -> None:
    settings.RECORDING_MAX_BYTES = 30_000  # type: ignore[attr-defined]
    audio = tone_wav(1.0)
    started = start(alice_client, question)
    assert send(alice_client, started, 0, audio[:20_000]).status_code == 201
    over = send(alice_client, started, 1, audio[20_000:])
    assert over.status_code == 413
    assert "limit" in over.json()["error"]
    alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    attempt = Attempt.objects.get(user=alice)
    assert Path(attempt.recording.path).read_bytes() == audio[:20_000]


def test_nothing_recorded_is_a_clear_failure(
    alice_client: Client, alice: User, question: Question
) -> None:
    started = start(alice_client, question)
    response = alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    assert response.status_code == 422
    assert "No recording arrived" in response.json()["message"]


def test_a_gap_keeps_the_answer_up_to_it(
    alice_client: Client, alice: User, question: Question
) -> None:
    audio = tone_wav(1.0)
    started = start(alice_client, question)
    send(alice_client, started, 0, audio[:10_000])
    send(alice_client, started, 2, audio[20_000:])
    alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    attempt = Attempt.objects.get(user=alice)
    assert Path(attempt.recording.path).read_bytes() == audio[:10_000]
    assert "after a gap" in attempt.recording_note


def test_a_recording_whose_page_closed_is_saved_by_the_worker(
    alice_client: Client, alice: User, question: Question
) -> None:
    audio = tone_wav(0.5)
    started = start(alice_client, question)
    send(alice_client, started, 0, audio)
    long_ago = timezone.now() - dt.timedelta(minutes=10)
    Attempt.objects.update(created_at=long_ago, last_chunk_at=long_ago)
    assert finalise_abandoned.call() == 1
    attempt = Attempt.objects.get(user=alice)
    assert attempt.interrupted
    assert attempt.status == "failed"  # saved, then read: a tone holds no speech
    assert Path(attempt.recording.path).read_bytes() == audio
    assert (
        "the page closed during this answer"
        in alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    )


def test_chunks_after_saving_are_refused(alice_client: Client, question: Question) -> None:
    audio = tone_wav(0.3)
    started = start(alice_client, question)
    send(alice_client, started, 0, audio)
    alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    assert send(alice_client, started, 1, b"late").status_code == 409


def test_delete_removes_the_answer_and_its_recording(
    alice_client: Client, alice: User, question: Question, django_capture_on_commit_callbacks: Any
) -> None:
    started = start(alice_client, question)
    send(alice_client, started, 0, tone_wav(0.3))
    alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    attempt = Attempt.objects.get()
    path = Path(attempt.recording.path)
    with django_capture_on_commit_callbacks(execute=True):  # the files go once it commits
        alice_client.post(reverse("practice:attempt_delete", args=[attempt.pk]))
    assert not Attempt.objects.exists()
    assert not path.exists()


def test_bob_cannot_reach_alices_answers(
    client: Client, alice_client: Client, bob: User, question: Question
) -> None:
    started = start(alice_client, question)
    send(alice_client, started, 0, tone_wav(0.3))
    alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    attempt = Attempt.objects.get()
    other = Client()
    other.force_login(bob)
    for name in ("practice:attempt", "practice:attempt_media"):
        assert other.get(reverse(name, args=[attempt.pk])).status_code == 404
    assert (
        other.post(
            f"{started['chunk_url']}/1/", b"x", content_type="application/octet-stream"
        ).status_code
        == 404
    )


def test_rate_an_answer(alice_client: Client, alice: User, question: Question) -> None:
    alice_client.post(reverse("practice:typed_create", args=[question.pk]), {"text": GOOD})
    attempt = Attempt.objects.get()
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    # Each point says what it means (a trial asked what 1 and 5 stood for).
    for label in ("1 · poor", "3 · fair", "5 · strong"):
        assert label in page
    alice_client.post(reverse("practice:attempt_rate", args=[attempt.pk]), {"rating": "2"})
    attempt.refresh_from_db()
    assert attempt.rating == 2


def test_a_piece_arriving_after_the_join_is_refused_not_orphaned(
    alice_client: Client, alice: User, question: Question
) -> None:
    from prepcoach.ops import store
    from prepcoach.practice.recordings import RecordingError, folder, store_chunk

    audio = tone_wav(0.5)
    started = start(alice_client, question)
    send(alice_client, started, 0, audio[:5000])
    stale = Attempt.objects.get()  # loaded before the join, as a slow request would
    alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    with pytest.raises(RecordingError, match="already saved"):
        store_chunk(stale, 1, audio[5000:])
    assert store.files_in(f"{folder(stale)}/chunks") == []


def test_the_pages_goodbye_marks_the_answer_and_the_sweep_saves_it(
    alice_client: Client, alice: User, question: Question, settings: object
) -> None:
    started = start(alice_client, question)
    send(alice_client, started, 0, tone_wav(0.3))
    goodbye = alice_client.post(started["finalise_url"], {"interrupted": "1"})  # type: ignore[arg-type]
    assert goodbye.json()["status"] == "recording"
    attempt = Attempt.objects.get()
    assert attempt.interrupted
    assert finalise_abandoned.call() == 0  # pieces may still be on their way
    settings.RECORDING_INTERRUPTED_GRACE_SECONDS = 0  # type: ignore[attr-defined]
    assert finalise_abandoned.call() == 1
    attempt.refresh_from_db()
    assert (attempt.status, attempt.interrupted) == ("failed", True)
    assert attempt.recording


def test_ranges_are_capped_and_a_missing_file_is_a_404(
    alice_client: Client, alice: User, question: Question, settings: object
) -> None:
    from prepcoach.practice import media as views

    audio = tone_wav(1.0)
    started = start(alice_client, question)
    send(alice_client, started, 0, audio)
    alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    attempt = Attempt.objects.get()
    url = reverse("practice:attempt_media", args=[attempt.pk])
    original = views.MAX_RANGE_BYTES
    views.MAX_RANGE_BYTES = 1000
    try:
        open_ended = alice_client.get(url, HTTP_RANGE="bytes=0-")
    finally:
        views.MAX_RANGE_BYTES = original
    assert open_ended.status_code == 206
    assert open_ended["Content-Range"] == f"bytes 0-999/{len(audio)}"
    assert alice_client.get(url, HTTP_RANGE=f"bytes={len(audio) + 5}-").status_code == 416
    # A number of thousands of digits is refused before it is read (issue 11, class 5).
    for huge in ("bytes=" + "9" * 5000 + "-", "bytes=0-" + "1" * 5000, "bytes=-" + "7" * 20):
        refused = alice_client.get(url, HTTP_RANGE=huge)
        assert refused.status_code == 416
        assert refused["Content-Range"] == f"bytes */{len(audio)}"
    Path(attempt.recording.path).unlink()
    assert alice_client.get(url).status_code == 404


def test_the_attempt_page_watches_while_the_analysis_waits(
    alice_client: Client, alice: User, question: Question
) -> None:
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text, text=GOOD, status="queued"
    )
    panel = alice_client.get(reverse("practice:attempt_status", args=[attempt.pk])).text
    assert 'hx-trigger="load, push-retry"' in panel  # asks again at once: a long poll (test_push)
    assert "Waiting for analysis" in panel
    Attempt.objects.filter(pk=attempt.pk).update(
        status="analysed", analysis={"version": 1, "content": None, "note": "Saved."}
    )
    done = alice_client.get(reverse("practice:attempt_status", args=[attempt.pk])).text
    assert "hx-trigger" not in done


def test_typed_answers_past_the_per_minute_limit_wait_and_keep_their_words(
    alice_client: Client, alice: User, question: Question
) -> None:
    limit = RATE_LIMITS["typed_answer"]
    recent = timezone.now() - dt.timedelta(seconds=limit.window_s - 20)
    ActionUse.objects.bulk_create(
        ActionUse(user=alice, action="typed_answer", at=recent) for _ in range(limit.uses)
    )
    response = alice_client.post(
        reverse("practice:typed_create", args=[question.pk]), {"text": GOOD}
    )
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 20
    assert f"You asked for {limit.uses} typed answers in the last" in response.text
    assert "try again in" in response.text
    assert "I designed a one-page checklist" in response.text  # what was typed is kept
    assert not Attempt.objects.filter(user=alice).exists()
    # Once the oldest use has left the window, the same answer is saved.
    ActionUse.objects.update(at=timezone.now() - dt.timedelta(seconds=limit.window_s + 1))
    saved = alice_client.post(reverse("practice:typed_create", args=[question.pk]), {"text": GOOD})
    assert saved.status_code == 302
    assert Attempt.objects.filter(user=alice).count() == 1


def test_a_recording_started_twice_with_one_submit_key_is_one_answer(
    alice_client: Client, alice: User, question: Question
) -> None:
    fields = {"submit_key": "0123456789abcdef0123456789abcdef", "question_text": "Why us?"}
    first = start(alice_client, question, **fields)
    again = start(alice_client, question, **fields)  # a retry of the same press of Record
    assert again == first
    assert Attempt.objects.filter(user=alice).count() == 1
    other = start(alice_client, question, **fields | {"submit_key": "f" * 32})  # a new press
    assert other["id"] != first["id"]


def test_a_join_that_never_commits_keeps_every_piece(
    alice_client: Client, alice: User, question: Question, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker killed or the database lost between the join and its commit: the answer stays
    # RECORDING with all its pieces, so the next join (the sweep's) has them all. The joined
    # pieces used to be deleted before the commit, leaving the sweep nothing to join.
    from prepcoach.ops import store
    from prepcoach.practice.recordings import finalise, folder

    audio = tone_wav(0.5)
    started = start(alice_client, question)
    send(alice_client, started, 0, audio[:5000])
    send(alice_client, started, 1, audio[5000:])
    attempt = Attempt.objects.get()

    def lost(self: Attempt, *args: Any, **kwargs: Any) -> None:
        raise ConnectionError("the database went away")

    with monkeypatch.context() as patch:
        patch.setattr(Attempt, "save", lost)
        with pytest.raises(ConnectionError):
            finalise(attempt)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.RECORDING
    assert len(store.files_in(f"{folder(attempt)}/chunks")) == 2
    assert finalise(attempt).attempt.status != Attempt.Status.RECORDING
    assert Path(Attempt.objects.get().recording.path).read_bytes() == audio


class TwinArrives(FileSystemStorage):
    """The media folder, where a second request for the same piece arrives (and completes)
    while the first is being written: `twin` runs once, at the first piece's write."""

    twin: Callable[[], None] | None = None
    depth_while_writing: int | None = None

    def path(self, name: str) -> str:
        twin, TwinArrives.twin = TwinArrives.twin, None
        if twin is not None and name.endswith(".part"):
            TwinArrives.depth_while_writing = len(connection.atomic_blocks)
            twin()
        return super().path(name)


def test_a_piece_is_written_outside_the_answers_lock_and_a_twin_with_other_bytes_loses_nothing(
    alice_client: Client, alice: User, question: Question, settings: Any
) -> None:
    from prepcoach.ops import store
    from prepcoach.practice.recordings import RecordingError, finalise, folder, store_chunk

    audio = tone_wav(0.5)
    started = start(alice_client, question)
    send(alice_client, started, 0, audio[:5000])
    attempt = Attempt.objects.get()
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": f"{__name__}.TwinArrives", "OPTIONS": {"location": str(settings.MEDIA_ROOT)}
    }}  # fmt: skip
    outside = len(connection.atomic_blocks)
    twin_counted: list[bool] = []
    TwinArrives.twin = lambda: twin_counted.append(store_chunk(attempt, 1, audio[5000:]))
    with pytest.raises(RecordingError, match="already received") as refused:
        store_chunk(attempt, 1, b"other bytes under the same index")
    assert refused.value.status == 409
    # No transaction (so no row lock) was open while the piece was written.
    assert TwinArrives.depth_while_writing == outside
    assert twin_counted == [True]
    attempt.refresh_from_db()
    assert attempt.chunks_received == 2
    assert attempt.bytes_received == len(audio)
    # The refused piece is gone; the twin's is the one joined.
    assert len(store.files_in(f"{folder(attempt)}/chunks")) == 2
    assert finalise(attempt).attempt.status != Attempt.Status.RECORDING
    assert Path(Attempt.objects.get().recording.path).read_bytes() == audio


def test_a_piece_sent_again_after_the_answer_was_saved_is_answered_as_saved(
    alice_client: Client, question: Question
) -> None:
    # recorder.js resends a piece whose answer never arrived; it was counted, and the answer
    # saved meanwhile: the resend is a retry (200), not an error the page shows.
    audio = tone_wav(0.3)
    started = start(alice_client, question)
    assert send(alice_client, started, 0, audio).status_code == 201
    alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    again = send(alice_client, started, 0, audio)
    assert (again.status_code, again.json()) == (200, {"index": 0, "stored": False})
    assert send(alice_client, started, 0, audio[:4000]).status_code == 409


def test_a_piece_stored_under_its_old_name_before_the_upgrade_is_not_counted_twice(
    alice_client: Client, question: Question
) -> None:
    from prepcoach.ops import store
    from prepcoach.practice.recordings import chunk_name

    audio = tone_wav(0.5)
    started = start(alice_client, question)
    attempt = Attempt.objects.get()
    # Piece 0 arrived before migration 0014: stored by index alone, counted, not in `pieces`.
    store.put(chunk_name(attempt, 0), audio[:5000])
    Attempt.objects.filter(pk=attempt.pk).update(chunks_received=1, bytes_received=5000)
    again = send(alice_client, started, 0, audio[:5000])
    assert (again.status_code, again.json()["stored"]) == (200, False)
    assert send(alice_client, started, 0, audio[:4000]).status_code == 409
    assert send(alice_client, started, 1, audio[5000:]).status_code == 201
    attempt.refresh_from_db()
    assert (attempt.chunks_received, attempt.bytes_received) == (2, len(audio))
    alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    assert Path(Attempt.objects.get().recording.path).read_bytes() == audio


def test_a_stored_piece_that_differs_from_what_arrived_is_not_joined_and_nothing_is_lost(
    alice_client: Client, question: Question
) -> None:
    from prepcoach.ops import store
    from prepcoach.practice.recordings import stored_pieces

    audio = tone_wav(0.5)
    started = start(alice_client, question)
    send(alice_client, started, 0, audio[:5000])
    send(alice_client, started, 1, audio[5000:])
    attempt = Attempt.objects.get()
    second = stored_pieces(attempt)[1]
    store.put(second, audio[5000:9000])  # cut short in the store
    refused = alice_client.post(started["finalise_url"])  # type: ignore[arg-type]
    assert refused.status_code == 503
    assert "Piece 1 of this recording is not stored as it arrived" in refused.json()["message"]
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.RECORDING
    assert sorted(stored_pieces(attempt)) == [0, 1]
    assert store.exists(second)
    store.put(second, audio[5000:])  # whole again: the join goes ahead
    assert alice_client.post(started["finalise_url"]).status_code == 200  # type: ignore[arg-type]
    assert Path(Attempt.objects.get().recording.path).read_bytes() == audio
