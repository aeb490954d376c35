"""Any browser recording (WebM/Opus, MP4/AAC, Ogg, WAV, M4A), audio or video, decoded to
16 kHz mono samples with PyAV (FFmpeg's libraries, bundled in its wheel)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from numpy.typing import NDArray

RATE = 16_000
MAX_SECONDS = 45 * 60  # longer is not an answer; decoding it would only fill memory
# A sample this close to full scale was clipped by the microphone or its gain.
CLIP_LEVEL = 0.98
# Averaging channels that keep less than this share of the louder channel's level means they
# cancel (one is the other inverted): the louder channel alone is kept instead.
CANCEL_RATIO = 0.5
# A recording whose loudest moment stays under this (about -26 dBFS) is too quiet for the voice
# detector to find speech reliably: it is amplified for reading, and the report says so.
QUIET_PEAK = 0.05
TARGET_PEAK = 0.5
# Under this peak (-60 dBFS) the microphone sent nothing but its own hiss: not amplified, so
# the report can say the recording is silent instead of reading the hiss as a quiet voice.
SILENT_PEAK = 1e-3
# A recording longer than this is read in windows (speech engine, voice detector), each cut in
# the middle of the quietest stretch of its last WINDOW_SEARCH_S: a pause between sentences, so
# no word is cut. Their memory is then that of one window (bench/bench_memory.py measures a
# 10-minute answer); answers up to 2 minutes are read in one piece, as before.
WINDOW_S = 120
WINDOW_SEARCH_S = 30
# WebM's clusters and blocks: a file that has them but no EBML header began part-way through.
WEBM_CLUSTER = b"\x1f\x43\xb6\x75"


class AudioError(ValueError):
    """A recording that cannot be analysed; the message says why and what to do."""


@dataclass(frozen=True)
class Audio:
    samples: NDArray[np.float32]  # mono, RATE per second, -1 to 1
    duration_s: float
    channels: str = "mono"  # "mono", "mixed" (averaged), or "louder channel" (they cancelled)
    clipped_share: float = 0.0  # share of samples at full scale in the recording as made
    gain_db: float = 0.0  # amplification applied to a very quiet recording before reading it
    peak: float = 1.0  # the loudest sample as recorded (before any gain), 0–1


def _missing_start(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(256 * 1024)  # Opus clusters run to tens of kilobytes
    return not head.startswith(b"\x1a\x45\xdf\xa3") and (
        WEBM_CLUSTER in head or head[:1] in (b"\xa3", b"\xa0")
    )


def _missing_start_error() -> AudioError:
    return AudioError(
        "The start of the recording is missing: the file begins part-way through (its header "
        "never arrived), so it cannot be read. Record the answer again; if you upload a file, "
        "upload the whole recording."
    )


def _to_mono(channels: NDArray[np.float32]) -> tuple[NDArray[np.float32], str]:
    """One signal from (channels, samples), never losing the voice: channels that cancel when
    averaged (one inverted) give the louder channel instead of silence."""
    if channels.shape[0] == 1:
        return channels[0], "mono"
    levels = np.sqrt(np.mean(channels.astype(np.float64) ** 2, axis=1))
    # Channels with nothing on them (an unused input of an interface) would only dilute the
    # voice: joined are the channels within 20 dB of the loudest.
    channels = channels[levels >= float(levels.max()) / 10]
    if channels.shape[0] == 1:
        return channels[0], "mono"
    mixed = channels.mean(axis=0)
    levels = np.sqrt(np.mean(channels.astype(np.float64) ** 2, axis=1))
    if float(np.sqrt(np.mean(mixed.astype(np.float64) ** 2))) < CANCEL_RATIO * float(levels.max()):
        return channels[int(np.argmax(levels))], "louder channel"
    return mixed.astype(np.float32), "mixed"


def _refuse_too_long(samples: int, max_seconds: float) -> None:
    if samples > max_seconds * RATE:
        raise AudioError(
            f"The recording is longer than {int(max_seconds // 60)} minutes: an answer "
            "that long cannot be analysed. Record a shorter one."
        )


def decode(path: Path | str, max_seconds: float = MAX_SECONDS) -> Audio:
    """The recording as 16 kHz mono float samples, with what was done to make it readable.

    Raises AudioError (with what to do) for empty, unreadable, header-less, silent-track, too
    long and too short files. A truncated file keeps what decoded, as a player would."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        raise AudioError("The recording is empty: nothing was captured. Record the answer again.")
    try:
        container = av.open(str(path))
    except (av.error.InvalidDataError, av.error.FFmpegError, ValueError) as error:
        if _missing_start(path):
            raise _missing_start_error() from None
        raise AudioError(
            f"This file cannot be read as audio or video ({error.__class__.__name__}): record "
            "again, or upload a WebM, Ogg, MP4, M4A or WAV file."
        ) from None
    with container:
        streams = [s for s in container.streams if s.type == "audio"]
        if not streams:
            if _missing_start(path):
                raise _missing_start_error()
            raise AudioError("The file has no sound track: record with a microphone.")
        stream = streams[0]
        assert isinstance(stream, av.AudioStream)
        # Every channel kept as recorded (a 5.1 downmix to stereo would add channels together
        # and read as clipping); _to_mono decides how to join them.
        layout = stream.layout if (stream.channels or 1) > 1 else "mono"
        resampler = av.AudioResampler(format="fltp", layout=layout, rate=RATE, frame_size=RATE)
        chunks: list[NDArray[np.float32]] = []
        total = fed = 0
        try:
            for frame in container.decode(stream):
                assert isinstance(frame, av.AudioFrame)
                fed += 1
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().astype(np.float32))
                    total += chunks[-1].shape[1]
                _refuse_too_long(total, max_seconds)
        except av.error.FFmpegError as error:
            if not fed:
                raise AudioError(
                    f"The sound could not be decoded ({error.__class__.__name__}): the file may be "
                    "damaged or use a codec prepcoach cannot read. Record the answer again."
                ) from None
            # A truncated file: keep what decoded, as a player would.
        # The resampler hands out whole seconds (`frame_size`: a 2-minute WebM's 6,000 pieces of
        # 20 ms each made an array of their own, a third of decoding's time); the rest of the
        # last second comes out here, after the end or the damage, and counts for the length.
        try:
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().astype(np.float32))
                total += chunks[-1].shape[1]
        except av.error.FFmpegError:
            pass  # what the resampler held is lost; what it handed out is kept
        _refuse_too_long(total, max_seconds)
    channels = np.concatenate(chunks, axis=1) if chunks else np.zeros((1, 0), dtype=np.float32)
    if channels.shape[1] < RATE // 4:
        raise AudioError(
            "The recording is shorter than a quarter of a second: record the answer again."
        )
    # Clipping is measured per channel as recorded: the share of the worst channel.
    clipped = float(np.max(np.mean(np.abs(channels) >= CLIP_LEVEL, axis=1)))
    samples, how = _to_mono(channels)
    peak = float(np.max(np.abs(samples)))
    gain_db = 0.0
    if SILENT_PEAK <= peak < QUIET_PEAK:
        gain = TARGET_PEAK / peak
        samples = (samples * gain).astype(np.float32)
        gain_db = round(20 * float(np.log10(gain)), 1)
    return Audio(samples, samples.size / RATE, how, round(clipped, 4), gain_db, round(peak, 5))


def window_cuts(samples: NDArray[np.float32]) -> list[int]:
    """Where a long recording is cut for reading: sample indexes from 0 to its end, each window
    at most WINDOW_S long, cut in the middle of the quietest stretch of its last WINDOW_SEARCH_S
    (a pause between sentences, so no word is cut). A recording up to WINDOW_S is one window."""
    cuts = [0]
    frame = RATE // 10
    while samples.size - cuts[-1] > WINDOW_S * RATE:
        low = cuts[-1] + (WINDOW_S - WINDOW_SEARCH_S) * RATE
        region = samples[low : cuts[-1] + WINDOW_S * RATE]
        usable = region[: region.size // frame * frame].astype(np.float64)
        energy = np.mean(usable.reshape(-1, frame) ** 2, axis=1)
        quiet = np.convolve(energy, np.ones(5), mode="same")  # half a second around each frame
        cuts.append(low + _middle_of_quietest(quiet) * frame + frame // 2)
    return [*cuts, samples.size]


def _middle_of_quietest(quiet: NDArray[np.float64]) -> int:
    """The middle frame of the longest run of frames at the quietest level (within half as
    much again): the middle of a pause, so each window starts and ends in silence."""
    still = quiet <= float(quiet.min()) * 1.5 + 1e-12
    best, best_length, run_start = 0, 0, 0
    for index, frame_still in enumerate([*still.tolist(), False]):
        if not frame_still:
            if index - run_start > best_length:
                best, best_length = run_start, index - run_start
            run_start = index + 1
    return best + best_length // 2


# Opus audio decoded before the second `decode_from` starts at, and thrown away: a decoder
# started mid-stream converges on the samples of one that ran from the start. With 2 s they
# were identical to the sample from every second of an 85 s answer (1 s left differences of up
# to 3e-6 at 5 of 84 seconds); tests/coach/speech/test_audio.py holds the equality.
PREROLL_S = 2.0
OPUS_RATE = 48_000


def opus_samples(packet: bytes) -> int:
    """The samples (at 48 kHz) an Opus packet holds, from its TOC byte (RFC 6716, 3.1)."""
    if not packet:
        return 0
    config, code = packet[0] >> 3, packet[0] & 3
    if config < 12:  # SILK: 10, 20, 40, 60 ms
        size = (480, 960, 1920, 2880)[config & 3]
    elif config < 16:  # hybrid: 10, 20 ms
        size = (480, 960)[config & 1]
    else:  # CELT: 2.5, 5, 10, 20 ms
        size = (120, 240, 480, 960)[config & 3]
    frames = 1 if code == 0 else 2 if code < 3 else (packet[1] & 0x3F if len(packet) > 1 else 0)
    return size * frames


def decode_from(
    path: Path | str, seconds: int, max_seconds: float = MAX_SECONDS
) -> NDArray[np.float32] | None:
    """`decode(path).samples[seconds * RATE:]`, decoding only the Opus packets from PREROLL_S
    before `seconds` (the earlier ones are only counted): a step of a long recording being
    transcribed then costs what an early step does. None whenever that cannot be promised:
    not a mono Opus track, a tail too quiet to tell whether `decode` would amplify the whole
    recording, too long, or unreadable. The caller then decodes the whole file."""
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, ValueError):
        return None
    with container:
        streams = [s for s in container.streams if s.type == "audio"]
        stream = streams[0] if streams else None
        if not isinstance(stream, av.AudioStream) or stream.codec_context.name != "opus":
            return None
        if (stream.channels or 1) != 1:
            return None  # decode joins channels by their levels over the whole recording
        resampler = av.AudioResampler(format="fltp", layout="mono", rate=RATE, frame_size=RATE)
        counted, begun, chunks = 0, -1, []
        skip_before = max(0.0, seconds - PREROLL_S) * OPUS_RATE
        try:
            for packet in container.demux(stream):
                size = opus_samples(bytes(packet)) if packet.size else 0
                if begun < 0 and counted + size <= skip_before:
                    counted += size  # before the preroll: counted, never decoded
                elif size:
                    begun = counted if begun < 0 else begun
                    counted += size
                    for frame in packet.decode():
                        assert isinstance(frame, av.AudioFrame)
                        chunks += [out.to_ndarray()[0] for out in resampler.resample(frame)]
                if counted > max_seconds * OPUS_RATE:
                    return None
            chunks += [out.to_ndarray()[0] for out in resampler.resample(None)]
        except av.error.FFmpegError:
            return None
    # The first packet decoded starts, in `decode`'s samples, where the packets before it end
    # (a fresh decoder drops the codec's delay from its first packet again); Opus sizes are
    # multiples of 120 samples at 48 kHz, so the 16 kHz timelines line up exactly.
    if begun < 0 or begun % (OPUS_RATE // RATE) or not chunks:
        return None
    tail = np.concatenate(chunks).astype(np.float32)[seconds * RATE - begun // 3 :]
    if tail.size == 0 or float(np.max(np.abs(tail))) < QUIET_PEAK:
        return None  # decode may amplify it, by the peak of the whole recording
    return tail
