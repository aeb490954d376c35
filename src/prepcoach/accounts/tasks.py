"""Mail goes out from the worker, so a slow or unreachable SMTP server never stalls a page."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task

CONSOLE = "django.core.mail.backends.console.EmailBackend"


def mail_is_printed() -> bool:
    """Whether mail is only printed to the server's console (no SMTP server is set up, the
    local default): a page that "sends" a link must then show it to the user instead."""
    return bool(settings.MAILERS["default"]["BACKEND"] == CONSOLE)


@task(queue_name="mail", priority=100)  # its own queue and lane, and first in any other
def send_email(
    subject: str, body: str, to: list[str], html: str | None = None,
    headers: dict[str, str] | None = None,
) -> int:  # fmt: skip
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, headers=headers)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
