from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.admin.views import account

from . import forms, services, two_factor
from .models import CouncilRole
from .permissions import AdminOnlyPermissionPolicy
from .viewsets import CouncilScopedViewSet


class CouncilRoleViewSet(CouncilScopedViewSet):
    """Who works for which council, in which role. Managed by the system administrator."""

    model = CouncilRole
    icon = "key"
    url_prefix = "vai-tro"
    menu_label = _("Council roles")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["user", "council", "role"]
    list_select_related = ("user", "council")
    search_fields = ["user__username", "user__first_name", "user__last_name", "council__name"]
    list_filter = ["role"]
    list_export = ["user", "council", "role"]
    export_filename = "vai-tro"
    form_fields = ["user", "council", "role"]

    @cached_property
    def permission_policy(self):
        return AdminOnlyPermissionPolicy(self.model)


class LoginView(account.LoginView):
    """Wagtail's sign-in, stopping after the password for a user with two-factor sign-in on: the
    user is not signed in until the second step accepts a code."""

    def get(self, request, *args, **kwargs):
        two_factor.forget_pending(request)  # "Back to sign-in" starts again from the password
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.get_user()
        if two_factor.is_enabled(user):
            two_factor.start_pending(
                self.request, user, next_url=self.get_success_url(), remember=form.cleaned_data.get("remember")
            )
            return redirect("two_factor_sign_in")
        response = super().form_valid(form)
        if two_factor.is_required(user):
            self.request.session[two_factor.MUST_ENROL_KEY] = True
            return redirect("two_factor_setup")
        return response


@method_decorator([sensitive_post_parameters(), csrf_protect, never_cache], name="dispatch")
class TwoFactorSignInView(FormView):
    """The second step: the code from the app, or a backup code. Each wrong code counts for
    django-axes as a wrong password does, and for django-otp's throttling of the device."""

    template_name = "accounts/two_factor_sign_in.html"
    form_class = forms.TwoFactorCodeForm

    def dispatch(self, request, *args, **kwargs):
        self.user, self.pending = two_factor.pending(request)
        if self.user is None:
            two_factor.forget_pending(request)
            if self.pending is not None:
                messages.error(request, _("The sign-in took too long. Please enter your username and password again."))
            return redirect("wagtailadmin_login")
        credentials = {"username": self.user.get_username()}
        if AxesProxyHandler.is_locked(request, credentials):
            two_factor.forget_pending(request)
            return get_lockout_response(request, None, credentials)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.user}

    def form_invalid(self, form):
        if form.has_error("code", "wrong") or form.has_error("code", "throttled"):
            two_factor.report_failure(self.request, self.user)
            if getattr(self.request, "axes_locked_out", False):
                # The last try allowed: AxesMiddleware answers with the lockout page.
                two_factor.forget_pending(self.request)
        return super().form_invalid(form)

    def form_valid(self, form):
        user, device = self.user, form.device
        user.otp_device = device  # kept in the session by django-otp, for is_verified()
        two_factor.forget_pending(self.request)
        auth_login(self.request, user, backend=self.pending["backend"])
        self.request.session.set_expiry(settings.SESSION_COOKIE_AGE if self.pending["remember"] else 0)
        if isinstance(device, StaticDevice):
            messages.warning(
                self.request,
                _("You signed in with a backup code; %(count)s left. Each code works only once.")
                % {"count": device.token_set.count()},
            )
        return redirect(self.pending["next"])


def two_factor_setup(request):
    """The account's two-factor page: its state when on; otherwise the QR code and the secret to
    add to an app, and a code from the app to confirm. The backup codes are shown once."""
    user = request.user
    if two_factor.is_enabled(user):
        return TemplateResponse(
            request,
            "accounts/two_factor_on.html",
            {
                "codes_left": two_factor.backup_codes_left(user),
                "can_disable": not two_factor.is_required(user),
                "disable_url": reverse("two_factor_disable"),
            },
        )
    key = two_factor.new_key(request)
    form = forms.TwoFactorEnableForm(request.POST or None)
    if form.is_valid():
        try:
            codes = services.two_factor_enable(actor=user, user=user, key=key, code=form.cleaned_data["code"])
        except ValidationError as exc:
            form.add_error("code", exc)
        else:
            request.session.pop(two_factor.NEW_KEY_KEY, None)
            request.session.pop(two_factor.MUST_ENROL_KEY, None)
            return TemplateResponse(request, "accounts/two_factor_backup_codes.html", {"codes": codes})
    return TemplateResponse(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": mark_safe(two_factor.qr_svg(user, key)),  # noqa: S308 - made by qrcode from our own data
            "secret": two_factor.readable_secret(key),
            "must_enrol": request.session.get(two_factor.MUST_ENROL_KEY, False),
        },
    )


@sensitive_post_parameters()
def two_factor_disable(request):
    user = request.user
    back = reverse("two_factor_setup")
    if not two_factor.is_enabled(user):
        return redirect(back)
    if two_factor.is_required(user):
        messages.error(request, _("Council leaders must use two-factor sign-in: it cannot be turned off."))
        return redirect(back)
    form = forms.TwoFactorDisableForm(request.POST or None, user=user)
    # Guessing the password or a code here counts towards the same lock as signing in.
    credentials = {"username": user.get_username()}
    if form.is_bound and AxesProxyHandler.is_locked(request, credentials):
        return get_lockout_response(request, None, credentials)
    if form.is_valid():
        services.two_factor_disable(actor=user, user=user)
        messages.success(request, _("Two-factor sign-in is off."))
        return redirect(back)
    if form.has_error(NON_FIELD_ERRORS, "wrong") or form.has_error(NON_FIELD_ERRORS, "throttled"):
        two_factor.report_failure(request, user)
    return TemplateResponse(
        request,
        "core/action_form.html",
        {
            "page_title": _("Turn off two-factor sign-in"),
            "icon": "lock-open",
            "form": form,
            "submit_label": _("Turn off"),
            "explanation": _("To confirm, enter your password or a current code from your authenticator app."),
            "back_url": back,
        },
    )
