"""`prepcoach worker`: django-tasks-db's task loop in lanes, plus a heartbeat for /healthz.

Each lane is a thread running django-tasks-db's `Worker` on its own queues, so no kind of work
waits behind another: mail, the periodic checks, feed fetches, and WORKER_ANALYSES lanes of
analyses (several answers read at once where there are cores for them). All lanes share the
process's worker id and heartbeat; a worker that dies is noticed by the others' heartbeat
threads and its tasks go back to the queue (ops/recovery.py).

A database that goes away (restarted, out of reach) does not stop the worker: each lane that
meets it waits until the database answers again, hands back the task it was running (queued
again, `recovery.hand_back`: the task's own writes are single statements, so none is half
done), and takes tasks again. The speech engines stay loaded meanwhile.
"""

import atexit
import contextlib
import logging
import os
import signal
import socket
import sys
import threading
import time
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands import db_worker

from prepcoach.ops.heartbeat import HeartbeatThread, forget
from prepcoach.ops.malloc import limit_arenas
from prepcoach.ops.recovery import hand_back
from prepcoach.ops.supervision import EXIT_WITH_PARENT
from prepcoach.practice import engines

logger = logging.getLogger("prepcoach.worker")


def watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        threading.Event().wait(2)
    os.kill(os.getpid(), signal.SIGTERM)


# The database is down or the connection to it was cut; not a query that failed.
DATABASE_DOWN = (OperationalError, InterfaceError)
DATABASE_RETRY_S = 1.0


# While any analysis lane ran a task this recently, every analysis lane polls every
# QUICK_POLL_S instead of the worker's interval (1 s): while an answer is recorded its streaming
# steps come every 6 s, and the answer's analysis follows Stop within seconds; a 1 s poll added
# 0.5 s on average (up to 1 s) to the 2 s from the end of an answer to its report (issue 15,
# item 1). All of them, not the one that ran the step: that one may still be running the last
# step at Stop (bench_push measured 0.70 s from queued to taken with the lane's own clock). Idle,
# a lane polls as before, so an idle worker asks the database no more often.
QUICK_POLL_S = 0.2
QUICK_FOR_S = 15.0


class Lane(db_worker.Worker):
    """django-tasks-db's task loop, remembering the task a lost database cut short; polling
    quickly for QUICK_FOR_S after any quick lane's task when `quick` (the analysis lanes)."""

    cut_short: str | None = None
    quick = False
    # time.monotonic() when a quick lane's last task ended: one for the process (a class
    # attribute, set on the class), so each analysis lane polls quickly after any of them ran.
    last_task = float("-inf")

    @property
    def interval(self) -> float:
        if self.quick and time.monotonic() - Lane.last_task < QUICK_FOR_S:
            return min(self.idle_interval, QUICK_POLL_S)
        return self.idle_interval

    @interval.setter
    def interval(self, seconds: float) -> None:
        self.idle_interval = seconds

    def run_task(self, db_task_result: Any) -> None:
        try:
            super().run_task(db_task_result)
        except DATABASE_DOWN:  # not even its failure could be written
            self.cut_short = str(db_task_result.pk)
            raise
        finally:
            if self.quick:
                Lane.last_task = time.monotonic()


def wait_for_database(stopping: threading.Event) -> bool:
    """Until the database answers (True) or the worker is stopping (False)."""
    while not stopping.is_set():
        connection.close()
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            return True
        except DatabaseError:
            stopping.wait(DATABASE_RETRY_S)
    return False


def lanes(analyses: int) -> list[tuple[str, list[str]]]:
    """Each lane's name and the queues it takes tasks from (settings.TASK_QUEUES)."""
    shared = [("mail", ["mail"]), ("default", ["default"]), ("feeds", ["feeds"])]
    return shared + [(f"analysis-{n + 1}", ["analysis"]) for n in range(analyses)]


def made_lanes(
    analyses: int, interval: float, backend_name: str, worker_id: str
) -> list[tuple[str, Lane]]:
    """Each lane of `lanes(analyses)` with its task loop; the analysis lanes poll quickly
    after a task (`Lane.quick`)."""
    made = []
    for name, queues in lanes(analyses):
        lane = Lane(
            queue_names=queues, interval=interval, batch=False, backend_name=backend_name,
            startup_delay=False, max_tasks=None, worker_id=worker_id, excluded_queue_names=[],
        )  # fmt: skip
        lane.quick = queues == ["analysis"]
        made.append((name, lane))
    return made


class Command(db_worker.Command):
    help = "Run the background worker (tasks from the database) with a heartbeat for /healthz."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--analyses", type=int, default=None,
            help="analyses run at once (default: WORKER_ANALYSES, one per core)",
        )  # fmt: skip

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        if verbosity == 1:
            # Periodic tasks run every few seconds: say only what failed, unless asked (-v 2).
            logging.getLogger(TASKS_LOGGER).setLevel(logging.WARNING)
            logging.getLogger("django_tasks_db").setLevel(logging.WARNING)

    def handle(self, *args: Any, **options: Any) -> None:
        limit_arenas()  # before any lane starts: each thread would take an arena of its own
        self.configure_logging(options["verbosity"])
        # hostname-pid is unique across a pool of worker machines and readable in /healthz.
        worker_id = f"{socket.gethostname()[:40]}-{os.getpid()}"
        # The lanes and the speech-engine pool follow the same number (practice/engines.py).
        analyses = engines.use_lanes(options.get("analyses"))
        workers = made_lanes(analyses, options["interval"], options["backend_name"], worker_id)
        heartbeat = HeartbeatThread(worker_id)
        heartbeat.start()
        if os.environ.get(EXIT_WITH_PARENT):
            threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True).start()

        def goodbye() -> None:
            # A second signal while saying goodbye must not turn a clean exit into a traceback.
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            heartbeat.stop()
            with contextlib.suppress(DatabaseError):
                forget(worker_id)

        atexit.register(goodbye)
        stopping = threading.Event()
        lane_failed = threading.Event()

        def stop_lanes() -> None:
            stopping.set()
            for _, worker in workers:
                worker.running = False

        def on_signal(signum: int, frame: FrameType | None) -> None:
            if stopping.is_set():
                logger.warning("Received %s again: stopping now.", signal.strsignal(signum))
                goodbye()
                os._exit(1)  # the tasks running now go back to the queue (ops/recovery.py)
            logger.warning(
                "Received %s: finishing the tasks running now (again to stop at once).",
                signal.strsignal(signum),
            )
            stop_lanes()

        def run_lane(worker: Lane) -> None:
            try:
                while True:
                    try:
                        if worker.cut_short:
                            hand_back(worker.cut_short, worker_id)
                            worker.cut_short = None
                        worker.run()
                        return
                    except DATABASE_DOWN as error:
                        if stopping.is_set():
                            raise
                        logger.warning("the database is unreachable (%s); waiting for it", error)
                    stopping.wait(DATABASE_RETRY_S)  # never a busy loop, even if SELECT 1 works
                    if not wait_for_database(stopping):
                        return
                    logger.warning("the database answers again; taking tasks again")
            except BaseException:
                # Anything but a lost database (a bug in the loop, say): stop the whole worker,
                # so that whoever runs it (prepcoach serve, systemd) starts a fresh one.
                logger.exception("a worker lane stopped; stopping the worker")
                lane_failed.set()
                stop_lanes()
            finally:
                connection.close()

        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT):
            signal.signal(sig, on_signal)
        threads = [
            threading.Thread(target=run_lane, args=(worker,), name=f"lane-{name}", daemon=True)
            for name, worker in workers
        ]
        logger.info("worker %s: %s", worker_id, ", ".join(name for name, _ in workers))
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            for thread in threads:
                thread.join(timeout=0.2)
        if lane_failed.is_set():
            sys.exit(1)
