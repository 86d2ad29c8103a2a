"""Oversight (DOMAIN.md §5): work programmes and plans, supervision and survey missions,
questioning and accountability hearings, and the recommendations and commitments that follow them
until the responsible body has carried them out."""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from hdnd.core.models import SearchableModel, TimeStampedModel
from hdnd.core.uploads import validate_uploaded_document
from hdnd.councils.models import Committee, Council, Delegate, DelegateGroup, Term
from hdnd.meetings.models import Session


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

#: What a mission needs once it has reached each status.
STEP_REQUIREMENTS = {
    MissionStatus.DECIDED: ("decision_number", "decision_date"),
    MissionStatus.REPORTED: ("report", "report_date"),
    MissionStatus.CONCLUDED: ("conclusions", "conclusions_date"),
}

#: Which field names the organ for each kind of conducting (or owning) body.
BODY_FIELDS = {
    ConductingBody.COMMITTEE: "committee",
    ConductingBody.DELEGATE_GROUP: "delegate_group",
    ConductingBody.DELEGATE: "delegate",
}


def body_errors(record, kind_field, label, council_id):
    """Errors when the committee, delegate group or delegate fields do not match the kind of body
    chosen in `kind_field` (a mission's conducting body, a task's owner) or are not of the council
    `council_id` (when known)."""
    errors = {}
    organ = BODY_FIELDS.get(getattr(record, kind_field))
    for field in BODY_FIELDS.values():
        value = getattr(record, f"{field}_id")
        if field == organ and not value:
            errors[field] = _("Choose who it is.")
        elif field != organ and value:
            errors[field] = _("Leave this empty: it is %(body)s.") % {"body": label.lower()}
        elif value and council_id and getattr(record, field).council_id != council_id:
            errors[field] = _("It must belong to the same council.")
    return errors


def dmy(day):
    return day.strftime("%d/%m/%Y")


class ProgrammeKind(models.TextChoices):
    WORK_PROGRAMME = "work_programme", _("Work programme")
    PLAN = "plan", _("Plan")
    SUPERVISION_PROGRAMME = "supervision_programme", _("Supervision programme")


class WorkProgramme(SearchableModel, ClusterableModel):
    """A council's work programme or plan for a year or a session, made of tasks. The annual
    supervision programme is one whose tasks become missions."""

    search_source_fields = ("title",)

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="work_programmes", verbose_name=_("council")
    )
    kind = models.CharField(
        _("kind"), max_length=24, choices=ProgrammeKind.choices, default=ProgrammeKind.WORK_PROGRAMME
    )
    title = models.CharField(_("title"), max_length=500)
    year = models.PositiveSmallIntegerField(_("year"))
    session = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_programmes",
        verbose_name=_("for the session"),
        help_text=_("Only for a programme or plan made for one session."),
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("work programme or plan")
        verbose_name_plural = _("work programmes and plans")
        ordering = ["-year", "kind", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(year__gte=1990) & Q(year__lte=2100), name="oversight_programme_year")
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def clean(self):
        errors = {}
        if self.year and not 1990 <= self.year <= 2100:
            errors["year"] = _("Enter a year such as 2025.")
        if self.session_id and self.council_id and self.session.council_id != self.council_id:
            errors["session"] = _("The session must be one of this council's.")
        if errors:
            raise ValidationError(errors)


class TaskOwner(models.TextChoices):
    STANDING_COMMITTEE = "standing_committee", _("Standing committee")
    COMMITTEE = "committee", _("Committee")
    DELEGATE_GROUP = "delegate_group", _("Delegate group")
    DELEGATE = "delegate", _("Delegate")
    OFFICE = "office", _("Office")


class TaskStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("task status", "Not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("recommendation status", "In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class ProgrammeTask(models.Model):
    """A task of a work programme or plan: what, by whom, by when, and how far it has got."""

    programme = ParentalKey(WorkProgramme, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("programme"))
    title = models.CharField(pgettext_lazy("programme", "task"), max_length=500)
    owner = models.CharField(
        pgettext_lazy("programme", "owner"),
        max_length=20,
        choices=TaskOwner.choices,
        default=TaskOwner.STANDING_COMMITTEE,
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, null=True, blank=True, related_name="tasks", verbose_name=_("committee")
    )
    delegate_group = models.ForeignKey(
        DelegateGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("delegate group"),
    )
    delegate = models.ForeignKey(
        Delegate, on_delete=models.PROTECT, null=True, blank=True, related_name="tasks", verbose_name=_("delegate")
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.PLANNED)

    panels = ["title", "owner", "committee", "delegate_group", "delegate", "due_date", "status"]

    class Meta:
        verbose_name = pgettext_lazy("programme", "task")
        verbose_name_plural = pgettext_lazy("programme", "tasks")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title

    @property
    def council(self):
        return self.programme.council

    def clean(self):
        programme = getattr(self, "programme", None)  # a new programme's tasks are checked before it is saved
        errors = body_errors(self, "owner", self.get_owner_display(), programme and programme.council_id)
        if errors:
            raise ValidationError(errors)


class MissionQuerySet(models.QuerySet):
    def public(self):
        """What the public portal and the public API may show: missions once decided (a planned
        one is not yet a public act)."""
        return self.exclude(status=MissionStatus.PLANNED)

    def supervisions(self):
        return self.exclude(kind=MissionKind.SURVEY)

    def surveys(self):
        return self.filter(kind=MissionKind.SURVEY)

    def with_member(self, user):
        """The missions whose team includes one of `user`'s mandates as a delegate."""
        return self.filter(team__delegate__user=user).distinct()

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
    decision_file = models.FileField(
        _("decision file"),
        upload_to="giam-sat/quyet-dinh/%Y/",
        blank=True,
        validators=[validate_uploaded_document],
        help_text=_("PDF, DOCX or DOC."),
    )
    programme_task = models.OneToOneField(
        ProgrammeTask,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mission",
        verbose_name=_("from the programme's task"),
    )
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
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
        # The report counts a council's missions by the day they began (see begun_between).
        indexes = [
            models.Index(
                models.F("council"),
                models.functions.Coalesce("decision_date", "planned_start"),
                name="oversight_mission_begun",
            )
        ]
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
        reached = MISSION_STEPS[: MISSION_STEPS.index(self.status) + 1]
        for step in reached:
            for name in STEP_REQUIREMENTS.get(step, ()):
                if not getattr(self, name):
                    errors[name] = _("The mission is “%(status)s”: this cannot be left empty.") % {
                        "status": self.get_status_display()
                    }
        if self.council_id:
            errors.update(body_errors(self, "conducting_body", self.get_conducting_body_display(), self.council_id))
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            if getattr(self, end) and getattr(self, start) and getattr(self, end) < getattr(self, start):
                errors[end] = _("The end date cannot be before the start date.")
        if self.actual_end and not self.actual_start:
            errors["actual_start"] = _("Enter the actual start as well.")
        for field in ("actual_start", "report_date", "conclusions_date"):
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


class FieldVisit(models.Model):
    """A visit of the team to a supervised body or a site: where and when."""

    mission = ParentalKey(Mission, on_delete=models.CASCADE, related_name="field_visits", verbose_name=_("mission"))
    visited_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255)
    note = models.CharField(_("note"), max_length=500, blank=True)

    panels = ["visited_on", "place", "note"]

    class Meta:
        verbose_name = _("field visit")
        verbose_name_plural = _("field visits")
        ordering = ["visited_on", "pk"]

    def __str__(self):
        return f"{dmy(self.visited_on)}: {self.place}"

    def clean(self):
        if self.mission_id is None or not self.visited_on:
            return
        if self.mission.decision_date and self.visited_on < self.mission.decision_date:
            raise ValidationError(
                {
                    "visited_on": _("A field visit cannot be before the decision date (%(date)s).")
                    % {"date": dmy(self.mission.decision_date)}
                }
            )


class AnswerForm(models.TextChoices):
    IN_SESSION = "in_session", _("Answered at the meeting")
    IN_WRITING = "in_writing", _("Answered in writing")


class Questioning(SearchableModel):
    """A delegate's question (chất vấn) to a named office holder at a session or a standing
    committee meeting, the answer, and the commitments given."""

    search_source_fields = ("topic", "question", "respondent_name", "answering_body")

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="questionings", verbose_name=_("council")
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questionings",
        verbose_name=_("at the session"),
        help_text=_("Leave empty for a question at a standing committee meeting."),
    )
    asked_on = models.DateField(_("date of the question"))
    asked_by = models.ForeignKey(
        Delegate, on_delete=models.PROTECT, related_name="questions", verbose_name=_("delegate asking")
    )
    topic = models.CharField(_("topic"), max_length=255)
    question = models.TextField(_("question"))
    respondent_name = models.CharField(_("office holder answering"), max_length=150)
    respondent_title = models.CharField(_("position"), max_length=255, blank=True)
    answering_body = models.CharField(_("answering body"), max_length=255)
    answer_form = models.CharField(_("form of the answer"), max_length=12, choices=AnswerForm.choices, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("date of the answer"), null=True, blank=True)
    answer_file = models.FileField(
        _("answer file"),
        upload_to="chat-van/tra-loi/%Y/",
        blank=True,
        validators=[validate_uploaded_document],
        help_text=_("PDF, DOCX or DOC."),
    )

    class Meta:
        verbose_name = _("questioning")
        verbose_name_plural = _("questionings")
        ordering = ["-asked_on", "topic", "pk"]
        indexes = [models.Index(fields=["council", "asked_on"])]

    def __str__(self):
        return _("%(delegate)s questions %(respondent)s: %(topic)s") % {
            "delegate": self.asked_by.person if self.asked_by_id else "",
            "respondent": self.respondent_name,
            "topic": self.topic,
        }

    def clean(self):
        errors = {}
        if self.session_id and self.council_id and self.session.council_id != self.council_id:
            errors["session"] = _("The session must be one of this council's.")
        if self.asked_by_id and self.asked_on and self.council_id:
            delegates = Delegate.objects.in_office(council=self.council, on=self.asked_on)
            if not delegates.filter(pk=self.asked_by_id).exists():
                errors["asked_by"] = _("%(name)s is not a delegate of this council in office on %(date)s.") % {
                    "name": self.asked_by,
                    "date": dmy(self.asked_on),
                }
        if self.answered_on and self.asked_on and self.answered_on < self.asked_on:
            errors["answered_on"] = _("The answer cannot be dated before the question.")
        if self.answer and not self.answered_on:
            errors["answered_on"] = _("Enter the date of the answer.")
        if self.answer and not self.answer_form:
            errors["answer_form"] = _("Say whether the answer was given at the meeting or in writing.")
        if errors:
            raise ValidationError(errors)


class AccountabilityHearing(SearchableModel):
    """An accountability hearing (phiên giải trình) at a standing committee meeting."""

    search_source_fields = ("topic", "bodies_explaining", "conclusions")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="hearings", verbose_name=_("council"))
    held_on = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=500)
    bodies_explaining = models.TextField(_("bodies explaining"), help_text=_("One body per line."))
    conclusions = models.TextField(_("conclusions"), blank=True)
    conclusions_file = models.FileField(
        _("conclusions file"),
        upload_to="giai-trinh/ket-luan/%Y/",
        blank=True,
        validators=[validate_uploaded_document],
        help_text=_("PDF, DOCX or DOC."),
    )

    class Meta:
        verbose_name = _("accountability hearing")
        verbose_name_plural = _("accountability hearings")
        ordering = ["-held_on", "pk"]
        indexes = [models.Index(fields=["council", "held_on"])]

    def __str__(self):
        return f"{dmy(self.held_on)}: {self.topic}"


class RecommendationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("recommendation status", "In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


CLOSED_STATUSES = (RecommendationStatus.DONE, RecommendationStatus.DROPPED)


class RecommendationQuerySet(models.QuerySet):
    def from_missions(self):
        return self.filter(mission__isnull=False)

    def commitments(self):
        return self.filter(mission__isnull=True)

    def still_open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def overdue(self, on=None):
        """Past their deadline and not done (nor dropped): overdue, without anyone having to say so."""
        on = on or datetime.date.today()
        return self.still_open().filter(deadline__lt=on)


class Recommendation(SearchableModel):
    """A recommendation (kiến nghị) of a mission, followed until the responsible body carries it
    out. Commitments given in questioning or at a hearing are kept here too and followed the same
    way (see `Commitment`): exactly one of mission, questioning and hearing is set."""

    search_source_fields = ("text", "responsible_body")

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="recommendations", verbose_name=_("council")
    )
    mission = models.ForeignKey(
        Mission,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("mission"),
    )
    questioning = models.ForeignKey(
        Questioning,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("questioning"),
    )
    hearing = models.ForeignKey(
        AccountabilityHearing,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("accountability hearing"),
    )
    text = models.TextField(_("content"))
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
            ),
            models.CheckConstraint(
                condition=Q(mission__isnull=False, questioning__isnull=True, hearing__isnull=True)
                | Q(mission__isnull=True, questioning__isnull=False, hearing__isnull=True)
                | Q(mission__isnull=True, questioning__isnull=True, hearing__isnull=False),
                name="oversight_recommendation_has_one_origin",
                violation_error_message=_("Choose the mission, the questioning or the hearing it comes from."),
            ),
        ]

    def __str__(self):
        return self.text[:120]

    @property
    def is_overdue(self):
        return self.status not in CLOSED_STATUSES and self.deadline < datetime.date.today()

    @property
    def origin(self):
        """The mission, questioning or hearing this comes from."""
        return self.mission or self.questioning or self.hearing

    @property
    def origin_date(self):
        """The date before which no deadline may fall."""
        if self.mission_id:
            return self.mission.decision_date
        if self.questioning_id:
            return self.questioning.asked_on
        if self.hearing_id:
            return self.hearing.held_on
        return None

    def clean(self):
        errors = {}
        origins = [f for f in ("mission", "questioning", "hearing") if getattr(self, f"{f}_id")]
        if len(origins) != 1:
            errors[origins[-1] if origins else NON_FIELD_ERRORS] = _(
                "Choose the mission, the questioning or the hearing it comes from — only one."
            )
        for field in origins:
            if self.council_id and getattr(self, field).council_id != self.council_id:
                errors[field] = _("It must belong to the same council.")
        if len(origins) == 1 and self.deadline and self.origin_date and self.deadline < self.origin_date:
            if self.mission_id:
                message = _("The deadline cannot be before the mission's decision date (%(date)s).")
            else:
                message = _("The deadline cannot be before the day the commitment was given (%(date)s).")
            errors["deadline"] = message % {"date": dmy(self.origin_date)}
        if self.status == RecommendationStatus.DROPPED and not self.dropped_reason:
            errors["dropped_reason"] = _("Give the reason for dropping the recommendation.")
        if errors:
            raise ValidationError(errors)


class CommitmentManager(models.Manager.from_queryset(RecommendationQuerySet)):
    def get_queryset(self):
        return super().get_queryset().commitments()


class Commitment(Recommendation):
    """A commitment (cam kết) given in answer to questioning or at an accountability hearing,
    followed exactly like a recommendation."""

    objects = CommitmentManager()

    class Meta:
        proxy = True
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")


class ProgressReport(TimeStampedModel):
    """What the responsible body reported about carrying out a recommendation."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="progress_reports", verbose_name=_("recommendation")
    )
    reported_on = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    file = models.FileField(_("file"), upload_to="giam-sat/tien-do/%Y/", blank=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["recommendation", "reported_on"]

    def __str__(self):
        return f"{self.reported_on:%d/%m/%Y}: {self.text[:80]}"

    @property
    def council(self):
        return self.recommendation.council
