"""What `bench_push.py` sees of the server while an answer is recorded and analysed: every
50 ms, the CPU seconds of `prepcoach serve`, its worker, Chromium and the bench, and the latest
answer's status and streaming state (`Watching`), so the seconds from Stop to saved can be told
apart (`Watching.story`); and the raw engine's CPU on the same recording (`raw_engine_cpu`)."""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Sample:
    """What the bench sees of the server at one moment (monotonic clock)."""

    at: float
    cpu: dict[str, float]  # CPU seconds so far of serve (the web), its worker, Chromium
    attempt: int | None
    status: str
    stream: dict[str, Any] | None
    step_queued: bool


class Watching(threading.Thread):
    """Samples every 50 ms the CPU seconds of serve, its worker and Chromium, and the latest
    answer's status and streaming state, so the seconds from Stop to saved can be told apart:
    the streaming step still running at Stop, what was left to read, who used the cores."""

    def __init__(self, serve_pid: int, user_id: int) -> None:
        super().__init__(daemon=True)
        self.serve_pid, self.user_id = serve_pid, user_id
        self.samples: list[Sample] = []
        self.done = threading.Event()

    def _cpu(self) -> dict[str, float]:
        import psutil  # type: ignore[import-untyped]

        found = {"web": 0.0, "worker": 0.0, "chromium": 0.0, "bench": 0.0}
        with contextlib.suppress(psutil.Error):
            serve = psutil.Process(self.serve_pid)
            times = serve.cpu_times()
            found["web"] = times.user + times.system
            for child in serve.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    times = child.cpu_times()
                    found["worker"] += times.user + times.system
        with contextlib.suppress(psutil.Error):
            me = psutil.Process()
            times = me.cpu_times()
            found["bench"] = times.user + times.system
            for child in me.children(recursive=True):
                if child.pid == self.serve_pid or "chrom" not in child.name().lower():
                    continue
                with contextlib.suppress(psutil.Error):
                    times = child.cpu_times()
                    found["chromium"] += times.user + times.system
        return found

    def run(self) -> None:
        from django.db import connection

        from prepcoach.practice.models import Attempt

        try:
            while not self.done.is_set():
                row = (
                    Attempt.objects.filter(user_id=self.user_id)
                    .order_by("-pk")
                    .values_list("pk", "status", "stream", "stream_queued_at")
                    .first()
                )
                pk, status, stream, queued = row if row else (None, "", None, None)
                self.samples.append(
                    Sample(time.monotonic(), self._cpu(), pk, status, stream, queued is not None)
                )
                time.sleep(0.05)
        finally:
            connection.close()

    def story(self, attempt: Any, ended: float, saved: float) -> str:
        """The measured answer's seconds from Stop to saved, told from the samples."""
        from prepcoach.coach.speech import streaming
        from prepcoach.coach.speech.audio import decode

        mine = [s for s in self.samples if s.attempt == attempt.pk]
        at_stop = [s for s in mine if s.at <= ended]
        after = [s for s in mine if ended < s.at <= saved]
        lines = []
        last = next((s.stream for s in reversed(mine) if s.stream and "state" in s.stream), None)
        if last is not None and attempt.recording:
            state = streaming.from_json(last["state"])
            samples = decode(Path(attempt.recording.path)).samples
            kept = streaming.at_stop(state, samples)
            seconds = samples.size / 16_000
            left = seconds - (kept.settled_s if kept else 0.0)
            lines.append(
                f"    the state the analysis was given: {last.get('pieces')} pieces read, "
                f"{state.passes} passes while recorded, {left:.1f} s of {seconds:.0f} s left at "
                f"stop{'' if kept else ' (did not match: whole file)'}"
            )
        running = at_stop[-1].step_queued if at_stop else False
        ended_step = next((s.at for s in after if not s.step_queued), None)
        changed = [
            s.at
            for s, before in zip(after, [*at_stop[-1:], *after], strict=False)
            if s.stream and before.stream and s.stream.get("pieces") != before.stream.get("pieces")
        ]
        lines.append(
            f"    a streaming step queued or running at Stop: {'yes' if running else 'no'}"
            + (
                f" (the answer's stream free again {ended_step - ended:.2f} s after Stop)"
                if running and ended_step is not None
                else ""
            )
            + (
                f"; a step stored a new state {changed[0] - ended:.2f} s after Stop"
                if changed
                else ""
            )
        )
        from django_tasks_db.models import DBTaskResult

        shift = time.time() - time.monotonic()  # the database's times on the monotonic clock
        tasks = [
            t
            for t in DBTaskResult.objects.order_by("enqueued_at")
            if t.args_kwargs.get("args") == [attempt.pk]
            and t.started_at is not None
            and t.finished_at is not None
            and t.finished_at.timestamp() - shift > ended - 15
        ]
        for task in tasks:
            name = task.task_path.rsplit(".", 1)[-1]
            begun, over = (
                t.timestamp() - shift - ended for t in (task.started_at, task.finished_at)
            )
            lines.append(
                f"    {name}: from {begun:+.2f} s to {over:+.2f} s after Stop ({task.return_value})"
            )
        if at_stop and after:
            first, end = at_stop[-1], after[-1]
            span = end.at - first.at
            used = {k: end.cpu[k] - first.cpu[k] for k in first.cpu}
            lines.append(
                f"    CPU seconds used from Stop to saved ({span:.2f} s wall, 2 cores): "
                + ", ".join(f"{k} {v:.2f}" for k, v in used.items())
            )
        return "\n".join(lines)


def raw_engine_cpu(attempt: Any, home: Path) -> str:
    """The raw engine (plain faster-whisper) on the measured recording, in this process, after
    the run: the CPU seconds the worker's are a fraction of."""
    import bench_analysis as ba  # type: ignore[import-not-found]

    from prepcoach.coach.speech.audio import decode
    from prepcoach.coach.speech.engine import WhisperEngine
    from prepcoach.coach.speech.model import packaged_model

    engine = WhisperEngine(packaged_model(home / "bench-model"))
    samples = decode(Path(attempt.recording.path)).samples
    wall, cpu = time.perf_counter(), time.process_time()
    ba.raw_engine(engine, samples)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return f"    the raw engine on the same recording, after the run: {wall:.2f} s wall, {cpu:.2f} s CPU"


def raw_engine_walls(recordings: list[Path], home: Path) -> list[float]:
    """The raw engine (plain faster-whisper, `bench_analysis.raw_engine`) on each recording,
    in this process, after the run, one engine for all: the wall seconds a report made from the
    whole file after Stop could not beat, the baseline of the held-out figures."""
    import bench_analysis as ba  # type: ignore[import-not-found]

    from prepcoach.coach.speech.audio import decode
    from prepcoach.coach.speech.engine import WhisperEngine
    from prepcoach.coach.speech.model import packaged_model

    engine = WhisperEngine(packaged_model(home / "bench-model"))
    walls = []
    for path in recordings:
        samples = decode(path).samples
        began = time.perf_counter()
        ba.raw_engine(engine, samples)
        walls.append(time.perf_counter() - began)
    return walls
