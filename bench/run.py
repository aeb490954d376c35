"""Run every benchmark in bench/ and print its ratio against a baseline measured in the same run.
`python bench/run.py push stop` (`make bench BENCH="push stop"`) runs only those; each
benchmark's wall time is printed after it, and all of them at the end.

Each benchmark is a module `bench/bench_*.py` with a `run() -> None` function that prints
its own results, each quality figure with the set it comes from (development or held-out, and
the set's date) and a baseline measured in the same run; a figure recorded earlier (a model's
cross-validation kept with its weights, a poll not measured here) says so where it is printed.
Today:
- `bench_analysis.py`: speech to report: completeness (every clip's WER and coverage beside the
  old pipeline, and through the streaming path beside the whole file on the same browser
  pieces), the decoding settings, accuracy with fillers and pauses matched by time, and
  speed against plain faster-whisper. Slow: it runs the speech model (about 20 minutes).
- `bench_bearing.py`: which of a job's key terms bear on a question (the key-terms tip's and
  area's), precision and recall on the labelled questions (all development by now: the next
  change needs a fresh held-out set), beside every term.
- `bench_body_language.py`: body language from video (issue 10) on clips made from a packaged
  face with known moves, turns and exits: face-in-frame agreement, head-angle error, look-away
  episodes (precision, recall), time per frame and the added latency on a 2-minute answer.
- `bench_fillers.py`: fillers counted in an answer against labelled sentences (precision and
  recall, all fillers and "like" alone), beside every "like" a filler and none.
- `bench_memory.py`: a worker's peak memory on a 10-minute answer (aim 600 MB), beside the raw
  speech engine on the same file and the worker reading it in one piece, each in a child
  process of this run. Slow (about 10 minutes).
- `bench_pages.py`: the main pages' median time with a year of one user's data
  (`year_of_data.py`), beside the same page with a tenth of it and a trivial view, in a child
  process on a temporary SQLite database; the SQL queries each page makes and its median CPU
  time (steadier than the wall time on a shared machine).
- `bench_lanes.py`: how many cores each analysis lane's speech engine should get: the end of a
  2-minute answer and the whole answer on an engine of one thread (as shipped) and of every
  core, alone and two at once, interleaved.
- `bench_keywords.py`: job-advert key terms against the labelled adverts, beside the old extractor.
- `bench_push.py`: end of a 2-minute answer -> report saved -> report on screen in real
  Chromium (fake microphone) against `prepcoach serve` on loopback, Stop 0.3 s after the last
  word (timed by the microphone's clock, the gap as recorded printed); the push's share (the
  2 s poll it replaced is not measured: its wait alone is said beside it), and the same answer with Stop 3 s after the speech; the shipped server
  (the analysis waits for a quiet step in its pass) and one that reads the rest beside it
  (`STREAM_HANDOVER_WAIT_MS=0`), in turns. About 14 minutes.
- `bench_reader.py`: the trained answer reader (STAR parts, quantified result) on
  every labelled answer set but the unread `heldout12.json` (kept for the reader's next
  change), beside the old rules and the commonest label; and two labellers' agreement on two
  held-out sets (`answers/second/`).
- `bench_relevance.py`: answer relevance (coverage of the verdict, accuracy of the spoken
  verdicts beside the commonest label on the answers it speaks on, precision and recall of "does
  not address", beside always "it does") and the story
  that fits a question, against `tests/data/relevance/`.
- `bench_retro.py`: retrospectives split into one draft story per project, against the labelled
  retrospectives (cross-validated development figures, held-out aggregates), beside the old
  one-click draft.
- `bench_reading.py`: the reading of typed answers against the labelled transcripts
  (development figures), fillers matched by position.
- `bench_smart.py`: the SMART check on every labelled goal set, and its speed.
- `bench_weakness.py`: whether an answer to a weakness question says what the speaker does
  about it (the report's weakness tip), on the labelled weakness answers, beside the commonest
  label and the answer reader's action.
- `bench_streaming.py`: end of answer to report when it is transcribed while recorded (2 s
  WebM pieces, each step timed), with the read-ahead and without it on the same pieces: four
  development 2-minute answers and `streaming_heldout.py`'s two sets of four (written as
  held-out, development since their first reads), and a
  10-minute one with each step's cost as the recording grows, each beside the whole-file
  analysis and the raw engine on the same file; WER and coverage of both, and the paired WER
  difference with its interval. Slow (about 20 minutes).
- `bench_stop.py`: end of answer to report when the speaker presses Stop 0.3, 1.5 and 3 s after
  the last word, with the browser's quiet piece and without it (none before 0.3 s), on the 12
  development 2-minute answers, the steps replayed on one lane's timeline; each transcript
  checked the same either way, beside the same reading at Stop with Whisper's whole 30 s
  window. Slow (about 25 minutes).
- `bench_tail.py`: Stop as the last word ends, the shipped read-ahead and hand-over beside
  another setting on 20 development 2-minute answers replayed as `bench_stop` replays them:
  seconds left to read at Stop, Stop -> report, the steps' CPU and the paired WER (about 15
  minutes).
- `bench_window.py`: the speech engine's encoder reading the frames that hold audio against
  Whisper's whole 30 s window on the same model: paired WER with its interval, words lost, word
  times and time, on development clips and `window_heldout.py` (written blind, development
  since its first read) (about 25 minutes).
- `bench_term_use.py`: which of a job's key terms an answer uses, against the hand-labelled
  `tests/data/term_use/` answers (development and held-out), beside every term's words and the
  matcher without the sentence model.
- `bench_faults.py`: recovery times after each fault of issue 15 (a worker killed, the web
  process restarted mid-upload, PostgreSQL restarted, the store full, the store unreachable),
  with real programs on loopback in a temporary home, bounded (15 minutes at most).
- `bench_throughput.py`: the task queues of issue 15, item 2: four spoken answers sent together,
  the time to each report and to the last on the shipped analysis lanes (one per core) beside
  one lane; a password-reset mail behind 200 queued analyses beside the same mail on an empty
  queue, and how much of the backlog still waited when it reached the SMTP server; the
  per-person limit's message; real programs on loopback in a temporary home (10 minutes at most).
The cohort load test (`bench/load/`, about 5 minutes, servers on loopback) runs apart: `make load`.
"""

import importlib.util
import pathlib
import sys
import time


def main(names: list[str]) -> int:
    """Every `bench_*.py`, or only those named (`bench_push` or `push`), in name order, each
    one's wall time printed after it and all of them at the end: the whole run takes hours, so
    a session can run a part and say how long each part took."""
    here = pathlib.Path(__file__).parent
    wanted = {name.removeprefix("bench_").removesuffix(".py") for name in names}
    modules = sorted(here.glob("bench_*.py"))
    unknown = wanted - {path.stem.removeprefix("bench_") for path in modules}
    if unknown:
        print(f"no such benchmark: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    modules = [p for p in modules if not wanted or p.stem.removeprefix("bench_") in wanted]
    if not modules:
        print("no benchmarks yet")
        return 0
    took: list[tuple[str, float]] = []
    for path in modules:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
        print(f"== {path.stem}", flush=True)
        began = time.monotonic()
        module.run()
        took.append((path.stem, time.monotonic() - began))
        print(f"== {path.stem} took {took[-1][1] / 60:.1f} min", flush=True)
    print("== wall time: " + ", ".join(f"{name} {seconds / 60:.1f} min" for name, seconds in took))
    print(f"== all: {sum(seconds for _, seconds in took) / 60:.1f} min")
    if not wanted:
        print(
            "== load: run `make load` (bench/load/runner.py) for the cohort load test on loopback"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
