"""Setting up a council's portal, and keeping its frame up to date as its pages are published."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from hdnd.core.vntext import readable_slug
from hdnd.councils.models import Council
from hdnd.councils.services import unit_title

from .cache import portal_pages_expire
from .chrome import chrome_render
from .models import ArticlePage, HomePage, PortalFrame, portal_context
from .permissions import portal_memberships_sync
from .sites import portal_sites_changed


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
        portal_memberships_sync(home)
    return home


def portal_component_install(*, actor, council):
    """Gives a council beneath a portal its own pages as a component of that portal: a home page
    of its own, served on a sub-domain of the portal above (xakimlu.huyennari…), which its own
    secretariat and leaders write and publish — the council above reads it but does not edit it."""
    above = Council.objects.filter(unit=council.unit.parent_id).first() if council.unit.parent_id else None
    parent_home = HomePage.objects.filter(council=above).first() if above else None
    parent_site = parent_home.get_site() if parent_home else None
    if parent_site is None:
        raise ValidationError(
            _("The council above has no portal yet: the pages of %(council)s are a component of it.")
            % {"council": council.name}
        )
    with transaction.atomic():
        home = HomePage.objects.filter(council=council).first()
        if home is None:
            home = HomePage(title=council.name, slug=readable_slug(council.unit.name), council=council)
            Page.get_first_root_node().add_child(instance=home)
            home.save_revision(user=actor, log_action=True).publish(user=actor, skip_permission_checks=True)
        hostname = f"{readable_slug(council.unit.name).replace('-', '')}.{parent_site.hostname}"
        Site.objects.update_or_create(
            root_page=home,
            defaults={"hostname": hostname, "port": parent_site.port, "site_name": council.name},
        )
        portal_memberships_sync(home)
    return home


def _paragraphs(lines):
    return "".join(f"<p>{escape(line)}</p>" for line in lines if line)


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def article_draft_from_briefing(*, actor, briefing):
    """Drafts the portal's news article on a briefing — its opening, the figures as they stood
    and the conclusions — unpublished, for the secretariat to edit and a leader to publish."""
    existing = ArticlePage.objects.filter(briefing=briefing).first()
    if existing is not None:
        return existing
    home = HomePage.objects.filter(council=briefing.council).first()
    if home is None:
        raise ValidationError(_("This council has no portal yet: set up its home page first."))
    chairs = "; ".join(_lines(briefing.chairs))
    host = f"Thường trực HĐND {unit_title(briefing.council.unit)}"
    opening = f"Ngày {briefing.held_on:%d/%m/%Y}, {host} tổ chức {briefing.title[0].lower()}{briefing.title[1:]}"
    opening += f" tại {briefing.place}." if briefing.place else "."
    if chairs:
        opening += f" {chairs} chủ trì hội nghị."
    participants = _lines(briefing.participants)
    if participants:
        opening += f" Dự hội nghị có {'; '.join(participants)}."
    body = _paragraphs([opening, *briefing.figures.get("paragraphs", [])])
    if briefing.conclusions:
        body += _paragraphs(_lines(briefing.conclusions))
    with transaction.atomic():
        article = ArticlePage(
            title=briefing.title,
            slug=f"giao-ban-{briefing.pk}-{briefing.held_on:%Y%m%d}",
            council=briefing.council,
            date=briefing.held_on,
            intro=opening,
            body=body,
            briefing=briefing,
            live=False,
            owner=actor,
        )
        home.add_child(instance=article)
        article.save_revision(user=actor, log_action=True)
    return article


#: How many of a section's latest articles the frame keeps: the five "related articles" an
#: article shows are these without itself.
LATEST_PER_SECTION = 6


def _article_link(article, site):
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.relative_url(site),
        "date": article.date.isoformat(),
        "day": f"{article.date:%d/%m/%Y}",
    }


def portal_frame_refresh(home):
    """Rebuilds what every page of `home`'s portal shows around its own content (PortalFrame) and
    expires the portal's cached pages. Called whenever a page of the portal changes in public."""
    home = HomePage.objects.get(pk=home.pk)  # the live title, whatever the caller holds
    site = home.get_site()
    pages = Page.objects.descendant_of(home, inclusive=True)
    sections = list(home.sections())
    latest = {}
    for parent in [home, *sections]:
        articles = ArticlePage.objects.child_of(parent).live().public().order_by("-date", "-pk")
        latest[parent.path] = [_article_link(a, site) for a in articles[:LATEST_PER_SECTION]]
    english = home.english_page()
    above = home.portal_above()
    last_published = pages.aggregate(last=Max("last_published_at"))["last"]
    data = {
        "site_name": home.title,
        "home_url": home.relative_url(site) if site else "/",
        "sections": [{"id": s.pk, "path": s.path, "title": s.title, "url": s.relative_url(site)} for s in sections],
        "english_url": english.relative_url(site) if english else None,
        "open_data_url": reverse("api-v1:council_export", kwargs={"council_id": home.council_id})
        if home.council_id
        else None,
        "api_docs_url": reverse("api-v1:openapi-view"),
        "above": {"title": above.title, "url": above.full_url} if above else None,
        "latest": latest,
        "last_published": last_published.isoformat() if last_published else None,
    }
    frame = PortalFrame(home=home, data=data)
    data["chrome"] = chrome_render(portal_context(home, None, frame=frame))
    frame, _created = PortalFrame.objects.update_or_create(home=home, defaults={"data": data})
    portal_pages_expire(site)
    return frame


def portal_frames_refresh(*, homes=None):
    """Rebuilds the frames of `homes` (all portals when None), e.g. when a portal's name, which
    the portals beneath show in their footers, changes."""
    portal_sites_changed()
    for home in homes if homes is not None else HomePage.objects.all():
        portal_frame_refresh(home)
