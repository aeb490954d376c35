"""`prepcoach serve --processes 2`: two web processes (gunicorn) on one port, both answering,
and static files under hashed names with long cache headers. A real server on loopback, on the
suite's database (SQLite, or PostgreSQL with DATABASE_URL)."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support import child_env, database_url, free_port, http_get, wait_for

type Served = tuple[int, Path, subprocess.Popen[str]]


@pytest.fixture
def served(transactional_db: None, tmp_path: Path) -> Iterator[Served]:
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "prepcoach", "serve", "--no-worker", "--processes", "2",
             "--threads", "2", "--port", str(port)],
            env=child_env(tmp_path / "home", DATABASE_URL=database_url()),
            stdout=log, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    wait_for(lambda: "is running at" in log_path.read_text(), timeout=120, what="serve")
    yield port, log_path, process
    process.send_signal(signal.SIGINT)
    try:
        code = process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        code = process.wait()
    print(log_path.read_text())
    assert code == 0  # stopped cleanly, the web processes with it


def serving_pids(log_path: Path) -> set[str]:
    """The processes that logged serving a page (each logs its pid with every request)."""
    return set(
        re.findall(r'"GET /account/login/\S* HTTP/1\.1" 200 .* pid=<?(\d+)', log_path.read_text())
    )


def test_two_web_processes_both_serve_pages(served: Served) -> None:
    port, log_path, process = served
    assert "(2 web processes)" in log_path.read_text()
    url = f"http://127.0.0.1:{port}/account/login/"
    wait_for(lambda: http_get(url)[0] == 200, timeout=60, what="the first page")

    def burst() -> set[str]:
        # Requests side by side: one process busy with some, the other takes the rest.
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(lambda _: http_get(f"{url}?n={_}")[0], range(16)))
        assert statuses == [200] * 16
        return serving_pids(log_path) if len(serving_pids(log_path)) == 2 else set()

    pids = wait_for(burst, timeout=120, what="pages from both web processes")
    children = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(process.pid)], capture_output=True, text=True,
        check=True,
    ).stdout.split()  # fmt: skip
    assert pids <= set(children)  # two processes started by serve, not serve itself


def test_static_files_have_hashed_names_and_long_cache_headers(served: Served) -> None:
    port, _, _ = served
    status, page = wait_for(
        lambda: (r := http_get(f"http://127.0.0.1:{port}/account/login/"))[0] == 200 and r,
        timeout=60, what="the log-in page",
    )  # fmt: skip
    assert status == 200
    hashed = re.findall(r'(?:src|href)="(/static/prepcoach/[^"]+\.[0-9a-f]{12}\.(?:js|css))"', page)
    assert hashed, "no static file under a hashed name on the page"
    import urllib.request

    for path in hashed:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=20) as response:
            assert response.status == 200
            cache = response.headers["Cache-Control"]
            assert "immutable" in cache
            assert int(re.search(r"max-age=(\d+)", cache).group(1)) >= 365 * 24 * 3600  # type: ignore[union-attr]
