from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "prepcoach.groups"
    verbose_name = "Improve: practice groups and peer mocks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from prepcoach.groups import signals  # noqa: F401  (connects the receivers)
