from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "prepcoach.dashboard"
    label = "dashboard"
    verbose_name = "Dashboard"
