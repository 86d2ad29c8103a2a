"""Voter contact (DOMAIN.md §6): the meetings where delegates hear voters, and the voter
petitions collected there, followed from collection to the answer and back to the voters."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hdnd.core.models import SearchableModel
from hdnd.core.uploads import validate_uploaded_document
from hdnd.councils.models import Council, Delegate, DelegateGroup
from hdnd.meetings.models import Session


def dmy(day):
    return day.strftime("%d/%m/%Y")


class Timing(models.TextChoices):
    BEFORE = "before", _("Before the session")
    AFTER = "after", _("After the session")


class MeetingForm(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BOTH = "both", _("In person and online")


class VoterMeeting(SearchableModel):
    """A voter meeting (tiếp xúc cử tri) held with the Fatherland Front before or after a session."""

    search_source_fields = ("place", "front_representative")

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="voter_meetings", verbose_name=_("council")
    )
    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, related_name="voter_meetings", verbose_name=_("session")
    )
    timing = models.CharField(_("before or after the session"), max_length=6, choices=Timing.choices)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255)
    form = models.CharField(_("form"), max_length=10, choices=MeetingForm.choices, default=MeetingForm.IN_PERSON)
    delegate_group = models.ForeignKey(
        DelegateGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="voter_meetings",
        verbose_name=_("delegate group"),
    )
    delegates = models.ManyToManyField(
        Delegate, blank=True, related_name="voter_meetings", verbose_name=_("delegates present")
    )
    front_representative = models.CharField(_("Fatherland Front representative"), max_length=255, blank=True)
    voters_count = models.PositiveIntegerField(_("number of voters"), default=0)
    minutes_file = models.FileField(
        _("minutes file"),
        upload_to="tiep-xuc-cu-tri/bien-ban/%Y/",
        blank=True,
        validators=[validate_uploaded_document],
        help_text=_("PDF, DOCX or DOC."),
    )

    class Meta:
        verbose_name = _("voter meeting")
        verbose_name_plural = _("voter meetings")
        ordering = ["-held_on", "pk"]
        indexes = [models.Index(fields=["council", "held_on"])]

    def __str__(self):
        return f"{dmy(self.held_on)} – {self.place}"

    def clean(self):
        errors = {}
        for field in ("session", "delegate_group"):
            related = getattr(self, field) if getattr(self, f"{field}_id") else None
            if related and self.council_id and related.council_id != self.council_id:
                errors[field] = _("It must belong to the same council.")
        if self.session_id and self.held_on and not errors.get("session"):
            start = self.session.start
            if self.timing == Timing.BEFORE and self.held_on > start:
                errors["held_on"] = _("A meeting before the session must be held by its first day (%(date)s).") % {
                    "date": dmy(start)
                }
            if self.timing == Timing.AFTER and self.held_on < self.session.end:
                errors["held_on"] = _("A meeting after the session cannot be held before its last day (%(date)s).") % {
                    "date": dmy(self.session.end)
                }
        if errors:
            raise ValidationError(errors)


class PetitionField(models.TextChoices):
    LAND = "land", _("Land, resources and environment")
    INFRASTRUCTURE = "infrastructure", _("Transport, construction and infrastructure")
    AGRICULTURE = "agriculture", _("Agriculture and rural development")
    ECONOMY = "economy", _("Economy, finance and budget")
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health and insurance")
    SOCIAL = "social", _("Labour and social policy")
    CULTURE = "culture", _("Culture, information and sport")
    SECURITY = "security", _("Defence, security and public order")
    GOVERNMENT = "government", _("Government, officials and administrative reform")
    OTHER = "other", _("Other")


class CompetentLevel(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    DISTRICT = "district", _("District")
    PROVINCE = "province", _("Province")
    CENTRAL = "central", _("Central (through the National Assembly delegation)")


class PetitionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    CLASSIFIED = "classified", _("Classified")
    FORWARDED = "forwarded", _("Forwarded")
    ANSWERED = "answered", _("Answered")
    REPORTED_BACK = "reported_back", _("Reported back to voters")
    MERGED = "merged", _("Merged into another")


PETITION_STEPS = [
    PetitionStatus.RECEIVED,
    PetitionStatus.CLASSIFIED,
    PetitionStatus.FORWARDED,
    PetitionStatus.ANSWERED,
    PetitionStatus.REPORTED_BACK,
]
ANSWERED_STATUSES = (PetitionStatus.ANSWERED, PetitionStatus.REPORTED_BACK)
#: What a petition needs once it has reached each step.
STEP_REQUIREMENTS = {
    PetitionStatus.CLASSIFIED: ("field", "competent_level", "competent_body"),
    PetitionStatus.FORWARDED: ("forwarded_on", "deadline"),
    PetitionStatus.ANSWERED: ("answer", "answered_on"),
    PetitionStatus.REPORTED_BACK: ("reported_at",),
}


class VoterPetitionQuerySet(models.QuerySet):
    def answered(self):
        """What the public portal and the public API may show: petitions with their answer."""
        return self.filter(status__in=ANSWERED_STATUSES)

    def unanswered(self):
        return self.exclude(status__in=(*ANSWERED_STATUSES, PetitionStatus.MERGED))

    def for_session_report(self, session):
        """The petitions of a session's consolidated report: those collected for it, and those of
        earlier sessions of the council still waiting for an answer (carried over)."""
        earlier = Q(session__council=session.council, session__planned_start__lt=session.planned_start)
        waiting_then = ~Q(status__in=ANSWERED_STATUSES) | Q(answered_on__gt=session.start)
        return self.exclude(status=PetitionStatus.MERGED).filter(Q(session=session) | (earlier & waiting_then))

    def with_sessions_waited(self, on=None):
        """Annotates how many later sessions of the council an unanswered petition has waited
        through (held after the session it was collected for, up to `on` or its answer)."""
        on = on or datetime.date.today()
        later = (
            Session.objects.filter(
                council=OuterRef("session__council"),
                planned_start__gt=OuterRef("session__planned_start"),
                planned_start__lte=Coalesce(OuterRef("answered_on"), Value(on)),
            )
            .order_by()
            .values("council")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(sessions_waited=Coalesce(Subquery(later), 0))


class VoterPetition(SearchableModel):
    """A voter petition (kiến nghị cử tri): what voters asked, who must answer, and the answer."""

    search_source_fields = ("text", "area", "competent_body", "answer")

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="voter_petitions", verbose_name=_("council")
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        related_name="voter_petitions",
        verbose_name=_("collected for the session"),
    )
    meetings = models.ManyToManyField(
        VoterMeeting, blank=True, related_name="petitions", verbose_name=_("voter meetings it came from")
    )
    received_on = models.DateField(_("received on"))
    text = models.TextField(_("petition"))
    area = models.CharField(_("voters of"), max_length=255, blank=True, help_text=_("Village, commune or area."))
    field = models.CharField(
        pgettext_lazy("petition", "field"), max_length=16, choices=PetitionField.choices, blank=True
    )
    competent_level = models.CharField(_("competent level"), max_length=10, choices=CompetentLevel.choices, blank=True)
    competent_body = models.CharField(_("competent body"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=14, choices=PetitionStatus.choices, default=PetitionStatus.RECEIVED
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("merged into"),
    )
    forwarded_on = models.DateField(_("forwarded on"), null=True, blank=True)
    deadline = models.DateField(_("answer deadline"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer_file = models.FileField(
        _("answer file"),
        upload_to="kien-nghi-cu-tri/tra-loi/%Y/",
        blank=True,
        validators=[validate_uploaded_document],
        help_text=_("PDF, DOCX or DOC."),
    )
    reported_at = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reported_petitions",
        verbose_name=_("answer reported at the session"),
    )
    #: Identifies a petition imported from a spreadsheet, so that importing again adds nothing.
    fingerprint = models.CharField(max_length=64, blank=True, default="", editable=False)

    objects = VoterPetitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("voter petition")
        verbose_name_plural = _("voter petitions")
        ordering = ["-received_on", "pk"]
        indexes = [models.Index(fields=["council", "fingerprint"]), models.Index(fields=["council", "received_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(forwarded_on__isnull=True) | Q(deadline__isnull=True) | Q(deadline__gte=F("forwarded_on")),
                name="petitions_deadline_after_forwarding",
                violation_error_message=_("The answer deadline cannot be before the forwarding date."),
            ),
        ]

    def __str__(self):
        return self.text[:120]

    def clean(self):
        errors = {}
        for field in ("session", "reported_at", "merged_into"):
            related = getattr(self, field) if getattr(self, f"{field}_id") else None
            if related and self.council_id and related.council_id != self.council_id:
                errors[field] = _("It must belong to the same council.")
        if self.merged_into_id and self.merged_into_id == self.pk:
            errors["merged_into"] = _("A petition cannot be merged into itself.")
        if self.forwarded_on and self.received_on and self.forwarded_on < self.received_on:
            errors["forwarded_on"] = _("It cannot be forwarded before it was received (%(date)s).") % {
                "date": dmy(self.received_on)
            }
        if self.deadline and self.forwarded_on and self.deadline < self.forwarded_on:
            errors["deadline"] = _("The answer deadline cannot be before the forwarding date.")
        if self.answered_on and self.received_on and self.answered_on < self.received_on:
            errors["answered_on"] = _("The answer cannot be dated before the petition was received.")
        if self.reported_at_id and self.session_id and self.reported_at.start < self.session.start:
            errors["reported_at"] = _("The answer is reported at the same session or a later one.")
        if self.merged_into_id and self.merged_into.status == PetitionStatus.MERGED:
            errors["merged_into"] = _("That petition is itself merged into another: merge into that one.")
        if self.status == PetitionStatus.MERGED and not self.merged_into_id:
            errors["merged_into"] = _("Choose the petition it is merged into.")
        if self.status in PETITION_STEPS:
            reached = PETITION_STEPS[: PETITION_STEPS.index(self.status) + 1]
            for step in reached:
                for name in STEP_REQUIREMENTS.get(step, ()):
                    if not getattr(self, name) and name not in errors:
                        errors[name] = _("The petition is “%(status)s”: this cannot be left empty.") % {
                            "status": self.get_status_display()
                        }
        if errors:
            raise ValidationError(errors)
