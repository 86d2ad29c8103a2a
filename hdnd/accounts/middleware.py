from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import two_factor


class TwoFactorEnrolmentMiddleware:
    """With TWO_FACTOR_REQUIRED_FOR_LEADERS on, a council leader who signed in without two-factor
    sign-in (flagged in the session at sign-in) is sent to its enrolment page from every other
    back-office page until it is on. Other paths are not looked at, so that the portal's requests
    never touch the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.TWO_FACTOR_REQUIRED_FOR_LEADERS and request.path.startswith(reverse("wagtailadmin_home")):
            setup = reverse("two_factor_setup")
            allowed = {
                setup,
                reverse("wagtailadmin_logout"),
                reverse("wagtailadmin_javascript_catalog"),
                reverse("wagtailadmin_sprite"),
            }
            if request.path not in allowed and request.session.get(two_factor.MUST_ENROL_KEY):
                return redirect(setup)
        return self.get_response(request)
