from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "prepcoach.jobs"
    label = "jobs"
    verbose_name = "The jobs a user prepares for, their key facts and interviews"
