import datetime

import pytest
from django.db import transaction
from wagtail.models import ModelLogEntry

from hdnd.councils.models import Committee, Council, Delegate, Level, Membership, Person
from hdnd.demo.loader import load_demo
from hdnd.demo.people import EXCLUDED

pytestmark = pytest.mark.django_db
SEED_DAY = datetime.date(2024, 10, 22)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loads the demo once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def test_demo_has_the_na_ri_councils_of_2024(demo):
    district = Council.objects.get(unit__code="066")
    assert district.name == "Hội đồng nhân dân huyện Na Rì"
    communes = Council.objects.filter(unit__parent=district.unit)
    assert communes.count() == 17
    assert Council.objects.get(unit__code="02155").name == "Hội đồng nhân dân thị trấn Yến Lạc"
    assert Council.objects.get(unit__code="06", unit__level=Level.PROVINCE).name == "Hội đồng nhân dân tỉnh Bắc Kạn"


def test_every_council_has_its_term_committees_and_delegates(demo):
    for council in Council.objects.all():
        term = council.terms.get()
        assert term.start_date == datetime.date(2021, 6, 25)
        assert Committee.objects.filter(term=term).count() >= 2
        assert Delegate.objects.in_office(council=council, on=SEED_DAY).count() >= 20
        chair = Membership.objects.get(delegate__council=council, body="standing_committee", position="chair")
        assert chair.delegate.full_time


def test_delegate_groups_have_a_leader(demo):
    district = Council.objects.get(unit__code="066")
    for group in district.delegate_groups.all():
        assert group.memberships.filter(position="group_leader").count() == 1


def test_no_real_official_is_named(demo):
    assert not Person.objects.filter(full_name__in=EXCLUDED).exists()


def test_demo_records_are_in_the_audit_log(demo):
    delegate = Delegate.objects.first()
    assert ModelLogEntry.objects.filter(object_id=str(delegate.pk), action="hdnd.create").exists()


def test_loading_again_adds_nothing(demo):
    counts = Council.objects.count(), Delegate.objects.count(), Membership.objects.count(), Person.objects.count()
    load_demo()
    assert (
        Council.objects.count(),
        Delegate.objects.count(),
        Membership.objects.count(),
        Person.objects.count(),
    ) == counts


def test_demo_activity_gives_the_seed_articles_figures(demo):
    """73 sessions (district 7: 1 regular, 6 urgent; communes 66: 17 regular, 49 thematic or urgent)
    and 266 resolutions (district 33, communes 233) between 01/01 and 22/10/2024."""
    from hdnd.meetings.models import Session
    from hdnd.resolutions.models import Resolution

    start, end = datetime.date(2024, 1, 1), SEED_DAY
    district = Council.objects.get(unit__code="066")
    communes = Council.objects.filter(unit__parent=district.unit)
    district_sessions = Session.objects.filter(council=district).between(start, end)
    commune_sessions = Session.objects.filter(council__in=communes).between(start, end)
    assert district_sessions.count() == 7
    assert district_sessions.filter(kind="regular").count() == 1
    assert district_sessions.filter(kind="urgent").count() == 6
    assert commune_sessions.count() == 66
    assert commune_sessions.filter(kind="regular").count() == 17
    assert commune_sessions.exclude(kind="regular").count() == 49
    assert Resolution.objects.filter(council=district).adopted_between(start, end).count() == 33
    assert Resolution.objects.filter(council__in=communes).adopted_between(start, end).count() == 233


def test_demo_resolution_numbers_follow_each_series(demo):
    from hdnd.resolutions.models import Resolution

    district = Council.objects.get(unit__code="066")
    individual = list(
        Resolution.objects.filter(council=district, kind="individual", year=2024).order_by("adopted_on", "number")
    )
    assert [r.number for r in individual] == list(range(1, len(individual) + 1))
    assert individual[0].symbol == "01/NQ-HĐND"
    assert (
        Resolution.objects.filter(council=district, kind="normative", year=2024)
        .first()
        .symbol.endswith("/2024/NQ-HĐND")
    )
