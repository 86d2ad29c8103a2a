"""Two-factor sign-in with an authenticator app (TOTP, django-otp) and one-time backup codes.

Reads and checks only; enabling and disabling are services (services.py). The sign-in's second
step keeps the user who gave the right password in the session, not signed in, until a code
is accepted (views.TwoFactorSignInView)."""

import math
import re
import time
from base64 import b32encode
from binascii import unhexlify

import django_otp
import qrcode
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key
from qrcode.image.svg import SvgPathFillImage

from .models import CouncilRole, Role

#: The session keys: the user between the two steps, the new secret being enrolled, and the flag
#: that keeps a leader who must enrol on the enrolment page.
PENDING_KEY = "two_factor_pending"
NEW_KEY_KEY = "two_factor_new_key"
MUST_ENROL_KEY = "two_factor_must_enrol"
#: How long the second step waits for the code after the password was accepted.
PENDING_SECONDS = 300
BACKUP_CODE_COUNT = 10

WRONG_CODE = _(
    "The code is wrong or has expired. Enter the code your authenticator app shows now, or an unused backup code."
)
TOO_MANY = _("Too many wrong codes in a row. Wait %(seconds)s seconds, then try again.")

SIX_DIGITS = re.compile(r"^\d{6}$")


def is_enabled(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def is_required(user):
    """Whether the settings oblige this user to use two-factor sign-in (council leaders, when
    TWO_FACTOR_REQUIRED_FOR_LEADERS is on)."""
    return settings.TWO_FACTOR_REQUIRED_FOR_LEADERS and (
        CouncilRole.objects.for_user(user).filter(role=Role.LEADER).exists()
    )


def backup_codes_left(user):
    device = StaticDevice.objects.devices_for_user(user, confirmed=True).first()
    return device.token_set.count() if device else 0


def verify_code(user, code):
    """The device that accepts `code` — the app's 6 digits or a backup code — or a ValidationError
    saying why not. django-otp counts the failures of each device and makes the next try wait
    1, 2, 4, 8… seconds (its own throttling); a backup code is spent when accepted."""
    code = re.sub(r"[\s-]", "", code or "").lower()
    model = TOTPDevice if SIX_DIGITS.match(code) else StaticDevice
    device = model.objects.devices_for_user(user, confirmed=True).first()
    if device is None:
        raise ValidationError(WRONG_CODE, code="wrong")
    allowed, details = device.verify_is_allowed()
    if not allowed:
        until = (details or {}).get("locked_until") or timezone.now()
        seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
        raise ValidationError(TOO_MANY, code="throttled", params={"seconds": seconds})
    verified = django_otp.verify_token(user, device.persistent_id, code)
    if verified is None:
        raise ValidationError(WRONG_CODE, code="wrong")
    return verified


def report_failure(request, user):
    """Counts a refused code as a failed sign-in for django-axes, as a wrong password is: the same
    limit (AXES_FAILURE_LIMIT per username and address) locks both steps."""
    user_login_failed.send(sender=__name__, credentials={"username": user.get_username()}, request=request)


# The second step of signing in.


def start_pending(request, user, *, next_url, remember):
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "next": next_url,
        "remember": bool(remember),
        "since": time.time(),
    }


def pending(request):
    """(user, data) of the sign-in waiting for its code; (None, None) when there is none, and
    (None, data) when it waited too long or the user was meanwhile deactivated."""
    data = request.session.get(PENDING_KEY)
    if not data:
        return None, None
    if time.time() - data["since"] > PENDING_SECONDS:
        return None, data
    user = get_user_model()._default_manager.filter(pk=data["user"], is_active=True).first()
    return user, data


def forget_pending(request):
    request.session.pop(PENDING_KEY, None)


# Enrolment.


def new_key(request):
    """The secret offered to the user's app, kept in the session (not the database) until a code
    confirms that the app holds it; the same one on every visit until then."""
    key = request.session.get(NEW_KEY_KEY)
    if not key:
        key = request.session[NEW_KEY_KEY] = default_key()  # django-otp's: 20 random bytes, hex
    return key


def readable_secret(key):
    """The secret as the apps ask to type it: base32, in groups of four."""
    secret = b32encode(unhexlify(key)).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(user, key):
    """The QR code of the otpauth:// address the apps read, as inline SVG (made here: no outside
    service ever sees the secret), on a white ground so that it scans in the dark theme too."""
    url = TOTPDevice(user=user, key=key).config_url
    return qrcode.make(url, image_factory=SvgPathFillImage, box_size=10).to_string(encoding="unicode")
