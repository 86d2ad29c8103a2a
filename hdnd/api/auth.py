"""Who is calling: an anonymous client, or an integration presenting its council's token as
`Authorization: Bearer hdnd_…`. A key that is unknown or revoked is refused (401) wherever it is
presented, so that an integration learns at once that its key no longer works."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from .models import ApiToken, key_hash

#: How often a token's "last used" time is written: not on every request.
LAST_USED_GRANULARITY = datetime.timedelta(minutes=1)


class Anonymous:
    """The caller when no token is presented (truthy, so that Django Ninja lets it through)."""

    def __bool__(self):
        return True

    def __str__(self):
        return "anonymous"


ANONYMOUS = Anonymous()


def token_for_key(key):
    """The active token with this key; AuthenticationError when there is none."""
    token = ApiToken.objects.active().select_related("council", "owner").filter(key_hash=key_hash(key)).first()
    if token is None or not token.owner.is_active:
        raise AuthenticationError(message=_("The API token is unknown or has been revoked."))
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_GRANULARITY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def caller(request):
    """Every read endpoint's authentication: the token when one is presented, else anonymous.
    A plain function, so the schema does not ask anonymous readers for credentials."""
    header = request.headers.get("Authorization", "")
    scheme, _space, key = header.partition(" ")
    if not header:
        return ANONYMOUS
    if scheme.lower() != "bearer" or not key.strip():
        raise AuthenticationError(message=_("Present the API token as “Authorization: Bearer <key>”."))
    return token_for_key(key.strip())


class TokenBearer(HttpBearer):
    """The write endpoints' authentication: a council's token is required."""

    def authenticate(self, request, token):
        return token_for_key(token)


def request_token(request):
    """The token of the request, or None for an anonymous reader."""
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, ApiToken) else None
