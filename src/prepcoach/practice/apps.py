from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "prepcoach.practice"
    label = "practice"
    verbose_name = "Improve: practice and analysis"
