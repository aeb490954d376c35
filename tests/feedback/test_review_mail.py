"""The owner hears that feedback arrived, by a mail through a real SMTP server on loopback,
with a one-click way to stop such mails."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from prepcoach.feedback.models import MailPreference
from prepcoach.practice.models import Attempt
from tests.feedback.conftest import make_link, review_data
from tests.support import SmtpSink

pytestmark = pytest.mark.usefixtures("sentence_model")


@pytest.fixture
def real_smtp(smtp_server: tuple[int, SmtpSink], settings: object) -> SmtpSink:
    port, sink = smtp_server
    settings.MAILERS = {  # type: ignore[attr-defined]
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 10},
        }
    }
    settings.SITE_URL = "http://prepcoach.test"  # type: ignore[attr-defined]
    return sink


@pytest.mark.django_db(transaction=True)  # the mail goes when the review is committed
def test_feedback_arriving_is_mailed_once_and_can_be_turned_off(
    alice_client: Client, recorded: Attempt, real_smtp: SmtpSink
) -> None:
    token = make_link(alice_client, recorded)
    reviewer = Client()
    url = reverse("feedback:review", args=[token])
    reviewer.post(url, review_data())
    assert mail.outbox == []  # it went over the wire
    (message,) = real_smtp.messages
    assert message["To"] == "alice@example.com"
    assert message["Subject"] == "Feedback arrived on your answer"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith("<http://prepcoach.test/feedback/unsubscribe/")
    body = message.get_content().replace("\r\n", "\n")
    assert (
        "Sam sent feedback on your answer to “Tell me about a time you fixed a process.” (4 of 5)"
        in body
    )
    page = f"http://prepcoach.test{reverse('feedback:attempt', args=[recorded.pk])}"
    assert page in body
    reviewer.post(url, review_data(overall="5"))  # an update is no news
    assert len(real_smtp.messages) == 1

    stop = re.search(r"No more mails like this one: http://prepcoach.test(\S+)", body)
    assert stop is not None
    anyone = Client(enforce_csrf_checks=True)  # as a mail client's one-click POST
    assert "Stop the feedback mails?" in anyone.get(stop.group(1)).text  # a GET changes nothing
    assert MailPreference.wants_review_mail(recorded.user)
    assert "No more feedback mails" in anyone.post(stop.group(1)).text
    assert not MailPreference.wants_review_mail(recorded.user)
    Client().post(url, review_data(reviewer_name="Kim"))
    assert len(real_smtp.messages) == 1
    forged = anyone.post(stop.group(1)[:-3] + "abc/")
    assert forged.status_code == 404


def test_stopping_the_mails_of_a_deleted_account_is_no_error(db: None) -> None:
    from django.core import signing

    from prepcoach.feedback.reviews import UNSUBSCRIBE_SALT

    signed = signing.dumps(999_999, salt=UNSUBSCRIBE_SALT)
    response = Client().post(reverse("feedback:unsubscribe", args=[signed]))
    assert response.status_code == 200
    assert not MailPreference.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("thing", ["mock interview", "story"])
def test_the_mail_names_the_mock_interview_or_the_story(
    alice_client: Client, real_smtp: SmtpSink, request: pytest.FixtureRequest, thing: str
) -> None:
    from tests.feedback.conftest import make_link_at

    if thing == "story":
        story = request.getfixturevalue("story")
        ask, page = reverse("feedback:story_ask", args=[story.pk]), "feedback:story"
        pk, named = story.pk, "your story “Late weekly reports”"
    else:
        session = request.getfixturevalue("mock_session")
        ask, page = reverse("feedback:session_ask", args=[session.pk]), "feedback:session"
        pk, named = session.pk, "your mock interview of "
    token = make_link_at(alice_client, ask)
    Client().post(reverse("feedback:review", args=[token]),
                  {"reviewer_name": "Kim", "overall": "3"})  # fmt: skip
    (message,) = real_smtp.messages
    assert message["Subject"] == f"Feedback arrived on your {thing}"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    body = message.get_content().replace("\r\n", "\n")
    assert f"Kim sent feedback on {named}" in body
    if thing == "mock interview":
        assert "(Data analyst at Acme) (3 of 5)" in body
    assert f"http://prepcoach.test{reverse(page, args=[pk])}" in body
