"""Granting and withdrawing council roles; turning two-factor sign-in on and off. Audited."""

import time
from binascii import unhexlify

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hdnd.core.audit import DELETE, EDIT, audit, audited_save

from . import two_factor
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


def two_factor_enable(*, actor, user, key, code):
    """Turns on two-factor sign-in for `user` with the authenticator app that holds `key` (hex),
    once `code` shows the app computes the same codes; replaces any earlier app and backup codes.
    Returns the ten new backup codes, to be shown once."""
    totp = TOTP(unhexlify(key))
    totp.time = time.time()
    code = "".join(str(code or "").split())
    if not (code.isdigit() and totp.verify(int(code), tolerance=1)):
        raise ValidationError(
            _("The code does not match. Check that your phone's clock is right and enter the code the app shows now."),
            code="wrong",
        )
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=None):
            device.delete()
        # last_t: the code just used cannot be used again to sign in.
        TOTPDevice.objects.create(
            user=user, name="Ứng dụng xác thực", key=key, confirmed=True, last_t=totp.t(), drift=totp.drift
        )
        backup = StaticDevice.objects.create(user=user, name="Mã dự phòng", confirmed=True)
        codes = set()
        while len(codes) < two_factor.BACKUP_CODE_COUNT:
            codes.add(StaticToken.random_token())
        codes = sorted(codes)
        StaticToken.objects.bulk_create(StaticToken(device=backup, token=c) for c in codes)
        audit(user, EDIT, actor=actor, changes=[{"field": "xác thực hai bước", "old": "Tắt", "new": "Bật"}])
    return codes


def two_factor_disable(*, actor, user):
    """Turns off two-factor sign-in for `user`: the app and the unused backup codes are forgotten."""
    with transaction.atomic():
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        if devices:
            audit(user, EDIT, actor=actor, changes=[{"field": "xác thực hai bước", "old": "Bật", "new": "Tắt"}])
