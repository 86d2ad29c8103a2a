"""API tokens: a key an integration presents as `Authorization: Bearer …`, scoped to one council.

Only a hash of the key is stored; the key itself is shown once, when a leader creates it."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hdnd.core.models import NFCTextMixin

#: The first characters of every key, so that a key found in a log or a repository is recognised.
KEY_PREFIX = "hdnd_"


def key_hash(key):
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(NFCTextMixin, models.Model):
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("council")
    )
    name = models.CharField(_("name"), max_length=150, help_text=_("Which integration uses it, e.g. “Cổng UBND”."))
    can_read_private = models.BooleanField(
        _("reads unpublished records"),
        default=False,
        help_text=_("Also sees the council's drafts, closed sessions and unanswered petitions."),
    )
    can_write = models.BooleanField(
        _("writes"), default=False, help_text=_("Records sessions, resolutions, voter petitions and answers.")
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_start = models.CharField(_("key begins"), max_length=16, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="api_tokens",
        verbose_name=_("created by"),
        help_text=_("Writes made with the token are recorded in the history under this person."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("revoked by"),
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["council", "-created_at"]

    def __str__(self):
        return f"{self.name} ({self.key_start}…)"

    @property
    def is_active(self):
        return self.revoked_at is None
