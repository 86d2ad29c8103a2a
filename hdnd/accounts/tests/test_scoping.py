"""Queryset scoping: written once, read by every view."""

import datetime

import pytest

from hdnd.accounts.models import Role
from hdnd.accounts.permissions import can_edit_council, can_view_council
from hdnd.accounts.scoping import CHANGE, VIEW, council_ids, scope_queryset
from hdnd.accounts.services import council_role_grant
from hdnd.conftest import user_with_role
from hdnd.councils.factories import CouncilFactory, DelegateFactory, TermFactory
from hdnd.councils.models import AdministrativeUnit, Delegate, UnitKind, UnitSuccession

pytestmark = pytest.mark.django_db


def test_secretariat_reads_and_edits_only_its_council(commune_council, other_commune_council):
    user = user_with_role(commune_council)
    assert council_ids(user, VIEW) == {commune_council.pk}
    assert council_ids(user, CHANGE) == {commune_council.pk}
    assert can_view_council(user, commune_council)
    assert not can_view_council(user, other_commune_council)


def test_higher_level_reads_every_council_beneath_but_edits_none(
    district_council, commune_council, other_commune_council
):
    user = user_with_role(district_council, Role.LEADER)
    assert council_ids(user, VIEW) == {district_council.pk, commune_council.pk, other_commune_council.pk}
    assert council_ids(user, CHANGE) == {district_council.pk}
    assert can_view_council(user, commune_council)
    assert not can_edit_council(user, commune_council)


def test_lower_level_does_not_read_the_level_above(district_council, commune_council):
    user = user_with_role(commune_council)
    assert not can_view_council(user, district_council)


def test_viewer_and_delegate_only_read(commune_council):
    for role in (Role.VIEWER, Role.DELEGATE):
        user = user_with_role(commune_council, role)
        assert council_ids(user, VIEW) == {commune_council.pk}
        assert council_ids(user, CHANGE) == set()


def test_new_unit_reads_the_records_of_its_predecessors(commune_council):
    """A 2026 commune's staff read the 2024 records of the communes merged into it."""
    province = AdministrativeUnit.objects.create(
        code="98", name="Tỉnh Mới", kind=UnitKind.PROVINCE, valid_from=datetime.date(2025, 7, 1)
    )
    new_unit = AdministrativeUnit.objects.create(
        code="98001", name="Xã Mới", kind=UnitKind.COMMUNE, parent=province, valid_from=datetime.date(2025, 7, 1)
    )
    UnitSuccession.objects.create(predecessor=commune_council.unit, successor=new_unit)
    new_council = CouncilFactory(unit=new_unit)
    user = user_with_role(new_council)
    assert council_ids(user, VIEW) == {new_council.pk, commune_council.pk}
    assert council_ids(user, CHANGE) == {new_council.pk}


def test_new_province_reads_old_districts_and_communes_of_merged_provinces(district_council, commune_council):
    old_province = district_council.unit.parent
    new_province = AdministrativeUnit.objects.create(
        code="98", name="Tỉnh Mới", kind=UnitKind.PROVINCE, valid_from=datetime.date(2025, 7, 1)
    )
    UnitSuccession.objects.create(predecessor=old_province, successor=new_province)
    user = user_with_role(CouncilFactory(unit=new_province))
    assert {district_council.pk, commune_council.pk} <= council_ids(user, VIEW)


def test_superuser_reaches_everything(commune_council):
    from hdnd.accounts.factories import UserFactory

    admin = UserFactory(is_superuser=True)
    assert council_ids(admin, VIEW) is None
    assert scope_queryset(Delegate.objects.all(), admin).query.where is not None


def test_inactive_user_reaches_nothing(commune_council):
    user = user_with_role(commune_council)
    user.is_active = False
    assert council_ids(user, VIEW) == set()


def test_scope_queryset_filters_records(commune_council, other_commune_council):
    mine = DelegateFactory(constituency__term=TermFactory(council=commune_council))
    DelegateFactory(constituency__term=TermFactory(council=other_commune_council))
    user = user_with_role(commune_council)
    assert list(scope_queryset(Delegate.objects.all(), user)) == [mine]


def test_granting_a_role_refreshes_the_scope(commune_council, other_commune_council):
    user = user_with_role(commune_council)
    assert council_ids(user, VIEW) == {commune_council.pk}
    council_role_grant(actor=user, user=user, council=other_commune_council, role=Role.VIEWER)
    assert council_ids(user, VIEW) == {commune_council.pk, other_commune_council.pk}
