"""The back office's sign-in, in front of Wagtail's own (config/urls.py includes these under
/quan-tri/ before Wagtail's admin): the password, then the second step when two-factor sign-in is
on. Both are reached before signing in, so they cannot be Wagtail admin URLs, which all require it."""

from django.urls import path

from .views import LoginView, TwoFactorSignInView

urlpatterns = [
    path("login/", LoginView.as_view(), name="wagtailadmin_login"),
    path("login/ma-xac-thuc/", TwoFactorSignInView.as_view(), name="two_factor_sign_in"),
]
