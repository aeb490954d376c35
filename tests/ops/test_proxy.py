"""Behind a TLS proxy: X-Forwarded-Proto and X-Forwarded-For are believed from a trusted proxy
only, by the real server (`prepcoach serve`, waitress) on loopback.

The proxy is 127.0.0.1 (PREPCOACH_TRUSTED_PROXIES); a stranger is a client connecting from
127.0.0.2, which Linux routes over loopback too, sending the same headers.
"""

from __future__ import annotations

import http.client
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from prepcoach.accounts.models import User
from tests.conftest import PASSWORD
from tests.support import child_env, database_url, free_port, wait_for

PROXY = "127.0.0.1"
STRANGER = "127.0.0.2"
LOGIN = "/account/login/"

type Served = tuple[int, Path]


def request(
    port: int, method: str, path: str, *, source: str, headers: dict[str, str] | None = None,
    body: str = "",
) -> http.client.HTTPResponse:  # fmt: skip
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=20, source_address=(source, 0)
    )
    connection.request(method, path, body=body or None, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


@pytest.fixture
def serve(transactional_db: None, tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """Start `prepcoach serve --no-worker` on the suite's database with the given settings."""
    started: list[subprocess.Popen[str]] = []

    def start(**settings: str) -> Served:
        port = free_port()
        log_path = tmp_path / f"serve-{port}.log"
        with log_path.open("w") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "prepcoach", "serve", "--no-worker", "--port", str(port)],
                env=child_env(tmp_path / "home", DATABASE_URL=database_url(), **settings),
                stdout=log,
                stderr=subprocess.STDOUT,
                text=True,
            )
        started.append(process)
        wait_for(lambda: "is running at" in log_path.read_text(), timeout=60, what="serve")
        return port, log_path

    yield start
    for process in started:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_https_behind_the_trusted_proxy_is_served_not_redirected(
    serve: Callable[..., Served],
) -> None:
    port, _ = serve(PREPCOACH_HTTPS="true", PREPCOACH_TRUSTED_PROXIES=PROXY)
    https = {"X-Forwarded-Proto": "https"}

    response = request(port, "GET", LOGIN, source=PROXY, headers=https)
    assert response.status == 200
    assert "Secure" in (response.getheader("Set-Cookie") or "")
    assert response.getheader("Strict-Transport-Security")

    # The proxy forwarding plain http is sent to https, once.
    response = request(port, "GET", LOGIN, source=PROXY, headers={"X-Forwarded-Proto": "http"})
    assert response.status == 301
    assert response.getheader("Location") == f"https://127.0.0.1:{port}{LOGIN}"

    # A stranger sending the proxy's header is not believed: redirected like any http request.
    response = request(port, "GET", LOGIN, source=STRANGER, headers=https)
    assert response.status == 301
    assert response.getheader("Location", "").startswith("https://")


def test_with_https_the_proxy_on_this_machine_is_trusted_unless_told_otherwise(
    serve: Callable[..., Served],
) -> None:
    port, _ = serve(PREPCOACH_HTTPS="true")  # the documented setup: a proxy on this machine
    response = request(port, "GET", LOGIN, source=PROXY, headers={"X-Forwarded-Proto": "https"})
    assert response.status == 200


def log_in(port: int, source: str, email: str, password: str, forwarded_for: str = "") -> int:
    page = http.client.HTTPConnection("127.0.0.1", port, timeout=20, source_address=(source, 0))
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    page.request("GET", LOGIN, headers=headers)
    response = page.getresponse()
    html = response.read().decode()
    cookie = (response.getheader("Set-Cookie") or "").split(";", 1)[0]
    page.close()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert token
    assert cookie.startswith("csrftoken=")
    body = f"csrfmiddlewaretoken={token.group(1)}&username={email}&password={password}"
    posted = request(
        port, "POST", LOGIN, source=source,
        headers=headers | {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded",
                           "Origin": f"http://127.0.0.1:{port}"},
        body=body,
    )  # fmt: skip
    return posted.status


# A first wait of 10 minutes, so these tests do not depend on how fast the server answers.
SLOW = {"PREPCOACH_TRUSTED_PROXIES": PROXY, "LOGIN_FIRST_DELAY_SECONDS": "600"}


def test_log_in_throttling_counts_the_client_behind_the_proxy(
    serve: Callable[..., Served], alice: User
) -> None:
    port, log_path = serve(**SLOW)
    guesses = [log_in(port, PROXY, "alice@example.com", "guess", "203.0.113.7") for _ in range(6)]
    assert guesses == [200, 200, 200, 200, 200, 429]  # after the fifth failure, a wait
    # The client who guessed waits; another client of the same proxy does not.
    assert log_in(port, PROXY, "alice@example.com", PASSWORD, "203.0.113.7") == 429
    assert log_in(port, PROXY, "alice@example.com", PASSWORD, "203.0.113.8") == 302
    log = log_path.read_text()
    assert "log-in slowed for 203.0.113.7" in log


def test_a_stranger_cannot_escape_throttling_by_naming_another_address(
    serve: Callable[..., Served], alice: User
) -> None:
    port, log_path = serve(**SLOW)
    guesses = [
        log_in(port, STRANGER, "alice@example.com", "guess", f"198.51.100.{n}") for n in range(6)
    ]
    assert guesses == [200, 200, 200, 200, 200, 429]
    assert log_in(port, STRANGER, "alice@example.com", PASSWORD, "198.51.100.99") == 429
    assert f"log-in slowed for {STRANGER}" in log_path.read_text()
