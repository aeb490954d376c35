"""Mock interviews: configure, answer question by question (with follow-ups), review."""

from __future__ import annotations

import random
from collections.abc import Hashable, Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from prepcoach.accounts.access import get_owned_or_404
from prepcoach.accounts.models import Profile
from prepcoach.coach.content import analyse_content
from prepcoach.coach.followups import asked_again, follow_up
from prepcoach.coach.mock_interview import (
    TERM_SOURCE,
    Given,
    MockAnswer,
    QuestionState,
    RoleQuestions,
    TermQuestion,
    mock_setup,
    question_state,
    questions_answered,
    role_questions,
    short_report,
    summarise_mock,
    term_of,
    terms_note,
    terms_plan_note,
    verdict_of,
)
from prepcoach.coach.questions import QuestionInfo, pick_questions
from prepcoach.coach.relevance import asked_for
from prepcoach.feedback.subjects import answer_asks
from prepcoach.jobs.models import Opportunity
from prepcoach.ops.rate import with_retry_after
from prepcoach.practice.follow_ups import first_answer
from prepcoach.practice.forms import MIXES, MockForm, TypedAnswerForm
from prepcoach.practice.models import Attempt, MockSession, Question
from prepcoach.practice.push import answered, wait_for_change, watch_of
from prepcoach.practice.report import TermsSince, terms_since
from prepcoach.practice.sessions import answers_in_order, question_text, session_rows
from prepcoach.practice.views.attempts import save_typed
from prepcoach.practice.views.common import (
    FOLLOWED_UP_ANSWER_FAILED,
    follows_a_failed_answer,
    settings_of,
    user_of,
    visible_questions,
)

RECENT = 50  # questions asked in the last mocks wait their turn


@login_required
def mock_new(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    initial: dict[str, object] = {"speak": settings_of(user).speak_questions}
    job = None
    if (job_id := request.GET.get("opportunity", "")).isdigit():
        job = Opportunity.objects.filter(user=user, pk=int(job_id)).first()
    profile = Profile.objects.filter(user=user).first()
    setup = mock_setup(
        job.company if job else "", job.role if job else "",
        profile.target_role if profile else "", profile.industry if profile else "",
    )  # fmt: skip
    initial |= {"opportunity": job, "company": setup.company, "role": setup.role,
                "field": setup.field, "seniority": setup.seniority}  # fmt: skip
    form = MockForm(request.POST or None, initial=initial, user=user)
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        session.user = user
        session.company, session.role = form.cleaned_data["company"], form.cleaned_data["role"]
        # A question written from a job's terms is asked when a job's terms call for it, never
        # picked from the bank for another job.
        bank = [
            QuestionInfo(q.pk, q.category, q.competency, q.field, q.seniority, q.difficulty)
            for q in visible_questions(request).exclude(owner=user, source=TERM_SOURCE)
        ]
        recent = [
            q
            for ids in MockSession.objects.filter(user=user).values_list("question_ids", flat=True)[
                :10
            ]
            for q in ids
        ][:RECENT]
        role = _role_questions(session, form.cleaned_data, bank, recent)
        picked = pick_questions(
            bank, role.bank_count, role.bank_mix, field=session.field,
            seniority=session.seniority, seed=random.SystemRandom().randrange(1 << 30),
            avoid=frozenset(recent), role=session.role,
        ) if role.bank_count else []  # fmt: skip
        written = [_written(user, session.field, q) for q in role.questions]
        if picked or written:
            ids: list[Any] = [q.id for q in picked]
            texts: dict[Any, str] = dict(
                Question.objects.filter(pk__in=ids).values_list("pk", "text")
            )
            # The easiest question of the bank opens (`pick_questions` warms up), then those
            # about the role written from the job's terms, then the rest.
            asked = [(i, texts[i]) for i in ids[:1]] + [(q.pk, q.text) for q in written]
            asked += [(i, texts[i]) for i in ids[1:]]
            session.question_ids = [i for i, _ in asked]
            session.question_texts = [t for _, t in asked]
            session.save()
            if role.questions:
                terms = ", ".join(f"“{q.term}”" for q in role.questions)
                n = len(role.questions)
                messages.info(
                    request,
                    f"{n} of the {len(asked)} questions {'is' if n == 1 else 'are'} written from "
                    f"the job's key terms: {terms}; each one's page says so.",
                )
            elif role.said:
                messages.info(request, f"{role.said}.")
            return redirect("practice:mock_question", session_id=session.pk, number=1)
        form.add_error(
            None, "No questions match these settings: choose another field or add questions."
        )
    return render(
        request, "practice/mock_new.html",
        {"form": form, "setup": setup, "terms_note": _terms_note(job)},
    )  # fmt: skip


def _job_terms(job: Opportunity | None) -> tuple[list[str], list[str]]:
    """The job's key terms as its owner corrected them, and those its advert asks for only
    as a plus; none without an advert (terms the owner added alone are no advert)."""
    if job is None or not job.job_description.strip():
        return [], []
    return job.key_terms, [o.term for o in job.optional_terms]


def _terms_note(job: Opportunity | None) -> str:
    """What the setup page says of the questions about the role of a mock for `job`."""
    if job is None:
        return ""
    terms, optional = _job_terms(job)
    return terms_note(job=True, advert=job.job_description, terms=terms) or terms_plan_note(
        terms, optional
    )


def _role_questions(
    session: MockSession, data: dict[str, Any], bank: Sequence[QuestionInfo],
    recent: Sequence[Any],
) -> RoleQuestions:  # fmt: skip
    """The mock's questions about the role written from its job's key terms
    (`coach.mock_interview.role_questions`), and what the bank is asked for beside them."""
    job = data.get("opportunity")
    terms, optional = _job_terms(job)
    field = session.field
    bank_has_role = field != "general" and any(
        q.category == "role-specific" and q.field == field for q in bank
    )
    avoid = Question.objects.filter(pk__in=recent).values_list("text", flat=True)
    return role_questions(
        data["count"], MIXES[data["mix"]], terms, job=job is not None,
        advert=job.job_description if job else "", optional=optional, avoid=list(avoid),
        bank_has_role=bank_has_role,
    )  # fmt: skip


def _written(user: Any, field: str, made: TermQuestion) -> Question:
    """The user's own question for a question written from a job's term: the one they have
    with its words, else a new one marked as written from a job's terms (`TERM_SOURCE`)."""
    mine = Question.objects.filter(owner=user, text__iexact=made.text).first()
    if mine is not None:
        return mine
    return Question.objects.create(
        owner=user, text=made.text, category=Question.Category.ROLE_SPECIFIC,
        competency="domain", field=field, seniority=Question.Seniority.ANY, difficulty=2,
        source=TERM_SOURCE,
    )  # fmt: skip


def _session(request: HttpRequest, session_id: int) -> MockSession:
    return get_owned_or_404(MockSession.objects.all(), user_of(request), pk=session_id)


@login_required
def mock_question(request: HttpRequest, session_id: int, number: int) -> HttpResponse:
    """The mock's question `number`; its typed answer is posted here, so one refused (no words)
    comes back on this page with what was typed, inside the mock (it went to the question
    bank's page, where the next answer was saved as free practice)."""
    session = _session(request, session_id)
    if not 1 <= number <= len(session.question_ids):
        raise Http404("No such question in this mock interview.")
    question = Question.objects.filter(pk=session.question_ids[number - 1]).first()
    if question is None:
        gone = {"session": session, "number": number, "total": len(session.question_ids),
                "text": _text_of(session, number)}  # fmt: skip
        return render(request, "practice/mock_question_gone.html", gone)
    if request.method != "POST":
        return _question_page(request, session, number, question, TypedAnswerForm())
    form = TypedAnswerForm(request.POST)
    if follows_a_failed_answer(request, session):
        # Typed on a page drawn before the answer it follows up failed: refused, what was typed
        # coming back in the question's own form, to save as the answer given again.
        form.is_valid()
        form.add_error(
            None,
            f"{FOLLOWED_UP_ANSWER_FAILED}. Answer the question again: your words are in its "
            "form below",
        )
        return _question_page(request, session, number, question, form, status=422)
    attempt, decision = save_typed(request, question, form, session)
    if attempt is not None:
        messages.success(request, "Answer saved.")  # said once, on the page it comes back to
        return redirect("practice:mock_question", session_id=session.pk, number=number)
    page = _question_page(request, session, number, question, form, status=422)
    return with_retry_after(page, decision) if decision is not None else page


def _question_page(
    request: HttpRequest, session: MockSession, number: int, question: Question,
    form: TypedAnswerForm, status: int = 200,
) -> HttpResponse:  # fmt: skip
    """The mock's page for its question `number`: the answers given to it, then the answer
    forms (`form` in the one shown, the answer's or its follow-up's) while the question is
    open, or the follow-up to ask. A failed answer leaves its question (or its follow-up)
    open (`question_state`): its card says "Answer again" and the forms are shown again."""
    answers = _answers_to(session, question.pk)
    state = _state_of(answers)
    main = next((a for a in answers if a.pk == state.answer), None)
    # A finished mock takes no more answers, as its summary says (no "Answer it", no "Answer it
    # again"): no forms, no follow-up, no "Answer again"; a refused answer's words still come
    # back in a form.
    going = session.status == MockSession.Status.ACTIVE
    follow = None
    if going and main is not None and not state.follow_up_answered:
        stored = main.analysis or {}
        if verdict_of(stored)[0] == "does not address":
            follow = asked_again(main.question_text, stored["relevance"].get("asks"))
        else:
            analysis = analyse_content(main.text) if main.text.strip() else None
            # What its question asks for, as its report reads it (`relevance.asked_for`): a
            # plan is asked about the plan, a point (neither a story nor a plan) about the point.
            follow = follow_up(analysis, turn=number, asks=asked_for(main.question_text, stored))
    return render(
        request,
        "practice/mock_question.html",
        {
            "session": session,
            "question": question,
            "number": number,
            "total": len(session.question_ids),
            "answered": _answered(session),
            "main": main,
            "answers": answers,
            "follow": follow,
            # The failed answer to answer again links to the forms below it, on this page.
            "reports": [
                (a, _short(a), _again_here(a, state, follow is not None) if going else "")
                for a in answers
            ],
            "answer_again": going and main is None and state.again is not None,
            "going": going,
            "forms": going or bool(form.errors),
            "form": form,
            "here": request.path,
            "about": session.about,
            # Written by prepcoach from the job's key terms (`role_questions`): said so.
            "from_term": term_of(question.text) if question.source == TERM_SOURCE else None,
        },
        status=status,
    )


@login_required
@require_POST
def mock_skip(request: HttpRequest, session_id: int, number: int) -> HttpResponse:
    """On to the next question, this one left unanswered (the summary lists it so); the last
    one skipped finishes the interview."""
    session = _session(request, session_id)
    if not 1 <= number <= len(session.question_ids):
        raise Http404("No such question in this mock interview.")
    if number < len(session.question_ids):
        return redirect("practice:mock_question", session_id=session.pk, number=number + 1)
    return mock_finish(request, session_id)


@login_required
@require_POST
def mock_finish(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    if session.status != MockSession.Status.FINISHED:
        session.status = MockSession.Status.FINISHED
        session.finished_at = timezone.now()
        session.save(update_fields=["status", "finished_at"])
    return redirect("practice:mock_summary", session_id=session.pk)


@login_required
def mock_summary(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    answers = list(
        Attempt.objects.filter(session=session, user=session.user).select_related("follow_up_to")
    )
    rows = session_rows(session, answers)
    number_of = {a.pk: row.number for row in rows for a in row.answers}
    summary = summarise_mock(
        [question_text(session, n) for n in range(1, len(session.question_ids) + 1)],
        [
            MockAnswer(a.pk, number_of[a.pk], a.question_text, a.is_follow_up,
                       a.get_status_display().lower(),
                       a.analysis if a.status == Attempt.Status.ANALYSED else None,
                       timezone.localtime(a.created_at).date(), answer_asks(a), first_answer(a),
                       follows=a.follow_up_to_id, typed_words=len(a.text.split()),
                       failed=a.status == Attempt.Status.FAILED,
                       # a recording's file and its kind are kept once its pieces are joined
                       arrived=bool(a.recording or a.media_type or a.text.strip()),
                       spoken=a.is_recorded)
            for a in answers_in_order(rows)
        ],
        timezone.localdate(),
    )  # fmt: skip
    by_id = {a.pk: a for a in answers}
    # A failed answer whose question (or follow-up) is open again links to where it is
    # answered again, while the mock is going on.
    again: dict[Hashable, str] = {}
    for row in rows:
        state = _state_of(row.answers) if row.number else None
        for a in row.answers:
            if state is not None and a.pk == state.again:
                again[a.pk] = _question_url(session, row.number, a.is_follow_up)
    shown = [(row, by_id.get(row.ref) if isinstance(row.ref, int) else None,
              again.get(row.ref, "")) for row in summary.rows]  # fmt: skip
    job = session.opportunity
    return render(request, "practice/mock_summary.html",
                  {"session": session, "summary": summary, "rows": shown,
                   "about": session.about, "terms_since": _terms_since(job, answers),
                   "job_terms": len(job.key_terms) if job is not None else 0})  # fmt: skip


def _terms_since(job: Opportunity | None, answers: Sequence[Attempt]) -> TermsSince | None:
    """How the job's key terms now differ from those the mock's answers were read with
    (`report.terms_since` of each read answer, gathered), for the key-terms card to say so as
    each answer's report does; None when none changed (or the mock has no job)."""
    if job is None:
        return None
    now = job.key_terms
    removed: dict[str, None] = {}
    added: dict[str, None] = {}
    for attempt in answers:
        if attempt.status != Attempt.Status.ANALYSED or not isinstance(attempt.analysis, dict):
            continue
        if (since := terms_since(attempt.analysis, now)) is not None:
            removed |= dict.fromkeys(since.removed)
            added |= dict.fromkeys(since.added)
    return TermsSince(tuple(removed), tuple(added)) if removed or added else None


def _question_url(session: MockSession, number: int, follow_up: bool) -> str:
    """The mock's page for its question `number`, at its answer's forms or its follow-up's."""
    page = reverse("practice:mock_question", args=[session.pk, number])
    return page + (FOLLOW_UP_AGAIN if follow_up else ANSWER_AGAIN)


def _answered(session: MockSession) -> int:
    """How many of the mock's questions are answered (`questions_answered`), its answers
    placed under their questions as its summary places them (`session_rows`); one that failed
    answers none."""
    rows = session_rows(session, list(Attempt.objects.filter(session=session, user=session.user)))
    return questions_answered(
        (row.number, a.is_follow_up, a.status == Attempt.Status.FAILED)
        for row in rows
        for a in row.answers
    )


def _answers_to(session: MockSession, question_id: int) -> list[Attempt]:
    """The answers given in `session` to its question `question_id`, oldest first (a
    follow-up's carry its question's id)."""
    return list(
        Attempt.objects.filter(session=session, question_id=question_id).order_by(
            "created_at", "pk"
        )
    )


def _state_of(answers: Sequence[Attempt]) -> QuestionState:
    """Where the question of `answers` (oldest first) stands (`question_state`)."""
    return question_state(
        [
            Given(a.pk, a.is_follow_up, a.follow_up_to_id, a.status == Attempt.Status.FAILED)
            for a in answers
        ]
    )


# Where on the question's page its forms are: the answer's, and the follow-up's.
ANSWER_AGAIN, FOLLOW_UP_AGAIN = "#answer-again", "#follow-up"


def _again_here(attempt: Attempt, state: QuestionState, follow_asked: bool) -> str:
    """Where the failed answer to answer again is answered again on the page that shows it:
    the forms below it; "" for any other answer."""
    if attempt.pk != state.again:
        return ""
    if not attempt.is_follow_up:
        return ANSWER_AGAIN
    return FOLLOW_UP_AGAIN if follow_asked else ""


def _again_page(attempt: Attempt) -> str:
    """Where the failed answer to answer again is answered again from its card drawn alone
    (watched while it was read, on a page drawn before it failed, with no forms): its
    question's page, opened afresh, which shows them; "" for any other answer."""
    session = attempt.session
    if attempt.status != Attempt.Status.FAILED or session is None:
        return ""
    if session.status != MockSession.Status.ACTIVE:  # it takes no more answers
        return ""
    if attempt.question_id is None or attempt.question_id not in session.question_ids:
        return ""
    if _state_of(_answers_to(session, attempt.question_id)).again != attempt.pk:
        return ""
    number = session.question_ids.index(attempt.question_id) + 1
    return reverse("practice:mock_question", args=[session.pk, number])


def _asked_of_while_read(attempt: Attempt) -> bool:
    """`attempt` failed, and its follow-up was asked on the page drawn while it was read (it
    stood then as its question's answer, its follow-up unanswered): that page's follow-up,
    with its forms, is withdrawn as its card is pushed (`mock_answer.html`, out of band), so
    no follow-up is answered of an answer nothing of which was read."""
    session = attempt.session
    if attempt.status != Attempt.Status.FAILED or attempt.is_follow_up or session is None:
        return False
    if session.status != MockSession.Status.ACTIVE or attempt.question_id is None:
        return False
    answers = _answers_to(session, attempt.question_id)
    while_read = question_state(
        [
            Given(a.pk, a.is_follow_up, a.follow_up_to_id,
                  a.status == Attempt.Status.FAILED and a.pk != attempt.pk)
            for a in answers
        ]
    )  # fmt: skip
    return while_read.answer == attempt.pk and not while_read.follow_up_answered


def _short(attempt: Attempt) -> object:
    """Its figures by what its question asks for (a follow-up's, its question's), a
    follow-up's answer judged on what the follow-up asked for (`coach.follow_up_answer`)."""
    if attempt.status != Attempt.Status.ANALYSED:
        return None
    follow_up = attempt.question_text if attempt.is_follow_up else None
    return short_report(
        attempt.analysis, answer_asks(attempt), follow_up, first_answer(attempt),
        spoken=attempt.is_recorded,
    )  # fmt: skip


@login_required
@require_safe
def mock_answer(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """One answer's short report inside the mock, watched while it is read: asked with what
    the page saw, it answers when the answer changes or after a bounded wait (`push.py`)."""
    mine = Attempt.objects.exclude(session=None)
    since, plan, ended = wait_for_change(
        request, get_owned_or_404(mine, user_of(request), pk=attempt_id)
    )
    attempt = get_owned_or_404(mine, user_of(request), pk=attempt_id)
    watch = watch_of(attempt, "practice:mock_answer", since, plan)
    page = render(request, "practice/partials/mock_answer.html",
                  {"attempt": attempt, "figures": _short(attempt), "watch": watch,
                   "again": _again_page(attempt),
                   "withdraw": attempt.pk if _asked_of_while_read(attempt) else None})  # fmt: skip
    return answered(page, ended)


def _text_of(session: MockSession, number: int) -> str:
    return question_text(session, number)
