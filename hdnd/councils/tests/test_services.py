import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import CommuneFactory, CouncilFactory, DistrictFactory, ProvinceFactory
from hdnd.councils.models import AdministrativeUnit, Committee, UnitKind
from hdnd.councils.services import council_create, term_create, unit_title

pytestmark = pytest.mark.django_db


def committee_names(term):
    return sorted(Committee.objects.filter(term=term).values_list("name", flat=True))


def test_district_term_before_2025_gets_legal_and_economy_society_committees():
    council = CouncilFactory(unit=DistrictFactory())
    term = term_create(actor=UserFactory(), council=council, number=20, start_date=datetime.date(2021, 6, 25))
    assert committee_names(term) == ["Ban Kinh tế – Xã hội", "Ban Pháp chế"]


def test_commune_term_from_2026_gets_economy_budget_and_culture_society_committees():
    province = AdministrativeUnit.objects.create(
        code="98", name="Tỉnh Mới", kind=UnitKind.PROVINCE, valid_from=datetime.date(2025, 7, 1)
    )
    commune = AdministrativeUnit.objects.create(
        code="98001", name="Xã Mới", kind=UnitKind.COMMUNE, parent=province, valid_from=datetime.date(2025, 7, 1)
    )
    council = CouncilFactory(unit=commune)
    term = term_create(actor=UserFactory(), council=council, number=1, start_date=datetime.date(2026, 3, 15))
    assert committee_names(term) == ["Ban Kinh tế – Ngân sách", "Ban Văn hóa – Xã hội"]


def test_province_term_gets_three_committees():
    council = CouncilFactory(unit=ProvinceFactory())
    term = term_create(actor=UserFactory(), council=council, number=10, start_date=datetime.date(2021, 6, 25))
    assert committee_names(term) == ["Ban Kinh tế – Ngân sách", "Ban Pháp chế", "Ban Văn hóa – Xã hội"]


def test_term_create_is_audited_with_its_committees():
    actor = UserFactory()
    council = CouncilFactory()
    term = term_create(actor=actor, council=council, number=21, start_date=datetime.date(2021, 6, 25))
    entries = ModelLogEntry.objects.filter(user=actor, action="hdnd.create")
    assert entries.filter(object_id=str(term.pk)).exists()
    assert entries.count() == 1 + Committee.objects.filter(term=term).count()


def test_term_create_saves_nothing_when_the_term_is_invalid():
    council = CouncilFactory()
    term_create(actor=UserFactory(), council=council, number=21, start_date=datetime.date(2021, 6, 25))
    before = Committee.objects.count(), ModelLogEntry.objects.count()
    with pytest.raises(ValidationError):
        term_create(actor=UserFactory(), council=council, number=21, start_date=datetime.date(2026, 3, 15))
    assert (Committee.objects.count(), ModelLogEntry.objects.count()) == before


def test_council_is_named_after_its_unit():
    actor = UserFactory()
    township = CommuneFactory(name="Thị trấn Yến Lạc", kind=UnitKind.TOWNSHIP)
    assert council_create(actor=actor, unit=township).name == "Hội đồng nhân dân thị trấn Yến Lạc"


def test_unit_title_adds_the_kind_when_the_name_has_none():
    province = AdministrativeUnit(name="Thái Nguyên", kind=UnitKind.PROVINCE)
    assert unit_title(province) == "tỉnh Thái Nguyên"
    city = AdministrativeUnit(name="Thành phố Hà Nội", kind=UnitKind.CENTRAL_CITY)
    assert unit_title(city) == "thành phố Hà Nội"
