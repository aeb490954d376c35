"""Recognising what an upload is from its first bytes, before anyone tries to decode it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class MediaKind:
    container: str  # "webm", "ogg", "mp4", "wav", "mp3", "flac"
    extension: str
    mime: str


KINDS = {
    "webm": MediaKind("webm", "webm", "video/webm"),
    "ogg": MediaKind("ogg", "ogg", "audio/ogg"),
    "mp4": MediaKind("mp4", "mp4", "video/mp4"),
    "wav": MediaKind("wav", "wav", "audio/wav"),
    "mp3": MediaKind("mp3", "mp3", "audio/mpeg"),
    "flac": MediaKind("flac", "flac", "audio/flac"),
}


def sniff(head: bytes) -> MediaKind | None:
    """The container of an audio or video file from its first bytes, or None if it is not one
    prepcoach can read (a photo, a PDF, text, an empty file)."""
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # EBML: WebM and Matroska
        return KINDS["webm"]
    if head.startswith(b"OggS"):
        return KINDS["ogg"]
    if len(head) >= 12 and head[4:8] == b"ftyp":  # MP4, M4A, MOV
        return KINDS["mp4"]
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return KINDS["wav"]
    if head.startswith(b"ID3") or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return KINDS["mp3"]
    if head.startswith(b"fLaC"):
        return KINDS["flac"]
    return None


def remux_with_duration(source: Path, target: Path) -> float | None:
    """Copy a WebM recording's packets, unchanged, into a WebM whose header states its
    duration, and return that duration in seconds.

    A browser's MediaRecorder writes WebM as a live stream: no duration in the header, so a
    player shows 0:00 and cannot seek until it has read the whole file. Nothing is decoded or
    re-encoded. None (and no target) when the file cannot be read this way; the caller then
    keeps the recording as it came."""
    import av

    try:
        with av.open(str(source)) as before, av.open(str(target), "w", format="webm") as after:
            streams = {s.index: after.add_stream_from_template(s) for s in before.streams
                       if s.type in ("audio", "video")}  # fmt: skip
            if not streams:
                raise ValueError("no audio or video stream")
            for packet in before.demux(*[before.streams[i] for i in streams]):
                if packet.dts is None:
                    continue  # the demuxer's empty packet at the end of each stream
                packet.stream = streams[packet.stream.index]
                after.mux(packet)
        with av.open(str(target)) as check:
            seconds = check.duration / 1_000_000 if check.duration else None
    except (av.FFmpegError, ValueError, OSError):
        seconds = None
    if seconds is None:
        target.unlink(missing_ok=True)
    return seconds


def measured_seconds(path: Path) -> float | None:
    """How long a recording really plays, in seconds, read from its packets' timestamps (the
    packets are read, not decoded: a 45-minute answer takes a fraction of a second). A header's
    stated duration is not trusted alone: a chunk may hold any length of sound. None when the
    file cannot be read as audio or video (decoding it then says why)."""
    import av

    try:
        with av.open(str(path)) as container:
            streams = [s for s in container.streams if s.type in ("audio", "video")]
            if not streams:
                return None
            end = 0.0
            for packet in container.demux(*streams):
                if packet.pts is None or packet.time_base is None:
                    continue
                stop = packet.pts + (packet.duration or 0)
                end = max(end, float(stop * packet.time_base))
            start = container.start_time / 1_000_000 if container.start_time else 0.0
    except (av.FFmpegError, ValueError, OSError):
        return None
    return max(0.0, end - start)
