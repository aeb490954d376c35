from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "prepcoach.practice"
    label = "practice"
    verbose_name = "Improve: practice and analysis"

    def ready(self) -> None:
        from prepcoach.practice import signals  # noqa: F401  (connects the receivers)
