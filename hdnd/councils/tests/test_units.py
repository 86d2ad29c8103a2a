"""The national list of units, both eras, loaded from vietnam-provinces."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hdnd.councils.models import AdministrativeUnit, Level, UnitKind, UnitSuccession
from hdnd.councils.units import kind_from_name, load_units

pytestmark = pytest.mark.django_db
OLD_DAY = datetime.date(2024, 10, 22)
NEW_DAY = datetime.date(2026, 1, 1)


@pytest.fixture
def loaded():
    return load_units()


def test_loads_every_unit_of_both_eras(loaded):
    assert loaded.old_counts == {"province": 63, "district": 696, "commune": 10051}
    assert loaded.new_counts == {"province": 34, "commune": 3321}
    units = AdministrativeUnit.objects
    assert units.valid_on(OLD_DAY).at_level(Level.PROVINCE).count() == 63
    assert units.valid_on(OLD_DAY).at_level(Level.DISTRICT).count() == 696
    assert units.valid_on(OLD_DAY).at_level(Level.COMMUNE).count() == 10051
    assert units.valid_on(NEW_DAY).at_level(Level.PROVINCE).count() == 34
    assert units.valid_on(NEW_DAY).at_level(Level.COMMUNE).count() == 3321
    assert units.valid_on(NEW_DAY).at_level(Level.DISTRICT).count() == 0


def test_load_is_idempotent(loaded):
    before = AdministrativeUnit.objects.count(), UnitSuccession.objects.count()
    ids = set(AdministrativeUnit.objects.values_list("pk", flat=True))
    load_units()
    assert (AdministrativeUnit.objects.count(), UnitSuccession.objects.count()) == before
    assert set(AdministrativeUnit.objects.values_list("pk", flat=True)) == ids


def test_na_ri_district_in_2024(loaded):
    district = AdministrativeUnit.objects.get(code="066")
    assert district.name == "Huyện Na Rì"
    assert district.kind == UnitKind.DISTRICT
    assert district.parent.code == "06"
    assert district.parent.name == "Tỉnh Bắc Kạn"
    assert district.valid_to == datetime.date(2025, 6, 30)
    communes = district.children.all()
    assert communes.count() == 17
    assert communes.get(code="02155").kind == UnitKind.TOWNSHIP
    assert communes.get(code="02158").name == "Xã Kim Lư"


def test_kinds_of_the_new_era(loaded):
    new = AdministrativeUnit.objects.valid_on(NEW_DAY)
    assert new.filter(kind=UnitKind.CENTRAL_CITY).count() == 6
    assert new.filter(kind=UnitKind.PROVINCE).count() == 28
    assert new.filter(kind=UnitKind.COMMUNE).count() == 2621
    assert new.filter(kind=UnitKind.WARD).count() == 687
    assert new.filter(kind=UnitKind.SPECIAL_ZONE).count() == 13


def test_lineage_links_provinces_and_communes(loaded):
    thai_nguyen = AdministrativeUnit.objects.valid_on(NEW_DAY).get(code="19")
    assert set(thai_nguyen.predecessors.values_list("name", flat=True)) == {"Tỉnh Thái Nguyên", "Tỉnh Bắc Kạn"}
    xa_na_ri = AdministrativeUnit.objects.valid_on(NEW_DAY).get(code="02155")
    assert xa_na_ri.name == "Xã Na Rì"
    assert xa_na_ri.parent == thai_nguyen
    assert list(xa_na_ri.predecessors.values_list("name", flat=True)) == ["Thị trấn Yến Lạc"]
    bac_kan = AdministrativeUnit.objects.get(code="06", valid_to__isnull=False)
    assert list(bac_kan.successors.values_list("code", flat=True)) == ["19"]


def test_every_old_province_has_a_successor(loaded):
    old = AdministrativeUnit.objects.valid_on(OLD_DAY).at_level(Level.PROVINCE)
    assert old.filter(successors__isnull=True).count() == 0


def test_lineage_file_adds_merged_communes(loaded, tmp_path):
    lineage = tmp_path / "lineage.csv"
    lineage.write_text("predecessor_code,successor_code\n02158,02155\n", encoding="utf-8")
    call_command("load_units", lineage=str(lineage))
    xa_na_ri = AdministrativeUnit.objects.valid_on(NEW_DAY).get(code="02155")
    assert set(xa_na_ri.predecessors.values_list("name", flat=True)) == {"Thị trấn Yến Lạc", "Xã Kim Lư"}


def test_lineage_file_with_unknown_code_is_refused_in_vietnamese(loaded, tmp_path):
    lineage = tmp_path / "lineage.csv"
    lineage.write_text("predecessor_code,successor_code\n99999,02155\n", encoding="utf-8")
    before = UnitSuccession.objects.count()
    with pytest.raises(CommandError, match="Mã đơn vị không có trong danh mục"):
        call_command("load_units", lineage=str(lineage))
    assert UnitSuccession.objects.count() == before


def test_lineage_file_without_columns_is_refused(tmp_path):
    lineage = tmp_path / "lineage.csv"
    lineage.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="thiếu cột"):
        call_command("load_units", lineage=str(lineage))


@pytest.mark.parametrize(
    ("level", "name", "kind"),
    [
        (Level.PROVINCE, "Thành phố Hà Nội", UnitKind.CENTRAL_CITY),
        (Level.PROVINCE, "Tỉnh Bắc Kạn", UnitKind.PROVINCE),
        (Level.DISTRICT, "Quận Ba Đình", UnitKind.URBAN_DISTRICT),
        (Level.DISTRICT, "Thị xã Sơn Tây", UnitKind.TOWN),
        (Level.DISTRICT, "Thành phố Bắc Kạn", UnitKind.PROVINCIAL_CITY),
        (Level.DISTRICT, "Huyện Na Rì", UnitKind.DISTRICT),
        (Level.COMMUNE, "Phường Phúc Xá", UnitKind.WARD),
        (Level.COMMUNE, "Thị trấn Yến Lạc", UnitKind.TOWNSHIP),
        (Level.COMMUNE, "Xã Kim Lư", UnitKind.COMMUNE),
    ],
)
def test_kind_from_name(level, name, kind):
    assert kind_from_name(level, name) == kind
