import pytest
from wagtail.models import Page, Site

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import CouncilFactory, DistrictFactory, TermFactory
from hdnd.portal.models import HomePage
from hdnd.portal.services import portal_install

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
