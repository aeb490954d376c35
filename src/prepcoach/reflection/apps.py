from django.apps import AppConfig


class ReflectionConfig(AppConfig):
    name = "prepcoach.reflection"
    label = "reflection"
    verbose_name = "Grow: reflections, retrospectives and STAR stories"

    def ready(self) -> None:
        from prepcoach.reflection.tasks import connect

        connect()
