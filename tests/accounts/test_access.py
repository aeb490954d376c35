import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from prepcoach.accounts.access import get_owned_or_404, owned_by
from prepcoach.accounts.models import AccessToken, User


def test_owned_by_keeps_only_the_owners_rows(alice: User, bob: User) -> None:
    mine, _ = AccessToken.issue(alice, "a")
    AccessToken.issue(bob, "b")
    assert list(owned_by(AccessToken.objects.all(), alice)) == [mine]
    assert list(owned_by(AccessToken.objects.all(), AnonymousUser())) == []  # type: ignore[arg-type]


def test_get_owned_or_404_hides_other_peoples_rows(alice: User, bob: User) -> None:
    token, _ = AccessToken.issue(alice, "a")
    assert get_owned_or_404(AccessToken.objects.all(), alice, pk=token.pk) == token
    with pytest.raises(Http404):
        get_owned_or_404(AccessToken.objects.all(), bob, pk=token.pk)
