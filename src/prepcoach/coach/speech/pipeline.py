"""From a recording file to an answer analysis: decode, find speech, transcribe, read."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from prepcoach.coach import heap
from prepcoach.coach.answer import AnswerAnalysis, analyse_answer
from prepcoach.coach.delivery import DeliverySettings
from prepcoach.coach.relevance import Asks
from prepcoach.coach.speech.audio import (
    MAX_SECONDS,
    SILENT_PEAK,
    AudioError,
    decode,
    decode_from,
)
from prepcoach.coach.speech.engine import SpeechEngine, Transcript
from prepcoach.coach.speech.quality import audio_quality
from prepcoach.coach.speech.streaming import (
    StreamState,
    all_spans,
    at_stop,
    finish,
    latest_words,
    read_rest,
    resume_from,
)
from prepcoach.coach.speech.transcribe import transcribe
from prepcoach.coach.speech.vad import speech_spans

MIN_WORDS = 3
MIN_SPEECH_S = 0.5


def analyse_recording(
    path: Path,
    engine: SpeechEngine,
    *,
    question: str = "",
    category: str = "behavioral",
    job_description: str = "",
    job_terms: Sequence[str] | None = None,
    settings: DeliverySettings | None = None,
    max_seconds: float = MAX_SECONDS,
    streamed: StreamState | None = None,
    kind: str | None = None,
    asks: Asks | None = None,
    follow_up: bool = False,
    newer: Callable[[], StreamState | None] | None = None,
    awaiting: bool = False,
) -> AnswerAnalysis:
    """Raises AudioError with a reason the user can act on when there is nothing to analyse,
    or when the recording decodes to more than `max_seconds` of sound (the decoded samples are
    counted, so timestamps written into the file cannot hide its length).

    `streamed`: what was transcribed while the answer was recorded (`coach.speech.streaming`);
    used when it was made from this recording's audio, so only the rest is transcribed here
    (from the part read ahead when the rest is long: `streaming.at_stop`).
    Otherwise (and without it) the whole file is transcribed. The analysis says which.
    `kind`, `asks`, `follow_up`, `job_terms`: the question's kind and what it asks for, when
    the caller knows them, whether it follows up the answer before it, and the job's corrected
    key terms (`analyse_answer`). `newer`: asked once the recording is decoded, for a state
    made since `streamed` was read (a step that was in its pass at Stop: the caller may wait
    for it, `practice.streaming.handed_over`), taken unless the rest was read meanwhile
    (below); None keeps `streamed`.

    With `streamed`, the rest of the answer is read (`streaming.read_rest`, from the part of
    the file after the settled time) on a thread of its own while the whole file is decoded:
    the engine's pass releases the interpreter, so the two share the machine's cores, and the
    end waits for the longer of them rather than both (Stop to report, issue 15).
    `awaiting`: a streaming step began reading that same rest before Stop and is still in its
    pass (`practice.streaming.step_in_pass`), and `newer` waits for its state: the rest is not
    read beside decoding then, since a second pass over the same seconds, begun later, ends
    later and takes a core from the first. What the step leaves unread, or all of the rest if
    no state comes, is read after decoding (`finish`)."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rest") as meanwhile:
        # Leaving the block waits for the thread, so the engine is never handed back (a
        # recording too long, say) while it still reads.
        rest = (
            meanwhile.submit(_rest_read, engine, path, streamed, max_seconds)
            if streamed and not awaiting
            else None
        )
        audio = decode(path, max_seconds)
        handed = newer() if newer is not None else None
        read = rest.result() if rest is not None else None
    # Once the rest is read, a state handed over since would only have it read again. A state
    # handed over that does not fit the recording (`at_stop`) leaves the one given, which may.
    given, streamed = streamed, read or handed or streamed
    if streamed is not None:  # None unless made from this audio; its part read ahead or not
        streamed = at_stop(streamed, audio.samples)
        if streamed is None and given is not None and handed is not None and read is None:
            streamed = at_stop(given, audio.samples)
    if streamed is not None:
        spans = all_spans(audio.samples, streamed)  # voice activity over the rest only
    else:
        spans = speech_spans(audio.samples)
    # Half a second of "speech" in a whole recording is a click or a note, not an answer.
    if sum(span.length for span in spans) < MIN_SPEECH_S:
        raise AudioError(
            "No speech was found in this recording (silence, noise or music only): check the "
            "microphone level meter moves when you speak, and record the answer again."
            if audio.peak >= SILENT_PEAK
            else "The recording is completely silent: the microphone sent no sound. Check it is "
            "not muted and is the one selected in the browser, then record the answer again."
        )
    if streamed is not None:
        transcript = finish(engine, audio.samples, streamed, spans)
    else:
        transcript = transcribe(engine, audio.samples, spans)
    # The engine's freed features and decoder state would stay resident beside the sentence
    # model the reading loads on other threads (`coach.heap`).
    heap.give_back()
    # Only when English is clearly not what was spoken: accents lower its score, not this much.
    foreign = transcript.language != "en" and transcript.english_probability < 0.15
    # Words first: music and noise also sound like "another language" to the language detector,
    # and the message for them must say what they are.
    if len(transcript.words) < MIN_WORDS:
        # Speech in another language, read as English, can come out as one sentence said over
        # and over (French in espeak's voice did, on onnxruntime 1.32 / ctranslate2 4.8): every
        # pass is dropped as a loop and no words are left. Music can loop too, so prepcoach
        # cannot tell the two apart: it names both.
        if foreign and transcript.windowed:
            raise AudioError(
                "Too few words were recognised to analyse, and what was heard sounds like "
                f"another language ({transcript.language}) or music: prepcoach's speech model "
                "reads English answers only for now. If the answer was in English, record it "
                "again close to the microphone, away from music and noise."
            )
        raise AudioError(
            "Too few words were recognised to analyse (music, noise, or a very short answer): "
            "record a full answer, speaking close to the microphone."
        )
    if foreign:
        raise AudioError(
            f"The answer seems to be in another language ({transcript.language}): prepcoach's "
            "speech model reads English answers only for now."
        )
    return analyse_answer(
        transcript=transcript, duration_s=audio.duration_s, spans=spans, samples=audio.samples,
        question=question, category=category, job_description=job_description,
        job_terms=job_terms, settings=settings, engine=engine.name,
        audio=audio_quality(audio, spans), kind=kind, asks=asks, follow_up=follow_up,
    )  # fmt: skip


def _rest_read(
    engine: SpeechEngine, path: Path, state: StreamState, max_seconds: float
) -> StreamState | None:
    """`state` with the rest read from the part of `path` after its settled time, or None when
    nothing was read: that part cannot be decoded alone or the recording is longer than
    `max_seconds` (`decode_from`: the end then reads the rest itself, or refuses the
    recording), or `read_rest` had nothing to add."""
    offset = resume_from(state)
    if not offset:
        return None  # the language is not asked yet: the end reads from the start
    # What the engine raises here it would raise reading the rest after decoding: it is raised
    # to the caller alike (`rest.result()`), never swallowed.
    part = decode_from(path, offset, max_seconds)
    read = None if part is None else read_rest(engine, part, state, offset)
    # Unchanged (other audio, a closing the end takes, nothing to read), it adds nothing: a
    # state handed over since is taken before it.
    return None if read is None or read is state or read.closing is None else read


def read_settled(
    state: StreamState,
    question: str = "",
    job_description: str = "",
    job_terms: Sequence[str] | None = None,
) -> None:
    """Read, while the answer is recorded, the text settled so far as the report will read it
    (`analyse_answer` of it as typed text, its result dropped), so that at stop the report's
    reading finds the settled sentences read and reads only the rest's: the sentence model
    keeps each text's reading by that text (`coach.reader_inputs.MIDDLE`), and a reading is
    the same whether a sentence was kept or not (`tests/coach/test_reader.py`). Of a state read
    ahead (`StreamState.ahead`) or closed (`StreamState.closing`), the text read furthest
    (`streaming.latest_words`). A streaming step calls it after a
    pass (`practice.streaming`); at stop the reading then took 0.15-0.20 s of CPU instead of
    0.32-0.42 s on a 2-minute answer (bench_streaming.stop_rows). With the answer's job
    (`job_description`, `job_terms`, as the report reads them), the job's terms are matched too,
    so the sentences, clauses and phrases they are compared with are kept embedded as well
    (`term_match` asks the reader's memory: thirty-fourth session)."""
    words = latest_words(state)
    if words:
        analyse_answer(
            text=Transcript(words, "en", 1.0).text,
            question=question,
            job_description=job_description,
            job_terms=job_terms,
        )
