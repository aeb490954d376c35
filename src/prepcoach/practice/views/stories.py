"""Keep an analysed answer as a STAR story: the story form (Grow's, upstream) filled from the
answer's own sentences in the parts the reader placed them (`coach.answer_story`). A trial's
strong stories typed as answers never reached the bank. Nothing is saved until the user saves
the form, which then remembers the answer (`Story.drafted_from`), so a second click opens it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from prepcoach.accounts.access import get_owned_or_404, owned_by, signed_in_user
from prepcoach.coach.answer_story import AnswerStory, answer_key, answer_story, tells_a_story
from prepcoach.practice.models import Attempt
from prepcoach.reflection.models import Story
from prepcoach.reflection.views import story_form_page


@login_required
def keep_as_story(request: HttpRequest, attempt_id: int) -> HttpResponse:
    user = signed_in_user(request)
    if request.method == "POST":
        # The answer may have gone since the form was opened: the story typed is saved anyway.
        attempt = owned_by(Attempt.objects.all(), user).filter(pk=attempt_id).first()
        found = _answer_story(attempt) if attempt is not None else None
        if attempt is None or found is None:
            return story_form_page(request, Story(user=user))
        key = answer_key(attempt.question_text, found[1])
        # The form sent twice (a double click, a second tab) saves one story, not two.
        kept = owned_by(Story.objects.filter(drafted_from=key), user).order_by("pk").first()
        story = kept or Story(user=user, drafted_from=key)
        return story_form_page(request, story, None, {"attempt": attempt, "story": found[0]})
    attempt = get_owned_or_404(Attempt.objects.all(), user, pk=attempt_id)
    if (found := _answer_story(attempt)) is None:
        messages.info(
            request,
            "That answer is not a story prepcoach can fill the form from (it is not analysed, "
            "or its question asks for no story): write the story here.",
        )
        return redirect("reflection:story_new")
    drafted, transcript = found
    # A second click opens the story already kept from this answer, not a copy.
    key = answer_key(attempt.question_text, transcript)
    kept = owned_by(Story.objects.filter(drafted_from=key), user).order_by("pk").first()
    if kept is not None:
        messages.info(request, "You already kept this answer as a story: here it is.")
        return redirect("reflection:story_edit", story_id=kept.pk)
    initial: dict[str, object] = {
        "title": drafted.title, **drafted.parts, "metrics": drafted.metrics,
        "competencies": list(drafted.competencies),
    }  # fmt: skip
    story = Story(user=user, drafted_from=key)
    return story_form_page(request, story, initial, {"attempt": attempt, "story": drafted})


def _answer_story(attempt: Attempt) -> tuple[AnswerStory, str] | None:
    """The story an answer tells, drafted for the form, with the answer's words; None when it
    tells none to keep (`answer_story.tells_a_story`) or is not analysed."""
    data = attempt.analysis or {}
    if attempt.status != Attempt.Status.ANALYSED:
        return None
    if not tells_a_story(attempt.question_text, data, follow_up=attempt.is_follow_up):
        return None
    transcript = str(data["transcript"])
    competency = attempt.question.competency if attempt.question is not None else ""
    limit = Story._meta.get_field("metrics").max_length or 200
    drafted = answer_story(attempt.question_text, transcript, data["star"], competency, limit)
    return drafted, transcript
