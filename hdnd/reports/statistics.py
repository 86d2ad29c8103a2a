"""The figures of a council — alone or with every council beneath it — for a period, by level.

Every figure is a count of records: `FIGURES` names, for each, the records behind it (a queryset
of the scope and period) and how they break down. `figures(scope)` counts them all in one query,
grouped by level and breakdown; `records(scope, name, level, key)` gives the very rows a figure
counted, so a click on "33" lists the 33 resolutions.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, Q, Sum, Value, When
from django.db.models.functions import Cast, Coalesce, Concat

from hdnd.councils.models import AdministrativeUnit, Council, Level
from hdnd.meetings.models import Session
from hdnd.oversight.models import CLOSED_STATUSES, AccountabilityHearing, Mission, Questioning, Recommendation
from hdnd.petitions.models import ANSWERED_STATUSES, PetitionStatus, VoterMeeting, VoterPetition
from hdnd.reception.models import Case as ReceptionCase
from hdnd.reception.models import ReceptionSchedule
from hdnd.resolutions.models import Resolution, Status

LEVELS = [Level.PROVINCE, Level.DISTRICT, Level.COMMUNE]
LEVEL_FIELD = "council__unit__level"


@dataclass(frozen=True)
class Scope:
    """A council, a period [start, end] and whether the councils beneath it count too."""

    council: Council
    start: datetime.date
    end: datetime.date
    beneath: bool = True

    def unit_levels(self):
        """{unit id: level} of the council's unit and, when asked, every unit beneath it that
        existed in the period — one query per level walked down."""
        if not hasattr(self, "_unit_levels"):
            unit = self.council.unit
            levels = {unit.pk: unit.level}
            frontier = [unit.pk] if self.beneath and unit.level != Level.COMMUNE else []
            while frontier:
                found = dict(
                    AdministrativeUnit.objects.filter(parent_id__in=frontier, valid_from__lte=self.end)
                    .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.start))
                    .values_list("pk", "level")
                )
                levels.update(found)
                frontier = [pk for pk, level in found.items() if level != Level.COMMUNE]
            object.__setattr__(self, "_unit_levels", levels)
        return self._unit_levels

    def unit_ids(self):
        return set(self.unit_levels())

    def council_levels(self):
        """{council id: level} of the councils of the scope."""
        if not hasattr(self, "_council_levels"):
            units = self.unit_levels()
            councils = Council.objects.filter(unit_id__any=units).values_list("pk", "unit_id")
            object.__setattr__(self, "_council_levels", {pk: units[unit_id] for pk, unit_id in councils})
        return self._council_levels

    def council_ids(self):
        return set(self.council_levels())


# --- the records behind each figure ------------------------------------------------------------


def _sessions(scope):
    return (
        Session.objects.filter(council_id__any=scope.council_ids())
        .annotate(day=Coalesce("actual_start", "planned_start"))
        .filter(day__gte=scope.start, day__lte=scope.end)
    )


def _resolutions(scope):
    return Resolution.objects.filter(
        council_id__any=scope.council_ids(), adopted_on__gte=scope.start, adopted_on__lte=scope.end
    ).exclude(status=Status.DRAFT)


def _missions(scope):
    return Mission.objects.filter(council_id__any=scope.council_ids()).begun_between(scope.start, scope.end)


def _recommendations(scope):
    """Recommendations of the missions begun in the period; overdue as the period ends."""
    return Recommendation.objects.filter(mission__in=_missions(scope).values("pk")).annotate(
        outcome=_case(
            ("done", Q(status="done")),
            ("dropped", Q(status="dropped")),
            ("overdue", Q(deadline__lt=scope.end) & ~Q(status__in=CLOSED_STATUSES)),
            default="open",
        )
    )


def _questioning(scope):
    return Questioning.objects.filter(
        council_id__any=scope.council_ids(), asked_on__gte=scope.start, asked_on__lte=scope.end
    )


def _hearings(scope):
    return AccountabilityHearing.objects.filter(
        council_id__any=scope.council_ids(), held_on__gte=scope.start, held_on__lte=scope.end
    )


def _voter_meetings(scope):
    return VoterMeeting.objects.filter(
        council_id__any=scope.council_ids(), held_on__gte=scope.start, held_on__lte=scope.end
    )


def _petitions(scope):
    """Petitions received in the period (merged repeats not counted twice); answered or overdue
    as the period ends."""
    answered = Q(status__in=ANSWERED_STATUSES, answered_on__lte=scope.end)
    return (
        VoterPetition.objects.filter(
            council_id__any=scope.council_ids(), received_on__gte=scope.start, received_on__lte=scope.end
        )
        .exclude(status=PetitionStatus.MERGED)
        .annotate(
            outcome=_case(
                ("answered", answered),
                ("overdue", Q(deadline__lt=scope.end)),
                default="waiting",
            )
        )
    )


def _reception_days(scope):
    return ReceptionSchedule.objects.filter(
        council_id__any=scope.council_ids(), day__gte=scope.start, day__lte=scope.end
    )


def _cases(scope):
    return ReceptionCase.objects.filter(
        council_id__any=scope.council_ids(), received_on__gte=scope.start, received_on__lte=scope.end
    )


def _case(*whens, default):
    """A label per row: the first condition it meets, else `default`."""
    return Case(
        *(When(condition, then=Value(label)) for label, condition in whens),
        default=Value(default),
        output_field=CharField(),
    )


@dataclass(frozen=True)
class Figure:
    records: object  # scope -> queryset
    breakdown: str | None = None  # the field the figure splits by
    value: object = None  # what is counted per council, when not the rows (an aggregate)


#: Sittings with questioning: each session with questioning, and each day on which a council
#: questioned outside a session (at a standing committee's meeting).
SITTINGS = Count("session", distinct=True) + Count(
    Concat(Cast("council_id", CharField()), Value(" "), Cast("asked_on", CharField())),
    filter=Q(session__isnull=True),
    distinct=True,
)

FIGURES = {
    "sessions": Figure(_sessions, "kind"),
    "resolutions": Figure(_resolutions, "kind"),
    "missions": Figure(_missions, "kind"),
    "recommendations": Figure(_recommendations, "outcome"),
    "questioning": Figure(_questioning),
    "sittings": Figure(_questioning, value=SITTINGS),
    "hearings": Figure(_hearings),
    "voter_meetings": Figure(_voter_meetings),
    "voters": Figure(_voter_meetings, value=Coalesce(Sum("voters_count"), 0)),
    "petitions": Figure(_petitions, "outcome"),
    "reception_days": Figure(_reception_days),
    "cases": Figure(_cases, "kind"),
}


@dataclass
class Counts:
    """One figure at one level: the total and its breakdown."""

    total: int = 0
    by: dict = field(default_factory=dict)

    def __getitem__(self, key):
        return self.by.get(key, 0)


@dataclass
class Report:
    scope: Scope
    by_level: dict  # level -> figure name -> Counts
    levels: list

    @property
    def questioning_sittings(self):
        """{level: number of sittings with questioning}."""
        return {
            level: figures_["sittings"].total for level, figures_ in self.by_level.items() if "sittings" in figures_
        }

    def level(self, level):
        return self.by_level.get(level, {})

    def get(self, level, name):
        return self.by_level.get(level, {}).get(name, Counts())

    def total(self, name):
        return sum(self.get(level, name).total for level in self.levels)

    def total_of(self, name, key):
        return sum(self.get(level, name)[key] for level in self.levels)


def _level(scope):
    """The level of a record's council, as a column: the scope knows its councils' levels, so
    each query names them (the most numerous level being the rest) instead of joining units.
    Every record counted is of a council of the scope (a recommendation's council is its
    mission's: see Recommendation.clean)."""
    councils = defaultdict(list)
    for council, level in scope.council_levels().items():
        councils[level].append(council)
    *fewer, most = sorted(councils, key=lambda level: len(councils[level]))
    return Case(
        *(When(council_id__any=councils[level], then=Value(level)) for level in fewer),
        default=Value(most),
        output_field=CharField(),
    )


def _counted(scope, name, figure, level):
    """The grouped query of one figure: rows of (name, level, breakdown key, n)."""
    key = Cast(figure.breakdown, CharField()) if figure.breakdown else Value(None, output_field=CharField())
    return (
        figure.records(scope)
        .order_by()
        .annotate(figure=Value(name, output_field=CharField()), level=level, key=key)
        .values("figure", "level", "key")
        .annotate(n=figure.value or Count("pk"))
        .values_list("figure", "level", "key", "n")
    )


def figures(scope):
    """Every figure of the scope, by level, in one query (the figures' queries joined by UNION ALL)."""
    level_column = _level(scope)
    first, *others = (_counted(scope, name, figure, level_column) for name, figure in FIGURES.items())
    by_level = defaultdict(dict)
    for name, level, key, n in first.union(*others, all=True):
        counts = by_level[level].setdefault(name, Counts())
        counts.total += n
        if FIGURES[name].breakdown:
            counts.by[key] = n
    levels = [level for level in LEVELS if level in by_level or level == scope.council.unit.level]
    return Report(scope=scope, by_level=dict(by_level), levels=levels)


def records(scope, name, level=None, key=None):
    """The records a figure counted — at one level and for one breakdown key, when given."""
    figure = FIGURES[name]
    queryset = figure.records(scope)
    if level:
        queryset = queryset.filter(**{LEVEL_FIELD: level})
    if key and figure.breakdown:
        queryset = queryset.filter(**{figure.breakdown: key})
    return queryset
