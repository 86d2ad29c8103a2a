"""Wagtail pages of the public portal. The home page introduces the councils of the site."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from hdnd.councils.models import Council, Delegate


class HomePage(Page):
    """A council portal's home page: its introduction and the councils it covers."""

    intro = RichTextField(_("introduction"), blank=True)
    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("council")
    )

    content_panels = [*Page.content_panels, FieldPanel("council"), FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def councils(self):
        """The site's council and the councils beneath it, each with its latest term and size."""
        if self.council is None:
            return []
        unit = self.council.unit
        councils = Council.objects.filter(
            models.Q(pk=self.council.pk) | models.Q(unit__parent=unit) | models.Q(unit__parent__parent=unit)
        ).select_related("unit")
        today = timezone.localdate()
        rows = []
        for council in councils:
            term = council.terms.filter(start_date__lte=today).order_by("-start_date").first()
            on = min(today, term.end_date) if term and term.end_date else today
            rows.append(
                {
                    "council": council,
                    "term": term,
                    "delegates": Delegate.objects.in_office(council=council, on=on).count(),
                }
            )
        return rows


class ArticlePage(Page):
    """A news article of a council's portal, e.g. the account of a briefing."""

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("council")
    )
    date = models.DateField(_("date"))
    intro = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"))
    briefing = models.ForeignKey(
        "reports.Briefing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("briefing"),
    )

    content_panels = [*Page.content_panels, FieldPanel("date"), FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["portal.HomePage"]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
