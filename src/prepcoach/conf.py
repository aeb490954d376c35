"""Typed reading of prepcoach's environment variables.

Every helper fails loudly with one sentence naming the variable, what was wrong and what to do,
so that a typo in a deployment never silently falls back to a default.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
import platformdirs
from django.core.exceptions import ImproperlyConfigured

from prepcoach.coach.cores import usable_cores
from prepcoach.coach.proxies import Network, parse_networks

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})
POSTGRES_SCHEMES = frozenset({"postgres", "postgresql", "pgsql"})


class EnvError(ImproperlyConfigured):
    """A setting in the environment has a value prepcoach cannot use."""


def env_str(name: str, default: str = "", environ: Mapping[str, str] = os.environ) -> str:
    return environ.get(name, default).strip()


def env_bool(name: str, default: bool, environ: Mapping[str, str] = os.environ) -> bool:
    raw = environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise EnvError(f"{name}={raw!r} is not a yes/no value: use true or false.")


def env_int(
    name: str,
    default: int,
    environ: Mapping[str, str] = os.environ,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int:
    raw = environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise EnvError(f"{name}={raw!r} is not a whole number.") from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise EnvError(f"{name}={value} is out of range: use a number from {minimum} to {maximum}.")
    return value


def env_list(name: str, default: list[str], environ: Mapping[str, str] = os.environ) -> list[str]:
    raw = environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_networks(
    name: str, default: list[str], environ: Mapping[str, str] = os.environ
) -> tuple[Network, ...]:
    """Comma-separated IP addresses and networks (10.0.0.5, 10.0.0.0/8, ::1)."""
    try:
        return parse_networks(env_list(name, default, environ))
    except ValueError as exc:
        raise EnvError(f"{name}: {exc}; separate several with commas.") from None


def cpu_count() -> int:
    """The cores this process may run on (its affinity, not the machine's total)."""
    return usable_cores()


def home_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """The folder that holds the user's data, created if needed and proven writable.

    If it cannot be created or written, raise with what to do, and leave behind none of the
    folders this call created.
    """
    raw = environ.get("PREPCOACH_HOME", "").strip()
    home = Path(raw).expanduser() if raw else Path(platformdirs.user_data_dir("prepcoach"))
    home = home.absolute()
    created = [p for p in (home, *home.parents) if not p.exists()]
    try:
        home.mkdir(parents=True, exist_ok=True)
        probe = home / f".write-test-{secrets.token_hex(4)}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        for path in created:  # deepest first, so each rmdir sees an empty folder
            with contextlib.suppress(OSError):
                path.rmdir()
        raise EnvError(
            f"PREPCOACH_HOME={str(home)!r} is not a writable folder ({exc.strerror or exc}): "
            "set PREPCOACH_HOME to a folder you can write to."
        ) from None
    return home


def secret_key(home: Path, environ: Mapping[str, str] = os.environ) -> str:
    """SECRET_KEY from the environment, or one generated once and kept in the home folder."""
    if key := environ.get("SECRET_KEY", "").strip():
        return key
    path = home / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(50)
    # O_EXCL: two processes starting at once (server and worker) must agree on one key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


def sqlite(path: Path | str) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            # WAL lets the worker write while pages read; the busy timeout makes a writer wait
            # for the lock instead of failing; IMMEDIATE avoids lock-upgrade deadlocks.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        },
    }


def database(home: Path, environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """PostgreSQL (or another SQLite file) from DATABASE_URL, or SQLite in the home folder."""
    url = environ.get("DATABASE_URL", "").strip()
    if not url:
        return sqlite(home / "prepcoach.sqlite3") | {
            "TEST": {"NAME": home / "test-prepcoach.sqlite3"}
        }
    hint = "expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE"
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in POSTGRES_SCHEMES and scheme != "sqlite":
        raise EnvError(f"DATABASE_URL is malformed (scheme {scheme or 'missing'!r}): {hint}.")
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    except ValueError as exc:
        raise EnvError(f"DATABASE_URL is malformed ({exc}): {hint}.") from None
    if not config.get("NAME") or config["NAME"] == ":memory:":
        raise EnvError(f"DATABASE_URL names no database: {hint}.")
    if scheme == "sqlite":
        return sqlite(config["NAME"])
    config["CONN_HEALTH_CHECKS"] = True
    return config


STORAGE_HINT = (
    "expected s3://BUCKET[/FOLDER][?endpoint=https://HOST:PORT&region=REGION&addressing=path]"
)


def file_storage(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """Where recordings and other uploads live: the local media folder (MEDIA_ROOT), or an
    S3-compatible object store named by PREPCOACH_STORAGE_URL, with its keys in the usual
    AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (never in the URL, which is logged)."""
    url = environ.get("PREPCOACH_STORAGE_URL", "").strip()
    if not url:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url)
    if parts.scheme.lower() != "s3" or not parts.hostname:
        raise EnvError(f"PREPCOACH_STORAGE_URL={url!r} is not an S3 address: {STORAGE_HINT}.")
    if parts.username or parts.password:
        raise EnvError(
            "PREPCOACH_STORAGE_URL holds a key: put it in AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY instead, and leave it out of the URL."
        )
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    unknown = set(query) - {"endpoint", "region", "addressing"}
    if unknown:
        raise EnvError(f"PREPCOACH_STORAGE_URL: unknown {sorted(unknown)}: {STORAGE_HINT}.")
    if query.get("addressing", "path") not in {"path", "virtual", "auto"}:
        raise EnvError("PREPCOACH_STORAGE_URL: addressing is path, virtual or auto.")
    try:
        from botocore.config import Config
    except ImportError:
        raise EnvError(
            "PREPCOACH_STORAGE_URL is set but the object-store support is not installed: "
            "pip install 'prepcoach[shared]'."
        ) from None
    endpoint = query.get("endpoint") or None
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": parts.hostname,
            "location": parts.path.strip("/"),
            "endpoint_url": endpoint,
            "region_name": query.get("region") or None,
            "addressing_style": query.get("addressing", "path"),
            "use_ssl": not (endpoint or "").startswith("http://"),
            "file_overwrite": True,  # a chunk or an answer written again replaces itself
            "default_acl": None,
            # An unreachable store fails fast with a message (the recorder keeps its chunks and
            # sends them again) instead of a request hanging for a minute.
            "client_config": Config(
                connect_timeout=5,
                read_timeout=30,
                retries={"max_attempts": 3, "mode": "standard"},
            ),
        },
    }
