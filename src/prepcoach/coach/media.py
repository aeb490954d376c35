"""Recognising what an upload is from its first bytes, before anyone tries to decode it."""

from __future__ import annotations

from dataclasses import dataclass


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
