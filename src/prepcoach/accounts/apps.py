from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "prepcoach.accounts"
    label = "accounts"
    verbose_name = "People and access"

    def ready(self) -> None:
        from prepcoach.text_input import install

        install()  # every form's text fields refuse what the API refuses (text_input.py)
