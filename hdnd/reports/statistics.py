"""The figures of a council — alone or with every council beneath it — for a period, by level.

Every figure is a count of records: `FIGURES` names, for each, the records behind it (a queryset
of the scope and period) and how they break down. `figures(scope)` counts them all in one grouped
query per figure; `records(scope, name, level, key)` gives the very rows a figure counted, so a
click on "33" lists the 33 resolutions.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, Q, Sum, Value, When
from django.db.models.functions import Coalesce

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

    def unit_ids(self):
        """The council's unit and, when asked, every unit beneath it that existed in the period."""
        ids = {self.council.unit_id}
        frontier = ids
        while self.beneath and frontier:
            frontier = set(
                AdministrativeUnit.objects.filter(parent_id__in=frontier, valid_from__lte=self.end)
                .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.start))
                .values_list("pk", flat=True)
            )
            ids |= frontier
        return ids

    def council_ids(self):
        if not hasattr(self, "_council_ids"):
            ids = set(Council.objects.filter(unit_id__in=self.unit_ids()).values_list("pk", flat=True))
            object.__setattr__(self, "_council_ids", ids)
        return self._council_ids


# --- the records behind each figure ------------------------------------------------------------


def _sessions(scope):
    return (
        Session.objects.filter(council_id__in=scope.council_ids())
        .annotate(day=Coalesce("actual_start", "planned_start"))
        .filter(day__gte=scope.start, day__lte=scope.end)
    )


def _resolutions(scope):
    return Resolution.objects.filter(
        council_id__in=scope.council_ids(), adopted_on__gte=scope.start, adopted_on__lte=scope.end
    ).exclude(status=Status.DRAFT)


def _missions(scope):
    return Mission.objects.filter(council_id__in=scope.council_ids()).begun_between(scope.start, scope.end)


def _recommendations(scope):
    """Recommendations of the missions begun in the period; overdue as the period ends."""
    return (
        Recommendation.objects.filter(mission__council_id__in=scope.council_ids())
        .annotate(begun=Coalesce("mission__decision_date", "mission__planned_start"))
        .filter(begun__gte=scope.start, begun__lte=scope.end)
    ).annotate(
        outcome=_case(
            ("done", Q(status="done")),
            ("dropped", Q(status="dropped")),
            ("overdue", Q(deadline__lt=scope.end) & ~Q(status__in=CLOSED_STATUSES)),
            default="open",
        )
    )


def _questioning(scope):
    return Questioning.objects.filter(
        council_id__in=scope.council_ids(), asked_on__gte=scope.start, asked_on__lte=scope.end
    )


def _hearings(scope):
    return AccountabilityHearing.objects.filter(
        council_id__in=scope.council_ids(), held_on__gte=scope.start, held_on__lte=scope.end
    )


def _voter_meetings(scope):
    return VoterMeeting.objects.filter(
        council_id__in=scope.council_ids(), held_on__gte=scope.start, held_on__lte=scope.end
    )


def _petitions(scope):
    """Petitions received in the period (merged repeats not counted twice); answered or overdue
    as the period ends."""
    answered = Q(status__in=ANSWERED_STATUSES, answered_on__lte=scope.end)
    return (
        VoterPetition.objects.filter(
            council_id__in=scope.council_ids(), received_on__gte=scope.start, received_on__lte=scope.end
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
        council_id__in=scope.council_ids(), day__gte=scope.start, day__lte=scope.end
    )


def _cases(scope):
    return ReceptionCase.objects.filter(
        council_id__in=scope.council_ids(), received_on__gte=scope.start, received_on__lte=scope.end
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
    total: str | None = None  # a field summed instead of counting rows (voters attending)


FIGURES = {
    "sessions": Figure(_sessions, "kind"),
    "resolutions": Figure(_resolutions, "kind"),
    "missions": Figure(_missions, "kind"),
    "recommendations": Figure(_recommendations, "outcome"),
    "questioning": Figure(_questioning),
    "hearings": Figure(_hearings),
    "voter_meetings": Figure(_voter_meetings),
    "voters": Figure(_voter_meetings, total="voters_count"),
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
    questioning_sittings: dict  # level -> number of sittings with questioning
    levels: list

    def level(self, level):
        return self.by_level.get(level, {})

    def get(self, level, name):
        return self.by_level.get(level, {}).get(name, Counts())

    def total(self, name):
        return sum(self.get(level, name).total for level in self.levels)

    def total_of(self, name, key):
        return sum(self.get(level, name)[key] for level in self.levels)


def _count(scope, figure):
    """{level: Counts} for one figure, in one grouped query."""
    queryset = figure.records(scope).order_by()
    keys = [LEVEL_FIELD] + ([figure.breakdown] if figure.breakdown else [])
    value = Coalesce(Sum(figure.total), 0) if figure.total else Count("pk")
    result = defaultdict(Counts)
    for row in queryset.values(*keys).annotate(n=value):
        counts = result[row[LEVEL_FIELD]]
        counts.total += row["n"]
        if figure.breakdown:
            counts.by[row[figure.breakdown]] = counts.by.get(row[figure.breakdown], 0) + row["n"]
    return result


def figures(scope):
    by_level = defaultdict(dict)
    for name, figure in FIGURES.items():
        for level, counts in _count(scope, figure).items():
            by_level[level][name] = counts
    sittings = defaultdict(set)
    for level, council, session, asked_on in _questioning(scope).values_list(
        LEVEL_FIELD, "council_id", "session_id", "asked_on"
    ):
        sittings[level].add((council, session) if session else (council, asked_on))
    levels = [level for level in LEVELS if level in by_level or level == scope.council.unit.level]
    return Report(
        scope=scope,
        by_level=dict(by_level),
        questioning_sittings={level: len(s) for level, s in sittings.items()},
        levels=levels,
    )


def records(scope, name, level=None, key=None):
    """The records a figure counted — at one level and for one breakdown key, when given."""
    figure = FIGURES[name]
    queryset = figure.records(scope)
    if level:
        queryset = queryset.filter(**{LEVEL_FIELD: level})
    if key and figure.breakdown:
        queryset = queryset.filter(**{figure.breakdown: key})
    return queryset
