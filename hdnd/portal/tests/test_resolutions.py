"""The portal's resolutions: only published ones of the portal's councils, found with or without
diacritics, filtered, with their details, vote, PDF and the chain of relations."""

import datetime

import pytest
from django.urls import reverse

from hdnd.accounts.factories import UserFactory
from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role
from hdnd.councils.factories import CouncilFactory, DistrictFactory, TermFactory
from hdnd.portal.services import portal_install
from hdnd.resolutions.factories import ResolutionFactory
from hdnd.resolutions.models import RelationKind
from hdnd.resolutions.services import relation_add, resolution_adopt, resolution_publish

pytestmark = pytest.mark.django_db


def _resolution(council, term, leader, *, published=True, adopted_on=datetime.date(2024, 7, 10), **fields):
    resolution = ResolutionFactory(council=council, term=term, **fields)
    resolution_adopt(actor=leader, resolution=resolution, adopted_on=adopted_on, effective_date=adopted_on)
    if published:
        resolution_publish(actor=leader, resolution=resolution)
    resolution.refresh_from_db()
    return resolution


@pytest.fixture
def records(district_council):
    commune = CouncilFactory(unit__parent=district_council.unit, name="Hội đồng nhân dân xã Kim Lư")
    outsider = CouncilFactory(unit__parent=DistrictFactory(code="998"), name="Hội đồng nhân dân xã Khác")
    portal_install(actor=UserFactory(is_superuser=True), council=district_council)
    made = {}
    for council in (district_council, commune, outsider):
        term = TermFactory(council=council)
        leader = user_with_role(council, Role.LEADER)
        made[council.pk] = (term, leader)
    term, leader = made[district_council.pk]
    budget = _resolution(district_council, term, leader, subject="Về dự toán ngân sách huyện năm 2024")
    fees = _resolution(
        district_council,
        term,
        leader,
        kind="normative",
        field="other",
        subject="Quy định mức thu phí chợ Hoàng Trĩ",
        adopted_on=datetime.date(2023, 12, 8),
    )
    replacing = _resolution(
        district_council,
        term,
        leader,
        kind="normative",
        field="other",
        subject="Quy định mức thu phí chợ trên địa bàn huyện",
        adopted_on=datetime.date(2024, 9, 20),
    )
    relation_add(actor=leader, source=replacing, target=fees, kind=RelationKind.REPLACES)
    draft_only = _resolution(district_council, term, leader, published=False, subject="Chưa công bố")
    term, leader = made[commune.pk]
    commune_one = _resolution(commune, term, leader, subject="Về kế hoạch đầu tư công xã Kim Lư")
    term, leader = made[outsider.pk]
    elsewhere = _resolution(outsider, term, leader, subject="Về dự toán ngân sách xã khác")
    return {
        "budget": budget,
        "fees": fees,
        "replacing": replacing,
        "draft_only": draft_only,
        "commune": commune_one,
        "elsewhere": elsewhere,
    }


def _listed(client, **params):
    html = client.get(reverse("portal:resolutions"), params).content.decode()
    return html


def test_the_list_shows_the_published_resolutions_of_the_portals_councils_only(client, records):
    html = _listed(client)
    for name in ("budget", "fees", "replacing", "commune"):
        assert records[name].subject in html
    assert records["draft_only"].subject not in html and records["elsewhere"].subject not in html
    assert "4 nghị quyết" in html
    for name in ("draft_only", "elsewhere"):
        assert client.get(reverse("portal:resolution", args=[records[name].pk])).status_code == 404
        assert client.get(reverse("portal:resolution_pdf", args=[records[name].pk])).status_code == 404


def test_search_finds_with_or_without_diacritics_and_filters_narrow(client, records):
    for query in ("phí chợ", "phi cho", "PHÍ CHỢ"):
        html = _listed(client, q=query)
        assert records["fees"].subject in html and records["budget"].subject not in html
    html = _listed(client, kind="normative", year=2024)
    assert records["replacing"].subject in html and records["fees"].subject not in html
    html = _listed(client, force="ended")
    assert records["fees"].subject in html and records["replacing"].subject not in html
    html = _listed(client, council=records["commune"].council_id)
    assert records["commune"].subject in html and records["budget"].subject not in html
    html = _listed(client, field="budget", force="in_force")
    assert records["budget"].subject in html and records["fees"].subject not in html


def test_a_bad_filter_finds_nothing_and_says_so(client, records):
    html = _listed(client, year="hai nghìn")
    assert "0 nghị quyết" in html and "Hãy chọn một lựa chọn hợp lệ" in html


def test_the_detail_page_shows_dates_status_and_the_chain_both_ways(client, records):
    fees = client.get(reverse("portal:resolution", args=[records["fees"].pk])).content.decode()
    assert records["fees"].symbol in fees and "08/12/2023" in fees
    assert "Hết hiệu lực" in fees
    assert "Bị thay thế bởi nghị quyết" in fees and records["replacing"].symbol in fees
    replacing = client.get(reverse("portal:resolution", args=[records["replacing"].pk])).content.decode()
    assert "Thay thế nghị quyết" in replacing and records["fees"].symbol in replacing
    assert "Còn hiệu lực" in replacing


def test_the_full_text_downloads_as_pdf(client, records):
    response = client.get(reverse("portal:resolution_pdf", args=[records["budget"].pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_long_lists_are_paged_and_the_page_links_keep_the_filters(client, records):
    term, council = records["budget"].term, records["budget"].council
    leader = user_with_role(council, Role.LEADER)
    for n in range(25):
        _resolution(council, term, leader, subject=f"Về dự toán ngân sách xã số {n}")
    html = _listed(client, q="ngan sach")
    assert "Trang 1/2" in html and "?q=ngan+sach&amp;trang=2" in html
    assert "Trang 2/2" in _listed(client, q="ngan sach", trang=2)
