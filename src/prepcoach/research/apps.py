from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "prepcoach.research"
    label = "research"
    verbose_name = "Grow: company and industry research"
