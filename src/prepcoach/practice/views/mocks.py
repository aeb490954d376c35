"""Mock interviews: configure, answer question by question (with follow-ups), review."""

from __future__ import annotations

import random
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404
from prepcoach.coach.content import analyse_content
from prepcoach.coach.followups import follow_up
from prepcoach.coach.questions import QuestionInfo, pick_questions
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.forms import MIXES, MockForm, TypedAnswerForm
from prepcoach.practice.models import Attempt, MockSession, Question
from prepcoach.practice.sessions import question_text, session_rows
from prepcoach.practice.views.common import settings_of, user_of, visible_questions

RECENT = 50  # questions asked in the last mocks wait their turn


@login_required
def mock_new(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    initial: dict[str, object] = {"speak": settings_of(user).speak_questions}
    if (job_id := request.GET.get("opportunity", "")).isdigit():
        job = Opportunity.objects.filter(user=user, pk=int(job_id)).first()
        if job:
            initial |= {"opportunity": job, "company": job.company, "role": job.role}
    form = MockForm(request.POST or None, initial=initial, user=user)
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        session.user = user
        session.company, session.role = form.cleaned_data["company"], form.cleaned_data["role"]
        bank = [
            QuestionInfo(q.pk, q.category, q.competency, q.field, q.seniority, q.difficulty)
            for q in visible_questions(request)
        ]
        recent = [
            q
            for ids in MockSession.objects.filter(user=user).values_list("question_ids", flat=True)[
                :10
            ]
            for q in ids
        ][:RECENT]
        picked = pick_questions(
            bank, form.cleaned_data["count"], MIXES[form.cleaned_data["mix"]], field=session.field,
            seniority=session.seniority, seed=random.SystemRandom().randrange(1 << 30),
            avoid=frozenset(recent),
        )  # fmt: skip
        if picked:
            ids: list[Any] = [q.id for q in picked]
            texts: dict[Any, str] = dict(
                Question.objects.filter(pk__in=ids).values_list("pk", "text")
            )
            session.question_ids = [q.id for q in picked]
            session.question_texts = [texts[q.id] for q in picked]
            session.save()
            return redirect("practice:mock_question", session_id=session.pk, number=1)
        form.add_error(
            None, "No questions match these settings: choose another field or add questions."
        )
    return render(request, "practice/mock_new.html", {"form": form})


def _session(request: HttpRequest, session_id: int) -> MockSession:
    return get_owned_or_404(MockSession.objects.all(), user_of(request), pk=session_id)


@login_required
def mock_question(request: HttpRequest, session_id: int, number: int) -> HttpResponse:
    session = _session(request, session_id)
    if not 1 <= number <= len(session.question_ids):
        raise Http404("No such question in this mock interview.")
    question = Question.objects.filter(pk=session.question_ids[number - 1]).first()
    if question is None:
        gone = {"session": session, "number": number, "total": len(session.question_ids),
                "text": _text_of(session, number)}  # fmt: skip
        return render(request, "practice/mock_question_gone.html", gone)
    answers = list(
        Attempt.objects.filter(session=session, question=question).order_by("created_at")
    )
    main = next((a for a in answers if a.follow_up_to_id is None), None)
    follow = None
    if main is not None and not any(a.follow_up_to_id == main.pk for a in answers):
        analysis = analyse_content(main.text) if main.text.strip() else None
        follow = follow_up(analysis, turn=number)
    return render(
        request,
        "practice/mock_question.html",
        {
            "session": session,
            "question": question,
            "number": number,
            "total": len(session.question_ids),
            "main": main,
            "answers": answers,
            "follow": follow,
            "form": TypedAnswerForm(),
            "here": request.path,
        },
    )


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
    answers = list(Attempt.objects.filter(session=session, user=session.user))
    rows = [(r.number, r.question, list(r.answers)) for r in session_rows(session, answers)]
    return render(request, "practice/mock_summary.html", {"session": session, "rows": rows})


def _text_of(session: MockSession, number: int) -> str:
    return question_text(session, number)
