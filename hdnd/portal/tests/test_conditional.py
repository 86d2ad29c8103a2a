"""Browsers and caches revalidate the portal's pages: ETag and Last-Modified, and 304 when
nothing changed — until a page of the portal is published."""

import datetime

import pytest

from hdnd.accounts.factories import UserFactory
from hdnd.portal.models import ArticlePage
from hdnd.portal.services import portal_frame_refresh, portal_install

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(district_council):
    admin = UserFactory(is_superuser=True)
    home = portal_install(actor=admin, council=district_council)
    page = home.add_child(
        instance=ArticlePage(
            title="Giao ban", slug="giao-ban", date=datetime.date(2024, 10, 22), body="<p>Nội dung.</p>"
        )
    )
    page.save_revision(user=admin).publish(user=admin)
    return page


def test_an_unchanged_page_answers_304(client, article):
    first = client.get(article.url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert client.get(article.url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(article.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_publishing_any_page_of_the_portal_changes_every_page(client, article):
    first = client.get(article.url)
    admin = UserFactory(is_superuser=True)
    other = article.get_parent().add_child(
        instance=ArticlePage(title="Tin mới", slug="tin-moi", date=datetime.date(2024, 10, 23), body="<p>Mới.</p>")
    )
    # A second later, as a real publication would be (HTTP dates count whole seconds).
    other.save_revision(user=admin).publish(user=admin)
    type(other).objects.filter(pk=other.pk).update(
        last_published_at=type(article).objects.get(pk=article.pk).last_published_at + datetime.timedelta(seconds=2)
    )
    portal_frame_refresh(article.get_parent())
    again = client.get(article.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200 and "Tin mới" in again.content.decode()
