from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.bank import load_bank, parse_import
from prepcoach.practice.models import Question

FIELDS = {"software-engineering", "data", "product", "design", "marketing", "sales", "finance",
          "nursing", "teaching", "project-management"}  # fmt: skip


@pytest.mark.django_db
def test_the_starter_bank_is_loaded_with_everything_the_issue_asks_for() -> None:
    bank = Question.objects.filter(owner__isnull=True)
    assert bank.count() >= 250
    competencies = Counter(bank.filter(category="behavioral").values_list("competency", flat=True))
    for competency in ("leadership", "conflict", "failure", "teamwork", "ownership",
                       "communication", "influence", "adaptability"):  # fmt: skip
        assert competencies[competency] >= 5, competency
    assert bank.filter(category="situational").count() >= 20
    role_fields = Counter(bank.filter(category="role-specific").values_list("field", flat=True))
    assert all(role_fields[f] >= 8 for f in FIELDS), role_fields
    for text in ("Where do you see yourself in five years?", "What motivates you?"):
        assert bank.filter(text=text).exists()
    with_samples = bank.exclude(sample_good="").exclude(sample_weak="")
    assert with_samples.count() >= 30
    assert set(bank.values_list("difficulty", flat=True)) == {1, 2, 3}


@pytest.mark.django_db
def test_loading_again_updates_and_never_duplicates() -> None:
    before = Question.objects.count()
    assert load_bank(Question) == Question.objects.filter(owner__isnull=True).count()
    assert Question.objects.count() == before


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "The file is empty"),
        (
            b"text,category\nHi?,behavioral\n",
            "Missing columns: competency, field, seniority, difficulty",
        ),
        (
            "text,category,competency,field,seniority,difficulty\nCafé?,behavioral,x,general,any,2\n".encode(
                "latin-1"
            ),
            "not UTF-8",
        ),
        (
            b"text,category,competency,field,seniority,difficulty\nHi?,gossip,x,general,any,5\n",
            "Line 2: category must be one of",
        ),
        (b"text,category,competency,field,seniority,difficulty\n", "no questions"),
    ],
)
def test_bad_csv_is_explained(raw: bytes, message: str) -> None:
    result = parse_import(raw)
    assert result.errors
    assert message in " ".join(result.errors)


def test_import_is_all_or_nothing_and_skips_what_you_have(
    alice_client: Client, alice: User, alices_question: Question
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    header = "text,category,competency,field,seniority,difficulty,source\n"
    bad = (
        header
        + "A fine question?,behavioral,teamwork,general,any,2,\n,behavioral,x,general,any,2,\n"
    )
    response = alice_client.post(
        reverse("practice:questions_import"), {"file": SimpleUploadedFile("q.csv", bad.encode())}
    )
    assert "Nothing was imported" in response.text
    assert "Line 3: the question is empty" in response.text
    assert Question.objects.filter(owner=alice).count() == 1
    good = (
        header
        + f"A fine question?,behavioral,teamwork,general,any,2,Acme onsite\n{alices_question.text},motivation,,data,any,1,\n"
    )
    alice_client.post(
        reverse("practice:questions_import"), {"file": SimpleUploadedFile("q.csv", good.encode())}
    )
    assert Question.objects.filter(owner=alice).count() == 2
    assert Question.objects.get(owner=alice, text="A fine question?").source == "Acme onsite"


def test_export_then_import_round_trips(
    alice_client: Client, alice: User, alices_question: Question, bob: User
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    exported = alice_client.get(reverse("practice:questions_export"), {"mine": "on"})
    assert exported["Content-Disposition"] == 'attachment; filename="prepcoach-questions.csv"'
    body = exported.content
    assert alices_question.text.encode() in body
    bob_client = Client()
    bob_client.force_login(bob)
    bob_client.post(
        reverse("practice:questions_import"), {"file": SimpleUploadedFile("q.csv", body)}
    )
    copied = Question.objects.get(owner=bob)
    assert (copied.text, copied.source, copied.field) == (
        alices_question.text,
        "Acme phone screen",
        "data",
    )


def test_export_neutralises_formulas_and_import_restores_the_words(
    alice_client: Client, alice: User, bob: User
) -> None:
    """A shared bank cannot run formulas in a spreadsheet (issue 11, class 4)."""
    import csv
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile

    words = ['=HYPERLINK("http://evil.example","Click")', "+44 interview?", "-1 or @SUM(A1)?"]
    for text in words:
        Question.objects.create(
            owner=alice, text=text, category="behavioral", competency="@team", source="\tcsv"
        )
    body = alice_client.get(reverse("practice:questions_export"), {"mine": "on"}).content
    rows = list(csv.reader(io.StringIO(body.decode())))[1:]
    assert sorted(r[0] for r in rows) == sorted("'" + w for w in words)
    assert {(r[2], r[6]) for r in rows} == {("'@team", "'\tcsv")}
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
    bob_client = Client()
    bob_client.force_login(bob)
    bob_client.post(
        reverse("practice:questions_import"), {"file": SimpleUploadedFile("q.csv", body)}
    )
    assert sorted(Question.objects.filter(owner=bob).values_list("text", flat=True)) == sorted(
        words
    )
    assert set(Question.objects.filter(owner=bob).values_list("competency", flat=True)) == {"@team"}


def test_a_semicolon_csv_from_a_european_spreadsheet_is_read() -> None:
    """Excel in a German or French locale saves "CSV" with semicolons and a BOM (issue 11,
    class 6): every column is there, so every question is read."""
    raw = (
        "\ufefftext;category;competency;field;seniority;difficulty\r\n"
        "Tell me, briefly, about a conflict;behavioral;conflict;general;any;2\r\n"
        '"Why us; why now?";motivation;motivation;data;mid;1\r\n'
    ).encode()
    parsed = parse_import(raw)
    assert parsed.errors == []
    assert [r["text"] for r in parsed.rows] == [
        "Tell me, briefly, about a conflict",
        "Why us; why now?",
    ]
    assert parsed.rows[1]["field"] == "data"


def test_a_broken_quote_or_a_strange_field_is_reported_not_crashed() -> None:
    header = b"text,category,competency,field,seniority,difficulty\n"
    unclosed = parse_import(header + b'"' + b"x" * 200_000)
    assert unclosed.errors
    assert "cannot be read" in unclosed.errors[0] or "over" in " ".join(unclosed.errors)
    odd = parse_import(header + b"Fine?,behavioral,x," + b"f" * 100 + b",any,2\n")
    assert "field must be one of" in odd.errors[0]


def test_a_huge_upload_is_refused_without_reading_it_all(alice_client: Client, alice: User) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    huge = (
        b"text,category,competency,field,seniority,difficulty\n"
        + b"A?,behavioral,x,general,any,2\n" * 60_000
    )
    response = alice_client.post(
        reverse("practice:questions_import"), {"file": SimpleUploadedFile("q.csv", huge)}
    )
    assert "split it in parts" in response.text
    assert not Question.objects.filter(owner=alice).exists()


INTRODUCTIONS = (
    "Tell me about yourself.",
    "Walk me through your CV.",
    "How would you approach your first 90 days in this role?",
)


@pytest.mark.django_db
def test_the_starter_bank_opens_with_the_questions_most_interviews_ask() -> None:
    """A new user's trial found neither "Tell me about yourself" nor a first-90-days question
    among the 325."""
    bank = Question.objects.filter(owner__isnull=True)
    for text in INTRODUCTIONS:
        assert bank.filter(text=text).count() == 1, text
    assert bank.get(text=INTRODUCTIONS[2]).category == "situational"


def test_loading_the_bank_adds_no_question_a_user_already_has(alice: User) -> None:
    Question.objects.filter(owner__isnull=True, text=INTRODUCTIONS[0]).delete()
    Question.objects.create(owner=alice, text="tell me about YOURSELF.")
    load_bank(Question)
    assert not Question.objects.filter(owner__isnull=True, text__iexact=INTRODUCTIONS[0]).exists()
    assert Question.objects.filter(text__iexact=INTRODUCTIONS[0]).count() == 1


def test_the_readme_counts_the_starter_bank() -> None:
    """The README said 325 questions where the Improve page counted 328 (a trial)."""
    import re
    from pathlib import Path

    from prepcoach.practice.bank import starter_rows

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    said = re.search(r"a bank of (\d+) interview questions", readme)
    assert said is not None
    assert int(said.group(1)) == len(starter_rows())
