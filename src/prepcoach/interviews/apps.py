from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "prepcoach.interviews"
    label = "interviews"
    verbose_name = "Real interviews and their debriefs"
