"""Settings read from the environment fail loudly, in one sentence, on values they cannot use."""

import runpy
import stat
from pathlib import Path

import pytest
from django.db import connection

from prepcoach import conf


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("Yes", True), ("off", False)])
def test_env_bool_reads_common_words(raw: str, expected: bool) -> None:
    assert conf.env_bool("DEBUG", default=not expected, environ={"DEBUG": raw}) is expected


def test_env_bool_rejects_other_words() -> None:
    with pytest.raises(conf.EnvError, match="DEBUG='maybe' is not a yes/no value"):
        conf.env_bool("DEBUG", default=False, environ={"DEBUG": "maybe"})


def test_env_int_rejects_words_and_ranges() -> None:
    with pytest.raises(conf.EnvError, match="EMAIL_PORT='twenty' is not a whole number"):
        conf.env_int("EMAIL_PORT", 25, environ={"EMAIL_PORT": "twenty"})
    with pytest.raises(conf.EnvError, match="out of range"):
        conf.env_int("EMAIL_PORT", 25, environ={"EMAIL_PORT": "70000"}, maximum=65535)


def test_env_list_splits_on_commas() -> None:
    environ = {"ALLOWED_HOSTS": " a.example , b.example,, "}
    assert conf.env_list("ALLOWED_HOSTS", [], environ) == ["a.example", "b.example"]


def test_home_folder_is_created(tmp_path: Path) -> None:
    home = conf.home_folder({"PREPCOACH_HOME": str(tmp_path / "a" / "b")})
    assert home.is_dir()
    assert list(home.iterdir()) == []  # the write probe is removed


def test_unwritable_home_says_what_to_do_and_creates_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(conf.EnvError, match=r"not a writable folder.*set PREPCOACH_HOME"):
        conf.home_folder({"PREPCOACH_HOME": str(blocker / "data")})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_secret_key_is_generated_once_and_private(tmp_path: Path) -> None:
    first = conf.secret_key(tmp_path, environ={})
    assert len(first) >= 50
    assert conf.secret_key(tmp_path, environ={}) == first
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_secret_key_from_the_environment_wins(tmp_path: Path) -> None:
    assert conf.secret_key(tmp_path, environ={"SECRET_KEY": "s3cret" * 10}) == "s3cret" * 10
    assert not (tmp_path / "secret_key").exists()


def test_no_database_url_means_sqlite_in_home(tmp_path: Path) -> None:
    config = conf.database(tmp_path, environ={})
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == tmp_path / "prepcoach.sqlite3"


def test_postgres_url_is_parsed(tmp_path: Path) -> None:
    url = "postgresql://coach:pw@db.internal:5433/prepcoach"
    config = conf.database(tmp_path, environ={"DATABASE_URL": url})
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "prepcoach")


@pytest.mark.parametrize(
    "url",
    [
        "mysql://root@localhost/prepcoach",
        "localhost:5432/prepcoach",
        "postgresql://coach@localhost:port/prepcoach",
        "postgresql://coach@localhost:5432/",
    ],
)
def test_malformed_database_url_is_explained(tmp_path: Path, url: str) -> None:
    with pytest.raises(conf.EnvError, match=r"DATABASE_URL .*postgresql://USER:PASSWORD@HOST"):
        conf.database(tmp_path, environ={"DATABASE_URL": url})


@pytest.mark.django_db
def test_the_database_is_tuned_for_its_engine() -> None:
    if connection.vendor == "postgresql":
        assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
        assert connection.pg_version >= 130000  # type: ignore[attr-defined]
        return
    assert connection.vendor == "sqlite"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA busy_timeout")
        busy = cursor.fetchone()[0]
    assert journal == "wal"
    assert busy == 20_000


def test_trusted_proxies_are_addresses_or_networks() -> None:
    environ = {"PREPCOACH_TRUSTED_PROXIES": "10.0.0.5, 10.1.0.0/16"}
    networks = conf.env_networks("PREPCOACH_TRUSTED_PROXIES", [], environ)
    assert [str(n) for n in networks] == ["10.0.0.5/32", "10.1.0.0/16"]
    with pytest.raises(conf.EnvError, match=r"PREPCOACH_TRUSTED_PROXIES: 'proxy\.local' is not"):
        conf.env_networks(
            "PREPCOACH_TRUSTED_PROXIES", [], {"PREPCOACH_TRUSTED_PROXIES": "proxy.local"}
        )


def test_no_storage_url_means_the_media_folder() -> None:
    assert conf.file_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_storage_url_names_an_s3_bucket_folder_and_endpoint() -> None:
    url = "s3://recordings/coach?endpoint=http://127.0.0.1:9000&region=eu-west-1"
    found = conf.file_storage({"PREPCOACH_STORAGE_URL": url})
    assert found["BACKEND"] == "storages.backends.s3.S3Storage"
    options = found["OPTIONS"]
    assert (options["bucket_name"], options["location"]) == ("recordings", "coach")
    assert (options["endpoint_url"], options["region_name"]) == (
        "http://127.0.0.1:9000",
        "eu-west-1",
    )
    assert options["use_ssl"] is False  # a plain-http endpoint
    assert options["file_overwrite"] is True


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://bucket/x", "is not an S3 address"),
        ("s3://", "is not an S3 address"),
        ("s3://KEY:SECRET@bucket", "holds a key: put it in AWS_ACCESS_KEY_ID"),
        ("s3://bucket?endpiont=http://x", "unknown \\['endpiont'\\]"),
        ("s3://bucket?addressing=sideways", "addressing is path, virtual or auto"),
    ],
)
def test_a_bad_storage_url_says_what_to_write(url: str, words: str) -> None:
    with pytest.raises(conf.EnvError, match=words):
        conf.file_storage({"PREPCOACH_STORAGE_URL": url})


SHIPPED_SETTINGS = Path(conf.__file__).with_name("settings.py")


def shipped_settings(
    monkeypatch: pytest.MonkeyPatch, home: Path, cores: int, **environ: str
) -> dict[str, object]:
    """prepcoach's own settings module run afresh (not the suite's settings) in `home`, with
    `environ` as the only settings of its own it is given and `cores` usable cores."""
    monkeypatch.setattr(conf, "cpu_count", lambda: cores)
    monkeypatch.delenv("WORKER_ANALYSES", raising=False)
    monkeypatch.setenv("PREPCOACH_HOME", str(home))
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SHIPPED_SETTINGS))


@pytest.mark.parametrize("cores", [1, 3, 12])
def test_a_worker_runs_one_analysis_per_usable_core_unless_told(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cores: int
) -> None:
    assert shipped_settings(monkeypatch, tmp_path, cores)["WORKER_ANALYSES"] == cores
    told = shipped_settings(monkeypatch, tmp_path, cores, WORKER_ANALYSES="5")
    assert told["WORKER_ANALYSES"] == 5


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("two", r"^WORKER_ANALYSES='two' is not a whole number\.$"),
        ("0", r"^WORKER_ANALYSES=0 is out of range: use a number from 1 to 64\.$"),
        ("65", r"^WORKER_ANALYSES=65 is out of range: use a number from 1 to 64\.$"),
    ],
    ids=["words", "none", "past-64"],
)
def test_a_bad_worker_analyses_says_what_to_write(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, raw: str, words: str
) -> None:
    with pytest.raises(conf.EnvError, match=words):
        shipped_settings(monkeypatch, tmp_path, 2, WORKER_ANALYSES=raw)
