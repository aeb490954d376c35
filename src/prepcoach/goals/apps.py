from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "prepcoach.goals"
    label = "goals"
    verbose_name = "Plan: goals and action plans"

    def ready(self) -> None:
        # The goal made to collect a job's key facts reads their count and follows their
        # changes (goals/facts.py); Grow, where they are written, does not import Plan.
        from prepcoach.goals import facts, sources
        from prepcoach.jobs.signals import facts_changed

        sources.register(facts.facts_count, facts.facts_counts)
        facts_changed.connect(facts.on_facts_changed, dispatch_uid="goals.facts")
