"""Briefings (hội nghị giao ban, DOMAIN.md §8): a higher level's standing committee meets the
levels beneath to review a period; the figures are frozen as they stood on the day."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from hdnd.core.models import SearchableModel
from hdnd.councils.models import Council
from hdnd.oversight.models import TaskOwner, TaskStatus


class Briefing(SearchableModel, ClusterableModel):
    """A briefing conference: who met, which period they reviewed, the figures as they stood,
    what was discussed and concluded, and the tasks assigned."""

    search_source_fields = ("title", "discussion", "conclusions")

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="briefings", verbose_name=_("host council")
    )
    title = models.CharField(_("title"), max_length=500)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    chairs = models.TextField(_("chaired by"), help_text=_("One person per line: name – position."))
    participants = models.TextField(_("participants"), blank=True, help_text=_("One per line."))
    attending_councils = ParentalManyToManyField(
        Council, blank=True, related_name="briefings_attended", verbose_name=_("attending councils")
    )
    period_start = models.DateField(_("reviewed from"))
    period_end = models.DateField(_("reviewed to"))
    include_beneath = models.BooleanField(_("figures of the councils beneath too"), default=True)
    figures = models.JSONField(_("figures as they stood"), default=dict, blank=True, editable=False)
    discussion = models.TextField(_("discussion"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)

    class Meta:
        verbose_name = _("briefing")
        verbose_name_plural = _("briefings")
        ordering = ["-held_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="reports_briefing_period_ordered",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self):
        return f"{self.held_on:%d/%m/%Y}: {self.title}"

    def clean(self):
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The end date cannot be before the start date.")
        if self.period_end and self.held_on and self.period_end > self.held_on:
            errors["period_end"] = _("A briefing reviews a period that has ended by its date (%(date)s).") % {
                "date": self.held_on.strftime("%d/%m/%Y")
            }
        if errors:
            raise ValidationError(errors)


class BriefingTask(models.Model):
    """A task the briefing assigned, followed like the tasks of a work programme."""

    briefing = ParentalKey(Briefing, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("briefing"))
    title = models.CharField(pgettext_lazy("programme", "task"), max_length=500)
    owner = models.CharField(pgettext_lazy("programme", "owner"), max_length=20, choices=TaskOwner.choices)
    assignee = models.CharField(
        _("assigned to"), max_length=255, blank=True, help_text=_("Which committee, council or person.")
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.PLANNED)

    panels = ["title", "owner", "assignee", "due_date", "status"]

    class Meta:
        verbose_name = pgettext_lazy("programme", "task")
        verbose_name_plural = pgettext_lazy("programme", "tasks")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title
