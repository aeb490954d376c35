from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "prepcoach.research"
    label = "research"
    verbose_name = "Grow: company and industry research"

    def ready(self) -> None:
        # The goal made to collect a job's key facts reads their count from here.
        from prepcoach.goals import sources
        from prepcoach.research.counts import facts_count

        sources.register(facts_count)
