"""Behind a TLS proxy with several web processes (`prepcoach serve --processes 2`, gunicorn):
X-Forwarded-Proto and X-Forwarded-For are believed from a trusted proxy only, as with the
single process (tests/ops/test_proxy.py, whose requests and addresses this reuses). gunicorn is
told to trust no one with them (`cli/web_processes.py`), so this holds only if they reach
`ops.proxy` untouched and it alone judges. One program start, on the suite's database; the
log-in throttle counts in the database, so the two processes count together.
"""

from __future__ import annotations

import http.client
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from prepcoach.accounts.models import User
from tests.conftest import PASSWORD
from tests.ops.test_proxy import LOGIN, PROXY, STRANGER, request
from tests.support import child_env, database_url, free_port, wait_for

HTTPS = {"X-Forwarded-Proto": "https"}

type Served = tuple[int, Path]


@pytest.fixture
def served(transactional_db: None, tmp_path: Path) -> Iterator[Served]:
    """`serve --processes 2` behind a proxy on 127.0.0.1 that ends TLS; a first wait of 10
    minutes after five failed log-ins, so the throttle does not depend on how fast it answers."""
    port = free_port()
    log_path = tmp_path / "serve.log"
    settings = {
        "PREPCOACH_HTTPS": "true",
        "PREPCOACH_TRUSTED_PROXIES": PROXY,
        "LOGIN_FIRST_DELAY_SECONDS": "600",
    }
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "prepcoach", "serve", "--no-worker", "--processes", "2",
             "--threads", "2", "--port", str(port)],
            env=child_env(tmp_path / "home", DATABASE_URL=database_url(), **settings),
            stdout=log, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    try:
        wait_for(lambda: "is running at" in log_path.read_text(), timeout=120, what="serve")
        yield port, log_path
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        print(log_path.read_text()[-6000:])


def log_in(port: int, password: str, forwarded_for: str) -> int:
    """A log-in as alice through the proxy, for the client `forwarded_for`: test_proxy.py's,
    with the X-Forwarded-Proto: https the proxy sends with every request."""
    headers = HTTPS | {"X-Forwarded-For": forwarded_for}
    page = http.client.HTTPConnection("127.0.0.1", port, timeout=20, source_address=(PROXY, 0))
    page.request("GET", LOGIN, headers=headers)
    response = page.getresponse()
    html = response.read().decode()
    page.close()
    assert response.status == 200, response.status
    cookie = (response.getheader("Set-Cookie") or "").split(";", 1)[0]
    assert cookie.startswith("csrftoken=")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert token
    body = f"csrfmiddlewaretoken={token.group(1)}&username=alice@example.com&password={password}"
    posted = request(
        port, "POST", LOGIN, source=PROXY,
        headers=headers | {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded",
                           "Origin": f"https://127.0.0.1:{port}"},
        body=body,
    )  # fmt: skip
    return posted.status


def test_several_web_processes_believe_the_trusted_proxy_alone(served: Served, alice: User) -> None:
    port, log_path = served
    assert "(2 web processes)" in log_path.read_text()
    # HTTPS that the proxy ended is served, not redirected (to https, forever).
    response = wait_for(
        lambda: (r := request(port, "GET", LOGIN, source=PROXY, headers=HTTPS)).status == 200
        and r,
        timeout=60, what="the log-in page through the proxy",
    )  # fmt: skip
    assert "Secure" in (response.getheader("Set-Cookie") or "")
    assert response.getheader("Strict-Transport-Security")
    # Plain http is sent to https once: without the header, and with the proxy saying http.
    for headers in ({}, {"X-Forwarded-Proto": "http"}):
        response = request(port, "GET", LOGIN, source=PROXY, headers=headers)
        assert response.status == 301
        assert response.getheader("Location") == f"https://127.0.0.1:{port}{LOGIN}"
    # A stranger sending the proxy's header is not believed.
    response = request(port, "GET", LOGIN, source=STRANGER, headers=HTTPS)
    assert response.status == 301
    assert response.getheader("Location", "").startswith("https://")

    # Log-in throttling counts the client behind the proxy (X-Forwarded-For), whichever of
    # the two processes answers each request.
    guesses = [log_in(port, "guess", "203.0.113.7") for _ in range(6)]
    assert guesses == [200, 200, 200, 200, 200, 429]  # after the fifth failure, a wait
    # The client who guessed waits; another client of the same proxy does not.
    assert log_in(port, PASSWORD, "203.0.113.7") == 429
    assert log_in(port, PASSWORD, "203.0.113.8") == 302
    assert "log-in slowed for 203.0.113.7" in log_path.read_text()
    answered = re.findall(
        r'"POST /account/login/ HTTP/1\.1" \d+ .* pid=<?(\d+)', log_path.read_text()
    )
    print("web processes that answered the log-ins:", sorted(set(answered)))
