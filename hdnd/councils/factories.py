import datetime

import factory

from .models import (
    THREE_LEVEL_END,
    AdministrativeUnit,
    Committee,
    CommitteeKind,
    Constituency,
    Council,
    Delegate,
    DelegateGroup,
    Membership,
    Person,
    Term,
    UnitKind,
)

OLD_ERA_START = datetime.date(2020, 1, 1)


class ProvinceFactory(factory.django.DjangoModelFactory):
    """A test province outside the official code range ("99"), shared by the units below it."""

    class Meta:
        model = AdministrativeUnit
        django_get_or_create = ("code", "valid_from")

    code = "99"
    name = "Tỉnh Thử Nghiệm"
    kind = UnitKind.PROVINCE
    valid_from = OLD_ERA_START
    valid_to = THREE_LEVEL_END


class DistrictFactory(ProvinceFactory):
    code = "999"
    name = "Huyện Thử Nghiệm"
    kind = UnitKind.DISTRICT
    parent = factory.SubFactory(ProvinceFactory)


class CommuneFactory(ProvinceFactory):
    class Meta:
        model = AdministrativeUnit

    code = factory.Sequence(lambda n: f"{90000 + n:05d}")
    name = factory.Sequence(lambda n: f"Xã Thử Nghiệm {n}")
    kind = UnitKind.COMMUNE
    parent = factory.SubFactory(DistrictFactory)


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    unit = factory.SubFactory(CommuneFactory)
    name = factory.LazyAttribute(lambda o: f"Hội đồng nhân dân {o.unit.name}")


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term

    council = factory.SubFactory(CouncilFactory)
    number = 21
    start_date = datetime.date(2021, 6, 25)
    end_date = THREE_LEVEL_END


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    term = factory.SubFactory(TermFactory)
    council = factory.SelfAttribute("term.council")
    kind = CommitteeKind.LEGAL
    name = factory.Sequence(lambda n: f"Ban Pháp chế {n}")


class ConstituencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Constituency

    term = factory.SubFactory(TermFactory)
    council = factory.SelfAttribute("term.council")
    number = factory.Sequence(lambda n: n + 1)
    area = "Thôn Nà Làng, thôn Khuổi Khe"
    seats = 3


class DelegateGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegateGroup

    term = factory.SubFactory(TermFactory)
    council = factory.SelfAttribute("term.council")
    name = factory.Sequence(lambda n: f"Tổ đại biểu số {n + 1}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    council = factory.SubFactory(CouncilFactory)
    full_name = factory.Sequence(lambda n: f"Hoàng Văn Thử {n}")
    gender = "male"


class DelegateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegate

    constituency = factory.SubFactory(ConstituencyFactory)
    term = factory.SelfAttribute("constituency.term")
    council = factory.SelfAttribute("constituency.council")
    person = factory.SubFactory(PersonFactory, council=factory.SelfAttribute("..council"))
    start_date = factory.SelfAttribute("term.start_date")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    delegate = factory.SubFactory(DelegateFactory)
    body = "standing_committee"
    position = "member"
    start_date = factory.SelfAttribute("delegate.start_date")


def council_with_records(council):
    """A council with one of each organisation record, for screens and isolation tests."""
    term = TermFactory(council=council)
    constituency = ConstituencyFactory(term=term)
    delegate = DelegateFactory(constituency=constituency)
    group = DelegateGroupFactory(term=term)
    group.constituencies.add(constituency)
    committee = CommitteeFactory(term=term)
    membership = MembershipFactory(delegate=delegate, body="committee", committee=committee, position="member")
    return [council, term, constituency, delegate, delegate.person, group, committee, membership]
