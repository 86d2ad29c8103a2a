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
