"""Oversight (DOMAIN.md §5): supervision and survey missions and the recommendations that follow
them until the responsible body has carried them out."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from hdnd.core.models import SearchableModel, TimeStampedModel
from hdnd.councils.models import Committee, Council, Delegate, DelegateGroup, Term


class MissionKind(models.TextChoices):
    THEMATIC = "thematic", _("Thematic supervision")
    PETITIONS = "petitions", _("Supervision of complaints and voter petitions")
    SURVEY = "survey", _("Survey")


class ConductingBody(models.TextChoices):
    STANDING_COMMITTEE = "standing_committee", _("Standing committee")
    COMMITTEE = "committee", _("Committee")
    DELEGATE_GROUP = "delegate_group", _("Delegate group")
    DELEGATE = "delegate", _("Delegate")


class MissionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DECIDED = "decided", _("Decided")
    IN_THE_FIELD = "in_the_field", _("In the field")
    REPORTED = "reported", _("Reported")
    CONCLUDED = "concluded", _("Concluded")


MISSION_STEPS = list(MissionStatus.values)


class MissionQuerySet(models.QuerySet):
    def supervisions(self):
        return self.exclude(kind=MissionKind.SURVEY)

    def surveys(self):
        return self.filter(kind=MissionKind.SURVEY)

    def begun_between(self, start, end):
        """Missions begun in [start, end]: by their decision date, else their planned start."""
        return self.annotate(begun=models.functions.Coalesce("decision_date", "planned_start")).filter(
            begun__gte=start, begun__lte=end
        )


class Mission(SearchableModel, ClusterableModel):
    """A supervision (giám sát) or survey (khảo sát) mission, from its decision to its conclusions."""

    search_source_fields = ("subject", "scope", "supervised_bodies", "decision_number")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="missions", verbose_name=_("council"))
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="missions", verbose_name=_("term"))
    kind = models.CharField(_("kind"), max_length=12, choices=MissionKind.choices, default=MissionKind.THEMATIC)
    conducting_body = models.CharField(
        _("conducted by"), max_length=20, choices=ConductingBody.choices, default=ConductingBody.STANDING_COMMITTEE
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, null=True, blank=True, related_name="missions", verbose_name=_("committee")
    )
    delegate_group = models.ForeignKey(
        DelegateGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="missions",
        verbose_name=_("delegate group"),
    )
    delegate = models.ForeignKey(
        Delegate, on_delete=models.PROTECT, null=True, blank=True, related_name="missions", verbose_name=_("delegate")
    )
    subject = models.CharField(pgettext_lazy("mission", "subject"), max_length=500)
    scope = models.TextField(_("scope and content"), blank=True)
    supervised_bodies = models.TextField(_("supervised bodies"), blank=True, help_text=_("One body per line."))
    decision_number = models.CharField(_("decision number"), max_length=40, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    report = models.TextField(_("team report"), blank=True)
    report_date = models.DateField(_("report date"), null=True, blank=True)
    conclusions = models.TextField(_("standing committee's conclusions"), blank=True)
    conclusions_date = models.DateField(_("conclusions date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=14, choices=MissionStatus.choices, default=MissionStatus.PLANNED)
    follows_up = models.ManyToManyField(
        "Recommendation", blank=True, related_name="resupervisions", verbose_name=_("re-supervises the recommendations")
    )

    objects = MissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervision or survey mission")
        verbose_name_plural = _("supervision and survey missions")
        ordering = ["-planned_start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end__isnull=True) | Q(planned_end__gte=models.F("planned_start")),
                name="oversight_mission_dates_ordered",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject}"

    def clean(self):
        errors = {}
        if self.term_id and self.council_id and self.term.council_id != self.council_id:
            errors["term"] = _("The term must belong to the same council.")
        organ = {
            ConductingBody.COMMITTEE: "committee",
            ConductingBody.DELEGATE_GROUP: "delegate_group",
            ConductingBody.DELEGATE: "delegate",
        }.get(self.conducting_body)
        for field in ("committee", "delegate_group", "delegate"):
            value = getattr(self, f"{field}_id")
            if field == organ and not value:
                errors[field] = _("Choose who conducts the mission.")
            elif field != organ and value:
                errors[field] = _("Leave this empty: the mission is conducted by the %(body)s.") % {
                    "body": self.get_conducting_body_display().lower()
                }
            elif value and getattr(self, field).council_id != self.council_id:
                errors[field] = _("It must belong to the same council.")
        if self.planned_end and self.planned_start and self.planned_end < self.planned_start:
            errors["planned_end"] = _("The end date cannot be before the start date.")
        for field in ("report_date", "conclusions_date"):
            day = getattr(self, field)
            if day and self.decision_date and day < self.decision_date:
                errors[field] = _("This date cannot be before the decision date.")
        if errors:
            raise ValidationError(errors)


class TeamRole(models.TextChoices):
    HEAD = "head", _("Head of the team")
    DEPUTY = "deputy", _("Deputy head")
    MEMBER = "member", _("Member")
    SECRETARY = "secretary", _("Secretary")
    INVITED = "invited", _("Invited")


class TeamMember(models.Model):
    """A member of a mission's team: a delegate in office, or an invited person (e.g. the Fatherland Front)."""

    mission = ParentalKey(Mission, on_delete=models.CASCADE, related_name="team", verbose_name=_("mission"))
    delegate = models.ForeignKey(
        Delegate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mission_memberships",
        verbose_name=_("delegate"),
    )
    name = models.CharField(_("name (invited member)"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    role = models.CharField(_("role in the team"), max_length=10, choices=TeamRole.choices, default=TeamRole.MEMBER)

    panels = ["delegate", "name", "organisation", "role"]

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self):
        return str(self.delegate) if self.delegate_id else self.name

    def clean(self):
        if not self.delegate_id and not self.name:
            raise ValidationError({"name": _("Choose a delegate or enter the invited member's name.")})
        if self.delegate_id and self.role == TeamRole.INVITED:
            raise ValidationError({"role": _("A delegate is not an invited member.")})
        if self.delegate_id and self.mission_id is not None:
            mission = self.mission
            on = mission.decision_date or mission.planned_start
            if (
                self.delegate.council_id != mission.council_id
                or not Delegate.objects.in_office_on(on).filter(pk=self.delegate_id).exists()
            ):
                raise ValidationError(
                    {
                        "delegate": _("%(name)s is not a delegate of this council in office on %(date)s.")
                        % {"name": self.delegate, "date": on.strftime("%d/%m/%Y")}
                    }
                )


class RecommendationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("recommendation status", "In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


CLOSED_STATUSES = (RecommendationStatus.DONE, RecommendationStatus.DROPPED)


class RecommendationQuerySet(models.QuerySet):
    def still_open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def overdue(self, on=None):
        """Past their deadline and not done (nor dropped): overdue, without anyone having to say so."""
        on = on or datetime.date.today()
        return self.still_open().filter(deadline__lt=on)


class Recommendation(SearchableModel):
    """A recommendation (kiến nghị) of a mission, followed until the responsible body carries it out."""

    search_source_fields = ("text", "responsible_body")

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="recommendations", verbose_name=_("council")
    )
    mission = models.ForeignKey(
        Mission, on_delete=models.PROTECT, related_name="recommendations", verbose_name=_("mission")
    )
    text = models.TextField(_("recommendation"))
    responsible_body = models.CharField(_("responsible body"), max_length=255)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=12, choices=RecommendationStatus.choices, default=RecommendationStatus.OPEN
    )
    dropped_reason = models.CharField(_("reason for dropping"), max_length=500, blank=True)
    assessment = models.TextField(_("council's assessment"), blank=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["council", "status", "deadline"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="dropped") | ~Q(dropped_reason=""),
                name="oversight_dropped_has_reason",
                violation_error_message=_("Give the reason for dropping the recommendation."),
            )
        ]

    def __str__(self):
        return self.text[:120]

    @property
    def is_overdue(self):
        return self.status not in CLOSED_STATUSES and self.deadline < datetime.date.today()

    def clean(self):
        errors = {}
        if self.mission_id and self.council_id and self.mission.council_id != self.council_id:
            errors["mission"] = _("The mission must be one of this council's.")
        if (
            self.mission_id
            and self.deadline
            and self.mission.decision_date
            and self.deadline < self.mission.decision_date
        ):
            errors["deadline"] = _("The deadline cannot be before the mission's decision date (%(date)s).") % {
                "date": self.mission.decision_date.strftime("%d/%m/%Y")
            }
        if self.status == RecommendationStatus.DROPPED and not self.dropped_reason:
            errors["dropped_reason"] = _("Give the reason for dropping the recommendation.")
        if errors:
            raise ValidationError(errors)


class ProgressReport(TimeStampedModel):
    """What the responsible body reported about carrying out a recommendation."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="progress_reports", verbose_name=_("recommendation")
    )
    reported_on = models.DateField(_("date"))
    text = models.TextField(_("progress"))

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["recommendation", "reported_on"]

    def __str__(self):
        return f"{self.reported_on:%d/%m/%Y}: {self.text[:80]}"

    @property
    def council(self):
        return self.recommendation.council
