"""Setting up a council's portal."""

from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage


def portal_install(*, actor, council, intro="", hostname="localhost", port=80):
    """Makes `council`'s home page the root of the default site, replacing Wagtail's welcome page."""
    with transaction.atomic():
        home = HomePage.objects.filter(council=council).first()
        if home is None:
            root = Page.get_first_root_node()
            home = HomePage(title=council.name, slug=f"hdnd-{council.unit.code}", council=council, intro=intro)
            root.add_child(instance=home)
            home.save_revision(user=actor, log_action=True).publish(user=actor, skip_permission_checks=True)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        previous_root = site.root_page if site.pk else None
        site.hostname, site.port, site.root_page, site.site_name = hostname, port, home, council.name
        site.save()
        if (
            previous_root
            and previous_root.pk != home.pk
            and previous_root.specific_class is Page
            and previous_root.depth == 2
        ):
            previous_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" placeholder
    return home
