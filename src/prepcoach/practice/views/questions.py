"""The question bank: search, filter, add and edit your own, import and export CSV."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from prepcoach.accounts.access import practice_jobs
from prepcoach.accounts.models import User
from prepcoach.coach.key_term_candidates import FUNCTION_WORDS
from prepcoach.coach.term_forms import root, tokens
from prepcoach.practice import bank
from prepcoach.practice.forms import (
    ImportForm,
    PractisingForForm,
    QuestionFilter,
    QuestionForm,
    TypedAnswerForm,
)
from prepcoach.practice.models import Attempt, DrillCard, Question
from prepcoach.practice.views.common import (
    own_question_or_404,
    question_or_404,
    user_of,
    visible_questions,
    with_jobs,
)

PAGE_SIZE = 25


def search(query: str) -> Q:
    """Questions holding the query as typed, or every word of it by its root: "leave" finds
    "Why are you leaving your current role?" (a trial's search for it found nothing). Each
    content word is looked for by its root (`term_forms.root`: "leaving" and "leave" share
    "leav"), in the question or its competency; a root that is no part of a word's other forms
    misses them ("priority" does not find "priorities", "difficulty" not "difficult")."""
    exact = Q(text__icontains=query) | Q(competency__icontains=query)
    words = [w for w in tokens(query) if w.lower() not in FUNCTION_WORDS]
    if not words:
        return exact
    every = Q()
    for word in words:
        stem = root(word)
        every &= Q(text__icontains=stem) | Q(competency__icontains=stem)
    return exact | every


def _filtered(request: HttpRequest) -> tuple[QuestionFilter, QuerySet[Question]]:
    form = QuestionFilter(request.GET or None)
    questions = visible_questions(request)
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            questions = questions.filter(search(data["q"]))
        for name in ("category", "field", "seniority", "difficulty"):
            if data[name]:
                questions = questions.filter(**{name: data[name]})
        if data["mine"]:
            questions = questions.filter(owner=user_of(request))
    return form, questions


@login_required
def question_list(request: HttpRequest) -> HttpResponse:
    form, questions = _filtered(request)
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "total": questions.count()}
    if request.headers.get("HX-Request"):
        return render(request, "practice/partials/question_rows.html", context)
    return render(request, "practice/questions.html", context)


@login_required
def question_detail(request: HttpRequest, question_id: int) -> HttpResponse:
    question = question_or_404(request, question_id)
    return render(request, "practice/question.html", question_page(user_of(request), question))


def last_practised_for(user: User) -> int | None:
    """The job the user chose for their latest free-practice answer (None when they chose
    none then): "Practising for" starts on it, since a job seeker practises a run of questions
    for one job, and a choice to make again on every question is one forgotten (the answer
    then reads against no job, the fault this select is for). Choosing "No particular job"
    once makes that the start again."""
    latest = (
        Attempt.objects.filter(user=user, mode=Attempt.Mode.PRACTICE, session=None)
        .order_by("-created_at", "-pk")
        .values_list("job_id", flat=True)
        .first()
    )
    return latest


def _practised_freely(user: User) -> bool:
    """Whether the user has saved any free-practice answer (for a job or for none)."""
    return Attempt.objects.filter(user=user, mode=Attempt.Mode.PRACTICE, session=None).exists()


def question_page(
    user: User,
    question: Question,
    form: TypedAnswerForm | None = None,
    practising_for: PractisingForForm | None = None,
) -> dict[str, object]:
    """A question's page: the answer forms and the user's answers so far (also shown when a
    typed answer comes back with an error, so the list never reads as empty), and "Practising
    for" with the user's own jobs (`PractisingForForm`), or a link to add one when they have
    none. `kept_job`: the job the select starts on, carried over from the user's last
    free-practice answer (`last_practised_for`), None when it starts on none or the page comes
    back with the user's own choice (`practising_for`)."""
    kept_job = None
    only_job = False
    if practising_for is None:
        last = last_practised_for(user)
        if last is None and not _practised_freely(user):
            # Before any free-practice answer, a user with one job starts on it: a browser
            # check answered for "No particular job" without noticing, so no key terms were read.
            jobs = list(practice_jobs(user)[:2])
            if len(jobs) == 1:
                last, only_job = jobs[0].pk, True
        practising_for = PractisingForForm(user=user, initial={"job": last})
        # The job carried over from the last answer, said beside the record and save buttons
        # ("Still practising for …, as for your last answer"): a tester answered a run of
        # questions for a job chosen days before without seeing the select start on it.
        if last is not None:
            kept_job = practice_jobs(user).filter(pk=last).first()
    return {
        "question": question,
        "form": form or TypedAnswerForm(),
        "practising_for": practising_for,
        "kept_job": kept_job,
        "only_job": only_job,
        "has_jobs": practice_jobs(user).exists(),
        "attempts": with_jobs(
            Attempt.objects.filter(user=user, question=question).select_related(
                "job", "session__opportunity"
            )[:20]
        ),
        "drilled": DrillCard.objects.filter(
            user=user, content_type=ContentType.objects.get_for_model(Question),
            object_id=question.pk,
        ).exists(),  # a card on a story of the same id is not this question's
    }  # fmt: skip


@login_required
def question_new(request: HttpRequest) -> HttpResponse:
    return _question_form(request, Question(owner=user_of(request)))


@login_required
def question_edit(request: HttpRequest, question_id: int) -> HttpResponse:
    return _question_form(request, own_question_or_404(request, question_id))


def _question_form(request: HttpRequest, question: Question) -> HttpResponse:
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
        except IntegrityError:
            form.add_error("text", "You already have this question.")
        else:
            messages.success(request, "Question saved.")
            return redirect(question)
    return render(request, "practice/question_form.html", {"form": form, "question": question})


@login_required
@require_POST
def question_delete(request: HttpRequest, question_id: int) -> HttpResponse:
    question = own_question_or_404(request, question_id)
    question.delete()  # its answers keep the question's words
    messages.info(request, "Question deleted. Your answers to it are kept.")
    return redirect("practice:questions")


@login_required
@require_safe
def questions_export(request: HttpRequest) -> HttpResponse:
    _, questions = _filtered(request)
    response = HttpResponse(bank.export_rows(questions), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="prepcoach-questions.csv"'
    return response


@login_required
def questions_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # Read one byte past the limit at most: the size check must not load a huge file.
        result = bank.parse_import(upload.read(bank.MAX_IMPORT_BYTES + 1))
        errors = result.errors
        if not errors:
            added, existing = _import_rows(request, result.rows)
            messages.success(
                request, f"Imported {added} question{'s' * (added != 1)}"
                + (f"; {existing} you already had were left as they were." if existing else "."),
            )  # fmt: skip
            return redirect(reverse_mine())
    return render(request, "practice/import.html", {"form": form, "errors": errors})


def reverse_mine() -> str:
    from django.urls import reverse

    return reverse("practice:questions") + "?mine=on"


def _import_rows(request: HttpRequest, rows: list[dict[str, str]]) -> tuple[int, int]:
    user = user_of(request)
    own = {t.lower() for t in Question.objects.filter(owner=user).values_list("text", flat=True)}
    added = existing = 0
    with transaction.atomic():  # all or nothing
        for row in rows:
            if row["text"].lower() in own:
                existing += 1
                continue
            Question.objects.create(
                owner=user, text=row["text"], category=row["category"],
                competency=row.get("competency", "")[:40], field=row.get("field") or "general",
                seniority=row.get("seniority") or "any", difficulty=int(row.get("difficulty") or 2),
                source=row.get("source", "")[:200],
            )  # fmt: skip
            own.add(row["text"].lower())
            added += 1
    return added, existing
