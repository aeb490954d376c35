"""`prepcoach worker`: django-tasks-db's task loop in lanes, plus a heartbeat for /healthz.

Each lane is a thread running django-tasks-db's `Worker` on its own queues, so no kind of work
waits behind another: mail, the periodic checks, feed fetches, and WORKER_ANALYSES lanes of
analyses (several answers read at once where there are cores for them). All lanes share the
process's worker id and heartbeat; a worker that dies is noticed by the others' heartbeat
threads and its tasks go back to the queue (ops/recovery.py).
"""

import atexit
import contextlib
import logging
import os
import signal
import socket
import sys
import threading
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.db import DatabaseError, connection
from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands import db_worker

from prepcoach.ops.heartbeat import HeartbeatThread, forget
from prepcoach.ops.supervision import EXIT_WITH_PARENT
from prepcoach.practice import engines

logger = logging.getLogger("prepcoach.worker")


def watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        threading.Event().wait(2)
    os.kill(os.getpid(), signal.SIGTERM)


def lanes(analyses: int) -> list[tuple[str, list[str]]]:
    """Each lane's name and the queues it takes tasks from (settings.TASK_QUEUES)."""
    shared = [("mail", ["mail"]), ("default", ["default"]), ("feeds", ["feeds"])]
    return shared + [(f"analysis-{n + 1}", ["analysis"]) for n in range(analyses)]


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
        self.configure_logging(options["verbosity"])
        # hostname-pid is unique across a pool of worker machines and readable in /healthz.
        worker_id = f"{socket.gethostname()[:40]}-{os.getpid()}"
        # The lanes and the speech-engine pool follow the same number (practice/engines.py).
        analyses = engines.use_lanes(options.get("analyses"))
        workers = [
            (name, db_worker.Worker(
                queue_names=queues, interval=options["interval"], batch=False,
                backend_name=options["backend_name"], startup_delay=False, max_tasks=None,
                worker_id=worker_id, excluded_queue_names=[],
            ))
            for name, queues in lanes(analyses)
        ]  # fmt: skip
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

        def run_lane(worker: db_worker.Worker) -> None:
            try:
                worker.run()
            except BaseException:
                # The database went away for good, say: stop the whole worker, so that whoever
                # runs it (prepcoach serve, systemd) starts a fresh one.
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
