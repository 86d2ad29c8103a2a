"""Granting and withdrawing council roles, audited."""

from django.db import transaction

from hdnd.core.audit import DELETE, EDIT, audit, audited_save

from .models import CouncilRole
from .scoping import forget_scope


def council_role_grant(*, actor, user, council, role):
    """Gives `user` the `role` in `council`, replacing any role they had there."""
    with transaction.atomic():
        existing = CouncilRole.objects.filter(user=user, council=council).first()
        if existing is None:
            grant = audited_save(CouncilRole(user=user, council=council, role=role), actor=actor, created=True)
        elif existing.role != role:
            old = existing.get_role_display()
            existing.role = role
            grant = audited_save(existing, actor=actor, created=False)
            audit(
                grant,
                EDIT,
                actor=actor,
                changes=[{"field": "vai trò", "old": str(old), "new": str(grant.get_role_display())}],
            )
        else:
            grant = existing
    forget_scope(user)
    return grant


def council_role_revoke(*, actor, grant):
    with transaction.atomic():
        audit(grant, DELETE, actor=actor)
        grant.delete()
    forget_scope(grant.user)
