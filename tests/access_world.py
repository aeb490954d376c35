"""The access matrix's world (tests/test_access_matrix.py walks it): the personas, Alice's
objects with their markers, and every URL pattern with its arguments filled from them. The
accessibility and phone walks, the plain-form-errors and menu tests, and the data-export tests
build the same world.

Alice owns one of everything, each carrying a marker: ALICE-PRIVATE-… (only she may see it),
ALICE-SHARED-… (she shared that goal with her partner Bob) and ALICE-LINKED-… (the answer she
made a feedback link for).

Feedback on more than one answer: ALICE-MOCK-… marks a mock interview of Alice's (its questions,
answers and recording) and ALICE-STORY-… a STAR story of hers, each with a link made for it
(valid, expired, withdrawn); Bob's own mock interview and story have links too (a link for
another object). A mock-interview link plays that interview's answers and no other answer of
Alice's; a story link shows that story and plays nothing.

Practice groups: ALICE-GROUP-… marks what Alice shared with her group (a question) and the answer
she gave in a peer mock where Gus, a member, interviews her; Gus sees those and nothing else of
hers, and Fay, who left the group, sees nothing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.db import models
from django.http import HttpResponseBase
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from prepcoach.accounts.access import new_link_token
from prepcoach.accounts.models import AccessToken, User
from prepcoach.coach.body_language import Box, Frame, VideoFacts, analyse_body_language
from prepcoach.coach.drills import new_card
from prepcoach.feedback.models import FeedbackRequest, InterviewerReply, Pin, Review
from prepcoach.goals.models import CheckIn, Goal, Milestone, Step
from prepcoach.groups.models import (
    Group,
    GroupInvite,
    Membership,
    PeerAnswer,
    PeerMock,
    SharedQuestion,
)
from prepcoach.jobs.models import Fact, Opportunity
from prepcoach.network.models import Contact
from prepcoach.network.models import Event as NetworkEvent
from prepcoach.network.plans import sync_goals
from prepcoach.partners.models import Comment, PartnerInvite, Partnership
from prepcoach.practice.models import Attempt, DrillCard, MockSession, Question
from prepcoach.reading.models import Feed, FeedItem, ReadingItem
from prepcoach.reflection.models import Reflection, Retrospective, Story
from tests.conftest import make_user
from tests.interviews.conftest import matrix_world
from tests.practice.conftest import tone_wav
from tests.support import close_response

MARKER_RE = re.compile(rb"ALICE-(PRIVATE|SHARED|LINKED|GROUP|MOCK|STORY)-[A-Za-z]+")


@dataclass(frozen=True)
class Persona:
    """Who asks, what they may see (marker kinds) and which of Alice's tables they may change
    (the persona's own capability: a partner comments, a link holder leaves a review). A table
    written "+table" may only gain rows, "-table" only lose them (ending a partnership deletes
    its comments): a link holder adds a review, never alters Sam's."""

    name: str
    sees: frozenset[str] = frozenset()
    may_change: frozenset[str] = frozenset()
    user: str | None = None  # signed in as this user's e-mail
    link: str | None = None  # the feedback link this persona holds (a key of World.tokens)
    # Without an account, a link holder is anonymous on every URL that takes no link token
    # (the anonymous persona walks those; each request's session is rolled back with it), so
    # the holders of mock-interview and story links walk only the URLs that take one.
    token_urls_only: bool = False


PERSONAS = (
    Persona("partner", frozenset({"SHARED"}),
            # Comment, cheer, nudge, and end the partnership (with its goal grants).
            frozenset({"+partners.comment", "+partners.cheer", "+partners.nudge",
                       "-partners.comment", "-partners.cheer", "-partners.nudge",
                       "partners.partnership", "partners.partnership_goals"}),
            user="bob@example.com"),
    Persona("former partner", user="dave@example.com"),
    # Pairs up (a swap makes a peer mock), marks it finished, reviews the answer given to him,
    # leaves the group (which ends his peer mocks); only the owner removes a member.
    Persona("group member", frozenset({"GROUP"}),
            frozenset({"groups.peermock", "groups.peeranswer", "feedback.review",
                       "feedback.pin"}),
            user="gus@example.com"),
    Persona("former group member", user="fay@example.com"),
    Persona("feedback link holder", frozenset({"LINKED"}),
            frozenset({"+feedback.review", "+feedback.pin"}), link="valid"),
    Persona("expired link holder", link="expired"),
    Persona("withdrawn link holder", link="withdrawn"),
    Persona("holder of a link to another answer", link="other"),
    Persona("mock interview link holder", frozenset({"MOCK"}),
            frozenset({"+feedback.review", "+feedback.pin"}), link="mock", token_urls_only=True),
    Persona("expired mock interview link holder", link="mock-expired", token_urls_only=True),
    Persona("withdrawn mock interview link holder", link="mock-withdrawn", token_urls_only=True),
    Persona("holder of a link to another mock interview", link="mock-other",
            token_urls_only=True),
    Persona("story link holder", frozenset({"STORY"}), frozenset({"+feedback.review"}),
            link="story", token_urls_only=True),
    Persona("expired story link holder", link="story-expired", token_urls_only=True),
    Persona("withdrawn story link holder", link="story-withdrawn", token_urls_only=True),
    Persona("holder of a link to another story", link="story-other", token_urls_only=True),
    Persona("stranger", user="carol@example.com"),
    Persona("anonymous"),
)  # fmt: skip


@dataclass
class World:
    alice: User
    ids: dict[str, list[int | str]]
    tokens: dict[str, str]
    recordings: dict[str, bytes] = field(default_factory=dict)  # marker kind → a recording


def marked(kind: str, thing: str) -> str:
    return f"ALICE-{kind}-{thing}"


def body_language_report(engine: str) -> dict[str, Any]:
    """A minute of video: out of frame at 5-8 s, looking away at 15-20 s."""
    frames = [
        Frame(t=i / 2, faces=0 if 10 <= i < 16 else 1,
              box=None if 10 <= i < 16 else Box(0.35, 0.2, 0.65, 0.6),
              yaw=40.0 if 30 <= i < 40 else 0.0, pitch=0.0, iris=(0.0, 0.0), smile=0.4,
              brightness=0.5, change=0.02)
        for i in range(120)
    ]  # fmt: skip
    return analyse_body_language(frames, VideoFacts(640, 480, 60.0, engine, 2.0)).to_json()


def build_world(media_root: Path) -> World:
    alice = make_user("alice@example.com", name="Alice Doe")
    bob = make_user("bob@example.com", name="Bob Roe")
    carol = make_user("carol@example.com", name="Carol")
    dave = make_user("dave@example.com", name="Dave")
    today = timezone.localdate()

    shared = Goal.objects.create(user=alice, text=marked("SHARED", "goal") + " 3 mocks by Friday")
    private = Goal.objects.create(user=alice, text=marked("PRIVATE", "goal") + " salary talk")
    steps, milestones, check_ins = [], [], []
    for goal, kind in ((shared, "SHARED"), (private, "PRIVATE")):
        steps.append(Step.objects.create(goal=goal, title=marked(kind, "step"), due_date=today))
        milestones.append(
            Milestone.objects.create(goal=goal, title=marked(kind, "milestone"), threshold=50)
        )
        check_ins.append(CheckIn.objects.create(goal=goal, note=marked(kind, "checkin")))
    partnership = Partnership.objects.create(owner=alice, partner=bob)
    partnership.goals.add(shared)
    Comment.objects.create(partnership=partnership, goal=shared, author=bob, text="Go on!")
    ended = Partnership.objects.create(owner=alice, partner=dave)
    ended.goals.add(shared)
    ended.delete()  # what ending a partnership does (partners.views.end)
    invite, _ = PartnerInvite.issue(alice, "erin@example.com")

    job = Opportunity.objects.create(
        user=alice, company=marked("PRIVATE", "company"), role=marked("PRIVATE", "role"),
        job_description=marked("PRIVATE", "advert") + " SQL and Tableau.",
    )  # fmt: skip
    fact = Fact.objects.create(opportunity=job, text=marked("PRIVATE", "fact"), source="notes")
    reply = InterviewerReply.objects.create(
        owner=alice, opportunity=job, text=marked("PRIVATE", "reply")
    )
    story = Story.objects.create(user=alice, title=marked("PRIVATE", "story"))
    retro = Retrospective.objects.create(user=alice, role=marked("PRIVATE", "retro"))
    Reflection.objects.create(
        user=alice, prompt="motivation", answer=marked("PRIVATE", "reflection")
    )
    item = ReadingItem.objects.create(user=alice, title=marked("PRIVATE", "reading"))
    feed = Feed.objects.create(
        user=alice, url="https://example.org/feed.xml", title=marked("PRIVATE", "feed")
    )
    feed_item = FeedItem.objects.create(feed=feed, guid="1", title=marked("PRIVATE", "feeditem"))
    question = Question.objects.create(owner=alice, text=marked("PRIVATE", "question") + "?")
    session = MockSession.objects.create(user=alice)
    recording = tone_wav(0.5) + marked("LINKED", "recording").encode()
    linked = Attempt.objects.create(
        user=alice, question_text=marked("LINKED", "question"), session=session,
        status=Attempt.Status.ANALYSED, media_type="audio/wav", text="",
        analysis={"version": 3, "transcript": marked("LINKED", "transcript") + " I fixed it."},
    )  # fmt: skip
    linked.recording.save("answer.wav", ContentFile(recording))
    # A video answer's body-language report: shown on its owner's page only.
    Attempt.objects.filter(pk=linked.pk).update(with_video=True, body_language=body_language_report(
        marked("PRIVATE", "bodylanguage")))  # fmt: skip
    other = Attempt.objects.create(user=alice, question=question, question_text=marked("PRIVATE", "attempt"),
                                   text=marked("PRIVATE", "answer"))  # fmt: skip
    card = DrillCard.objects.create(
        user=alice, item=question, state=new_card(question.pk, timezone.now()), due=timezone.now()
    )
    contact = Contact.objects.create(
        user=alice, name=marked("PRIVATE", "contact"), email="ann@example.org",
        notes=marked("PRIVATE", "contactnote"), next_follow_up=today,
    )  # fmt: skip
    network_event = NetworkEvent.objects.create(user=alice, name=marked("PRIVATE", "event"))
    network_event.contacts.add(contact)
    # A networking goal shared with the partner moves by itself from Alice's contacts: its
    # check-ins say how many were counted, never whom.
    counted = Goal.objects.create(
        user=alice, text=marked("SHARED", "netgoal") + " Contact 5 alumni", unit="alumni",
        kind=Goal.Kind.NETWORKING, target_value=5, start_date=today,
    )  # fmt: skip
    partnership.goals.add(counted)
    Contact.objects.create(user=alice, name=marked("PRIVATE", "alumna"), tags="alumni")
    sync_goals(alice, today)
    assert counted.check_ins.exists()
    token_row = AccessToken.objects.create(
        user=alice, name=marked("PRIVATE", "token"), token_hash="x" * 64, hint="abcd"
    )

    # Alice's practice group: Gus is a member, Fay left. Alice shares one question (her other
    # one, ALICE-PRIVATE-question, stays hers) and answers it in a peer mock Gus interviews.
    gus = make_user("gus@example.com", name="Gus")
    fay = make_user("fay@example.com", name="Fay")
    group = Group.objects.create(name="Thursday analysts", owner=alice)
    alice_in = Membership.objects.create(group=group, user=alice)
    gus_in = Membership.objects.create(group=group, user=gus)
    Membership.objects.create(group=group, user=fay).delete()  # what leaving does
    group_question = Question.objects.create(
        owner=alice, text=marked("GROUP", "question") + "?", source=marked("GROUP", "source")
    )
    SharedQuestion.objects.create(membership=alice_in, question=group_question)
    invite_token, digest = new_link_token()
    group_invite = GroupInvite.objects.create(
        group=group, token_digest=digest, expires_at=GroupInvite.expiry()
    )
    peer = PeerMock.objects.create(group=group, interviewer=gus_in, answerer=alice_in,
                                   question_texts=[group_question.text])  # fmt: skip
    peer_attempt = Attempt.objects.create(
        user=alice, question_text=group_question.text, mode=Attempt.Mode.MOCK,
        status=Attempt.Status.ANALYSED, media_type="audio/wav",
        analysis={"version": 3, "transcript": marked("GROUP", "transcript") + " I did it."},
    )  # fmt: skip
    peer_recording = tone_wav(0.5) + marked("GROUP", "recording").encode()
    peer_attempt.recording.save("answer.wav", ContentFile(peer_recording))
    _, digest = new_link_token()
    peer_request = FeedbackRequest.objects.create(
        owner=alice, attempt=peer_attempt, reviewer_label="Gus (peer mock)", token_digest=digest,
        relation=FeedbackRequest.Relation.PEER, expires_at=timezone.now() + dt.timedelta(days=7),
    )  # fmt: skip
    peer_answer = PeerAnswer.objects.create(
        mock=peer, number=1, attempt=peer_attempt, request=peer_request
    )

    tokens: dict[str, str] = {}
    requests = []
    for name, expires, revoked in (
        ("valid", 7, None),
        ("expired", -1, None),
        ("withdrawn", 7, timezone.now()),
    ):
        token, digest = new_link_token()
        tokens[name] = token
        requests.append(FeedbackRequest.objects.create(
            owner=alice, attempt=linked, reviewer_label=marked("PRIVATE", "label"), token_digest=digest,
            expires_at=timezone.now() + dt.timedelta(days=expires), revoked_at=revoked,
        ))  # fmt: skip
    review = Review.objects.create(request=requests[0], reviewer_name="Sam", browser_key="k",
                                   overall=4, comment=marked("PRIVATE", "review"))  # fmt: skip
    Pin.objects.create(review=review, at_s=1, text=marked("PRIVATE", "pin"))
    bobs_answer = Attempt.objects.create(user=bob, question_text="Bob's own answer")
    token, digest = new_link_token()
    tokens["other"] = token
    FeedbackRequest.objects.create(owner=bob, attempt=bobs_answer, reviewer_label="x",
                                   token_digest=digest, expires_at=timezone.now() + dt.timedelta(days=7))  # fmt: skip
    del carol

    ids: dict[str, list[int | str]] = {
        "attempt_id": [linked.pk, other.pk], "card_id": [card.pk], "feed_id": [feed.pk],
        "goal_id": [shared.pk, private.pk], "index": [0], "invite_id": [invite.pk],
        "item_id": [item.pk, feed_item.pk], "milestone_id": [m.pk for m in milestones],
        "number": [1], "opportunity_id": [job.pk], "partnership_id": [partnership.pk],
        "question_id": [question.pk], "reply_id": [reply.pk], "request_id": [r.pk for r in requests],
        "retro_id": [retro.pk], "session_id": [session.pk], "step_id": [s.pk for s in steps],
        "story_id": [story.pk], "token_id": [token_row.pk], "uidb64": ["MQ"],
        "signed": ["forged-signature"],
        "group_id": [group.pk], "group_invite_id": [group_invite.pk],
        "invite_token": [invite_token], "mock_id": [peer.pk], "answer_id": [peer_answer.pk],
        "membership_id": [gus_in.pk, alice_in.pk],
        "contact_id": [contact.pk], "event_id": [network_event.pk],
        "checkin_id": [c.pk for c in check_ins], "fact_id": [fact.pk],
    }  # fmt: skip
    ids |= matrix_world(alice, job, marked)  # her interviews and their debrief
    ids["attempt_id"].append(peer_attempt.pk)
    ids["request_id"].append(peer_request.pk)
    mock_ids, mock_recording = add_mock_and_story(alice, bob, tokens)
    for name, values in mock_ids.items():
        ids[name] += values
    return World(
        alice, ids, tokens, {"LINKED": recording, "MOCK": mock_recording, "GROUP": peer_recording}
    )


def add_mock_and_story(
    alice: User, bob: User, tokens: dict[str, str]
) -> tuple[dict[str, list[int | str]], bytes]:
    """Alice's mock interview (two answers, one recorded) and STAR story, each with links
    valid, expired and withdrawn and a review; Bob's own mock interview and story with a link
    each (the holder of a link for another object)."""
    mock = MockSession.objects.create(
        user=alice, question_ids=[0, 0], company=marked("MOCK", "company"),
        question_texts=[marked("MOCK", "questionone"), marked("MOCK", "questiontwo")],
    )  # fmt: skip
    recording = tone_wav(0.5) + marked("MOCK", "recording").encode()
    heard = Attempt.objects.create(
        user=alice, session=mock, question_text=marked("MOCK", "questionone"),
        mode=Attempt.Mode.MOCK, status=Attempt.Status.ANALYSED, media_type="audio/wav",
        analysis={"version": 3, "transcript": marked("MOCK", "transcript") + " I did it."},
    )  # fmt: skip
    heard.recording.save("answer.wav", ContentFile(recording))
    typed = Attempt.objects.create(
        user=alice, session=mock, question_text=marked("MOCK", "questiontwo"),
        mode=Attempt.Mode.MOCK, text=marked("MOCK", "typed"),
    )  # fmt: skip
    story = Story.objects.create(
        user=alice, title=marked("STORY", "title"), situation=marked("STORY", "situation"),
        action=marked("STORY", "action"), result=marked("STORY", "result") + " 40% faster.",
    )  # fmt: skip
    requests = []
    for thing, kind in (({"session": mock}, "mock"), ({"story": story}, "story")):
        for name, expires, revoked in (
            (kind, 7, None), (f"{kind}-expired", -1, None), (f"{kind}-withdrawn", 7, timezone.now()),
        ):  # fmt: skip
            token, digest = new_link_token()
            tokens[name] = token
            requests.append(FeedbackRequest.objects.create(
                owner=alice, reviewer_label=marked("PRIVATE", "label"), token_digest=digest,
                expires_at=timezone.now() + dt.timedelta(days=expires), revoked_at=revoked,
                **thing,
            ))  # fmt: skip
        review = Review.objects.create(request=requests[-3], reviewer_name="Kim", browser_key="k",
                                       overall=3, comment=marked("PRIVATE", "review"))  # fmt: skip
        if kind == "mock":
            Pin.objects.create(
                review=review, attempt=heard, at_s=0.2, text=marked("PRIVATE", "pin")
            )
    bobs_mock = MockSession.objects.create(user=bob, question_texts=["Bob's question"])
    Attempt.objects.create(user=bob, session=bobs_mock, question_text="Bob's mock answer")
    bobs_story = Story.objects.create(user=bob, title="Bob's story")
    for thing, name in (
        ({"session": bobs_mock}, "mock-other"),
        ({"story": bobs_story}, "story-other"),
    ):
        token, digest = new_link_token()
        tokens[name] = token
        FeedbackRequest.objects.create(owner=bob, reviewer_label="x", token_digest=digest,
                                       expires_at=timezone.now() + dt.timedelta(days=7), **thing)  # fmt: skip
    ids: dict[str, list[int | str]] = {
        "attempt_id": [heard.pk, typed.pk], "session_id": [mock.pk], "story_id": [story.pk],
        "request_id": [r.pk for r in requests],
    }  # fmt: skip
    return ids, recording


def routes() -> Iterator[tuple[str, list[str]]]:
    """Every URL pattern as a route template and its argument names (the admin aside)."""

    def walk(resolver: URLResolver, prefix: str) -> Iterator[tuple[str, list[str]]]:
        for entry in resolver.url_patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                yield from walk(entry, route)
            elif isinstance(entry, URLPattern) and not route.startswith("admin/"):
                yield route, re.findall(r"<(?:\w+:)?(\w+)>", route)

    yield from walk(get_resolver(), "")


def urls_for(route: str, names: list[str], world: World, token: str) -> Iterator[str]:
    missing = [n for n in names if n not in world.ids and n != "token"]
    assert not missing, f"{route}: add Alice's objects for {missing} to the access matrix"
    choices = [[token] if n == "token" else world.ids[n] for n in names]
    for values in itertools.product(*choices):
        path = route
        for name, value in zip(names, values, strict=True):
            path = re.sub(rf"<(?:\w+:)?{name}>", str(value), path, count=1)
        yield "/" + path.lstrip("^").rstrip("$")


def owner_of(obj: models.Model, depth: int = 0) -> int | None:
    """The user a row belongs to, following foreign keys (a pin → its review → its request →
    its owner)."""
    for attr in ("user_id", "owner_id"):
        if getattr(obj, attr, None) is not None:
            return int(getattr(obj, attr))
    if depth > 4:
        return None
    for f in obj._meta.fields:
        if isinstance(f, models.ForeignKey) and getattr(obj, f.attname) is not None:
            if f.related_model is User:
                continue
            found = owner_of(getattr(obj, f.name), depth + 1)
            if found is not None:
                return found
    return None


def body_of(response: HttpResponseBase) -> bytes:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
        close_response(response)
        return content
    return bytes(getattr(response, "content", b""))
