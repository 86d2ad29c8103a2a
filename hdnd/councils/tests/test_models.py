"""Rules about one record: each gets a clear Vietnamese message, and the database backs the ones
that must never break."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from hdnd.councils.factories import (
    CommitteeFactory,
    CommuneFactory,
    ConstituencyFactory,
    DelegateFactory,
    DelegateGroupFactory,
    MembershipFactory,
    TermFactory,
)
from hdnd.councils.models import AdministrativeUnit, Delegate, Membership, Term, UnitKind

pytestmark = pytest.mark.django_db


def messages_of(exc_info):
    return " ".join(m for msgs in exc_info.value.message_dict.values() for m in msgs)


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def test_term_rejects_end_before_start():
    term = TermFactory.build(
        council=TermFactory().council,
        number=22,
        start_date=datetime.date(2026, 3, 15),
        end_date=datetime.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as exc_info:
        term.full_clean()
    assert "end_date" in exc_info.value.message_dict
    assert "Ngày kết thúc" in messages_of(exc_info)


def test_database_refuses_term_ending_before_it_starts():
    council = TermFactory().council
    with pytest.raises(IntegrityError), transaction.atomic():
        Term.objects.create(
            council=council, number=22, start_date=datetime.date(2026, 3, 15), end_date=datetime.date(2026, 1, 1)
        )


def test_term_rejects_overlap_with_another_term_of_the_council():
    term = TermFactory()
    overlapping = Term(council=term.council, number=22, start_date=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError) as exc_info:
        overlapping.full_clean()
    assert "start_date" in exc_info.value.message_dict


def test_unit_rejects_duplicate_code_in_overlapping_period():
    unit = CommuneFactory()
    duplicate = AdministrativeUnit(
        code=unit.code,
        name="Xã Trùng Mã",
        kind=UnitKind.COMMUNE,
        parent=unit.parent,
        valid_from=datetime.date(2022, 1, 1),
    )
    with pytest.raises(ValidationError) as exc_info:
        duplicate.full_clean()
    assert unit.code in messages_of(exc_info)
    assert "đã được dùng" in messages_of(exc_info)


def test_unit_code_may_be_reused_by_the_next_era():
    unit = CommuneFactory()
    successor = AdministrativeUnit(
        code=unit.code, name="Xã Mới", kind=UnitKind.COMMUNE, parent=None, valid_from=datetime.date(2025, 7, 1)
    )
    successor.parent = AdministrativeUnit.objects.create(
        code="98", name="Tỉnh Mới", kind=UnitKind.PROVINCE, valid_from=datetime.date(2025, 7, 1)
    )
    successor.full_clean()


def test_database_refuses_duplicate_unit_code_in_same_era():
    unit = CommuneFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        AdministrativeUnit.objects.create(
            code=unit.code, name="Xã Trùng", kind=UnitKind.COMMUNE, parent=unit.parent, valid_from=unit.valid_from
        )


def test_unit_code_length_follows_level():
    unit = AdministrativeUnit(
        code="123",
        name="Xã Sai Mã",
        kind=UnitKind.COMMUNE,
        parent=CommuneFactory().parent,
        valid_from=datetime.date(2020, 1, 1),
    )
    with pytest.raises(ValidationError) as exc_info:
        unit.full_clean()
    assert "5" in exc_info.value.message_dict["code"][0]


def test_unit_level_follows_kind():
    unit = CommuneFactory(kind=UnitKind.TOWNSHIP)
    assert unit.level == "commune"


def test_membership_outside_term_is_refused():
    membership = MembershipFactory.build(delegate=DelegateFactory(), start_date=datetime.date(2019, 1, 1))
    with pytest.raises(ValidationError) as exc_info:
        membership.full_clean()
    assert "start_date" in exc_info.value.message_dict
    assert "nhiệm kỳ" in messages_of(exc_info).lower() or "khóa" in messages_of(exc_info).lower()


def test_membership_after_term_end_is_refused():
    delegate = DelegateFactory()
    membership = Membership(
        delegate=delegate,
        body="standing_committee",
        position="member",
        start_date=delegate.start_date,
        end_date=datetime.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as exc_info:
        membership.full_clean()
    assert "end_date" in exc_info.value.message_dict


def test_membership_body_must_match_organ():
    delegate = DelegateFactory()
    membership = Membership(delegate=delegate, body="committee", position="head", start_date=delegate.start_date)
    with pytest.raises(ValidationError) as exc_info:
        membership.full_clean()
    assert "committee" in exc_info.value.message_dict


def test_database_refuses_committee_membership_without_committee():
    delegate = DelegateFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(delegate=delegate, body="committee", position="head", start_date=delegate.start_date)


def test_position_must_exist_in_body():
    delegate = DelegateFactory()
    group = DelegateGroupFactory(term=delegate.term)
    membership = Membership(
        delegate=delegate, body="delegate_group", delegate_group=group, position="chair", start_date=delegate.start_date
    )
    with pytest.raises(ValidationError) as exc_info:
        membership.full_clean()
    assert "position" in exc_info.value.message_dict


def test_committee_of_another_term_is_refused():
    delegate = DelegateFactory()
    committee = CommitteeFactory()  # another council's term
    membership = Membership(
        delegate=delegate, body="committee", committee=committee, position="member", start_date=delegate.start_date
    )
    with pytest.raises(ValidationError) as exc_info:
        membership.full_clean()
    assert "committee" in exc_info.value.message_dict


def test_delegate_cannot_sit_for_two_constituencies_at_once():
    delegate = DelegateFactory()
    other_constituency = ConstituencyFactory(term=delegate.term)
    second = Delegate(
        person=delegate.person,
        council=delegate.council,
        term=delegate.term,
        constituency=other_constituency,
        start_date=delegate.start_date,
    )
    with pytest.raises(ValidationError) as exc_info:
        second.full_clean()
    assert delegate.person.full_name in messages_of(exc_info)
    assert "hai đơn vị bầu cử" in messages_of(exc_info)


def test_database_refuses_two_mandates_of_one_person_in_one_term():
    delegate = DelegateFactory()
    other_constituency = ConstituencyFactory(term=delegate.term)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegate.objects.create(
            person=delegate.person,
            council=delegate.council,
            term=delegate.term,
            constituency=other_constituency,
            start_date=delegate.start_date,
        )


def test_delegate_constituency_must_be_of_same_term():
    delegate = DelegateFactory.build(constituency=ConstituencyFactory())
    delegate.constituency = ConstituencyFactory()
    with pytest.raises(ValidationError) as exc_info:
        delegate.full_clean()
    assert "constituency" in exc_info.value.message_dict


def test_delegate_mandate_must_start_within_term():
    delegate = DelegateFactory()
    delegate.start_date = datetime.date(2020, 1, 1)
    with pytest.raises(ValidationError) as exc_info:
        delegate.full_clean()
    assert "start_date" in exc_info.value.message_dict


def test_term_is_named_in_roman_numerals():
    with translation.override("vi"):
        assert str(TermFactory(number=20)) == "Khóa XX (2021–2025)"
