from django.urls import path
from wagtail import hooks

from . import actions


@hooks.register("register_admin_urls")
def register_portal_admin_urls():
    return [
        path(
            "ban-tin-tu-giao-ban/<int:pk>/",
            actions.article_from_briefing,
            name="portal_article_from_briefing",
        )
    ]
