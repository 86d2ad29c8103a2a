"""Sessions (kỳ họp) of a council, their agenda, attendance and votes (DOMAIN.md §3)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from hdnd.core.dates import vn_date
from hdnd.core.models import SearchableModel, TimeStampedModel
from hdnd.councils.models import Council, Delegate, Term


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Regular")
    THEMATIC = "thematic", _("Thematic")
    URGENT = "urgent", _("To handle urgent matters")


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CONVENED = "convened", _("Convened")
    IN_PROGRESS = "in_progress", pgettext_lazy("session status", "In progress")
    CLOSED = "closed", _("Closed")


#: Status moves only forward, one step at a time.
NEXT_STATUS = {
    SessionStatus.PLANNED: SessionStatus.CONVENED,
    SessionStatus.CONVENED: SessionStatus.IN_PROGRESS,
    SessionStatus.IN_PROGRESS: SessionStatus.CLOSED,
}


class SessionQuerySet(models.QuerySet):
    def for_council(self, council):
        return self.filter(council=council)

    def public(self):
        """What the public portal and the public API may show: sessions the council holds in public."""
        return self.filter(is_public=True)

    def between(self, start, end):
        """Sessions that began within [start, end] (actual date, else planned)."""
        return self.annotate(began=models.functions.Coalesce("actual_start", "planned_start")).filter(
            began__gte=start, began__lte=end
        )


class Session(SearchableModel, ClusterableModel):
    """A session of a council, numbered in one sequence per term whatever its kind."""

    search_source_fields = ("title", "place")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("council"))
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("term"))
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("Leave empty: the next number of the term."))
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.REGULAR)
    title = models.CharField(_("title"), max_length=255, blank=True)
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Sessions are public unless the council decides otherwise.")
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["council__unit__level_rank", "council__unit__code", "-term__start_date", "-number"]
        # The report counts a council's sessions by the day they began (or were planned to).
        indexes = [models.Index(F("council"), Coalesce("actual_start", "planned_start"), name="meetings_session_began")]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "number"],
                name="meetings_session_number_unique_per_term",
                violation_error_message=_("The term already has a session with this number."),
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="meetings_session_number_positive"),
            models.CheckConstraint(
                condition=Q(planned_end__isnull=True) | Q(planned_end__gte=F("planned_start")),
                name="meetings_session_planned_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(actual_end__isnull=True)
                | Q(actual_start__isnull=False) & Q(actual_end__gte=F("actual_start")),
                name="meetings_session_actual_dates_ordered",
            ),
        ]

    def __str__(self):
        return _("Session %(number)s (%(kind)s), term %(term)s") % {
            "number": self.number,
            "kind": self.get_kind_display().lower(),
            "term": self.term.roman if self.term_id else "",
        }

    @property
    def start(self):
        return self.actual_start or self.planned_start

    @property
    def end(self):
        return self.actual_end or self.planned_end or self.start

    def delegates_in_office(self):
        """The delegates in office on the session's first day: those who attend, vote and count."""
        return Delegate.objects.in_office(council=self.council, on=self.start)

    def clean(self):
        errors = {}
        if self.term_id and self.council_id and self.term.council_id != self.council_id:
            errors["term"] = _("The term must belong to the same council.")
        for start_field, end_field in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            start, end = getattr(self, start_field), getattr(self, end_field)
            if end and not start:
                errors[start_field] = _("Enter the start date before the end date.")
            elif start and end and end < start:
                errors[end_field] = _("The end date cannot be before the start date.")
        if self.term_id and "term" not in errors:
            term = self.term
            for field in ("planned_start", "planned_end", "actual_start", "actual_end"):
                day = getattr(self, field)
                if day and (day < term.start_date or (term.end_date and day > term.end_date)) and field not in errors:
                    errors[field] = _("The date must lie within %(term)s (%(from)s – %(to)s).") % {
                        "term": term,
                        "from": vn_date(term.start_date),
                        "to": vn_date(term.end_date) or "…",
                    }
        if errors:
            raise ValidationError(errors)


class AgendaItemKind(models.TextChoices):
    RESOLUTION = "resolution", _("Draft resolution")
    REPORT = "report", _("Report")
    QUESTIONING = "questioning", _("Questioning")
    OTHER = "other", _("Other")


class AgendaItem(TimeStampedModel):
    """One item of a session's ordered agenda."""

    session = ParentalKey(Session, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("session"))
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=20, choices=AgendaItemKind.choices, default=AgendaItemKind.OTHER)
    title = models.CharField(_("title"), max_length=500)
    presenter = models.CharField(_("presented by"), max_length=255, blank=True)

    panels = ["order", "kind", "title", "presenter"]

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["session", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "order"],
                name="meetings_agenda_order_unique",
                violation_error_message=_("Two agenda items cannot have the same position."),
            )
        ]

    def __str__(self):
        return f"{self.order}. {self.title}"

    @property
    def council(self):
        return self.session.council


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Absent with leave")
    ABSENT = "absent", _("Absent")


class Attendance(models.Model):
    """Whether a delegate attended a session."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    delegate = models.ForeignKey(
        Delegate, on_delete=models.PROTECT, related_name="attendances", verbose_name=_("delegate")
    )
    status = models.CharField(_("attendance"), max_length=10, choices=AttendanceStatus.choices)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "delegate"],
                name="meetings_attendance_once",
                violation_error_message=_("This delegate's attendance is already recorded."),
            )
        ]

    def __str__(self):
        return f"{self.delegate} – {self.get_status_display()}"


class Ballot(models.TextChoices):
    OPEN = "open", _("Open ballot")
    SECRET = "secret", _("Secret ballot")


class Majority(models.TextChoices):
    HALF = "half", _("More than half of all delegates")
    TWO_THIRDS = "two_thirds", _("At least two thirds of all delegates (dismissal of a delegate)")


class Choice(models.TextChoices):
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    ABSTAIN = "abstain", _("Did not vote")


class Vote(TimeStampedModel):
    """A vote on an agenda item. Totals and outcome are computed when it is recorded (services)
    and kept, together with the number of delegates in office that day, as the record of the vote."""

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, related_name="votes", verbose_name=_("agenda item")
    )
    subject = models.CharField(_("subject of the vote"), max_length=500)
    ballot = models.CharField(_("ballot"), max_length=10, choices=Ballot.choices, default=Ballot.OPEN)
    majority = models.CharField(_("majority required"), max_length=12, choices=Majority.choices, default=Majority.HALF)
    held_on = models.DateField(_("date"))
    delegates_total = models.PositiveSmallIntegerField(_("delegates in office"))
    votes_for = models.PositiveSmallIntegerField(_("for"))
    votes_against = models.PositiveSmallIntegerField(_("against"))
    votes_abstain = models.PositiveSmallIntegerField(_("did not vote"))
    passed = models.BooleanField(_("passed"))

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["agenda_item", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(votes_for__lte=F("delegates_total") - F("votes_against") - F("votes_abstain")),
                name="meetings_vote_totals_within_delegates",
                violation_error_message=_("The votes cast cannot exceed the delegates in office."),
            )
        ]

    def __str__(self):
        return self.subject

    @property
    def council(self):
        return self.agenda_item.session.council

    @property
    def session(self):
        return self.agenda_item.session

    def result_text(self):
        """ "28/32 đại biểu tán thành (87,50%)" — for documents and pages."""
        share = 100 * self.votes_for / self.delegates_total if self.delegates_total else 0
        return _("%(for)s/%(total)s delegates for (%(share)s%%)") % {
            "for": self.votes_for,
            "total": self.delegates_total,
            "share": f"{share:.2f}".replace(".", ","),
        }


def outcome(votes_for, delegates_total, majority):
    """Passed when "for" is more than half of all delegates in office (not of those present), or at
    least two thirds of them for the dismissal of a delegate (DOMAIN.md §3)."""
    if delegates_total <= 0:
        return False
    if majority == Majority.TWO_THIRDS:
        return votes_for * 3 >= delegates_total * 2
    return votes_for * 2 > delegates_total


class VoteChoice(models.Model):
    """One delegate's choice in an open ballot."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="choices", verbose_name=_("vote"))
    delegate = models.ForeignKey(
        Delegate, on_delete=models.PROTECT, related_name="vote_choices", verbose_name=_("delegate")
    )
    choice = models.CharField(_("choice"), max_length=10, choices=Choice.choices)

    class Meta:
        verbose_name = _("delegate's vote")
        verbose_name_plural = _("delegates' votes")
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "delegate"],
                name="meetings_delegate_votes_once",
                violation_error_message=_("A delegate votes only once."),
            )
        ]

    def __str__(self):
        return f"{self.delegate} – {self.get_choice_display()}"
