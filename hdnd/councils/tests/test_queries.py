"""“Who was a delegate of council X on date D” and “how many” are single QuerySet calls."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hdnd.councils.factories import ConstituencyFactory, DelegateFactory, MembershipFactory, TermFactory
from hdnd.councils.models import Delegate, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def term():
    return TermFactory(start_date=datetime.date(2021, 6, 25), end_date=datetime.date(2025, 6, 30))


def test_delegates_in_office_on_a_date(term):
    constituency = ConstituencyFactory(term=term)
    serving = DelegateFactory(constituency=constituency)
    left_early = DelegateFactory(
        constituency=constituency, end_date=datetime.date(2023, 12, 31), end_reason="Chuyển công tác"
    )
    joined_late = DelegateFactory(constituency=constituency, start_date=datetime.date(2024, 5, 1))
    DelegateFactory()  # another council

    on = datetime.date(2024, 1, 15)
    assert set(Delegate.objects.in_office(council=term.council, on=on)) == {serving}
    assert set(Delegate.objects.in_office(council=term.council, on=datetime.date(2023, 6, 1))) == {serving, left_early}
    assert set(Delegate.objects.in_office(council=term.council, on=datetime.date(2024, 10, 22))) == {
        serving,
        joined_late,
    }
    assert Delegate.objects.in_office(council=term.council, on=datetime.date(2025, 7, 1)).count() == 0
    assert Delegate.objects.in_office(council=term.council, on=datetime.date(2021, 6, 1)).count() == 0


def test_council_size_on_a_date_is_one_query(term):
    constituency = ConstituencyFactory(term=term)
    DelegateFactory.create_batch(5, constituency=constituency)
    with CaptureQueriesContext(connection) as queries:
        count = Delegate.objects.in_office(council=term.council, on=datetime.date(2024, 10, 22)).count()
    assert count == 5
    assert len(queries) == 1


def test_memberships_current_on_a_date(term):
    delegate = DelegateFactory(constituency=ConstituencyFactory(term=term))
    chair = MembershipFactory(delegate=delegate, position="chair", end_date=datetime.date(2023, 3, 1))
    member = MembershipFactory(delegate=delegate, position="member", start_date=datetime.date(2023, 3, 2))
    assert list(Membership.objects.current_on(datetime.date(2022, 1, 1))) == [chair]
    assert list(Membership.objects.current_on(datetime.date(2024, 1, 1))) == [member]
