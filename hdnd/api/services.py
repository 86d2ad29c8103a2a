"""Writes on API tokens: a leader creates one (its key shown once) and revokes it. Audited."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hdnd.core.audit import CREATE, EDIT, audit

from .models import KEY_PREFIX, ApiToken, key_hash
from .permissions import can_manage_api_tokens


def _check_leader(actor, council):
    if not can_manage_api_tokens(actor, council):
        raise PermissionDenied(_("Only a leader of %(council)s manages its API tokens.") % {"council": council})


def api_token_create(*, actor, council, name, can_read_private=False, can_write=False):
    """Creates a token and returns it with its key, which is not stored and cannot be shown again."""
    _check_leader(actor, council)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        council=council,
        name=name,
        can_read_private=can_read_private,
        can_write=can_write,
        key_hash=key_hash(key),
        key_start=key[: len(KEY_PREFIX) + 6],
        owner=actor,
    )
    with transaction.atomic():
        token.full_clean()
        token.save()
        audit(token, CREATE, actor=actor)
    return token, key


def api_token_revoke(*, actor, token):
    """Revokes a token at once: the next request made with it is refused."""
    _check_leader(actor, token.council)
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            raise ValidationError(_("This token was already revoked."))
        token.revoked_at = timezone.now()
        token.revoked_by = actor
        token.save(update_fields=["revoked_at", "revoked_by"])
        audit(token, EDIT, actor=actor, changes=[{"field": _("revoked at"), "old": "—", "new": _("revoked")}])
    return token
