from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from . import two_factor


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form, with a translatable label for the password field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
        self.fields["password"].widget = forms.PasswordInput(attrs={"placeholder": _("Enter password")})


class CodeInput(forms.TextInput):
    """A one-time code, which a phone's keyboard may offer to fill in from the authenticator app."""

    def __init__(self, **attrs):
        super().__init__(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "size": 12, "spellcheck": "false", **attrs}
        )


class TwoFactorCodeForm(forms.Form):
    """The second step of signing in: the app's code or a backup code for `user`."""

    code = forms.CharField(label=_("Verification code"), max_length=32, widget=CodeInput())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_code(self):
        self.device = two_factor.verify_code(self.user, self.cleaned_data["code"])
        return self.cleaned_data["code"]


class TwoFactorEnableForm(forms.Form):
    code = forms.CharField(label=_("Verification code"), max_length=12, widget=CodeInput(inputmode="numeric"))


class TwoFactorDisableForm(forms.Form):
    """Turning two-factor sign-in off asks again for the password or a current code, so that a
    session left open cannot do it."""

    password = forms.CharField(label=_("Password"), required=False, strip=False, widget=forms.PasswordInput())
    code = forms.CharField(
        label=_("Verification code"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "size": 12, "spellcheck": "false"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        password, code = self.cleaned_data.get("password"), self.cleaned_data.get("code")
        if not password and not code:
            raise forms.ValidationError(_("Enter your password or a current verification code."), code="required")
        if password and self.user.check_password(password):
            return self.cleaned_data
        if code:
            try:
                two_factor.verify_code(self.user, code)
            except forms.ValidationError as exc:
                if exc.code == "throttled":
                    raise
            else:
                return self.cleaned_data
        raise forms.ValidationError(_("The password or the code is wrong."), code="wrong")
