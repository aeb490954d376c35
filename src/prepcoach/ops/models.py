from typing import ClassVar

from django.conf import settings
from django.db import models


class WorkerHeartbeat(models.Model):
    """One row per running worker, touched every few seconds; /healthz reads the newest."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        ordering: ClassVar = ["-last_seen"]

    def __str__(self) -> str:
        return f"worker {self.worker_id} on {self.hostname} (pid {self.pid})"


class PeriodicRun(models.Model):
    """When each periodic task was last enqueued, shared by every worker."""

    name = models.CharField(max_length=200, unique=True)
    last_enqueued = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.last_enqueued}"


class SubmittedRequest(models.Model):
    """A state-changing request already taken, by its submit key (`ops.submit_once`): a second
    copy (a double-click, a resent form, a concurrent twin) is answered with the first one's
    response instead of doing the work again. Kept for `submit_once.REPLAY_SECONDS`."""

    key = models.CharField(max_length=64, unique=True)  # SHA-256 of who, which form, what body
    created_at = models.DateTimeField(db_index=True)
    done = models.BooleanField(default=False)
    status = models.PositiveSmallIntegerField(default=0)
    content_type = models.CharField(max_length=200, blank=True)
    headers = models.JSONField(default=dict)  # Location and HTMX's response headers
    body = models.BinaryField(default=b"")

    def __str__(self) -> str:
        return f"request {self.key[:12]} ({'done' if self.done else 'running'})"


class ActionUse(models.Model):
    """One use of an expensive action by a person (`ops.rate`), kept while it counts against
    their limit (`coach.rate_limits`)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    action = models.CharField(max_length=32)
    at = models.DateTimeField()

    class Meta:
        indexes: ClassVar = [models.Index(fields=["user", "action", "at"])]

    def __str__(self) -> str:
        return f"{self.action} at {self.at:%H:%M:%S}"


class LoginFailure(models.Model):
    """A failed log-in (or one being tried: written before the password is checked and removed
    when it was right), counted by `ops.login_throttle` while it is in the window. Accounts are
    a hash of the e-mail typed, addresses as `coach.login_throttle.address_key` counts them."""

    account = models.CharField(max_length=64)
    address = models.CharField(max_length=64)
    # The device token of the browser's device cookie for this account, "" without one.
    device = models.CharField(max_length=64, blank=True, default="")
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["account", "at"]),
            models.Index(fields=["address", "at"]),
        ]

    def __str__(self) -> str:
        return f"log-in failure at {self.at:%H:%M:%S}"


class KnownLogin(models.Model):
    """An address that has signed in to an account: its owner there is judged on their own
    failures only (`coach.login_throttle`)."""

    account = models.CharField(max_length=64)
    address = models.CharField(max_length=64)
    last_at = models.DateTimeField()

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["account", "address"], name="known_login_once")
        ]

    def __str__(self) -> str:
        return f"known log-in, last at {self.last_at:%Y-%m-%d}"


class ResetRequest(models.Model):
    """A password-reset mail asked for, counted per e-mail typed and per address."""

    account = models.CharField(max_length=64)
    address = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["account", "at"]),
            models.Index(fields=["address", "at"]),
        ]

    def __str__(self) -> str:
        return f"reset asked at {self.at:%H:%M:%S}"
