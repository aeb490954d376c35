"""A year of one person's preparation, for the page benchmarks (issue 15, item 5).

`make_year(user, today, scale)` writes what a steady user piles up in a year (`scale=1`) or a
fraction of it: goals with steps (most done, the rest ahead), weekly check-ins, milestones,
STAR stories, retrospectives and reflections (the patterns page's entries), reading items with
Markdown takeaways, and typed answers with their analyses. Deterministic (a seeded random), so
two runs measure the same rows. Run inside a configured Django (bench_pages sets it up).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prepcoach.accounts.models import User

# Counts for a year, from a steady user: a goal a month, two hours of steps a week, a check-in
# a week per goal, a story every other week, a reflection a fortnight, reading about six items
# a week, and two or three answers a day on practice days.
YEAR = {
    "goals": 12,
    "steps_per_goal": 16,
    "check_ins_per_goal": 26,
    "stories": 26,
    "retrospectives": 4,
    "reflections": 18,
    "reading": 300,
    "attempts": 600,
}
TOPICS = (
    "mentoring junior analysts", "SQL performance tuning", "stakeholder presentations",
    "a data warehouse migration", "A/B test design", "dashboard design", "on-call incidents",
    "hiring interviews", "a pricing model", "cross-team planning", "code review culture",
    "customer churn analysis",
)  # fmt: skip
ANSWERS = (
    "I led the migration of our reporting to a new warehouse. I planned the cut-over with two "
    "teams, wrote the test plan and moved forty reports in six weeks; load time fell by 60 %.",
    "When two analysts disagreed on a churn definition I set up a short session, we agreed one "
    "measure and I documented it; the monthly report has not been questioned since.",
    "Um, I think I, like, helped with a dashboard once, and it was fine I guess.",
    "I mentored three juniors through their first SQL reports; all three now own a report and "
    "one was promoted within the year.",
)


@dataclass(frozen=True)
class Made:
    goals: int
    steps: int
    check_ins: int
    entries: int  # stories + retrospective answers + reflections: the patterns page's input
    reading: int
    attempts: int


def counts(scale: float) -> dict[str, int]:
    """The year's counts scaled; steps and check-ins scale as totals, spread over the goals."""
    n = {name: max(1, round(count * scale)) for name, count in YEAR.items()}
    for per_goal in ("steps_per_goal", "check_ins_per_goal"):
        n[per_goal] = max(1, round(YEAR[per_goal] * YEAR["goals"] * scale / n["goals"]))
    return n


def make_year(user: User, today: dt.date, scale: float = 1.0, seed: int = 15) -> Made:
    from django.utils import timezone

    from prepcoach.accounts.models import Profile
    from prepcoach.coach.answer import analyse_answer
    from prepcoach.coach.answer_evidence import answer_evidence
    from prepcoach.goals.models import CheckIn, Goal, Milestone, Step
    from prepcoach.practice.models import Attempt, Question
    from prepcoach.reading.models import ReadingItem
    from prepcoach.reflection.models import PROMPTS, Reflection, Retrospective, Story

    rng = random.Random(seed)  # noqa: S311 - made-up data, not secrets
    n = counts(scale)
    Profile.objects.update_or_create(
        user=user,
        defaults={
            "target_role": "senior data analyst",
            "industry": "healthcare",
            "weekly_hours": [1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0],
        },
    )
    goals: list[Goal] = []
    for g in range(n["goals"]):
        # The last goal began a month ago, the first about a year ago.
        began = today - dt.timedelta(days=30 + round((n["goals"] - 1 - g) * 335 / n["goals"]))
        finished = began + dt.timedelta(days=60) < today
        goal = Goal.objects.create(
            user=user,
            text=f"Complete 8 practice sessions on {TOPICS[g % len(TOPICS)]} by "
            f"{began + dt.timedelta(days=90):%d %B %Y}",
            kind=Goal.Kind.SKILLS,
            target_date=began + dt.timedelta(days=90),
            start_date=began,
            status=Goal.Status.DONE if finished else Goal.Status.ACTIVE,
            completed_on=began + dt.timedelta(days=60) if finished else None,
            target_value=Decimal(8),
            unit="practice sessions",
        )
        goals.append(goal)
        for m, threshold in enumerate((25, 50, 100)):
            Milestone.objects.create(goal=goal, title=f"Milestone {m + 1}", threshold=threshold)
    steps = []
    for goal in goals:
        for s in range(n["steps_per_goal"]):
            due = goal.start_date + dt.timedelta(days=5 * s + 3)
            done = due < today and rng.random() < 0.85
            steps.append(
                Step(
                    goal=goal,
                    title=f"Session {s + 1}: {TOPICS[(s + goal.pk) % len(TOPICS)]}",
                    due_date=max(due, today - dt.timedelta(days=400)),
                    estimated_hours=Decimal(rng.choice(("0.5", "1", "1.5", "2", "3"))),
                    impact=rng.randint(1, 3),
                    urgency=rng.randint(1, 3),
                    done_on=min(due, today) if done else None,
                )
            )
    Step.objects.bulk_create(steps)
    check_ins = [
        CheckIn(
            goal=goal,
            day=min(goal.start_date + dt.timedelta(days=7 * c), today),
            value=Decimal(min(8, c // 3)),
            note="Steady week." if c % 4 else "",
        )
        for goal in goals
        for c in range(n["check_ins_per_goal"])
    ]
    CheckIn.objects.bulk_create(check_ins)
    Story.objects.bulk_create(
        Story(
            user=user,
            title=f"{TOPICS[s % len(TOPICS)].capitalize()} ({s + 1})",
            situation=f"Our team needed help with {TOPICS[s % len(TOPICS)]}.",
            task="I owned the plan and the result.",
            action=f"I mentored two colleagues and wrote the {TOPICS[(s + 3) % len(TOPICS)]} "
            "guide; I reviewed their work weekly.",
            result=f"Time to report fell by {10 + s} % and both colleagues now lead it.",
        )
        for s in range(n["stories"])
    )
    Retrospective.objects.bulk_create(
        Retrospective(
            user=user,
            role=f"Analyst {r + 1}",
            organisation="Acme Health",
            energised=f"Mentoring juniors through {TOPICS[r % len(TOPICS)]}.",
            stumbled=f"I underestimated {TOPICS[(r + 5) % len(TOPICS)]} and learnt to plan.",
            best_team="Small teams with clear owners and weekly demos.",
        )
        for r in range(n["retrospectives"])
    )
    prompts = list(PROMPTS)
    Reflection.objects.bulk_create(
        Reflection(
            user=user,
            prompt=prompts[r % len(prompts)],
            answer=f"I want to keep {TOPICS[r % len(TOPICS)]} and mentoring in my next role.",
        )
        for r in range(n["reflections"])
    )
    ReadingItem.objects.bulk_create(
        ReadingItem(
            user=user,
            title=f"Reading {r + 1}: {TOPICS[r % len(TOPICS)]}",
            link=f"https://example.com/reading/{r + 1}",
            kind=rng.choice(ReadingItem.Kind.values),
            status=rng.choice(ReadingItem.Status.values),
            takeaways=f"**{TOPICS[r % len(TOPICS)].capitalize()}** matters because:\n\n"
            "- it moves the *numbers* people watch\n- see [the notes](https://example.com)\n",
        )
        for r in range(n["reading"])
    )
    analyses = [analyse_answer(text=text).as_dict() for text in ANSWERS]
    question = Question.objects.filter(owner__isnull=True).order_by("pk").first()
    attempts = Attempt.objects.bulk_create(
        Attempt(
            user=user,
            question=question,
            question_text=question.text if question else "Tell me about yourself.",
            text=ANSWERS[a % len(ANSWERS)],
            status="analysed",
            rating=rng.randint(1, 5),
            analysis=analyses[a % len(ANSWERS)],
            # bulk_create skips Attempt.save, which writes the evidence with the analysis
            evidence=answer_evidence(analyses[a % len(ANSWERS)]),
        )
        for a in range(n["attempts"])
    )
    now = timezone.now()
    for a, attempt in enumerate(attempts):  # spread over the year, newest last made
        Attempt.objects.filter(pk=attempt.pk).update(
            created_at=now - dt.timedelta(minutes=round(a * 525600 / n["attempts"]))
        )
    entries = n["stories"] + 3 * n["retrospectives"] + n["reflections"]
    return Made(len(goals), len(steps), len(check_ins), entries, n["reading"], n["attempts"])
