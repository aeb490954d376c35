"""Answers: typed or recorded, their playback, rating and analysis progress."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from prepcoach.accounts.access import answer_job, owned_by
from prepcoach.accounts.timing import local_now
from prepcoach.coach import reader
from prepcoach.coach.answer import (
    ANALYSIS_VERSION,
    OFF_QUESTION_MOST,
    misses_its_question,
    thresholds,
    unmeasured_for,
)
from prepcoach.coach.answer_story import tells_a_story
from prepcoach.coach.follow_up_answer import measured_of
from prepcoach.coach.keywords import PhraseMemory
from prepcoach.coach.patterns import Embedder
from prepcoach.coach.rate_limits import RateDecision
from prepcoach.coach.relevance import ReadingChange, reading_changed
from prepcoach.coach.retelling import Retelling, retold_story
from prepcoach.coach.stories import read_bank
from prepcoach.coach.story_fit import QuestionAbout, StoryChoice, best_story
from prepcoach.feedback.models import Review
from prepcoach.ops.rate import spend, with_retry_after
from prepcoach.ops.store import StoreUnavailableError
from prepcoach.practice.body_language import body_view
from prepcoach.practice.follow_ups import follow_up_of
from prepcoach.practice.forms import PractisingForForm, RatingForm, TypedAnswerForm
from prepcoach.practice.measured import update_measured_goals
from prepcoach.practice.media import recording_response
from prepcoach.practice.models import Attempt, MockSession, Question
from prepcoach.practice.push import answered, wait_for_change, watch_of
from prepcoach.practice.recordings import (
    RecordingError,
    finalise,
    mark_interrupted,
    store_chunk,
)
from prepcoach.practice.report import (
    filler_words,
    length_card,
    pace_chart,
    readable_keywords,
    terms_since,
    transcript_pieces,
)
from prepcoach.practice.tasks import analyse_again, state_of
from prepcoach.practice.views.common import (
    FOLLOWED_UP_ANSWER_FAILED,
    attempt_or_404,
    follows_a_failed_answer,
    question_or_404,
    queue_or_say,
    recording_started,
    user_of,
)
from prepcoach.practice.views.questions import question_page
from prepcoach.reflection.models import Story

# The stories weighed against a question: the user's 40 most recently updated. Each is embedded
# afresh on every report (about 20 ms a story on one core), so the page stays under a second;
# caching story vectors would lift the cap.
MAX_STORIES = 40


def _context(request: HttpRequest) -> dict[str, object]:
    """Where an answer belongs: its mode, and its mock interview when it is part of one."""
    mode = request.POST.get("mode", Attempt.Mode.PRACTICE)
    if mode not in Attempt.Mode.values:
        mode = Attempt.Mode.PRACTICE
    session = None
    if (session_id := request.POST.get("session", "")).isdigit():
        session = MockSession.objects.filter(user=user_of(request), pk=int(session_id)).first()
    follow_up_to = None
    if (parent := request.POST.get("follow_up_to", "")).isdigit():
        follow_up_to = Attempt.objects.filter(user=user_of(request), pk=int(parent)).first()
    # The job a free-practice answer is practised for: one of the user's own only (another's
    # id is ignored, the answer saved for no job); a mock's answer is read against its mock's.
    job = None if session else PractisingForForm(request.POST, user=user_of(request)).job_of()
    return {"mode": mode, "session": session, "follow_up_to": follow_up_to, "job": job}


def save_typed(
    request: HttpRequest, question: Question, form: TypedAnswerForm, mock: MockSession | None = None
) -> tuple[Attempt | None, RateDecision | None]:
    """The typed answer of `form` to `question` saved where it belongs (`_context`; in `mock`
    when given, the mock whose page it was typed on) and its reading queued. None when the form
    refuses it or the user's rate is spent: why is then in the form, to be shown back with what
    was typed on the page it came from. The rate's decision, when it was asked."""
    decision = spend(user_of(request), "typed_answer") if form.is_valid() else None
    if decision is not None and not decision.allowed:
        form.add_error(None, decision.message)  # the answer stays in the form
    if not form.is_valid():
        return None, decision
    attempt = form.save(commit=False)
    attempt.user = user_of(request)
    attempt.question = question
    attempt.question_text = request.POST.get("question_text", "")[:300] or question.text
    where = _context(request)
    if mock is not None:
        where |= {"mode": Attempt.Mode.MOCK, "session": mock, "job": None}
    for key, value in where.items():
        setattr(attempt, key, value)
    attempt.save()  # the answer is safe before anything else happens
    queue_or_say(request, attempt)
    return attempt, decision


@login_required
@require_POST
def typed_create(request: HttpRequest, question_id: int) -> HttpResponse:
    question = question_or_404(request, question_id)
    form = TypedAnswerForm(request.POST)
    attempt, decision = save_typed(request, question, form)
    if attempt is None:
        chosen = PractisingForForm(request.POST, user=user_of(request))
        page = render(
            request, "practice/question.html",
            question_page(user_of(request), question, form, chosen), status=422,
        )  # fmt: skip
        return with_retry_after(page, decision) if decision is not None else page
    if attempt.session_id is not None:  # said once, on the page it comes back to
        messages.success(request, "Answer saved.")
    nxt = request.POST.get("next", "")
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        return redirect(nxt)
    return redirect(attempt)


@login_required
@require_POST
def recording_start(request: HttpRequest, question_id: int) -> JsonResponse:
    question = question_or_404(request, question_id)
    where = _context(request)
    mock = where["session"]
    if isinstance(mock, MockSession) and follows_a_failed_answer(request, mock):
        # Started on a mock's page drawn before the answer it follows up failed (its pushed
        # card withdraws the follow-up; this page missed it): refused before anything is
        # recorded, as a typed answer to it is (`views.mocks.mock_question`).
        why = FOLLOWED_UP_ANSWER_FAILED[:1].upper() + FOLLOWED_UP_ANSWER_FAILED[1:]
        message = f"{why}. Reload the page to answer the question again."
        return JsonResponse({"message": message}, status=422)
    attempt = Attempt.objects.create(
        user=user_of(request), question=question,
        question_text=request.POST.get("question_text", "")[:300] or question.text,
        status=Attempt.Status.RECORDING, with_video=request.POST.get("video") == "1",
        **where,
    )  # fmt: skip
    return recording_started(attempt)


@login_required
@require_POST
def chunk(request: HttpRequest, attempt_id: int, index: int) -> JsonResponse:
    attempt = attempt_or_404(request, attempt_id)
    try:
        stored = store_chunk(
            attempt, index, request.body,
            quiet=request.GET.get("quiet") == "1", last=request.GET.get("last") == "1",
        )  # fmt: skip
    except RecordingError as error:
        return JsonResponse({"error": str(error)}, status=error.status)
    return JsonResponse({"index": index, "stored": stored}, status=201 if stored else 200)


@login_required
@require_POST
def recording_finalise(request: HttpRequest, attempt_id: int) -> JsonResponse:
    attempt = attempt_or_404(request, attempt_id)
    if request.POST.get("interrupted") == "1":
        mark_interrupted(attempt)
        return JsonResponse({"status": "recording", "message": "Kept: it is saved shortly."})
    try:
        done = finalise(attempt, interrupted=False)
    except StoreUnavailableError as error:  # the chunks are kept; the worker saves it later
        return JsonResponse({"status": "recording", "message": str(error)}, status=503)
    saved = done.attempt.status == Attempt.Status.SAVED
    if not saved:  # nothing arrived to keep
        payload = {
            "status": done.attempt.status,
            "url": done.attempt.get_absolute_url(),
            "message": done.attempt.failure,
        }
        return JsonResponse(payload, status=422)
    # The recording is safe on disk; how its analysis goes is the attempt page's business.
    attempt, message = queue_or_say(request, done.attempt)
    if attempt.session_id is not None:  # said once, on the mock's page the browser goes to
        messages.success(request, "Answer saved. The recording is kept.")
    return JsonResponse(
        {"status": attempt.status, "url": attempt.get_absolute_url(), "message": message}
    )


# A story as the report weighs it: key, title, parts, and the competencies the user ticked.
Bank = list[tuple[int, str, dict[str, str], tuple[str, ...]]]


def _bank(attempt: Attempt) -> Bank:
    """The attempt owner's stories (key, title, parts, ticked competencies) that prepcoach can
    read (`coach.stories.read_bank`), most recently updated first, of the MAX_STORIES latest."""
    stories = owned_by(Story.objects.all(), attempt.user).order_by("-updated_at", "-pk")
    stories = stories.only(
        "pk", "title", "situation", "task", "action", "result", "metrics", "tags", "competencies"
    )
    reading = read_bank(story.saved for story in stories[:MAX_STORIES])
    return [(s.id, s.title, dict(s.parts), s.competencies) for s in reading.readable]


def _story_choice(
    attempt: Attempt, bank: Bank, model: Embedder | None, data: dict[str, object]
) -> StoryChoice | None:
    """Which of the user's own stories fits the attempt's question best (`coach.relevance`
    decides, by meaning and by the competencies the user ticked on each story against the one
    the question asks about), or None when there is no question, the user has no stories, or
    the question asks for no story (`relevance.asked_for`: a trial's "What motivates you?" was
    told "None of your stories ties closely to this question")."""
    question = attempt.question_text.strip()
    found = data.get("relevance")
    # As the report read it (the page judges by its analysis; an old one says so at its top).
    neither = isinstance(found, dict) and found.get("question_asks") == "neither"
    if attempt.question is None or not question or neither or not bank:
        return None
    # A follow-up is filed under its main question, whose competency is not its own: "What was
    # the outcome?" would be offered the story tagged with the main question's (a review).
    competency = "" if attempt.is_follow_up else attempt.question.competency
    return best_story(QuestionAbout(question, competency), bank, model)


def _retelling(data: dict[str, object], bank: Bank, model: Embedder | None) -> Retelling | None:
    """Which of the user's stories the answer retells (`coach.retelling` decides), or None
    when there are no stories or the answer could not be read."""
    transcript = data.get("transcript")
    if not bank or not isinstance(transcript, str) or data.get("cannot_tell"):
        return None
    return retold_story(transcript, [(key, title, parts) for key, title, parts, _ in bank], model)


def _report(attempt: Attempt) -> dict[str, object]:
    """What the report shows: the stored analysis and its drawings (it judges nothing)."""
    data = readable_keywords(attempt.analysis or {})
    # The job the header and the key-terms card name: the mock's, else the one it was
    # practised for; named before the answer is read too.
    job = answer_job(attempt)
    if not data.get("transcript"):
        return {
            "attempt": attempt, "analysis_state": state_of(attempt), "body": body_view(attempt),
            "job": job,
        }  # fmt: skip
    earlier = Attempt.objects.filter(
        user=attempt.user, question=attempt.question, status=Attempt.Status.ANALYSED,
        created_at__lt=attempt.created_at,
    ).exclude(question=None)  # fmt: skip
    # A follow-up's answer is judged on what the follow-up asked for: its tips, its STAR card
    # and no measured figure for one asking for a part (`coach.follow_up_answer`); the rating
    # card says why there is none (`FollowUpAnswer.unmeasured`).
    follow = follow_up_of(attempt)
    asks_part = follow is not None and follow.asks_part
    return {
        "attempt": attempt,
        "analysis_state": state_of(attempt),
        "body": body_view(attempt),
        "job": job,
        # Its key terms as they are now, where they differ from those the answer was read
        # with (the owner removed or added one since): the card says so, with "Analyse again".
        "terms_since": terms_since(data, job.key_terms) if job is not None else None,
        "report": data
        if follow is None
        else {**data, "tips": follow.tips(data.get("tips") or [], str(data["transcript"]))},
        "follow_up": follow,
        # The STAR card's parts: a follow-up's are read over both answers (`together`); an
        # analysis stored without them has none (the card then says what it can).
        "star": (follow.story if follow is not None and follow.story else data.get("star")) or {},
        "sentences": transcript_pieces(data),
        "pace_chart": pace_chart(data),
        "length": length_card(data),
        "filler_words": filler_words(data),
        "thresholds": thresholds(data),
        "measured": measured_of(data, None, follow),
        # Why the figure is low beside a well-told story (`answer.OFF_QUESTION_MOST`).
        "measured_cap": OFF_QUESTION_MOST if misses_its_question(data) else None,
        # Why there is no figure where a STAR part is "can't tell" (`answer.unmeasured_for`).
        "measured_unsure": () if asks_part else unmeasured_for(data),
        "previous": earlier.first(),
        "outdated": data.get("version") != ANALYSIS_VERSION,
        # "Keep as a STAR story" (`reflection:story_new`, `coach.answer_story`).
        "keeps_as_story": attempt.status == Attempt.Status.ANALYSED
        and tells_a_story(attempt.question_text, data, follow_up=attempt.is_follow_up),
        **_stories_beside(attempt, data),
    }


def _stories_beside(attempt: Attempt, data: dict[str, object]) -> dict[str, object]:
    """The user's story that fits the question best and the one the answer retells; only when
    the report is drawn (not on every poll while the analysis runs)."""
    if attempt.status not in (Attempt.Status.SAVED, Attempt.Status.ANALYSED):
        return {"story_choice": None, "retelling": None, "reading_changed": None}
    bank = _bank(attempt)
    # One memory for every reading: they embed the same stories' sentences (the review: each
    # embedding them apart took about 1.1 s for 40 stories) and the question. Kept for this
    # request only.
    model = reader.embedder()
    memo = PhraseMemory(model) if model is not None else None
    return {
        "story_choice": _story_choice(attempt, bank, memo, data),
        "retelling": _retelling(data, bank, memo),
        # The reader's own model, not the memory: the question models read MiniLM's middle
        # layers, which only it gives (a trial's fresh reports all said they were read the old
        # way: through the memory, the layers read as zeros).
        "reading_changed": _reading_changed(attempt, data, model),
    }


def _reading_changed(
    attempt: Attempt, data: dict[str, object], model: Embedder | None
) -> ReadingChange | None:
    """What the question was judged as asking for and what prepcoach reads it as asking for
    now, where they differ (`relevance.reading_changed`): said at the report's top. None when
    they agree, or for a follow-up (its kind is its parent's)."""
    if attempt.is_follow_up:
        return None
    return reading_changed(attempt.question_text, data, model)


def _reviews_arrived(request: HttpRequest, attempt: Attempt) -> list[Review]:
    """The reviews people sent on this answer, oldest first: those given through the links
    its viewer made for it (`accounts.access.owned_by`, as its feedback page reads them), so
    the answer's report says that feedback arrived, from whom and their overall score (a trial's
    report said only "1 link made for this answer" after a 4 of 5 arrived)."""
    mine = owned_by(Review.objects.all(), user_of(request), "request__owner")
    return list(mine.filter(request__attempt=attempt).select_related("request"))


@login_required
def attempt_detail(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = attempt_or_404(request, attempt_id)
    context = {
        **_report(attempt),
        "rating_form": RatingForm(instance=attempt),
        "reviews": _reviews_arrived(request, attempt),
    }
    return render(request, "practice/attempt.html", context)


@login_required
@require_safe
def attempt_status(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The progress panel alone. Asked with what the page saw (`seen`), it answers when the
    answer changes, or after a bounded wait (`practice/push.py`); the page then asks again."""
    since, plan, ended = wait_for_change(request, attempt_or_404(request, attempt_id))
    attempt = attempt_or_404(request, attempt_id)  # afresh, and still its owner's
    context = {
        **_report(attempt),
        "watch": watch_of(attempt, "practice:attempt_status", since, plan),
    }
    return answered(render(request, "practice/partials/attempt_status.html", context), ended)


@login_required
@require_POST
def attempt_rate(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = attempt_or_404(request, attempt_id)
    form = RatingForm(request.POST, instance=attempt)
    if form.is_valid():
        form.save()
        # A rating given after the analysis can move a calibration goal (`measured.py`).
        update_measured_goals(attempt.user, local_now(attempt.user).date())
        # The figure the report's card shows (`_report`): its analysis's own reading.
        data = attempt.analysis or {}
        measured = data and measured_of(data, None, follow_up_of(attempt))
        messages.success(
            request,
            "Thanks: your own rating sits beside the measured figures."
            if measured
            else "Thanks: your own rating is saved.",
        )
    return redirect(attempt)


@login_required
def attempt_delete(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """Delete an answer and its recording: only ever at the user's own request (retake, delete).
    GET asks first (what goes with it); POST deletes (the recorder's retake asks in the page)."""
    attempt = attempt_or_404(request, attempt_id)
    if request.method != "POST":
        # Its feedback links and the reviews people gave through them go with it.
        links = attempt.feedback_requests.aggregate(
            n=Count("pk", distinct=True), reviews=Count("reviews", distinct=True)
        )
        context = {"attempt": attempt, "links": links["n"], "reviews": links["reviews"]}
        return render(request, "practice/attempt_delete.html", context)
    question_id = attempt.question_id
    attempt.delete()  # its recording and chunks leave the store once this commits (signals.py)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse({"deleted": attempt_id})
    messages.info(request, "Answer deleted.")
    return (
        redirect("practice:question", question_id=question_id)
        if question_id
        else redirect("practice:index")
    )


@login_required
@require_safe
def attempt_media(request: HttpRequest, attempt_id: int) -> HttpResponse | FileResponse:
    """The recording, to its owner only, with byte ranges so players can seek."""
    return recording_response(request, attempt_or_404(request, attempt_id))


@login_required
@require_POST
def attempt_reanalyse(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """Read the answer again: after a failure, or when the analysis engine has improved."""
    attempt = attempt_or_404(request, attempt_id)
    outcome = analyse_again(attempt)
    level = messages.INFO if outcome.http_status in (202, 409) else messages.ERROR
    messages.add_message(request, level, outcome.message)
    return redirect(attempt)
