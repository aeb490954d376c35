from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "prepcoach.practice"
    label = "practice"
    verbose_name = "Improve: practice and analysis"

    def ready(self) -> None:
        # Connect the receivers (tasks.py: an analysis whose worker died restarts).
        from prepcoach.practice import signals, tasks  # noqa: F401
