"""A real S3-compatible object store on loopback: moto in server mode (`python -m moto.server`,
Apache-2.0, from the dev extra), started as a separate process on 127.0.0.1 with a free port
and stopped when the test ends. It speaks the S3 protocol over HTTP, as MinIO, Ceph or AWS S3
would; prepcoach reaches it through django-storages exactly as a shared server does.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.support import free_port, http_get, wait_for

BUCKET = "prepcoach-recordings"
KEYS = {"AWS_ACCESS_KEY_ID": "prepcoach-test", "AWS_SECRET_ACCESS_KEY": "prepcoach-test"}
REGION = "us-east-1"


def _die_with_parent() -> None:
    """In the child: Linux ends it when the test run that started it ends, however that ends
    (a run killed outright leaves no store behind on its port)."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


@dataclass
class ObjectStore:
    log: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[str] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"s3://{BUCKET}?endpoint={self.endpoint}&region={REGION}"

    def env(self) -> dict[str, str]:
        """The settings a prepcoach process needs to keep its files in this store."""
        return {"PREPCOACH_STORAGE_URL": self.url, **KEYS}

    def storages(self, endpoint: str = "") -> dict[str, Any]:
        """STORAGES for this test process, as settings.py builds them from env(); `endpoint`
        points them elsewhere (a port nothing listens on: the store out of reach)."""
        from prepcoach import conf

        url = self.url.replace(self.endpoint, endpoint) if endpoint else self.url
        default = conf.file_storage({"PREPCOACH_STORAGE_URL": url})
        default["OPTIONS"] |= {
            "access_key": KEYS["AWS_ACCESS_KEY_ID"],
            "secret_key": KEYS["AWS_SECRET_ACCESS_KEY"],
        }
        return {
            "default": default,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }

    def client(self) -> Any:
        import boto3

        return boto3.client(
            "s3", endpoint_url=self.endpoint, region_name=REGION,
            aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
        )  # fmt: skip

    def names(self) -> list[str]:
        listed = self.client().list_objects_v2(Bucket=BUCKET)
        return sorted(entry["Key"] for entry in listed.get("Contents", []))

    def read(self, name: str) -> bytes:
        return bytes(self.client().get_object(Bucket=BUCKET, Key=name)["Body"].read())

    def start(self) -> None:
        with self.log.open("a") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
                stdout=out, stderr=subprocess.STDOUT, text=True, preexec_fn=_die_with_parent,
            )  # fmt: skip
        wait_for(
            lambda: http_get(f"{self.endpoint}/moto-api/")[0] == 200,
            timeout=60, what="the object store (moto) to listen",
        )  # fmt: skip
        self.client().create_bucket(Bucket=BUCKET)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def object_store(tmp_path: Path) -> Iterator[ObjectStore]:
    """An empty bucket in a real S3-compatible server on loopback, for this test alone."""
    store = ObjectStore(log=tmp_path / "object-store.log")
    store.start()
    try:
        yield store
    finally:
        store.stop()
