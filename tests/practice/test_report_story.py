"""The report suggests which of the user's own STAR stories fits the question best, by meaning,
quoting the sentence that ties it; says so when none does, or when it cannot tell; shows nothing
when the user has no stories; and never suggests another user's story."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach import reader
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.story_fit import StoryChoice, StoryFit, best_story, story_sentences
from prepcoach.practice.models import Attempt, Question
from prepcoach.reflection.models import Story

needs_model = pytest.mark.usefixtures("sentence_model")

QUESTION = "Tell me about a time you had a conflict with a colleague. How did you resolve it?"
ANSWER = (
    "Last year a colleague and I disagreed about how to count readmissions. "
    "I had to settle it before the board report. "
    "I listened to her reasons and I suggested we test both definitions on last year's data. "
    "We agreed on one definition within a week."
)
CONFLICT = {
    "title": "Settling a disagreement over the dashboard",
    "situation": "A colleague and I disagreed sharply about how the ward dashboard should "
    "count readmissions.",
    "task": "I needed us to agree before the monthly board report.",
    "action": "I sat down with her, listened to her reasons and proposed we test both "
    "definitions on last year's data.",
    "result": "We agreed on her definition with my adjustment, and we still work well together.",
}
MIGRATION = {
    "title": "Migrating 4 million patient records",
    "situation": "Our patient records lived in an ageing SQL Server database.",
    "action": "I wrote the migration scripts and ran them in nightly batches.",
    "result": "The migration finished two weeks early with no lost records.",
}
BOBS = {
    "title": "A conflict with a colleague, and how I resolved it",
    "situation": "I had a conflict with a colleague about who owned a project.",
    "action": "I talked it through with my colleague and we resolved the conflict together.",
    "result": "We resolved it and became good colleagues.",
}
SUGGESTION_RE = re.compile(
    r"(?:Your story|It is also your story) that fits this question best: "
    r"<a href=\"(?P<url>[^\"]+)\">(?P<title>[^<]+)</a>"
    r" — ties: “(?P<tie>[^”]+)”"
)
NONE_FITS = "None of your stories ties closely to this question."


@pytest.fixture
def conflict_question(alice: User) -> Question:
    return Question.objects.create(
        owner=alice, text=QUESTION, category="behavioral", competency="conflict", field="data"
    )


def story(user: User, fields: dict[str, str]) -> Story:
    return Story.objects.create(user=user, **fields)


def bank(*stories: Story) -> list[tuple[object, str, dict[str, str]]]:
    return [
        (s.pk, s.title,
         {"situation": s.situation, "task": s.task, "action": s.action, "result": s.result})
        for s in stories
    ]  # fmt: skip


def report_page(client: Client, user: User, question: Question) -> str:
    analysis = analyse_answer(text=ANSWER, question=question.text).as_dict()
    attempt = Attempt.objects.create(user=user, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    response = client.get(reverse("practice:attempt", args=[attempt.pk]))
    assert response.status_code == 200
    assert 'id="transcript-title"' in response.text  # the report itself was drawn
    return response.text


@needs_model
def test_the_conflict_story_is_suggested_with_its_quoted_tie(
    alice_client: Client, alice: User, conflict_question: Question
) -> None:
    conflict = story(alice, CONFLICT)
    story(alice, MIGRATION)
    page = report_page(alice_client, alice, conflict_question)
    found = SUGGESTION_RE.search(page)
    assert found is not None, "no story suggestion on the report"
    assert found["url"] == reverse("reflection:story", args=[conflict.pk])
    assert found["title"] == CONFLICT["title"]
    sentences = story_sentences(CONFLICT["title"], CONFLICT)
    assert found["tie"].replace("&#x27;", "'") in sentences
    assert MIGRATION["title"] not in page
    assert NONE_FITS not in page


@needs_model
def test_bobs_closer_story_is_never_suggested_to_alice(
    alice_client: Client, alice: User, bob: User, conflict_question: Question
) -> None:
    conflict, migration = story(alice, CONFLICT), story(alice, MIGRATION)
    bobs = story(bob, BOBS)
    # The test means something only if bob's story would win were it in alice's bank.
    everyone = best_story(QUESTION, bank(conflict, migration, bobs))
    assert everyone.best is not None
    assert everyone.best.key == bobs.pk
    page = report_page(alice_client, alice, conflict_question)
    found = SUGGESTION_RE.search(page)
    assert found is not None
    assert found["url"] == reverse("reflection:story", args=[conflict.pk])
    assert BOBS["title"] not in page
    assert reverse("reflection:story", args=[bobs.pk]) not in page
    for sentence in story_sentences(BOBS["title"], BOBS):
        assert sentence not in page


def test_without_stories_there_is_no_card_even_when_bob_has_some(
    alice_client: Client, alice: User, bob: User, conflict_question: Question
) -> None:
    story(bob, BOBS)
    story(bob, CONFLICT)
    page = report_page(alice_client, alice, conflict_question)
    assert "story-fit" not in page
    assert "Your story that fits" not in page
    assert NONE_FITS not in page
    assert "Which of your stories" not in page


@needs_model
def test_when_no_story_ties_it_says_so(
    alice_client: Client, alice: User, conflict_question: Question
) -> None:
    migration = story(alice, MIGRATION)
    assert best_story(QUESTION, bank(migration)).best is None  # what the report must reflect
    page = report_page(alice_client, alice, conflict_question)
    assert NONE_FITS in page
    assert "Your story that fits" not in page


@needs_model
def test_an_only_story_that_ties_loosely_is_not_called_the_best_fit(
    alice_client: Client, alice: User
) -> None:
    """A new user's bank of one story had it offered for every question as the story "that
    fits this question best"; where it ties loosely the page says so, and that it was the only
    story."""
    deadline = Question.objects.create(
        owner=alice, text="Tell me about a time you worked under a tight deadline.",
        category="behavioral", competency="resilience", field="data",
    )  # fmt: skip
    conflict = story(alice, CONFLICT)
    page = html.unescape(report_page(alice_client, alice, deadline))
    assert "Your story that fits this question best" not in page
    assert "It is also your story nearest this question: " in page  # the answer retells it
    assert reverse("reflection:story", args=[conflict.pk]) in page
    assert "— ties loosely: “" in page
    assert "A loose tie: in prepcoach's tests a story tied this loosely fitted its question" in page
    assert "it is your only story, so there was no other to compare it with." in page


def test_without_the_sentence_model_it_says_it_cannot_tell(
    alice_client: Client, alice: User, conflict_question: Question,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    story(alice, CONFLICT)
    monkeypatch.setattr(reader, "embedder", lambda: None)
    page = report_page(alice_client, alice, conflict_question)
    assert "Which of your stories fits this question: prepcoach cannot tell " in page
    assert "no sentence model installed" in page
    assert "Your story that fits" not in page
    assert NONE_FITS not in page


def test_the_suggestion_is_escaped(
    alice_client: Client, alice: User, conflict_question: Question,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    hostile = story(alice, {**CONFLICT, "title": "<script>alert(1)</script>"})
    fit = StoryFit(hostile.pk, hostile.title, 0.9, "<img src=x onerror=alert(1)>", True)
    monkeypatch.setattr(
        "prepcoach.practice.views.attempts.best_story",
        lambda question, stories, model=None: StoryChoice(fit, (fit,), "stubbed"),
    )
    page = report_page(alice_client, alice, conflict_question)
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "“&lt;img src=x onerror=alert(1)&gt;”" in page


RETOLD_RE = re.compile(
    r"This answer retells your story <a href=\"(?P<url>[^\"]+)\">(?P<title>[^<]+)</a>: its "
    r"“(?P<theirs>[^”]+)” is here as “(?P<here>[^”]+)”"
)


@needs_model
def test_an_answer_that_retells_a_story_names_it_with_a_sentence_of_each(
    alice_client: Client, alice: User, conflict_question: Question
) -> None:
    conflict = story(alice, CONFLICT)
    story(alice, MIGRATION)
    found = RETOLD_RE.search(report_page(alice_client, alice, conflict_question))
    assert found is not None, "the answer retells the conflict story and the report says nothing"
    assert found["url"] == reverse("reflection:story", args=[conflict.pk])
    assert found["title"] == CONFLICT["title"]
    assert found["theirs"].replace("&#x27;", "'") in story_sentences("", CONFLICT)
    assert found["here"].replace("&#x27;", "'") in reader.sentences_of(ANSWER)


@needs_model
def test_the_retold_line_ends_once_after_a_quoted_sentence(
    alice_client: Client, alice: User, conflict_question: Question
) -> None:
    """A look at the report found "… is here as “We agreed on one definition within a
    week.”.": a quoted sentence's own full stop and the line's."""
    story(alice, CONFLICT)
    page = report_page(alice_client, alice, conflict_question)
    (line,) = re.findall(r'<p class="story-fit">This answer retells.*?</p>', page)
    found = RETOLD_RE.search(line)
    assert found is not None
    assert found["here"].endswith(".")  # every sentence of ANSWER ends with one
    assert line.endswith(f"“{found['here']}”</p>")
    assert "”.</p>" not in page  # nor on any other quoting line of the report


@needs_model
def test_a_story_the_answer_does_not_retell_is_not_named(
    alice_client: Client, alice: User, bob: User, conflict_question: Question
) -> None:
    story(alice, MIGRATION)
    story(bob, CONFLICT)  # retold by the answer, but bob's
    page = report_page(alice_client, alice, conflict_question)
    assert "This answer retells" not in page
    assert CONFLICT["title"] not in page


@needs_model
def test_a_retold_story_that_fits_no_question_is_not_contradicted(
    alice_client: Client, alice: User, conflict_question: Question,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    # A new user's trial: "None of your stories ties closely to this question." sat above
    # "This answer retells your story …", which read as a contradiction.
    conflict = story(alice, CONFLICT)
    far = StoryFit(conflict.pk, conflict.title, 0.1, "x", False)
    monkeypatch.setattr(
        "prepcoach.practice.views.attempts.best_story",
        lambda question, stories, model=None: StoryChoice(None, (far,), "none fits"),
    )
    page = report_page(alice_client, alice, conflict_question)
    assert RETOLD_RE.search(page) is not None
    assert NONE_FITS not in page
    assert "none of your stories ties closely to this question, that one included" in page
    assert page.index("This answer retells") < page.index("that one included")


@needs_model
def test_a_report_embeds_each_story_sentence_once(
    alice_client: Client, alice: User, conflict_question: Question,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    # The fit to the question and the retelling read the same stories: one memory serves both
    # (the review: each embedding them apart took about 1.1 s for 40 stories).
    story(alice, CONFLICT)
    story(alice, MIGRATION)
    real = reader.embedder()
    assert real is not None
    seen: list[str] = []

    class Counting:
        def embed(self, texts: list[str]) -> list[list[float]]:
            seen.extend(texts)
            return real.embed(texts)

        def embed_layers(self, texts: list[str]) -> list[list[float]]:  # as the real one has
            seen.extend(texts)
            return real.embed_layers(texts)  # type: ignore[attr-defined,no-any-return]

    analysis = analyse_answer(text=ANSWER, question=QUESTION).as_dict()
    attempt = Attempt.objects.create(user=alice, question=conflict_question, question_text=QUESTION,
                                     status="analysed", analysis=analysis)  # fmt: skip
    monkeypatch.setattr(reader, "embedder", Counting)  # from here: the report's view alone
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert RETOLD_RE.search(page) is not None  # both readings ran
    assert SUGGESTION_RE.search(page) is not None
    # Each story sentence once. The question is read twice: for the fit, by the memory, and for
    # what it asks (`relevance.reading_changed`), by the reader's model, whose middle layers the
    # memory does not keep (read through the memory they were zeros: a trial's false "old" note).
    twice = {text for text in seen if seen.count(text) > 1}
    assert twice <= {QUESTION}, twice
    assert seen.count(QUESTION) <= 2


@needs_model
def test_a_loose_tie_quoted_without_its_own_stop_ends_before_the_note(
    alice_client: Client, alice: User
) -> None:
    """A page look found a quoted tie with no end punctuation running into the note: "ties
    loosely: “We agreed on her definition with my adjustment” A loose tie: …"."""
    deadline = Question.objects.create(
        owner=alice, text="Tell me about a time you worked under a tight deadline.",
        category="behavioral", competency="resilience", field="data",
    )  # fmt: skip
    story(alice, {name: text.rstrip(".") for name, text in CONFLICT.items()})  # typed unstopped
    page = html.unescape(report_page(alice_client, alice, deadline))
    (line,) = re.findall(r'<p class="story-fit">[^<]*nearest this question.*?</p>', page)
    found = re.search(r"— ties loosely: “(?P<tie>[^”]+)”(?P<after>.*?) <span", line)
    assert found is not None
    assert not found["tie"].endswith((".", "!", "?", "…"))  # the case the look found
    assert found["after"] == "."  # the line's own full stop, then the note
    assert '” <span class="meta">A loose tie' not in line


@needs_model
def test_a_story_prepcoach_cannot_read_is_never_suggested(
    alice_client: Client, alice: User, conflict_question: Question
) -> None:
    """A web page pasted into a story (issue 9's bad input) is "not read" on its own page, and
    so is no story to bring: its words about a conflict made it the best fit."""
    pasted = {
        part: f'<div class="post"><h2>Conflict</h2><p>{text}</p></div>'
        for part, text in BOBS.items()
        if part != "title"
    }
    web_page = story(alice, {"title": "From a web page", **pasted})
    assert web_page.star_check.cannot_tell is not None
    assert best_story(QUESTION, bank(web_page)).best is not None  # it would fit, read
    page = report_page(alice_client, alice, conflict_question)
    assert "From a web page" not in page
