"""Organisation data: administrative units of both eras, councils, terms, committees, delegate
groups, constituencies, delegates and their dated memberships and positions (DOMAIN.md §1–2)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hdnd.core.dates import vn_date
from hdnd.core.models import SearchableModel, TimeStampedModel
from hdnd.core.numbering import roman

#: The two-level structure begins on this day (Law 72/2025/QH15); old units end the day before.
TWO_LEVEL_START = datetime.date(2025, 7, 1)
THREE_LEVEL_END = datetime.date(2025, 6, 30)


class Level(models.TextChoices):
    PROVINCE = "province", _("Province level")
    DISTRICT = "district", _("District level")
    COMMUNE = "commune", _("Commune level")


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    CENTRAL_CITY = "central_city", _("Centrally-run city")
    DISTRICT = "district", _("Rural district")
    URBAN_DISTRICT = "urban_district", _("Urban district")
    TOWN = "town", _("District-level town")
    PROVINCIAL_CITY = "provincial_city", _("Provincial city")
    COMMUNE = "commune", _("Commune")
    WARD = "ward", _("Ward")
    TOWNSHIP = "township", _("Township")
    SPECIAL_ZONE = "special_zone", _("Special zone")


LEVEL_OF_KIND = {
    UnitKind.PROVINCE: Level.PROVINCE,
    UnitKind.CENTRAL_CITY: Level.PROVINCE,
    UnitKind.DISTRICT: Level.DISTRICT,
    UnitKind.URBAN_DISTRICT: Level.DISTRICT,
    UnitKind.TOWN: Level.DISTRICT,
    UnitKind.PROVINCIAL_CITY: Level.DISTRICT,
    UnitKind.COMMUNE: Level.COMMUNE,
    UnitKind.WARD: Level.COMMUNE,
    UnitKind.TOWNSHIP: Level.COMMUNE,
    UnitKind.SPECIAL_ZONE: Level.COMMUNE,
}
#: Levels from the top: used to list provinces before districts before communes.
LEVEL_RANK = {Level.PROVINCE: 1, Level.DISTRICT: 2, Level.COMMUNE: 3}
PARENT_LEVEL = {Level.DISTRICT: Level.PROVINCE, Level.COMMUNE: (Level.DISTRICT, Level.PROVINCE)}
CODE_LENGTH = {Level.PROVINCE: 2, Level.DISTRICT: 3, Level.COMMUNE: 5}


def valid_on_q(on, prefix=""):
    """Rows whose validity period [valid_from, valid_to] contains the date `on`."""
    return Q(**{f"{prefix}valid_from__lte": on}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


class AdministrativeUnitQuerySet(models.QuerySet):
    def valid_on(self, on):
        return self.filter(valid_on_q(on))

    def at_level(self, level):
        return self.filter(level=level)


class AdministrativeUnit(SearchableModel):
    """A province, district or commune of one era, with its official (GSO) code."""

    search_source_fields = ("code", "name")

    code = models.CharField(_("code"), max_length=5, help_text=_("Official code of the General Statistics Office."))
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, editable=False)
    level_rank = models.PositiveSmallIntegerField(editable=False, default=3)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent unit")
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    predecessors = models.ManyToManyField(
        "self",
        through="UnitSuccession",
        through_fields=("successor", "predecessor"),
        symmetrical=False,
        related_name="successors",
        blank=True,
        verbose_name=_("predecessors"),
    )

    objects = AdministrativeUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["level_rank", "code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"],
                name="councils_unit_code_unique_per_era",
                violation_error_message=_("Another unit of the same period already has this code."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="councils_unit_dates_ordered",
            ),
        ]
        indexes = [models.Index(fields=["level", "valid_from"]), models.Index(fields=["code"])]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.kind:
            self.level = LEVEL_OF_KIND[UnitKind(self.kind)]
        if self.code:
            self.code = self.code.strip()
            expected = CODE_LENGTH.get(self.level)
            if not self.code.isdigit() or (expected and len(self.code) != expected):
                errors["code"] = _("The code must be %(n)s digits for this level.") % {"n": expected}
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("The end date cannot be before the start date.")
        if self.parent_id and self.level:
            allowed = PARENT_LEVEL.get(self.level, ())
            if self.parent.level not in (allowed if isinstance(allowed, tuple) else (allowed,)):
                errors["parent"] = _("The parent unit must be of a higher level.")
        elif self.level and self.level != Level.PROVINCE and not self.parent_id:
            errors["parent"] = _("A district or commune must belong to a parent unit.")
        if self.code and self.valid_from and "code" not in errors:
            overlapping = AdministrativeUnit.objects.filter(code=self.code).exclude(pk=self.pk)
            overlapping = overlapping.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
            if self.valid_to:
                overlapping = overlapping.filter(valid_from__lte=self.valid_to)
            other = overlapping.first()
            if other:
                errors["code"] = _("The code %(code)s is already used by %(name)s in an overlapping period.") % {
                    "code": self.code,
                    "name": other.name,
                }
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.kind:
            self.level = LEVEL_OF_KIND[UnitKind(self.kind)]
            self.level_rank = LEVEL_RANK[self.level]
        super().save(*args, **kwargs)


class UnitSuccession(models.Model):
    """Lineage between eras: `predecessor` became (part of) `successor` on `date`."""

    predecessor = models.ForeignKey(
        AdministrativeUnit, on_delete=models.CASCADE, related_name="+", verbose_name=_("predecessor")
    )
    successor = models.ForeignKey(
        AdministrativeUnit, on_delete=models.CASCADE, related_name="+", verbose_name=_("successor")
    )
    date = models.DateField(_("date"), default=TWO_LEVEL_START)

    class Meta:
        verbose_name = _("unit succession")
        verbose_name_plural = _("unit successions")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"],
                name="councils_succession_unique",
                violation_error_message=_("This succession is already recorded."),
            ),
            models.CheckConstraint(condition=~Q(predecessor=F("successor")), name="councils_succession_not_self"),
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"


class CouncilQuerySet(models.QuerySet):
    def valid_on(self, on):
        return self.filter(valid_on_q(on, "unit__"))

    def with_unit(self):
        return self.select_related("unit", "unit__parent")

    def with_beneath(self, council):
        """`council` (a council or its id) and the councils of the units beneath its unit (two
        levels down at most)."""
        pk = getattr(council, "pk", council)
        return self.filter(Q(pk=pk) | Q(unit__parent__council__pk=pk) | Q(unit__parent__parent__council__pk=pk))


class Council(SearchableModel):
    """The People's Council (Hội đồng nhân dân) of one administrative unit."""

    search_source_fields = ("name",)

    unit = models.OneToOneField(
        AdministrativeUnit, on_delete=models.PROTECT, related_name="council", verbose_name=_("administrative unit")
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    # The attendance quorum is not settled by the sources at hand (DOMAIN.md §3): a per-council setting.
    quorum_numerator = models.PositiveSmallIntegerField(
        _("quorum (numerator)"),
        default=2,
        help_text=_("A session may sit when at least this fraction of delegates attend."),
    )
    quorum_denominator = models.PositiveSmallIntegerField(_("quorum (denominator)"), default=3)
    place_name = models.CharField(
        _("place name on documents"),
        max_length=100,
        blank=True,
        help_text=_("As on the place-and-date line, e.g. “Na Rì”."),
    )

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        ordering = ["unit__level_rank", "unit__code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quorum_numerator__gte=1, quorum_denominator__gte=1)
                & Q(quorum_numerator__lte=F("quorum_denominator")),
                name="councils_quorum_is_a_fraction",
                violation_error_message=_("The quorum must be a fraction between 1/n and 1."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def level(self):
        return self.unit.level

    def quorum_reached(self, present, total):
        """Whether `present` delegates out of `total` in office make the quorum."""
        return total > 0 and present * self.quorum_denominator >= total * self.quorum_numerator

    @property
    def document_place(self):
        """The place on the place-and-date line of documents: "Na Rì" for "Huyện Na Rì"."""
        if self.place_name:
            return self.place_name
        name = self.unit.name
        for word in ("Thành phố ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Tỉnh ", "Huyện ", "Quận ", "Xã ", "Phường "):
            if name.startswith(word):
                return name[len(word) :]
        return name


class TermQuerySet(models.QuerySet):
    def current_on(self, on):
        return self.filter(start_date__lte=on).filter(Q(end_date__isnull=True) | Q(end_date__gte=on))


class Term(TimeStampedModel):
    """A council's term (nhiệm kỳ, khóa), numbered in Roman numerals."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="terms", verbose_name=_("council"))
    number = models.PositiveSmallIntegerField(_("term number"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["council__unit__level_rank", "council__unit__code", "-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "number"],
                name="councils_term_number_unique",
                violation_error_message=_("The council already has a term with this number."),
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="councils_term_number_positive"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="councils_term_dates_ordered",
            ),
        ]

    def __str__(self):
        return _("Term %(roman)s (%(start)s–%(end)s)") % {
            "roman": self.roman,
            "start": self.start_date.year,
            "end": self.end_date.year if self.end_date else "",
        }

    @property
    def roman(self):
        return roman(self.number) if self.number else ""

    def contains(self, start, end=None):
        """Whether the period [start, end] lies inside the term."""
        if start < self.start_date:
            return False
        if self.end_date is None:
            return True
        return (end or start) <= self.end_date and start <= self.end_date

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.council_id and self.start_date:
            others = Term.objects.filter(council_id=self.council_id).exclude(pk=self.pk)
            others = others.filter(Q(end_date__isnull=True) | Q(end_date__gte=self.start_date))
            if self.end_date:
                others = others.filter(start_date__lte=self.end_date)
            other = others.first()
            if other:
                raise ValidationError(
                    {"start_date": _("This period overlaps %(term)s of the same council.") % {"term": other}}
                )


def _check_inside_term(term, start, end, errors, start_field="start_date", end_field="end_date"):
    if not term or not start:
        return
    if start < term.start_date or (term.end_date and start > term.end_date):
        errors[start_field] = _("The start date must lie within %(term)s (%(from)s – %(to)s).") % {
            "term": term,
            "from": vn_date(term.start_date),
            "to": vn_date(term.end_date) or "…",
        }
    if end and term.end_date and end > term.end_date:
        errors[end_field] = _("The end date must not be after the end of %(term)s (%(to)s).") % {
            "term": term,
            "to": vn_date(term.end_date),
        }
    if end and end < start:
        errors[end_field] = _("The end date cannot be before the start date.")


class CommitteeKind(models.TextChoices):
    LEGAL = "legal", _("Legal Affairs Committee")
    ECONOMY_BUDGET = "economy_budget", _("Economy and Budget Committee")
    CULTURE_SOCIETY = "culture_society", _("Culture and Society Committee")
    ECONOMY_SOCIETY = "economy_society", _("Economy and Society Committee")
    ETHNIC = "ethnic", _("Ethnic Affairs Committee")
    URBAN = "urban", _("Urban Affairs Committee")
    OTHER = "other", _("Other committee")


class Committee(SearchableModel):
    """A committee (Ban) of a council for one term."""

    search_source_fields = ("name",)

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="committees", verbose_name=_("council"))
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="committees", verbose_name=_("term"))
    kind = models.CharField(_("kind"), max_length=20, choices=CommitteeKind.choices)
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["council__unit__level_rank", "council__unit__code", "term", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "name"],
                name="councils_committee_name_unique_per_term",
                violation_error_message=_("A committee with this name already exists in this term."),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.term_id and self.council_id and self.term.council_id != self.council_id:
            raise ValidationError({"term": _("The term must belong to the same council.")})


class Constituency(SearchableModel):
    """An electoral constituency (đơn vị bầu cử) of a council for one term."""

    search_source_fields = ("area",)

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="constituencies", verbose_name=_("council")
    )
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="constituencies", verbose_name=_("term"))
    number = models.PositiveSmallIntegerField(_("number"))
    area = models.CharField(_("area"), max_length=500, help_text=_("The villages, communes or wards it covers."))
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)

    class Meta:
        verbose_name = _("constituency")
        verbose_name_plural = _("constituencies")
        ordering = ["council__unit__level_rank", "council__unit__code", "term", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "number"],
                name="councils_constituency_number_unique",
                violation_error_message=_("A constituency with this number already exists in this term."),
            ),
            models.CheckConstraint(condition=Q(seats__gte=1), name="councils_constituency_seats_positive"),
        ]

    def __str__(self):
        return _("Constituency no. %(number)s") % {"number": self.number}

    def clean(self):
        if self.term_id and self.council_id and self.term.council_id != self.council_id:
            raise ValidationError({"term": _("The term must belong to the same council.")})


class DelegateGroup(SearchableModel):
    """A delegate group (Tổ đại biểu): the delegates elected in one or more constituencies."""

    search_source_fields = ("name",)

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="delegate_groups", verbose_name=_("council")
    )
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="delegate_groups", verbose_name=_("term"))
    name = models.CharField(_("name"), max_length=150)
    constituencies = models.ManyToManyField(
        Constituency, related_name="delegate_groups", blank=True, verbose_name=_("constituencies")
    )

    class Meta:
        verbose_name = _("delegate group")
        verbose_name_plural = _("delegate groups")
        ordering = ["council__unit__level_rank", "council__unit__code", "term", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "name"],
                name="councils_group_name_unique_per_term",
                violation_error_message=_("A delegate group with this name already exists in this term."),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.term_id and self.council_id and self.term.council_id != self.council_id:
            raise ValidationError({"term": _("The term must belong to the same council.")})


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Person(SearchableModel):
    """A person who is or was a delegate of a council, recorded by that council's secretariat; the
    same person may serve several terms."""

    search_source_fields = ("full_name", "occupation", "ethnicity")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="people", verbose_name=_("council"))
    full_name = models.CharField(_("full name"), max_length=150)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=50, blank=True)
    occupation = models.CharField(_("occupation and workplace"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["council__unit__level_rank", "council__unit__code", "full_name"]

    def __str__(self):
        return self.full_name


class DelegateQuerySet(models.QuerySet):
    def for_council(self, council):
        return self.filter(council=council)

    def in_office_on(self, on):
        """Delegates whose mandate covers the date `on` (within the term and their own dates)."""
        return (
            self.filter(start_date__lte=on, term__start_date__lte=on)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
            .filter(Q(term__end_date__isnull=True) | Q(term__end_date__gte=on))
        )

    def in_office(self, *, council, on):
        """Who was a delegate of `council` on date `on`; `.count()` gives the council's size that day."""
        return self.for_council(council).in_office_on(on)


class Delegate(TimeStampedModel):
    """A person's mandate as a delegate of one council for one term, elected in one constituency."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="mandates", verbose_name=_("person"))
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="delegates", verbose_name=_("council"))
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="delegates", verbose_name=_("term"))
    constituency = models.ForeignKey(
        Constituency, on_delete=models.PROTECT, related_name="delegates", verbose_name=_("constituency")
    )
    full_time = models.BooleanField(_("full-time"), default=False)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Only when the mandate ended early."))
    end_reason = models.CharField(_("reason the mandate ended"), max_length=255, blank=True)
    user = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mandates",
        verbose_name=_("user account"),
    )

    objects = DelegateQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        ordering = ["council__unit__level_rank", "council__unit__code", "term", "person__full_name"]
        constraints = [
            # One mandate per person per term: a delegate cannot sit for two constituencies at once.
            models.UniqueConstraint(
                fields=["person", "term"],
                name="councils_one_mandate_per_term",
                violation_error_message=_("This person already holds a mandate in this term."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="councils_delegate_dates_ordered",
            ),
        ]

    def __str__(self):
        return self.person.full_name if self.person_id else ""

    def validate_constraints(self, exclude=None):
        # clean() already explained a second mandate with the person's name: don't say it twice.
        if getattr(self, "_duplicate_mandate", False):
            exclude = {*(exclude or ()), "person"}
        super().validate_constraints(exclude=exclude)

    def clean(self):
        errors = {}
        if self.term_id and self.council_id and self.term.council_id != self.council_id:
            errors["term"] = _("The term must belong to the same council.")
        if self.constituency_id and self.term_id and self.constituency.term_id != self.term_id:
            errors["constituency"] = _("The constituency must belong to the same council and term.")
        if self.term_id and "term" not in errors:
            _check_inside_term(self.term, self.start_date, self.end_date, errors)
        if self.person_id and self.council_id and self.person.council_id != self.council_id:
            errors["person"] = _("The person must be recorded by the same council.")
        if self.person_id and self.term_id and "term" not in errors:
            other = Delegate.objects.filter(person_id=self.person_id, term_id=self.term_id).exclude(pk=self.pk).first()
            if other:
                self._duplicate_mandate = True
                errors["constituency"] = _(
                    "%(person)s is already a delegate of this council in %(constituency)s for this term; "
                    "a delegate cannot sit for two constituencies at once."
                ) % {"person": self.person, "constituency": other.constituency}
        if errors:
            raise ValidationError(errors)


class Body(models.TextChoices):
    STANDING_COMMITTEE = "standing_committee", _("Standing committee")
    COMMITTEE = "committee", _("Committee")
    DELEGATE_GROUP = "delegate_group", _("Delegate group")


class Position(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    HEAD = "head", _("Head of committee")
    DEPUTY_HEAD = "deputy_head", _("Deputy head of committee")
    GROUP_LEADER = "group_leader", _("Group leader")
    GROUP_DEPUTY = "group_deputy", _("Deputy group leader")
    OFFICE_CHIEF = "office_chief", _("Office chief")
    MEMBER = "member", _("Member")


POSITIONS_OF_BODY = {
    Body.STANDING_COMMITTEE: {
        Position.CHAIR,
        Position.VICE_CHAIR,
        Position.HEAD,
        Position.OFFICE_CHIEF,
        Position.MEMBER,
    },
    Body.COMMITTEE: {Position.HEAD, Position.DEPUTY_HEAD, Position.MEMBER},
    Body.DELEGATE_GROUP: {Position.GROUP_LEADER, Position.GROUP_DEPUTY, Position.MEMBER},
}


class MembershipQuerySet(models.QuerySet):
    def current_on(self, on):
        return self.filter(start_date__lte=on).filter(Q(end_date__isnull=True) | Q(end_date__gte=on))


class Membership(TimeStampedModel):
    """A delegate's dated membership and position in the standing committee, a committee or a group."""

    delegate = models.ForeignKey(
        Delegate, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("delegate")
    )
    body = models.CharField(_("body"), max_length=20, choices=Body.choices)
    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("committee"),
    )
    delegate_group = models.ForeignKey(
        DelegateGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("delegate group"),
    )
    position = models.CharField(_("position"), max_length=20, choices=Position.choices, default=Position.MEMBER)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership and position")
        verbose_name_plural = _("memberships and positions")
        ordering = ["delegate", "body", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(body=Body.STANDING_COMMITTEE, committee__isnull=True, delegate_group__isnull=True)
                    | Q(body=Body.COMMITTEE, committee__isnull=False, delegate_group__isnull=True)
                    | Q(body=Body.DELEGATE_GROUP, committee__isnull=True, delegate_group__isnull=False)
                ),
                name="councils_membership_body_matches",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="councils_membership_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.delegate} – {self.get_position_display()} – {self.body_name}"

    @property
    def council(self):
        return self.delegate.council

    @property
    def body_name(self):
        if self.body == Body.COMMITTEE and self.committee_id:
            return str(self.committee)
        if self.body == Body.DELEGATE_GROUP and self.delegate_group_id:
            return str(self.delegate_group)
        return str(self.get_body_display())

    def clean(self):
        errors = {}
        if self.body == Body.COMMITTEE and not self.committee_id:
            errors["committee"] = _("Choose the committee.")
        if self.body == Body.DELEGATE_GROUP and not self.delegate_group_id:
            errors["delegate_group"] = _("Choose the delegate group.")
        if self.body != Body.COMMITTEE and self.committee_id:
            errors["committee"] = _("A committee is only chosen for a committee membership.")
        if self.body != Body.DELEGATE_GROUP and self.delegate_group_id:
            errors["delegate_group"] = _("A delegate group is only chosen for a delegate group membership.")
        if self.body and self.position and Position(self.position) not in POSITIONS_OF_BODY[Body(self.body)]:
            errors["position"] = _("This position does not exist in the chosen body.")
        if self.delegate_id:
            delegate = self.delegate
            for organ, field in ((self.committee, "committee"), (self.delegate_group, "delegate_group")):
                if organ is not None and organ.term_id != delegate.term_id:
                    errors[field] = _("It must belong to the delegate's council and term.")
            _check_inside_term(delegate.term, self.start_date, self.end_date, errors)
            if self.start_date and "start_date" not in errors and self.start_date < delegate.start_date:
                errors["start_date"] = _("The membership cannot start before the delegate's mandate (%(date)s).") % {
                    "date": vn_date(delegate.start_date)
                }
            if (
                delegate.end_date
                and self.start_date
                and "start_date" not in errors
                and self.start_date > delegate.end_date
            ):
                errors["start_date"] = _(
                    "The membership cannot start after the delegate's mandate ended (%(date)s)."
                ) % {"date": vn_date(delegate.end_date)}
        if errors:
            raise ValidationError(errors)
