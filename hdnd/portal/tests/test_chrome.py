"""The header and footer come from the portal's frame, rendered when it last published, with the
page's own menu entry marked; a frame from other templates is not trusted."""

import pytest

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import CouncilFactory, DistrictFactory
from hdnd.portal.models import NewsIndexPage, PortalFrame
from hdnd.portal.services import portal_install

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    admin = UserFactory(is_superuser=True)
    home = portal_install(actor=admin, council=CouncilFactory(unit=DistrictFactory()))
    section = home.add_child(instance=NewsIndexPage(title="Tin kỳ họp", slug="tin-ky-hop"))
    section.save_revision(user=admin).publish(user=admin)
    return home


def _mark_stored_header(home, marker, version=None):
    frame = PortalFrame.objects.get(home=home)
    frame.data["chrome"]["header"] = frame.data["chrome"]["header"].replace("<header ", f"<header data-t='{marker}' ")
    if version:
        frame.data["chrome"]["version"] = version
    frame.save()


def test_each_page_marks_its_own_menu_entry(client, home):
    assert '<a href="/tin-ky-hop/" data-nav="' in client.get("/").content.decode()
    assert 'data-nav="home" aria-current="page">Trang chủ</a>' in client.get("/").content.decode()
    section_page = client.get("/tin-ky-hop/").content.decode()
    assert 'aria-current="page">Tin kỳ họp</a>' in section_page and section_page.count('aria-current="page"') == 1
    sessions = client.get("/ky-hop/").content.decode()
    assert 'data-nav="sessions" aria-current="page">Kỳ họp</a>' in sessions


def test_the_header_is_the_one_rendered_into_the_frame(client, home):
    _mark_stored_header(home, "tu-khung")
    assert "data-t='tu-khung'" in client.get("/tin-ky-hop/").content.decode()


def test_a_frame_rendered_by_other_templates_is_rendered_again(client, home):
    _mark_stored_header(home, "cu", version="phien-ban-truoc")
    page = client.get("/tin-ky-hop/").content.decode()
    assert "data-t='cu'" not in page and 'aria-current="page">Tin kỳ họp</a>' in page


def test_the_footer_links_the_councils_open_data_and_the_api(client, home):
    page = client.get("/tin-ky-hop/").content.decode()
    assert f'href="/api/v1/export/{home.council_id}.zip" download>' in page
    assert 'href="/api/v1/docs">API</a>' in page
