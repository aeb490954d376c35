"""`prepcoach serve`: migrate, start the worker beside the web server, print the URL. Links in
mails follow the host and port it serves on unless SITE_URL is set. One web process (waitress)
by default; `--processes N` runs N (gunicorn, cli/web_processes.py) for a shared server, with
static files collected under hashed names."""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import os
import signal
import subprocess
import sys
import threading
from types import FrameType
from typing import Any

from prepcoach.cli import UserError, django_setup
from prepcoach.coach.push import wait_capacity
from prepcoach.ops.malloc import worker_environment
from prepcoach.ops.supervision import EXIT_WITH_PARENT

logger = logging.getLogger("prepcoach.serve")
# Request threads per web process. Pages waiting for an answer's report hold a request open
# (practice/push.py) on at most half of them (PUSH_WAITS), so the other requests keep 8 threads,
# as many as they had before the waits; a waiting thread sleeps between two small queries.
THREADS = 16


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("serve", help="serve the app and run the worker beside it")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument(
        "--no-worker", action="store_true", help="do not start a worker (one runs elsewhere)"
    )
    parser.add_argument(
        "--threads", type=int, default=THREADS,
        help=f"request threads per process (default: {THREADS}; half of them at most are held "
        "by pages waiting for a report)",
    )  # fmt: skip
    parser.add_argument(
        "--processes", type=int, default=int(os.environ.get("WEB_PROCESSES", "1") or "1"),
        help="web processes (default: 1; more need the shared extra: gunicorn)",
    )  # fmt: skip
    parser.set_defaults(handler=run)


def site_url_for(host: str, port: int) -> str:
    """The address serve is opened at, for links in mails: an address that means every
    interface (0.0.0.0, ::) is reached at the loopback one on this machine."""
    shown = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)  # noqa: S104
    return f"http://{f'[{shown}]' if ':' in shown else shown}:{port}"


def follow_site_url(host: str, port: int) -> str:
    """Links in mails point where serve listens unless SITE_URL says otherwise: set here for
    this process and, through the environment, for the worker serve starts. Returns the
    address mails will use."""
    from django.conf import settings

    if os.environ.get("SITE_URL", "").strip():
        return str(settings.SITE_URL)
    url = site_url_for(host, port)
    os.environ["SITE_URL"] = url
    settings.SITE_URL = url
    return url


class WorkerSupervisor(threading.Thread):
    """Keeps one `prepcoach worker` process alive, restarting it if it crashes."""

    MAX_BACKOFF = 30.0

    def __init__(self) -> None:
        super().__init__(name="worker-supervisor", daemon=True)
        self.stopping = threading.Event()
        self.process: subprocess.Popen[bytes] | None = None

    def run(self) -> None:
        backoff = 1.0
        while not self.stopping.is_set():
            # Its own process group: Ctrl+C reaches serve alone, which then stops the worker
            # once, cleanly, instead of both receiving it at the same time.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "prepcoach", "worker"],
                env={**worker_environment(os.environ), EXIT_WITH_PARENT: "1"},
                process_group=0,
            )
            code = self.process.wait()
            if self.stopping.is_set():
                return
            print(
                f"prepcoach: the worker stopped (exit {code}); restarting in {backoff:g} s. "
                "Queued work is kept in the database.",
                file=sys.stderr,
            )
            self.stopping.wait(backoff)
            backoff = min(backoff * 2, self.MAX_BACKOFF)

    def stop(self) -> None:
        self.stopping.set()
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.processes <= 64:
        raise UserError(f"--processes {args.processes}: use a number from 1 to 64.")
    if args.processes > 1 and not os.environ.get("STATIC_ROOT", "").strip():
        from prepcoach import conf

        # Several processes serve the static files collected under hashed names.
        os.environ["STATIC_ROOT"] = str(conf.home_folder() / "static")
    django_setup.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    # Half the threads unless PUSH_WAITS says otherwise, and never all of them (none with one
    # thread: pages then ask every 2 s). Forked web processes inherit it.
    given = os.environ.get("PUSH_WAITS", "").strip()
    chosen = int(settings.PUSH_WAITS) if given else args.threads // 2
    settings.PUSH_WAITS = wait_capacity(chosen, args.threads)
    application = DeferredApplication()
    server, port = _listen(args, application)
    try:
        django_setup.check_database()
    except UserError:
        server.close()
        raise
    call_command("migrate", interactive=False, verbosity=0)
    if settings.STATIC_ROOT:
        call_command("collectstatic", interactive=False, verbosity=0)
    # Loaded once the static files are collected (WhiteNoise lists them as it starts), and
    # before gunicorn forks, so every web process starts with the application loaded.
    from prepcoach.wsgi import application as loaded

    application.target = loaded
    # Before the worker starts: it sends the reminder and digest mails and inherits this.
    mail_links = follow_site_url(args.host, port)

    supervisor = None if args.no_worker else WorkerSupervisor()
    if supervisor:
        supervisor.start()

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    # Ctrl+C stops serve even when it was started from a background job or by a tool that
    # ignores SIGINT: Python keeps an ignored SIGINT ignored, and serve would then never stop.
    signal.signal(signal.SIGINT, stop)
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    processes = f"{args.processes} web processes" if args.processes > 1 else "one web process"
    print(f"prepcoach is running at http://{shown_host}:{port}/ ({processes})", flush=True)
    print(f"  links in mails open {mail_links}/   (SITE_URL changes it)", flush=True)
    print(f"  data folder: {settings.HOME}   (Ctrl+C to stop)", flush=True)
    status = 0
    try:
        if args.processes > 1:
            from prepcoach.cli.web_processes import serve_processes

            connections.close_all()  # each forked process opens its own
            serve_processes(application, server, args.processes, args.threads)
        else:
            server.run()
    except KeyboardInterrupt:
        pass
    except SystemExit as stopped:  # gunicorn's arbiter ends this way, with its status
        status = stopped.code if isinstance(stopped.code, int) else 1
    finally:
        print("prepcoach: stopping…", flush=True)
        with contextlib.suppress(OSError):  # gunicorn closes the socket itself
            server.close()
        if supervisor:
            supervisor.stop()
    return status


class DeferredApplication:
    """The WSGI application, loaded after the port is bound and the static files collected."""

    target: Any = None

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        return self.target(environ, start_response)


def _listen(args: argparse.Namespace, application: Any) -> tuple[Any, int]:
    """Bind the address before anything is written (a taken port stops serve here): waitress's
    server for one process, the socket gunicorn's processes share for several."""
    try:
        if args.processes > 1:
            from prepcoach.cli.web_processes import listening_socket

            sock = listening_socket(args.host, args.port)
            return sock, int(sock.getsockname()[1])
        from waitress import create_server

        # Waitress would drop every X-Forwarded-* header (it trusts no proxy by default); the
        # application keeps them from trusted proxies only (PREPCOACH_TRUSTED_PROXIES).
        server = create_server(
            application, host=args.host, port=args.port, threads=args.threads,
            clear_untrusted_proxy_headers=False,
        )  # fmt: skip
        return server, int(server.effective_port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UserError(
                f"port {args.port} on {args.host} is already in use: stop the program using it, "
                f"or choose another port with --port (make run PORT=8001)."
            ) from None
        raise UserError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}.") from None
