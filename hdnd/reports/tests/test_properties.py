"""Property-based checks of the figures: whatever the councils, periods and records, each figure
is a direct count, a council with those beneath equals the sum of each alone, and a period split
in two sums to the whole."""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from hdnd.councils.factories import CouncilFactory, DistrictFactory, TermFactory
from hdnd.meetings.models import Session
from hdnd.oversight.factories import MissionFactory
from hdnd.reports.statistics import Scope, figures
from hdnd.resolutions.models import Resolution

YEAR_START = datetime.date(2024, 1, 1)
days = st.integers(min_value=0, max_value=365).map(lambda n: YEAR_START + datetime.timedelta(days=n))
record = st.tuples(
    st.integers(min_value=0, max_value=3),  # which council: 0 the district, 1–3 its communes
    days,
    st.sampled_from(["regular", "thematic", "urgent"]),
    st.sampled_from(["normative", "individual"]),
    st.sampled_from(["thematic", "petitions", "survey"]),
)
PROPERTY_SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _count(report, name, kind):
    return report.total(name) if kind is None else report.total_of(name, kind)


class FigureProperties(TestCase):
    def _world(self, rows):
        district = CouncilFactory(unit=DistrictFactory())
        communes = [CouncilFactory(unit__parent=district.unit) for _ in range(3)]
        councils = [district, *communes]
        terms = [TermFactory(council=c) for c in councils]
        numbers = {}
        for index, day, session_kind, resolution_kind, mission_kind in rows:
            council, term = councils[index], terms[index]
            numbers[index] = numbers.get(index, 0) + 1
            Session.objects.create(
                council=council, term=term, number=numbers[index], kind=session_kind, planned_start=day
            )
            Resolution.objects.create(
                council=council,
                term=term,
                kind=resolution_kind,
                subject="Nghị quyết",
                year=day.year,
                number=numbers[index],
                adopted_on=day,
                status="adopted",
            )
            MissionFactory(term=term, kind=mission_kind, planned_start=day)
        return councils

    @PROPERTY_SETTINGS
    @given(rows=st.lists(record, max_size=12), start=days, end=days)
    def test_each_figure_is_a_direct_count(self, rows, start, end):
        start, end = min(start, end), max(start, end)
        councils = self._world(rows)
        report = figures(Scope(councils[0], start, end))
        expected_sessions = sum(1 for _, day, *_ in rows if start <= day <= end)
        assert report.total("sessions") == expected_sessions
        assert report.total("resolutions") == expected_sessions
        for kind in ("regular", "thematic", "urgent"):
            assert report.total_of("sessions", kind) == sum(
                1 for _, day, k, *_ in rows if start <= day <= end and k == kind
            )
        for kind in ("thematic", "petitions", "survey"):
            assert report.total_of("missions", kind) == sum(
                1 for _, day, _s, _r, k in rows if start <= day <= end and k == kind
            )

    @PROPERTY_SETTINGS
    @given(rows=st.lists(record, max_size=12))
    def test_a_council_with_those_beneath_is_the_sum_of_each_alone(self, rows):
        councils = self._world(rows)
        end = YEAR_START.replace(month=12, day=31) + datetime.timedelta(days=1)
        whole = figures(Scope(councils[0], YEAR_START, end))
        alone = [figures(Scope(c, YEAR_START, end, beneath=False)) for c in councils]
        for name in ("sessions", "resolutions", "missions"):
            assert whole.total(name) == sum(r.total(name) for r in alone)

    @PROPERTY_SETTINGS
    @given(rows=st.lists(record, max_size=12), cut=days)
    def test_a_period_split_in_two_sums_to_the_whole(self, rows, cut):
        councils = self._world(rows)
        end = datetime.date(2025, 1, 1)
        whole = figures(Scope(councils[0], YEAR_START, end))
        first = figures(Scope(councils[0], YEAR_START, cut))
        second = figures(Scope(councils[0], cut + datetime.timedelta(days=1), end))
        for name in ("sessions", "resolutions", "missions"):
            for kind in (None, "regular", "normative", "survey"):
                assert _count(whole, name, kind) == _count(first, name, kind) + _count(second, name, kind)
