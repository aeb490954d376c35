"""Role reversal: the user interviews, scores a sample answer, and compares with prepcoach."""

from __future__ import annotations

import random

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from prepcoach.coach.content import analyse_content
from prepcoach.coach.feedback import UNSCORED, reading_on, reversal_rubric, scored_lines
from prepcoach.coach.relevance import asked_for
from prepcoach.coach.rubric import compare, read_answer
from prepcoach.practice.bank import FIELDS
from prepcoach.practice.forms import RubricForm
from prepcoach.practice.views.common import question_or_404, visible_questions


@login_required
def reverse_list(request: HttpRequest) -> HttpResponse:
    field = request.GET.get("field", "")
    questions = visible_questions(request).exclude(sample_good="").exclude(sample_weak="")
    if field in dict(FIELDS):
        questions = questions.filter(field__in=[field, "general"])
    return render(
        request,
        "practice/reverse_list.html",
        {"questions": questions, "fields": FIELDS, "field": field},
    )


@login_required
def reverse_question(request: HttpRequest, question_id: int) -> HttpResponse:
    question = question_or_404(request, question_id)
    surprise = random.choice(["good", "weak"])  # noqa: S311 (which sample to show, not a secret)
    which = request.GET.get("answer") or request.POST.get("answer") or surprise
    if which not in {"good", "weak"}:
        raise Http404("No such sample answer.")
    sample = question.sample_good if which == "good" else question.sample_weak
    if not sample:
        raise Http404("This question has no sample answers.")
    # Scored on the rubric a reviewer scores its answer on (`relevance.asked_for`): a plan's
    # for a question asking what the answerer would do, a point's for one asking for neither.
    rubric = reversal_rubric(asked_for(question.text))
    form = RubricForm(request.POST or None, rubric=rubric)
    context: dict[str, object] = {
        "question": question,
        "sample": sample,
        "which": which,
        "form": form,
    }
    if request.method == "POST" and form.is_valid():
        analysis = analyse_content(sample)
        ours = reading_on(rubric, read_answer(analysis))
        context.update(
            ours=ours,
            rows=scored_lines(rubric, form.cleaned_data, ours),
            differences=compare(form.cleaned_data, ours),
            untold=sum(j.score is None for j in ours),  # lines it can't tell about
            unscored=UNSCORED,
            analysis=analysis,
        )
    return render(request, "practice/reverse_question.html", context)
