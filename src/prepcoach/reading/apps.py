from django.apps import AppConfig


class ReadingConfig(AppConfig):
    name = "prepcoach.reading"
    default_auto_field = "django.db.models.BigAutoField"
