from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "prepcoach.accounts"
    label = "accounts"
    verbose_name = "People and access"
