"""Satisfaction ratings on every page: no sign-in, one a day per reader and page, limited per
address, and the results in the back office for the portals of the user's councils."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page, Site

from hdnd.accounts.factories import UserFactory
from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role
from hdnd.councils.factories import CouncilFactory, DistrictFactory
from hdnd.portal.models import EnglishPage, HomePage, PageRating
from hdnd.portal.ratings import RATE_LIMIT
from hdnd.portal.services import portal_install

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(district_council):
    cache.clear()
    return portal_install(actor=UserFactory(is_superuser=True), council=district_council)


def _rate(client, score, path="/", address="203.113.0.7"):
    return client.post(reverse("portal:rate"), {"score": score, "path": path}, REMOTE_ADDR=address)


def test_every_page_offers_the_rating_form_without_a_sign_in(client, home):
    html = client.get("/").content.decode()
    assert "Bạn có hài lòng với trang này không?" in html and 'name="score" value="5"' in html


def test_a_reader_rates_a_page_once_a_day(client, home):
    response = _rate(client, 5)
    assert response.status_code == 302 and response["Location"] == "/?danh-gia=cam-on#danh-gia"
    assert "Cảm ơn bạn đã đánh giá trang này." in client.get(response["Location"]).content.decode()
    assert _rate(client, 1)["Location"] == "/?danh-gia=da-co#danh-gia"
    assert list(PageRating.objects.values_list("path", "score", "day")) == [("/", 5, datetime.date.today())]
    assert _rate(client, 4, address="203.113.0.8").status_code == 302
    assert PageRating.objects.count() == 2
    stored = PageRating.objects.first()
    assert "203.113" not in stored.visitor and len(stored.visitor) == 64


def test_a_rating_without_a_score_or_with_a_bad_one_asks_again_and_saves_nothing(client, home):
    for score in ("", "7", "năm"):
        assert _rate(client, score)["Location"] == "/?danh-gia=chon#danh-gia"
    assert "Hãy chọn một mức hài lòng" in client.get("/?danh-gia=chon").content.decode()
    assert _rate(client, 5, path="https://evil.example/")["Location"].startswith("/?danh-gia=")
    assert not PageRating.objects.filter(path__startswith="https").exists()


def test_too_many_ratings_from_one_address_are_refused(client, home):
    for n in range(RATE_LIMIT):
        _rate(client, 4, path=f"/trang-{n}/")
    response = _rate(client, 4, path="/trang-cuoi/")
    assert response.status_code == 429 and "Quá nhiều lượt đánh giá" in response.content.decode()
    assert PageRating.objects.count() == RATE_LIMIT


def test_editors_see_the_ratings_of_their_councils_portals_only(client, home, district_council):
    _rate(client, 5)
    _rate(client, 3, address="203.113.0.9")
    other = CouncilFactory(unit=DistrictFactory(code="998"))
    other_home = Page.get_first_root_node().add_child(instance=HomePage(title=other.name, slug="khac", council=other))
    other_site = Site.objects.create(hostname="khac.localhost", root_page=other_home)
    PageRating.objects.create(site=other_site, path="/khac/", day=datetime.date.today(), score=1, visitor="x")
    client.force_login(user_with_role(district_council, Role.SECRETARIAT))
    html = client.get(reverse("portal_ratings")).content.decode()
    assert "4,00" in html or "4.00" in html
    assert "/khac/" not in html


def test_the_english_page_is_marked_as_english_and_linked_from_every_page(client, home):
    english = home.add_child(
        instance=EnglishPage(title="Na Rì District People's Council", slug="english", body="<p>The council.</p>")
    )
    english.save_revision().publish()
    assert '<a href="/english/" lang="en" hreflang="en">In English</a>' in client.get("/").content.decode()
    html = client.get("/english/").content.decode()
    assert '<div lang="en">' in html and "The council." in html
