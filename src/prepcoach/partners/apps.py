from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "prepcoach.partners"
    label = "partners"
    verbose_name = "Plan: accountability partners"
