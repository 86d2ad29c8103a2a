"""What machines read of a portal: RSS and Atom feeds of its news and resolutions, its sitemap
(Wagtail's pages and the published resolutions) and robots.txt."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap

from .common import portal_home
from .models import ArticlePage
from .resolutions import published_resolutions

ITEMS = 30


class NewsFeed(Feed):
    def get_object(self, request):
        self.request = request
        return portal_home(request)

    def title(self, home):
        return _("News – %(portal)s") % {"portal": home.title}

    def link(self, home):
        return home.get_url(self.request)

    def description(self, home):
        return _("The latest articles of the portal of %(portal)s.") % {"portal": home.title}

    def items(self, home):
        return ArticlePage.objects.descendant_of(home).live().public().order_by("-date", "-pk")[:ITEMS]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.intro

    def item_link(self, article):
        return article.get_url(self.request)

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return article.author or None


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class ResolutionFeed(Feed):
    def get_object(self, request):
        return portal_home(request)

    def title(self, home):
        return _("Resolutions – %(portal)s") % {"portal": home.title}

    def link(self, home):
        return reverse("portal:resolutions")

    def description(self, home):
        return _("The resolutions published by %(portal)s and the councils beneath it.") % {"portal": home.title}

    def items(self, home):
        return published_resolutions(home).order_by("-published_at", "-pk")[:ITEMS]

    def item_title(self, resolution):
        return f"{_('Resolution')} {resolution.symbol}: {resolution.subject}"

    def item_description(self, resolution):
        return f"{resolution.council.name}, {resolution.adopted_on:%d/%m/%Y}"

    def item_link(self, resolution):
        return reverse("portal:resolution", args=[resolution.pk])

    def item_pubdate(self, resolution):
        return resolution.published_at


class ResolutionAtomFeed(ResolutionFeed):
    feed_type = Atom1Feed
    subtitle = ResolutionFeed.description


class ResolutionSitemap(Sitemap):
    """The published resolutions of the request's portal, for search engines."""

    def items(self):
        return published_resolutions(portal_home(self.request)).order_by("pk")

    def _urls(self, page, protocol, domain):
        return [
            {
                "item": resolution,
                "location": self.request.build_absolute_uri(reverse("portal:resolution", args=[resolution.pk])),
                "lastmod": resolution.published_at,
            }
            for resolution in self.paginator.page(page).object_list
        ]


SITEMAPS = {"trang": Sitemap, "nghi-quyet": ResolutionSitemap}


def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /quan-tri/",
        "Disallow: /i18n/",
        f"Sitemap: {request.build_absolute_uri(reverse('portal:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
