"""Feeds, sitemap, robots.txt, canonical addresses and readable slugs."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from hdnd.accounts.factories import UserFactory
from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role
from hdnd.councils.factories import TermFactory
from hdnd.portal.models import ArticlePage, NewsIndexPage
from hdnd.portal.services import portal_install
from hdnd.resolutions.factories import ResolutionFactory
from hdnd.resolutions.services import resolution_adopt, resolution_publish

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def portal(district_council):
    admin = UserFactory(is_superuser=True)
    home = portal_install(actor=admin, council=district_council)
    section = home.add_child(instance=NewsIndexPage(title="Hoạt động HĐND", slug="hoạt-động-hđnd"))
    article = section.add_child(
        instance=ArticlePage(
            title="Hội nghị giao ban quý III",
            slug="hội-nghị-giao-ban-quý-iii",
            date=datetime.date(2024, 10, 22),
            intro="Thường trực HĐND huyện giao ban với các xã.",
            body="<p>Nội dung.</p>",
            author="Quốc Khánh",
        )
    )
    for page in (section, article):
        page.save_revision(user=admin).publish(user=admin)
    leader = user_with_role(district_council, Role.LEADER)
    resolution = ResolutionFactory(council=district_council, term=TermFactory(council=district_council))
    resolution_adopt(actor=leader, resolution=resolution, adopted_on=datetime.date(2024, 7, 10))
    resolution_publish(actor=leader, resolution=resolution)
    draft = ResolutionFactory(council=district_council, term=resolution.term, subject="Dự thảo chưa thông qua")
    return {"section": section, "article": article, "resolution": resolution, "draft": draft}


def test_slugs_typed_in_vietnamese_become_readable_ascii(portal):
    assert portal["section"].slug == "hoat-dong-hdnd"
    assert portal["article"].slug == "hoi-nghi-giao-ban-quy-iii"
    assert portal["article"].url == "/hoat-dong-hdnd/hoi-nghi-giao-ban-quy-iii/"


def test_news_feeds_in_rss_and_atom(client, portal):
    rss = ET.fromstring(client.get(reverse("portal:news_rss")).content)
    item = rss.find("channel/item")
    assert item.findtext("title") == "Hội nghị giao ban quý III"
    assert item.findtext("link").endswith("/hoat-dong-hdnd/hoi-nghi-giao-ban-quy-iii/")
    atom = ET.fromstring(client.get(reverse("portal:news_atom")).content)
    assert atom.find(f"{ATOM}entry/{ATOM}author/{ATOM}name").text == "Quốc Khánh"


def test_resolution_feeds_list_published_resolutions_only(client, portal):
    rss = client.get(reverse("portal:resolutions_rss")).content.decode()
    assert portal["resolution"].symbol in rss and "Dự thảo chưa thông qua" not in rss
    atom = ET.fromstring(client.get(reverse("portal:resolutions_atom")).content)
    assert len(atom.findall(f"{ATOM}entry")) == 1


def test_the_sitemap_has_the_pages_and_the_published_resolutions(client, portal):
    tree = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in tree.iter(f"{SITEMAP}loc")]
    assert any(loc.endswith("/hoat-dong-hdnd/hoi-nghi-giao-ban-quy-iii/") for loc in locations)
    assert f"http://testserver/nghi-quyet/{portal['resolution'].pk}/" in locations
    assert not any(f"/nghi-quyet/{portal['draft'].pk}/" in loc for loc in locations)


def test_robots_keeps_crawlers_out_of_the_back_office_and_points_to_the_sitemap(client, portal):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /quan-tri/" in text and "Sitemap: http://testserver/sitemap.xml" in text


def test_every_page_names_its_canonical_address(client, portal):
    html = client.get(reverse("portal:resolutions"), {"q": "ngân sách"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/nghi-quyet/">' in html
    html = client.get(portal["article"].url).content.decode()
    assert '<link rel="canonical" href="http://localhost/hoat-dong-hdnd/hoi-nghi-giao-ban-quy-iii/">' in html
