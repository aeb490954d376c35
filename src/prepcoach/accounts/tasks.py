"""Mail goes out from the worker, so a slow or unreachable SMTP server never stalls a page."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task()
def send_email(
    subject: str, body: str, to: list[str], html: str | None = None,
    headers: dict[str, str] | None = None,
) -> int:  # fmt: skip
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, headers=headers)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
