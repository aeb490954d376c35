import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from prepcoach.ops.heartbeat import beat
from prepcoach.ops.models import WorkerHeartbeat


@pytest.mark.django_db
def test_no_worker_means_unavailable_with_the_reason(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] == "ok"
    assert "start one with `prepcoach worker`" in body["checks"]["worker"]


@pytest.mark.django_db
def test_a_fresh_heartbeat_means_healthy(client: Client) -> None:
    beat("w-1", timezone.now())
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "worker": "ok"}}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_stale_heartbeat_means_unavailable(client: Client, settings: object) -> None:
    beat("w-1", timezone.now())
    WorkerHeartbeat.objects.update(last_seen=timezone.now() - timedelta(minutes=5))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "no worker heartbeat for 300 s" in response.json()["checks"]["worker"]


@pytest.mark.django_db
def test_heartbeats_of_long_dead_workers_are_forgotten() -> None:
    beat("dead", timezone.now())
    WorkerHeartbeat.objects.update(last_seen=timezone.now() - timedelta(days=2))
    beat("alive", timezone.now())
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["alive"]


def test_an_unreachable_database_means_unavailable(tmp_path: object) -> None:
    # A real PostgreSQL client aimed at a port where nothing listens.
    script = (
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "r = Client().get('/healthz')\n"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "prepcoach.settings",
        "PREPCOACH_HOME": str(tmp_path),
        "DATABASE_URL": "postgresql://nobody@127.0.0.1:9/nothing",
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert outcome["body"]["checks"]["database"] == "database unreachable: see the server log"
    assert "nobody" not in result.stdout  # no connection details for strangers
