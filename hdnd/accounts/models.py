from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from hdnd.core.models import NFCTextMixin, TimeStampedModel


class User(NFCTextMixin, AbstractUser):
    """A person who signs in: secretariat staff, leaders, delegates, viewers, administrators."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    LEADER = "leader", _("Leader")
    DELEGATE = "delegate", _("Delegate")
    VIEWER = "viewer", _("Viewer")


#: Roles that record and edit their council's records.
EDITING_ROLES = frozenset({Role.SECRETARIAT, Role.LEADER})
#: Roles that approve and publish.
PUBLISHING_ROLES = frozenset({Role.LEADER})


class CouncilRoleQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user, user__is_active=True)

    def editing(self):
        return self.filter(role__in=EDITING_ROLES)


class CouncilRole(TimeStampedModel):
    """A user's role in one council. A user may work for several councils."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="council_roles", verbose_name=_("user")
    )
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="user_roles", verbose_name=_("council")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    objects = CouncilRoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("council role")
        verbose_name_plural = _("council roles")
        ordering = ["council", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "council"],
                name="accounts_one_role_per_council",
                violation_error_message=_("This user already has a role in this council."),
            ),
            models.CheckConstraint(condition=models.Q(role__in=[r.value for r in Role]), name="accounts_role_valid"),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.council}"
