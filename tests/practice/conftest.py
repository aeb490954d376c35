"""Personas and real audio for Improve."""

from __future__ import annotations

import io
import math
import struct
import wave

import pytest

from prepcoach.accounts.models import User
from prepcoach.practice.models import Question


def tone_wav(seconds: float = 1.0, rate: int = 16_000) -> bytes:
    """A real WAV file: a 220 Hz tone, enough for prepcoach to recognise and keep."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = (
            int(8000 * math.sin(2 * math.pi * 220 * i / rate)) for i in range(int(seconds * rate))
        )
        out.writeframes(b"".join(struct.pack("<h", f) for f in frames))
    return buffer.getvalue()


def live_webm(seconds: float = 1.0) -> bytes:
    """A WebM as a browser's MediaRecorder writes it: Opus audio, muxed as a live stream, so
    its header states no duration (a player shows 0:00)."""
    import av
    import numpy as np

    buffer = io.BytesIO()
    with av.open(buffer, "w", format="webm", options={"live": "1"}) as out:
        stream = out.add_stream("libopus", rate=48_000)
        stream.layout = "mono"
        pts, size = 0, 960
        for _ in range(int(seconds * 48_000 / size)):
            wave_ = np.sin(2 * np.pi * 220 * (pts + np.arange(size)) / 48_000) * 0.3
            frame = av.AudioFrame.from_ndarray(
                wave_.astype(np.float32).reshape(1, -1), format="flt", layout="mono"
            )
            frame.sample_rate, frame.pts = 48_000, pts
            pts += size
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buffer.getvalue()


@pytest.fixture
def question(db: None) -> Question:
    """A behavioral question from the starter bank."""
    return Question.objects.filter(owner__isnull=True, category="behavioral").order_by("pk").first()  # type: ignore[return-value]


@pytest.fixture
def alices_question(alice: User) -> Question:
    return Question.objects.create(
        owner=alice, text="Why do you want to work in healthcare analytics?", category="motivation",
        competency="motivation", field="data", source="Acme phone screen",
    )  # fmt: skip
