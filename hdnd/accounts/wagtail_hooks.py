from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .views import CouncilRoleViewSet, two_factor_disable, two_factor_setup


@hooks.register("register_admin_viewset")
def register_council_role_viewset():
    return CouncilRoleViewSet()


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("xac-thuc-hai-buoc/", two_factor_setup, name="two_factor_setup"),
        path("xac-thuc-hai-buoc/tat/", two_factor_disable, name="two_factor_disable"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Ask for a code from an authenticator app on your phone at each sign-in."),
    }
