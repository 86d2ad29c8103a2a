import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site

from hdnd.accounts.factories import UserFactory
from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role
from hdnd.councils.factories import CouncilFactory, DistrictFactory, TermFactory
from hdnd.portal.models import HomePage, NewsIndexPage
from hdnd.portal.services import portal_component_install, portal_install

pytestmark = pytest.mark.django_db


def test_portal_replaces_wagtails_welcome_page_and_lists_the_councils(client):
    district = CouncilFactory(unit=DistrictFactory(), name="Hội đồng nhân dân huyện Thử Nghiệm")
    commune = CouncilFactory(unit__parent=district.unit)
    TermFactory(council=commune)
    home = portal_install(actor=UserFactory(is_superuser=True), council=district, intro="<p>Giới thiệu</p>")
    assert Site.objects.get(is_default_site=True).root_page.specific == home
    assert not Page.objects.filter(title__startswith="Welcome").exists()

    html = client.get("/").content.decode()
    assert '<html lang="vi">' in html
    assert "Hội đồng nhân dân huyện Thử Nghiệm" in html
    assert commune.name in html
    assert "Khóa XXI (2021–2025)" in html
    assert "Chuyển đến nội dung chính" in html


def test_installing_twice_keeps_one_home_page():
    district = CouncilFactory(unit=DistrictFactory())
    actor = UserFactory(is_superuser=True)
    portal_install(actor=actor, council=district)
    portal_install(actor=actor, council=district)
    assert HomePage.objects.count() == 1


def test_a_communes_pages_are_a_component_of_the_district_portal_on_a_sub_domain(client):
    district = CouncilFactory(unit=DistrictFactory(name="Huyện Na Rì"), name="Hội đồng nhân dân huyện Na Rì")
    commune = CouncilFactory(unit__parent=district.unit, unit__name="Xã Kim Lư", name="Hội đồng nhân dân xã Kim Lư")
    admin = UserFactory(is_superuser=True)
    portal_install(actor=admin, council=district)
    home = portal_component_install(actor=admin, council=commune)

    site = Site.objects.get(root_page=home)
    assert site.hostname == "xakimlu.localhost" and home.slug == "xa-kim-lu"
    assert portal_component_install(actor=admin, council=commune) == home  # once
    commune_page = client.get("/", HTTP_HOST="xakimlu.localhost").content.decode()
    assert "<h1>Hội đồng nhân dân xã Kim Lư</h1>" in commune_page
    assert "Trang thành phần của cổng thông tin" in commune_page and "Hội đồng nhân dân huyện Na Rì" in commune_page
    section = NewsIndexPage(title="Tin kỳ họp", slug="tin-ky-hop")
    Site.objects.get(is_default_site=True).root_page.add_child(instance=section)
    section.save_revision(user=admin).publish(user=admin)
    district_page = client.get("/").content.decode()
    assert 'href="http://xakimlu.localhost/"' in district_page
    assert 'href="/tin-ky-hop/"' in district_page  # within a portal links stay relative, whatever its host


def test_each_council_edits_only_its_own_portal_pages():
    district = CouncilFactory(unit=DistrictFactory())
    commune = CouncilFactory(unit__parent=district.unit)
    admin = UserFactory(is_superuser=True)
    district_home = portal_install(actor=admin, council=district)
    commune_home = portal_component_install(actor=admin, council=commune)
    district_secretary = user_with_role(district, Role.SECRETARIAT)
    commune_secretary = user_with_role(commune, Role.SECRETARIAT)

    assert commune_home.permissions_for_user(commune_secretary).can_add_subpage()
    assert not district_home.permissions_for_user(commune_secretary).can_add_subpage()
    assert not commune_home.permissions_for_user(district_secretary).can_add_subpage()
    assert not commune_home.permissions_for_user(district_secretary).can_edit()


def test_a_component_needs_the_portal_above():
    commune = CouncilFactory()
    with pytest.raises(ValidationError, match="chưa có cổng thông tin"):
        portal_component_install(actor=UserFactory(is_superuser=True), council=commune)
    assert not HomePage.objects.exists()


def test_the_portal_speaks_vietnamese_to_a_browser_set_to_english(client):
    portal_install(actor=UserFactory(is_superuser=True), council=CouncilFactory(unit=DistrictFactory()))
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Tìm kiếm" in html and "Trang chủ" in html and ">Search<" not in html
    login = client.get("/quan-tri/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Đăng nhập" in login and "Sign in" not in login


def test_the_home_page_costs_the_same_queries_whatever_the_number_of_councils_beneath(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    district = CouncilFactory(unit=DistrictFactory())
    TermFactory(council=district)
    portal_install(actor=UserFactory(is_superuser=True), council=district)

    def queries():
        client.get("/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        return len(captured)

    for _ in range(2):
        TermFactory(council=CouncilFactory(unit__parent=district.unit))
    few = queries()
    for _ in range(6):
        TermFactory(council=CouncilFactory(unit__parent=district.unit))
    assert queries() == few
