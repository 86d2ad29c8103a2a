from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hdnd.accounts.scoping import VIEW, has_any_council_permission

from . import actions, ratings


@hooks.register("register_admin_urls")
def register_portal_admin_urls():
    return [
        path(
            "ban-tin-tu-giao-ban/<int:pk>/",
            actions.article_from_briefing,
            name="portal_article_from_briefing",
        ),
        path("danh-gia-cua-ban-doc/", ratings.rating_report, name="portal_ratings"),
    ]


class RatingsMenuItem(MenuItem):
    def is_shown(self, request):
        return has_any_council_permission(request.user, VIEW)


@hooks.register("register_admin_menu_item")
def register_ratings_menu_item():
    return RatingsMenuItem(_("Readers' ratings"), reverse("portal_ratings"), icon_name="pick", order=280)
