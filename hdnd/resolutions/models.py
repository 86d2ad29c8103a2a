"""Resolutions (nghị quyết), their numbering series, relations and attachments (DOMAIN.md §4)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hdnd.core.models import SearchableModel, TimeStampedModel
from hdnd.core.numbering import zero_pad
from hdnd.councils.models import Council, Term
from hdnd.meetings.models import AgendaItem, Session, Vote


class Kind(models.TextChoices):
    NORMATIVE = "normative", _("Normative (QPPL)")
    INDIVIDUAL = "individual", _("Individual")


class Field(models.TextChoices):
    BUDGET = "budget", _("Budget and finance")
    ECONOMY = "economy", _("Economy and investment")
    LAND = "land", _("Land, natural resources and environment")
    INFRASTRUCTURE = "infrastructure", _("Transport and construction")
    AGRICULTURE = "agriculture", _("Agriculture and rural development")
    EDUCATION = "education", _("Education and training")
    HEALTH = "health", _("Health and social affairs")
    CULTURE = "culture", _("Culture, sport and information")
    ORGANISATION = "organisation", _("Organisation and personnel")
    SECURITY = "security", _("Defence, security and justice")
    COUNCIL = "council", _("Work of the council")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("resolution status", "Draft")
    ADOPTED = "adopted", _("Adopted")
    PUBLISHED = "published", pgettext_lazy("resolution status", "Published")


class RelationKind(models.TextChoices):
    AMENDS = "amends", _("Amends and supplements")
    REPLACES = "replaces", _("Replaces")
    REPEALS = "repeals", _("Repeals")


#: Relations after which the earlier resolution is no longer in force.
ENDING_RELATIONS = (RelationKind.REPLACES, RelationKind.REPEALS)


class ResolutionQuerySet(models.QuerySet):
    def for_council(self, council):
        return self.filter(council=council)

    def published(self):
        """What the public portal and the public API may show."""
        return self.filter(status=Status.PUBLISHED)

    def adopted_between(self, start, end):
        return self.filter(adopted_on__gte=start, adopted_on__lte=end)

    def ended_on(self, on):
        """Resolutions replaced or repealed by another whose effective date has come by `on`."""
        ending = ResolutionRelation.objects.filter(
            target=OuterRef("pk"), kind__in=ENDING_RELATIONS, source__effective_date__lte=on
        )
        return self.filter(Exists(ending))

    def in_force_on(self, on):
        ending = ResolutionRelation.objects.filter(
            target=OuterRef("pk"), kind__in=ENDING_RELATIONS, source__effective_date__lte=on
        )
        return (
            self.exclude(status=Status.DRAFT)
            .filter(Q(effective_date__isnull=True) | Q(effective_date__lte=on))
            .exclude(Exists(ending))
        )

    def with_force(self, on):
        """Annotates `no_longer_in_force`: replaced or repealed by a resolution in effect by `on`."""
        ending = ResolutionRelation.objects.filter(
            target=OuterRef("pk"), kind__in=ENDING_RELATIONS, source__effective_date__lte=on
        )
        return self.annotate(no_longer_in_force=Exists(ending))


class Resolution(SearchableModel):
    """A resolution of a council: a draft until adopted, then numbered in its series, then published."""

    search_source_fields = ("symbol", "subject", "legal_bases", "body")

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="resolutions", verbose_name=_("council")
    )
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="resolutions", verbose_name=_("term"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.INDIVIDUAL)
    field = models.CharField(_("field"), max_length=20, choices=Field.choices, default=Field.OTHER)
    subject = models.CharField(
        pgettext_lazy("resolution", "subject"),
        max_length=500,
        help_text=_("The trích yếu, beginning “Về việc …” or “Quy định …”."),
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, editable=False)
    symbol = models.CharField(_("number and symbol"), max_length=40, blank=True, editable=False)
    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, null=True, blank=True, related_name="resolutions", verbose_name=_("session")
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resolutions",
        verbose_name=_("agenda item"),
    )
    vote = models.OneToOneField(
        Vote, on_delete=models.PROTECT, null=True, blank=True, related_name="resolution", verbose_name=_("vote")
    )
    adopted_on = models.DateField(_("adoption date"), null=True, blank=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    on_behalf = models.CharField(_("signing on behalf of"), max_length=100, default="TM. HỘI ĐỒNG NHÂN DÂN")
    signer_title = models.CharField(_("signer's title"), max_length=100, default="CHỦ TỊCH")
    signer_name = models.CharField(_("signer"), max_length=150, blank=True)
    legal_bases = models.TextField(_("legal bases"), blank=True, help_text=_("One “Căn cứ …” per line."))
    body = models.TextField(
        _("full text"), blank=True, help_text=_("One paragraph per line; “Điều 1. …” starts an article.")
    )
    recipients = models.TextField(
        _("recipients"), blank=True, help_text=_("One recipient per line; the last one “Lưu: VT, …”.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["-adopted_on", "-number", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "kind", "year", "number"],
                name="resolutions_number_unique_in_series",
                violation_error_message=_("This number is already taken in the council's series for that year."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(number__isnull=False, year__isnull=False, adopted_on__isnull=False),
                name="resolutions_adopted_has_number",
                violation_error_message=_("An adopted resolution needs its number and adoption date."),
            ),
            models.CheckConstraint(
                condition=Q(effective_date__isnull=True)
                | Q(adopted_on__isnull=True)
                | Q(effective_date__gte=models.F("adopted_on")),
                name="resolutions_effective_after_adoption",
                violation_error_message=_("The effective date cannot be before the adoption date."),
            ),
        ]
        indexes = [
            # The lists' order: without it every page sorts all the matching rows (bench/resolution_list.py).
            models.Index(fields=["-adopted_on", "-number", "-id"], name="resolutions_listing_order"),
            models.Index(fields=["council", "status", "-adopted_on"]),
            models.Index(fields=["council", "kind", "year", "number"]),
            models.Index(fields=["status", "field", "-adopted_on"]),
            models.Index(fields=["council", "adopted_on"]),  # the report's resolutions of a period
        ]

    def __str__(self):
        if self.symbol:
            return f"{self.symbol} – {self.subject}"
        return str(_("Draft: %(subject)s") % {"subject": self.subject})

    def make_symbol(self):
        """ "05/2024/NQ-HĐND" (normative: the year in the number) or "15/NQ-HĐND" (individual)."""
        if self.number is None:
            return ""
        if self.kind == Kind.NORMATIVE:
            return f"{zero_pad(self.number)}/{self.year}/NQ-HĐND"
        return f"{zero_pad(self.number)}/NQ-HĐND"

    @property
    def force_label(self):
        """ "Hết hiệu lực" when replaced or repealed (needs `with_force`), else the status."""
        if getattr(self, "no_longer_in_force", False):
            return _("No longer in force")
        return self.get_status_display()

    @property
    def number_line(self):
        return f"Số: {self.symbol}" if self.symbol else "Số:      /NQ-HĐND"

    def is_in_force(self, on=None):
        on = on or datetime.date.today()
        return Resolution.objects.filter(pk=self.pk).in_force_on(on).exists()

    def clean(self):
        errors = {}
        if self.term_id and self.council_id and self.term.council_id != self.council_id:
            errors["term"] = _("The term must belong to the same council.")
        if self.session_id and self.session.council_id != self.council_id:
            errors["session"] = _("The session must be one of this council's.")
        if self.agenda_item_id and self.session_id and self.agenda_item.session_id != self.session_id:
            errors["agenda_item"] = _("The agenda item must belong to the chosen session.")
        if self.vote_id and self.agenda_item_id and self.vote.agenda_item_id != self.agenda_item_id:
            errors["vote"] = _("The vote must be on the chosen agenda item.")
        if self.adopted_on and self.effective_date and self.effective_date < self.adopted_on:
            errors["effective_date"] = _("The effective date cannot be before the adoption date.")
        if (
            self.adopted_on
            and self.term_id
            and (
                self.adopted_on < self.term.start_date or (self.term.end_date and self.adopted_on > self.term.end_date)
            )
        ):
            errors["adopted_on"] = _("The adoption date must lie within the term.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.adopted_on and self.number is not None:
            self.year = self.adopted_on.year
        self.symbol = self.make_symbol()
        super().save(*args, **kwargs)


class NumberSeries(models.Model):
    """The last number issued in one council's series (kind, calendar year). Its row is locked
    while a number is drawn, so that concurrent adoptions queue instead of colliding."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("numbering series")
        verbose_name_plural = _("numbering series")
        constraints = [models.UniqueConstraint(fields=["council", "kind", "year"], name="resolutions_one_series")]

    def __str__(self):
        return f"{self.council} – {self.get_kind_display()} – {self.year}: {self.last_number}"


class ResolutionRelation(models.Model):
    """`source` amends, replaces or repeals the earlier `target`."""

    source = models.ForeignKey(
        Resolution, on_delete=models.CASCADE, related_name="relations", verbose_name=_("resolution")
    )
    target = models.ForeignKey(
        Resolution, on_delete=models.PROTECT, related_name="affected_by", verbose_name=_("earlier resolution")
    )
    kind = models.CharField(_("relation"), max_length=10, choices=RelationKind.choices)

    class Meta:
        verbose_name = _("relation to an earlier resolution")
        verbose_name_plural = _("relations to earlier resolutions")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"],
                name="resolutions_relation_unique",
                violation_error_message=_("This relation is already recorded."),
            ),
            models.CheckConstraint(condition=~Q(source=models.F("target")), name="resolutions_relation_not_self"),
        ]

    def __str__(self):
        return f"{self.source.symbol} {self.get_kind_display().lower()} {self.target.symbol}"

    @property
    def council(self):
        return self.source.council

    def clean(self):
        if self.source_id and self.target_id:
            if self.source_id == self.target_id:
                raise ValidationError({"target": _("A resolution cannot refer to itself.")})
            if self.target.council_id != self.source.council_id:
                raise ValidationError(
                    {"target": _("Only a resolution of the same council can be amended, replaced or repealed.")}
                )


def attachment_path(instance, filename):
    return f"nghi-quyet/{instance.resolution.council.unit.code}/{instance.resolution_id}/{filename}"


class Attachment(TimeStampedModel):
    """A file attached to a resolution: PDF, DOCX, DOC or XLSX, checked by its content."""

    resolution = models.ForeignKey(
        Resolution, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("resolution")
    )
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to=attachment_path)
    file_type = models.CharField(_("file type"), max_length=10, editable=False)
    size = models.PositiveIntegerField(_("size (bytes)"), editable=False)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["resolution", "created_at"]

    def __str__(self):
        return self.title

    @property
    def council(self):
        return self.resolution.council
