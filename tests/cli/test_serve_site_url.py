"""Links in mails point where `prepcoach serve` listens (`serve --port`, `make run PORT=…`)
unless SITE_URL is set: in the serving process and in the worker it starts, which inherits
the environment. The real serve run in test_cli.py checks the address it prints."""

import os

import pytest
from django.conf import LazySettings

from prepcoach.accounts.mailstop import stop_url
from prepcoach.cli.serve import follow_site_url, site_url_for


@pytest.mark.parametrize(
    ("host", "url"),
    [("127.0.0.1", "http://127.0.0.1:8123"), ("0.0.0.0", "http://127.0.0.1:8123"),  # noqa: S104
     ("::", "http://[::1]:8123"), ("coach.local", "http://coach.local:8123")],
)  # fmt: skip
def test_the_address_mails_use_is_where_serve_listens(host: str, url: str) -> None:
    assert site_url_for(host, 8123) == url


def test_without_site_url_mail_links_follow_the_port(
    monkeypatch: pytest.MonkeyPatch, settings: LazySettings
) -> None:
    monkeypatch.setenv("SITE_URL", "")  # not set (restored after the test)
    settings.SITE_URL = "http://127.0.0.1:8000"  # the default before serve knows its port
    assert follow_site_url("0.0.0.0", 8123) == "http://127.0.0.1:8123"  # noqa: S104
    assert os.environ["SITE_URL"] == "http://127.0.0.1:8123"  # what the worker inherits
    assert stop_url("feedback:unsubscribe", 1, "salt").startswith("http://127.0.0.1:8123/")


def test_a_site_url_that_is_set_wins(
    monkeypatch: pytest.MonkeyPatch, settings: LazySettings
) -> None:
    monkeypatch.setenv("SITE_URL", "https://coach.example.org")
    settings.SITE_URL = "https://coach.example.org"
    assert follow_site_url("127.0.0.1", 8123) == "https://coach.example.org"
    assert stop_url("feedback:unsubscribe", 1, "salt").startswith("https://coach.example.org/")
