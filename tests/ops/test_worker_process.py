"""A task enqueued by a request runs in a separate `prepcoach worker` process.

Everything here is real: the database the suite runs on (SQLite file or PostgreSQL), the
worker process started the way users start it, and an SMTP server on loopback.
"""

import signal
import socket
import subprocess

from django.conf import settings as site_settings
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from prepcoach.accounts.models import User
from prepcoach.ops.models import WorkerHeartbeat
from tests.support import SmtpSink, wait_for

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": site_settings.TASK_QUEUES}
}


def test_password_reset_mail_is_sent_by_the_worker_process(
    client: Client,
    alice: User,
    worker: subprocess.Popen[str],
    smtp_server: tuple[int, SmtpSink],
    settings: object,
) -> None:
    settings.TASKS = DATABASE_TASKS  # type: ignore[attr-defined]
    _, sink = smtp_server

    response = client.post(reverse("accounts:password_reset"), {"email": "alice@example.com"})
    assert response.status_code == 302
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "prepcoach.accounts.tasks.send_email"

    wait_for(lambda: sink.messages, what="the reset mail")
    message = sink.messages[0]
    assert message["To"] == "alice@example.com"
    assert message["Subject"] == "Reset your prepcoach password"
    assert "/account/password/reset/" in message.get_content()

    done = wait_for(
        lambda: DBTaskResult.objects.filter(pk=queued.pk, status="SUCCESSFUL").first(),
        what="the task to be marked successful",
    )
    assert done.worker_ids == [f"{socket.gethostname()[:40]}-{worker.pid}"]


def test_a_running_worker_makes_healthz_healthy_and_leaving_makes_it_unhealthy(
    client: Client, worker: subprocess.Popen[str]
) -> None:
    wait_for(lambda: WorkerHeartbeat.objects.filter(pid=worker.pid).exists(), what="a heartbeat")
    assert client.get("/healthz").status_code == 200

    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=20) == 0
    assert not WorkerHeartbeat.objects.exists()  # it said goodbye
    assert client.get("/healthz").status_code == 503
