from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "prepcoach.feedback"
    verbose_name = "Improve: feedback from mentors, friends and interviewers"
    default_auto_field = "django.db.models.BigAutoField"
