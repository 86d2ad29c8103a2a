"""Each request's portal is found in memory exactly as Wagtail would find it in the database."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from hdnd.portal.sites import portal_site_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites():
    root = Page.get_first_root_node()
    homes = [root.add_child(instance=Page(title=f"Trang {n}", slug=f"trang-{n}")) for n in range(3)]
    Site.objects.all().delete()
    return [
        Site.objects.create(hostname="nari.example", port=80, root_page=homes[0], is_default_site=True),
        Site.objects.create(hostname="kimlu.nari.example", port=80, root_page=homes[1]),
        Site.objects.create(hostname="kimlu.nari.example", port=8080, root_page=homes[2]),
    ]


@pytest.mark.parametrize(
    "host",
    ["nari.example", "kimlu.nari.example", "kimlu.nari.example:8080", "kimlu.nari.example:9000", "khac.example"],
)
def test_the_same_site_as_wagtail_finds(sites, host):
    request = RequestFactory().get("/", HTTP_HOST=host)
    expected = Site._find_for_request(request)
    found = portal_site_for(request)
    assert found == expected
    assert found.root_page.title == expected.root_page.title


def test_a_site_set_up_later_is_found_at_once(sites, client):
    request = RequestFactory().get("/", HTTP_HOST="xa-moi.example")
    assert portal_site_for(request) == sites[0]  # the default site, for now
    home = Page.get_first_root_node().add_child(instance=Page(title="Xã mới", slug="xa-moi"))
    site = Site.objects.create(hostname="xa-moi.example", port=80, root_page=home)
    assert portal_site_for(request) == site
