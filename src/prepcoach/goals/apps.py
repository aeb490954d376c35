from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "prepcoach.goals"
    label = "goals"
    verbose_name = "Plan: goals and action plans"
