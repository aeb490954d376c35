"""The `prepcoach` command, run as a user runs it: a real process with a real environment."""

import json
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from prepcoach import __version__
from tests.support import child_env, free_port, http_get, wait_for

PRODUCTION_LIKE = {
    "SECRET_KEY": "k" * 30 + "-a-long-random-production-secret-" + "z" * 20,
    "ALLOWED_HOSTS": "coach.example.org",
    "PREPCOACH_HTTPS": "true",
    "DATABASE_URL": "postgresql://coach:pw@db.example.org:5432/prepcoach",
    "EMAIL_HOST": "smtp.example.org",
}


def prepcoach(
    *args: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prepcoach", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_version(tmp_path: Path) -> None:
    result = prepcoach("--version", env=child_env(tmp_path))
    assert result.stdout.strip() == f"prepcoach {__version__}"


def test_help_lists_the_subcommands(tmp_path: Path) -> None:
    result = prepcoach("--help", env=child_env(tmp_path))
    for name in ("serve", "worker", "check", "manage"):
        assert name in result.stdout


def test_check_passes_on_the_embedded_default(tmp_path: Path) -> None:
    result = prepcoach("check", env=child_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_has_no_warnings_with_production_like_settings(tmp_path: Path) -> None:
    result = prepcoach(
        "check", "--deploy", "--fail-level", "WARNING", env=child_env(tmp_path, **PRODUCTION_LIKE)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_warns_about_the_local_defaults(tmp_path: Path) -> None:
    # The opposite case, so the test above cannot pass by never looking.
    result = prepcoach("check", "--deploy", "--fail-level", "WARNING", env=child_env(tmp_path))
    assert result.returncode == 1
    assert "SECURE_SSL_REDIRECT" in result.stdout


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("prepcoach: ")
    return lines[0]


def test_malformed_database_url_is_one_line(tmp_path: Path) -> None:
    env = child_env(tmp_path, DATABASE_URL="postgres//oops")
    message = one_line_error(prepcoach("serve", "--port", str(free_port()), env=env))
    assert "DATABASE_URL is malformed" in message
    assert "postgresql://USER:PASSWORD@HOST:PORT/DATABASE" in message


def test_unreachable_database_is_one_line(tmp_path: Path) -> None:
    env = child_env(tmp_path, DATABASE_URL="postgresql://nobody@127.0.0.1:9/nothing")
    message = one_line_error(prepcoach("serve", "--port", str(free_port()), env=env))
    assert "cannot reach the database" in message
    assert "check DATABASE_URL" in message


def test_unwritable_home_is_one_line_and_creates_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    env = child_env(tmp_path)
    env["PREPCOACH_HOME"] = str(blocker / "data")
    message = one_line_error(prepcoach("serve", "--port", str(free_port()), env=env))
    assert "is not a writable folder" in message
    assert "set PREPCOACH_HOME" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_bad_setting_value_is_one_line(tmp_path: Path) -> None:
    message = one_line_error(prepcoach("check", env=child_env(tmp_path, DEBUG="perhaps")))
    assert "DEBUG='perhaps' is not a yes/no value" in message


def test_a_worker_without_analysis_lanes_is_one_line_and_touches_nothing(tmp_path: Path) -> None:
    message = one_line_error(prepcoach("worker", "--analyses", "0", env=child_env(tmp_path)))
    assert "--analyses 0: run at least one analysis at a time." in message
    assert list(tmp_path.iterdir()) == []  # no database, no secret key


def test_port_in_use_is_one_line_and_starts_nothing(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        message = one_line_error(prepcoach("serve", "--port", str(port), env=child_env(tmp_path)))
    assert f"port {port} on 127.0.0.1 is already in use" in message
    assert "--port" in message
    assert not (tmp_path / "prepcoach.sqlite3").exists()  # nothing migrated for nothing


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# Started from a background job (`make run &`, nohup, some process managers) a program
# inherits SIGINT ignored, and Python keeps it so: serve must still stop on Ctrl+C.
@pytest.mark.parametrize("started", ["in a terminal", "from a background job"])
def test_serve_migrates_starts_the_worker_and_serves(tmp_path: Path, started: str) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with (tmp_path / "serve.log").open("w+") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "prepcoach", "serve", "--port", str(port)],
            env=child_env(tmp_path / "home", WORKER_HEARTBEAT_SECONDS="1"),
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=_ignore_sigint if started == "from a background job" else None,
        )
        try:
            wait_for(lambda: http_get(f"{base}/healthz")[0] == 200, timeout=60, what="/healthz")
            status, page = http_get(f"{base}/account/signup/")
            assert status == 200
            assert "Create the first account" in page
            status, css = http_get(f"{base}/static/prepcoach/css/app.css")
            assert status == 200
            assert ":focus-visible" in css
        finally:
            server.send_signal(signal.SIGINT)
            try:
                code = server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()  # never left running into the next test
                server.wait()
                log.seek(0)
                pytest.fail(f"serve did not stop within 30 s of Ctrl+C; its output:\n{log.read()}")
        log.seek(0)
        output = log.read()
    assert code == 0, output
    assert f"prepcoach is running at {base}/" in output
    assert f"links in mails open {base}/" in output  # the port it serves on, not 8000
    assert (tmp_path / "home" / "prepcoach.sqlite3").exists()
    assert (tmp_path / "home" / "secret_key").exists()


def test_smart_json_follows_the_contract(tmp_path: Path) -> None:
    result = prepcoach(
        "smart", "Do 3 recorded mock interviews before my onsite on 14 March", "--today",
        "2026-11-21", "--json", env=child_env(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["deadline"] == "2027-03-14"
    assert data["type"] == "behavioral"
    assert data["specific"] == {"verdict": "met", "reason": data["specific"]["reason"], "fix": ""}
    assert data["quantities"][0]["value"] == 3
    assert set(data) == {
        "specific", "measurable", "attainable", "relevant", "time_bound", "type", "deadline",
        "quantities", "rewrite",
    }  # fmt: skip


def test_smart_table_is_readable(tmp_path: Path) -> None:
    result = prepcoach(
        "smart", "get better at interviews", "--today", "2026-11-21", env=child_env(tmp_path)
    )
    assert result.returncode == 0
    assert "✗ specific    missing" in result.stdout
    assert "A sharper version:" in result.stdout
    assert "19 December 2026" in result.stdout


def test_smart_reads_a_slash_date_in_the_given_order(tmp_path: Path) -> None:
    args = ("smart", "Do 3 mock interviews by 12/31", "--today", "2026-11-30", "--json")
    us = prepcoach(*args, "--date-order", "MDY", env=child_env(tmp_path))
    assert json.loads(us.stdout)["deadline"] == "2026-12-31"
    uk = json.loads(prepcoach(*args, "--date-order", "dmy", env=child_env(tmp_path)).stdout)
    assert uk["deadline"] is None
    assert "Did you mean 31 December 2026" in uk["time_bound"]["reason"]


def test_smart_says_when_no_kind_fits(tmp_path: Path) -> None:
    result = prepcoach("smart", "run 5k", "--today", "2026-11-30", env=child_env(tmp_path))
    assert "kind: can't tell" in result.stdout


def test_smart_rejects_a_bad_today(tmp_path: Path) -> None:
    message = one_line_error(prepcoach("smart", "x", "--today", "30/02", env=child_env(tmp_path)))
    assert "--today '30/02' is not a date" in message


ANALYZE_KEYS = {
    "transcript", "words", "duration_s", "speech_s", "wpm", "fillers", "pauses", "star",
    "ownership", "keywords", "prosody", "tips",
}  # fmt: skip


def test_analyze_a_recording_follows_the_contract(tmp_path: Path) -> None:
    from tests.coach.speech.conftest import ANSWER, speak

    audio = speak(ANSWER, tmp_path / "answer.wav")
    jd = tmp_path / "jd.txt"
    jd.write_text(
        "Reporting Analyst\nWhat you will need:\n- Experience building checklists and process "
        "documentation\n- Training teams on new processes\n- Weekly reporting in Excel\n"
    )  # an advert with a requirements list, as adverts are written
    result = prepcoach("analyze", str(audio), "--question", "Tell me about a process you fixed", "--jd", str(jd),
                       "--json", env=child_env(tmp_path / "home"), timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= ANALYZE_KEYS
    assert {"w", "start", "end"} == set(data["words"][0])
    assert set(data["fillers"]) >= {"count", "per_min", "items"}
    assert set(data["pauses"]) >= {"count", "longest_s", "long_count"}
    assert set(data["star"]) == {"situation", "task", "action", "result", "quantified_result"}
    assert set(data["star"]["result"]) == {"present", "evidence"}
    assert set(data["ownership"]) >= {"i", "we"}
    used = data["keywords"]["used"]
    assert any("checklist" in term for term in used), used  # the answer built a checklist
    assert not any("excel" in term.lower() for term in used)  # it never mentioned Excel
    assert data["fillers"]["count"] == 2


def test_analyze_a_transcript_has_no_timings(tmp_path: Path) -> None:
    text = tmp_path / "answer.txt"
    text.write_text("Um, we kind of fixed it. I like data.")
    result = prepcoach("analyze", str(text), "--json", env=child_env(tmp_path))
    data = json.loads(result.stdout)
    assert set(data) >= ANALYZE_KEYS
    assert (data["words"], data["wpm"], data["duration_s"], data["pauses"], data["prosody"]) == (
        None,
    ) * 5
    assert data["fillers"]["count"] == 2


def test_analyze_says_why_it_cannot_judge_a_one_word_answer(tmp_path: Path) -> None:
    text = tmp_path / "answer.txt"
    text.write_text("Teamwork.")
    shown = prepcoach("analyze", str(text), env=child_env(tmp_path)).stdout
    assert "Content: not judged: 1 word is too few to judge" in shown
    assert "situation ? (can't tell)" in shown
    assert "not heard" not in shown


def test_analyze_counts_no_fillers_in_an_answer_in_another_language(tmp_path: Path) -> None:
    """German "um 40 Prozent" (by 40 per cent) was "Fillers: 1" (issue 9's bad input)."""
    text = tmp_path / "answer.txt"
    text.write_text(
        "Ich habe in meinem letzten Projekt ein Team von fünf Entwicklern geleitet. Am Ende "
        "haben wir die Ladezeit um 40 Prozent reduziert."
    )
    shown = prepcoach("analyze", str(text), env=child_env(tmp_path)).stdout
    assert "Fillers: not counted: the answer does not read as English" in shown
    assert "Fillers: 1" not in shown


def test_analyze_explains_a_file_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "photo.webm"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not a recording")
    message = one_line_error(prepcoach("analyze", str(bad), env=child_env(tmp_path)))
    assert "cannot be read as audio or video" in message or "no sound track" in message


def test_analyze_refuses_an_over_long_answer_or_advert(tmp_path: Path) -> None:
    from prepcoach.coach.limits import MAX_ANSWER_CHARS, MAX_JOB_ADVERT_CHARS

    answer = tmp_path / "answer.txt"
    answer.write_text("I fixed it. " * (MAX_ANSWER_CHARS // 12 + 1))
    message = one_line_error(prepcoach("analyze", str(answer), env=child_env(tmp_path)))
    assert f"over the limit of {MAX_ANSWER_CHARS:,}" in message
    assert f"answer in {answer}" in message
    answer.write_text("I fixed it.")
    jd = tmp_path / "advert.txt"
    jd.write_text("We hire analysts. " * (MAX_JOB_ADVERT_CHARS // 18 + 1))
    message = one_line_error(
        prepcoach("analyze", str(answer), "--jd", str(jd), env=child_env(tmp_path))
    )
    assert f"over the limit of {MAX_JOB_ADVERT_CHARS:,}" in message


def test_analyze_says_what_it_read_of_the_job_description(tmp_path: Path) -> None:
    """`--jd` is "for key terms", and the summary said nothing of them: not the terms used,
    nor why an advert in German, of emoji or of fillers gave none (issue 9's bad input)."""
    answer = tmp_path / "answer.txt"
    answer.write_text(
        "In my last job our weekly reports were always late. I was asked to fix it. I built a "
        "checklist in Python and trained the team. Reports went out 2 days earlier."
    )
    jd = tmp_path / "advert.txt"
    shown = {}
    for name, advert in {
        "English": "Reporting Analyst at Acme Health. You will own weekly SQL reports and "
        "Tableau dashboards for clinical teams. Experience with Python and Excel is a plus.",
        "German": "Wir suchen einen Entwickler für unser Team. Du hast Erfahrung mit der "
        "Datenbank und arbeitest gern mit den Kunden; am Ende jeder Woche prüfst du den Plan.",
        "emoji": "🚀🔥💯 😀😀 🎯✅",
        "empty": "",
    }.items():
        jd.write_text(advert)
        result = prepcoach("analyze", str(answer), "--jd", str(jd), env=child_env(tmp_path))
        assert result.returncode == 0, result.stderr
        shown[name] = next(line for line in result.stdout.splitlines() if "Key terms" in line)
    assert shown["English"].startswith("Key terms: used Python; not used ")
    assert "Tableau" in shown["English"]
    assert shown["German"].startswith(
        "Key terms: none: the job description does not read as English"
    )
    assert shown["emoji"] == "Key terms: none: the job description has no words to find terms in."
    assert shown["empty"] == "Key terms: none: the job description is empty."


def _analyze_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    analysis: object,
) -> list[str]:  # fmt: skip
    """`prepcoach analyze RECORDING --jd ADVERT`'s summary, run in this process with the
    recording's reading given (the speech engine's own tests hear real recordings)."""
    import prepcoach.coach.speech.engine
    import prepcoach.coach.speech.model
    import prepcoach.coach.speech.pipeline
    from prepcoach.cli import main

    monkeypatch.setenv("PREPCOACH_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(prepcoach.coach.speech.model, "resolve_model", lambda *a: tmp_path)
    monkeypatch.setattr(prepcoach.coach.speech.engine, "whisper_engine", lambda *a: None)
    monkeypatch.setattr(
        prepcoach.coach.speech.pipeline, "analyse_recording", lambda *a, **k: analysis
    )
    recording = tmp_path / "answer.wav"
    recording.write_bytes(b"RIFF")
    advert = tmp_path / "advert.txt"
    advert.write_text(LOST_ADVERT)
    assert main(["analyze", str(recording), "--jd", str(advert)]) == 0
    return capsys.readouterr().out.splitlines()


LOST_ADVERT = (
    "Reporting Analyst at Acme Health. You will own weekly SQL reports and Tableau dashboards "
    "for clinical teams. Experience with Python and Excel is a plus."
)
LOST_HEARD = (
    "In my last job our weekly reports were always late and nobody trusted the numbers. My "
    "manager asked me to fix the reporting before the audit. So I wrote a checklist in Python "
    "and trained the team on it."
)


def _pointers_are_printed(lines: list[str]) -> None:
    """Every "(see X above)" of the summary names a line printed above it."""
    for number, line in enumerate(lines):
        for named in re.findall(r"\(see (.+?) above\)", line):
            assert any(earlier.startswith(f"{named}:") for earlier in lines[:number]), (
                f"{line!r} points to a {named!r} line the summary does not print:\n"
                + "\n".join(lines)
            )


def test_analyze_with_speech_lost_points_to_the_line_that_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A recording with speech the engine could not transcribe: its key terms line said
    "not judged (see Content above)", and no Content line is printed for it (a review)."""
    from prepcoach.coach.answer import analyse_answer
    from prepcoach.coach.speech.coverage import SpeechCoverage
    from prepcoach.coach.speech.engine import Transcript, Word
    from prepcoach.coach.speech.vad import Span

    said = LOST_HEARD.split()
    words = tuple(Word(f" {w}", i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(said))
    lost = Span(len(said) * 0.4 + 1.0, len(said) * 0.4 + 6.0)
    spans = [Span(0.0, len(said) * 0.4), lost]
    speech = sum(s.length for s in spans)
    transcript = Transcript(words, "en", 0.99, coverage=SpeechCoverage(speech, speech - 5, (lost,)))
    analysis = analyse_answer(
        transcript=transcript, duration_s=lost.end + 1, spans=spans, job_description=LOST_ADVERT
    )
    assert "keywords" in analysis.withheld
    assert analysis.content.cannot_tell is None
    lines = _analyze_summary(tmp_path, monkeypatch, capsys, analysis)
    _pointers_are_printed(lines)
    key_terms = next(line for line in lines if line.startswith("Key terms"))
    assert key_terms.startswith("Key terms: used Python;"), key_terms  # heard, so said
    assert "not transcribed (see Not transcribed above)" in key_terms
    assert "Tableau" not in key_terms  # it may be in the lost speech


def test_analyze_with_distorted_sound_points_to_its_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from prepcoach.coach.answer import analyse_answer
    from prepcoach.coach.speech.engine import Transcript, Word
    from prepcoach.coach.speech.quality import AudioQuality

    said = LOST_HEARD.split()
    words = tuple(Word(f" {w}", i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(said))
    analysis = analyse_answer(
        transcript=Transcript(words, "en", 0.99), duration_s=len(said) * 0.4,
        audio=AudioQuality("mono", 0.05, -12.0, 0.0), job_description=LOST_ADVERT,
    )  # fmt: skip
    assert "keywords" in analysis.withheld
    lines = _analyze_summary(tmp_path, monkeypatch, capsys, analysis)
    _pointers_are_printed(lines)
    key_terms = next(line for line in lines if line.startswith("Key terms"))
    assert "misheard (see Warning above)" in key_terms


def test_analyze_of_an_answer_it_cannot_read_points_to_its_content_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from prepcoach.coach.answer import analyse_answer

    analysis = analyse_answer(text="Teamwork.", job_description=LOST_ADVERT)
    lines = _analyze_summary(tmp_path, monkeypatch, capsys, analysis)
    _pointers_are_printed(lines)
    assert "Key terms: not judged (see Content above)." in lines
