"""Wagtail pages of the public portal: a council's home page, its news sections and their
articles (each with its images, captioned and described for those who cannot see them, and its
attached files)."""

import copy
import functools
from collections import defaultdict

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.dateparse import parse_datetime
from django.utils.html import strip_tags
from django.utils.http import http_date
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images.models import SourceImageIOError
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from hdnd.core.vntext import fold, readable_slug
from hdnd.councils.models import Council, Delegate, Term

from .routing import article_at


class PortalPage(Page):
    """What every page of a portal knows: its home page and the portal's frame around it (the
    menu, the footer, the sections' latest articles), which a page found by `HomePage.route`
    arrives with, so that it is served in three queries."""

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # Addresses in readable ASCII ("hoi-nghi-giao-ban"), whatever the editor typed or the page
        # editor proposed from the title ("hội-nghị-giao-ban").
        if self.slug and not self.slug.isascii():
            self.slug = readable_slug(self.slug)
        super().full_clean(*args, **kwargs)

    def portal_home(self):
        if isinstance(self, HomePage):
            return self
        if getattr(self, "_portal_home", None) is None:
            self._portal_home = HomePage.objects.ancestor_of(self).last()
        return self._portal_home

    def portal_frame(self):
        if getattr(self, "_portal_frame", None) is None:
            home = self.portal_home()
            self._portal_frame = home.frame() if home else None
        return self._portal_frame

    def full_url_in(self, request):
        """The page's address on the request's site (as get_full_url, without looking the sites up)."""
        site, home = getattr(request, "_wagtail_site", None), self.portal_home()
        if site is None or home is None or site.root_page_id != home.pk:
            return self.get_full_url(request)
        return site.root_url + self.url_path[len(home.url_path) - 1 :]

    def get_view_restrictions(self):
        # The query that found the page also asked whether it or a page above it is private.
        if getattr(self, "restricted", None) is False:
            return ()
        return super().get_view_restrictions()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(portal_context(self.portal_home(), request, frame=self.portal_frame()))
        # Its address, found once (each `page.full_url` in a template would look the sites up again).
        context["page_url"] = self.full_url_in(request)
        # The menu entry marked as the current one: the home page, or the section the page is (in).
        if isinstance(self, HomePage):
            context["nav_current"] = "home"
        else:
            context["nav_current"] = self.path if isinstance(self, NewsIndexPage) else self.path[: -self.steplen]
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        frame = self.portal_frame()
        # A page shows the portal's menu, latest and related articles: it changes whenever any
        # page of the portal is published, so that is its date of last modification.
        if frame and frame.last_published and not request.GET:
            response["Last-Modified"] = http_date(frame.last_published.timestamp())
        # Kept whole in the page cache (hdnd.portal.cache) and at the edge until the portal next
        # publishes (or, at most, PORTAL_PAGE_CACHE_SECONDS); browsers check each time (304).
        response.portal_cacheable = (
            not request.GET and not getattr(request, "is_preview", False) and not self.get_view_restrictions()
        )
        if response.portal_cacheable:
            patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PORTAL_PAGE_CACHE_SECONDS)
        else:
            patch_cache_control(response, private=True)
        return response


@functools.cache
def portal_links():
    """The addresses of the portal's views of records, the same on every page (reversed once per
    process: on the path every reader takes, reversing them each time costs more than the query)."""
    names = ["resolutions", "sessions", "delegates", "answers", "missions", "search", "rate"]
    names += ["news_rss", "news_atom", "resolutions_rss"]
    return {name: reverse(f"portal:{name}") for name in names}


def portal_context(home, request, frame=None):
    """The template context every page of the portal of `home` needs, Wagtail page or not."""
    if home is not None and frame is None:
        frame = home.frame()
    return {
        "home": home,
        "frame": frame,
        "links": portal_links(),
        "site_name": frame.site_name if frame else "",
        "sections": frame.sections if frame else [],
        "rating_scores": RATING_SCORES,
        "rating_message": RATING_MESSAGES.get(request.GET.get("danh-gia", "")) if request else None,
    }


class HomePage(PortalPage):
    """A council portal's home page: its introduction and the councils it covers."""

    intro = RichTextField(_("introduction"), blank=True)
    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("council")
    )

    content_panels = [*Page.content_panels, FieldPanel("council"), FieldPanel("intro")]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]  # each portal, or component of one, is a site of its own
    subpage_types = ["portal.NewsIndexPage", "portal.ArticlePage", "portal.EnglishPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        """An article, the page readers come for, is found with its portal's frame in one query;
        any other page by Wagtail's walk down the tree. (The home page itself may be shared by
        the requests of a process (hdnd.portal.sites): each is served a copy of its own.)"""
        if not path_components:
            if not self.live:
                raise Http404
            return RouteResult(copy.copy(self))
        article = article_at(self, path_components)
        if article is None:
            return super().route(request, path_components)
        if not article.live:
            raise Http404
        return RouteResult(article)

    def frame(self):
        """The portal's frame, built the first time it is asked for."""
        frame = PortalFrame.objects.filter(home=self).first()
        if frame is None:
            from .services import portal_frame_refresh

            frame = portal_frame_refresh(self)
        return frame

    def councils(self):
        """The site's council and the councils beneath it, each with its latest term and size."""
        if self.council is None:
            return []
        councils = list(self.portal_councils().select_related("unit").order_by("unit__level_rank", "unit__code"))
        today = timezone.localdate()
        portals = {home.council_id: home for home in HomePage.objects.filter(council__in=councils).live()}
        latest = {}
        for term in Term.objects.filter(council__in=councils, start_date__lte=today).order_by("council", "-start_date"):
            latest.setdefault(term.council_id, term)
        # Delegates in office on the same day are counted together: today, or the last day of an ended term.
        days = defaultdict(list)
        for council in councils:
            term = latest.get(council.pk)
            days[min(today, term.end_date) if term and term.end_date else today].append(council.pk)
        sizes = {}
        for on, ids in days.items():
            counted = (
                Delegate.objects.in_office_on(on).filter(council__in=ids).values("council").annotate(n=Count("pk"))
            )
            sizes.update({row["council"]: row["n"] for row in counted})
        return [
            {
                "council": council,
                "term": latest.get(council.pk),
                "delegates": sizes.get(council.pk, 0),
                "portal": portals.get(council.pk) if council.pk != self.council_id else None,
            }
            for council in councils
        ]

    def portal_councils(self):
        """The council of this portal and the councils beneath it, whose public records it shows."""
        if self.council is None:
            return Council.objects.none()
        return Council.objects.with_beneath(self.council)

    def portal_above(self):
        """The portal this one is a component of (a commune's: its district's or province's)."""
        parent_unit = self.council.unit.parent_id if self.council else None
        return HomePage.objects.filter(council__unit_id=parent_unit).live().first() if parent_unit else None

    def english_page(self):
        return EnglishPage.objects.child_of(self).live().public().first()

    def sections(self):
        return NewsIndexPage.objects.child_of(self).live().public()

    def latest_articles(self, count=6):
        return ArticlePage.objects.descendant_of(self).live().public().order_by("-date", "-pk")[:count]


class NewsIndexPage(PortalPage):
    """A news section of a portal, e.g. "Hoạt động HĐND" or "Tin kỳ họp": its articles, newest first."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.ArticlePage"]
    per_page = 10

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.child_of(self).live().public().order_by("-date", "-pk")
        context["articles"] = Paginator(articles, self.per_page).get_page(request.GET.get("trang"))
        return context


class ArticlePage(PortalPage):
    """A news article of a council's portal, e.g. the account of a briefing."""

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("council")
    )
    date = models.DateField(_("date"), help_text=_("Shown under the title as the date the article was updated."))
    intro = models.TextField(_("summary"), blank=True, help_text=_("Shown in lists and when the link is shared."))
    body = RichTextField(_("body"))
    author = models.CharField(_("author"), max_length=255, blank=True)
    #: The folded text the portal's search looks in (title, summary, body, author), as SearchableModel keeps it.
    search_text = models.TextField(editable=False, blank=True, default="")
    #: The article's figures (their renditions, descriptions and captions) and attached files as
    #: the page shows them, made when the article is saved: serving it asks the database nothing more.
    media = models.JSONField(editable=False, null=True)
    briefing = models.ForeignKey(
        "reports.Briefing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("briefing"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("author")], heading=_("Date and author")),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("images", label=_("images"), heading=_("Images")),
        InlinePanel("attachments", label=_("attached files"), heading=_("Attached files")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["portal.HomePage", "portal.NewsIndexPage"]
    subpage_types = []
    FIGURE_FILTER = "max-960x720"
    SHARE_FILTER = "fill-1200x630"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def full_clean(self, *args, **kwargs):
        self.search_text = self.folded_text()
        self.media = self.rendered_media()
        super().full_clean(*args, **kwargs)

    def folded_text(self):
        return fold(" ".join([self.title, self.intro, strip_tags(self.body or ""), self.author]))

    def rendered_media(self):
        """The figures and files as the page shows them (see `media`)."""
        figures = []
        for item in self.images.all():
            try:
                renditions = item.image.get_renditions(self.FIGURE_FILTER, self.SHARE_FILTER)
            except SourceImageIOError:
                continue  # the image's file is missing: the page goes without it rather than break
            shown, shared = renditions[self.FIGURE_FILTER], renditions[self.SHARE_FILTER]
            figures.append(
                {
                    "src": shown.url,
                    "width": shown.width,
                    "height": shown.height,
                    "alt": item.alt_text,
                    "caption": item.caption,
                    "share": shared.url,
                }
            )
        files = [
            {
                "url": item.document.url,
                "label": item.label(),
                "extension": item.document.file_extension.upper(),
                "size": item.document.get_file_size(),
            }
            for item in self.attachments.all()
        ]
        return {"figures": figures, "files": files}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["media"] = self.shown_media()
        context["description"] = Truncator(self.search_description or self.intro).chars(300)
        context["share_image"] = self.share_image(request)
        return context

    def shown_media(self):
        if self.media is None:  # saved before articles kept their media
            self.media = self.rendered_media()
        return self.media

    def share_image(self, request):
        """The absolute address of the image shown when a link to the article is shared."""
        figures = self.shown_media()["figures"]
        return request.build_absolute_uri(figures[0]["share"]) if figures else None

    def section(self):
        """The news section the article is in (None when it is right under the home page)."""
        parent_path = self.path[: -self.steplen]
        frame = self.portal_frame()
        if frame is not None:
            return next((s for s in frame.sections if s["path"] == parent_path), None)
        parent = self.get_parent().specific
        return (
            {"path": parent.path, "title": parent.title, "url": parent.url}
            if isinstance(parent, NewsIndexPage)
            else None
        )

    def related(self, count=5):
        """The latest other articles of the same section (or portal), as the frame lists them."""
        frame = self.portal_frame()
        latest = frame.latest_under(self.path[: -self.steplen]) if frame else []
        return [article for article in latest if article["id"] != self.pk][:count]


class ArticleImage(Orderable):
    """An image of an article, with its description for readers who cannot see it."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.PROTECT, related_name="+", verbose_name=_("image")
    )
    alt_text = models.CharField(
        _("description of the image"),
        max_length=255,
        help_text=_("What the image shows, for readers who cannot see it (read aloud by screen readers)."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class ArticleAttachment(Orderable):
    """A file attached to an article: a resolution, a report, a programme."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("file")
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Leave empty to use the file's own title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")

    def label(self):
        return self.title or self.document.title


class EnglishPage(PortalPage):
    """The portal's page in English: the council's organisation and how to contact it."""

    body = RichTextField(_("text in English"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page in English")
        verbose_name_plural = _("pages in English")


class PortalFrame(models.Model):
    """What every page of a portal shows around its own content — the site's name, the menu of
    sections, the footer's links, each section's latest articles — and when any page of the portal
    was last published. `portal_frame_refresh` rebuilds it whenever a page of the portal is
    published, unpublished, moved or deleted; serving a page only reads it."""

    home = models.OneToOneField(HomePage, on_delete=models.CASCADE, primary_key=True, related_name="+")
    data = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("portal frame")
        verbose_name_plural = _("portal frames")

    def __str__(self):
        return self.site_name

    @property
    def site_name(self):
        return self.data.get("site_name", "")

    @property
    def home_url(self):
        return self.data.get("home_url", "/")

    @property
    def sections(self):
        return self.data.get("sections", [])

    @property
    def english_url(self):
        return self.data.get("english_url")

    @property
    def open_data_url(self):
        """The council's open-data bundle (the API's, renewed nightly)."""
        return self.data.get("open_data_url")

    @property
    def api_docs_url(self):
        return self.data.get("api_docs_url")

    @property
    def above(self):
        return self.data.get("above")

    @property
    def last_published(self):
        value = self.data.get("last_published")
        return parse_datetime(value) if value else None

    def latest_under(self, parent_path):
        """The latest articles right under the page at `parent_path` (the home page or a section)."""
        return self.data.get("latest", {}).get(parent_path, [])


RATING_SCORES = [(5, "Rất hài lòng"), (4, "Hài lòng"), (3, "Bình thường"), (2, "Chưa hài lòng"), (1, "Không hài lòng")]
RATING_MESSAGES = {
    "cam-on": "Cảm ơn bạn đã đánh giá trang này.",
    "da-co": "Hôm nay bạn đã đánh giá trang này rồi: mỗi ngày, mỗi trang chỉ ghi nhận một lần đánh giá.",
    "chon": "Hãy chọn một mức hài lòng rồi bấm “Gửi đánh giá”.",
}


class PageRating(models.Model):
    """A reader's satisfaction with a page of a portal: one a day per reader and page. The reader is
    known only by a keyed hash of their address and browser, which changes every day."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("site"))
    path = models.CharField(_("page"), max_length=255)
    day = models.DateField(_("date"))
    score = models.PositiveSmallIntegerField(_("satisfaction"))
    visitor = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name = _("page rating")
        verbose_name_plural = _("page ratings")
        constraints = [
            models.UniqueConstraint(fields=["site", "path", "day", "visitor"], name="portal_one_rating_a_day"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="portal_rating_score_1_5"),
        ]
        indexes = [models.Index(fields=["site", "path"])]

    def __str__(self):
        return f"{self.path} – {self.day:%d/%m/%Y}: {self.score}"
