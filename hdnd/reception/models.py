"""Citizen reception (DOMAIN.md §7): the delegates' reception schedules and the reception register
with its cases. A case holds personal data: only the owning council's secretariat and leaders may
read it (see permissions.py)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hdnd.core.models import SearchableModel, TimeStampedModel
from hdnd.councils.models import Council, Delegate


def dmy(day):
    return day.strftime("%d/%m/%Y")


class ReceptionSchedule(TimeStampedModel):
    """A reception day: which delegates receive citizens, where and when."""

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="reception_schedules", verbose_name=_("council")
    )
    day = models.DateField(_("date"))
    starts_at = models.TimeField(_("from"), null=True, blank=True)
    ends_at = models.TimeField(_("to"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255)
    delegates = models.ManyToManyField(
        Delegate, related_name="reception_schedules", verbose_name=_("delegates receiving citizens")
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name = _("reception schedule")
        verbose_name_plural = _("reception schedules")
        ordering = ["-day", "starts_at", "pk"]
        indexes = [models.Index(fields=["council", "day"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True) | Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="reception_schedule_times_ordered",
                violation_error_message=_("The end time must be after the start time."),
            )
        ]

    def __str__(self):
        return f"{dmy(self.day)} – {self.place}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end time must be after the start time.")})


class CaseKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")
    PETITION = "petition", _("Petition")
    FEEDBACK = "feedback", _("Feedback")


class Handling(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted for handling")
    GUIDED = "guided", _("Returned with guidance")
    FORWARDED = "forwarded", _("Forwarded to the competent body")


class Case(SearchableModel):
    """One entry of the reception register (sổ tiếp công dân) and the case it brought: complaint,
    denunciation, petition or feedback, how it was handled and what came of it."""

    search_source_fields = ("citizen_name", "content", "forwarded_to")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="cases", verbose_name=_("council"))
    number = models.PositiveIntegerField(
        _("register number"), null=True, blank=True, help_text=_("Leave empty: the next number of the year.")
    )
    year = models.PositiveSmallIntegerField(editable=False, null=True)
    received_on = models.DateField(_("date"))
    citizen_name = models.CharField(_("full name"), max_length=150)
    citizen_address = models.CharField(_("address"), max_length=255, blank=True)
    id_document = models.CharField(_("ID document number"), max_length=20, blank=True)
    content = models.TextField(_("content of the case"))
    kind = models.CharField(_("kind of case"), max_length=14, choices=CaseKind.choices)
    people_count = models.PositiveIntegerField(_("number of people"), default=1)
    handled_before_by = models.CharField(_("body that already handled it"), max_length=255, blank=True)
    handling = models.CharField(_("handling"), max_length=10, choices=Handling.choices)
    forwarded_to = models.CharField(_("forwarded to"), max_length=255, blank=True)
    received_by = models.ForeignKey(
        Delegate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases_received",
        verbose_name=_("received by the delegate"),
    )
    result = models.TextField(_("result"), blank=True)
    result_on = models.DateField(_("date of the result"), null=True, blank=True)
    notes = models.CharField(_("notes"), max_length=500, blank=True)
    #: Identifies an entry imported from a spreadsheet, so that importing again adds nothing.
    fingerprint = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("reception register")
        ordering = ["-received_on", "-number"]
        indexes = [models.Index(fields=["council", "fingerprint"]), models.Index(fields=["council", "received_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "year", "number"],
                name="reception_case_number_unique_per_year",
                violation_error_message=_("This register number is already used in that year."),
            ),
            models.CheckConstraint(condition=Q(people_count__gte=1), name="reception_case_people_count_positive"),
        ]

    def __str__(self):
        return _("No. %(number)s of %(date)s") % {"number": self.number, "date": dmy(self.received_on)}

    def save(self, *args, **kwargs):
        self.year = self.received_on.year
        if self.number is None:
            last = Case.objects.filter(council_id=self.council_id, year=self.year).aggregate(m=models.Max("number"))
            self.number = (last["m"] or 0) + 1
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.received_on:
            self.year = self.received_on.year
        if self.handling == Handling.FORWARDED and not self.forwarded_to:
            errors["forwarded_to"] = _("Name the body the case was forwarded to.")
        elif self.handling != Handling.FORWARDED and self.forwarded_to:
            errors["forwarded_to"] = _("Leave this empty: the case was not forwarded.")
        if self.id_document and not self.id_document.isdigit():
            errors["id_document"] = _("An ID number has digits only (9 or 12 digits).")
        elif self.id_document and len(self.id_document) not in (9, 12):
            errors["id_document"] = _("An ID number has 9 or 12 digits.")
        if self.result_on and self.received_on and self.result_on < self.received_on:
            errors["result_on"] = _("The result cannot be dated before the case was received.")
        if self.received_by_id and self.council_id and self.received_by.council_id != self.council_id:
            errors["received_by"] = _("It must belong to the same council.")
        if errors:
            raise ValidationError(errors)
