from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "prepcoach.ops"
    label = "ops"
    verbose_name = "Operations"
