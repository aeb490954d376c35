from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "prepcoach.api"
    label = "api"
    verbose_name = "JSON API"
