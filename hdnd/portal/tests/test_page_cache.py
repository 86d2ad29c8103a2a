"""An article is served in three queries, and then from the cache until its portal publishes again;
signed-in editors, private pages and other portals' publications are kept apart."""

import datetime
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import CouncilFactory, DistrictFactory
from hdnd.portal.models import ArticleAttachment, ArticleImage, ArticlePage, NewsIndexPage
from hdnd.portal.services import portal_component_install, portal_install

pytestmark = pytest.mark.django_db

HOST = "localhost"  # the demo's and portal_install's default site


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def admin():
    return UserFactory(is_superuser=True)


@pytest.fixture
def section(admin):
    district = CouncilFactory(unit=DistrictFactory(name="Huyện Na Rì"), name="Hội đồng nhân dân huyện Na Rì")
    home = portal_install(actor=admin, council=district)
    section = home.add_child(instance=NewsIndexPage(title="Hoạt động HĐND", slug="hoat-dong-hdnd"))
    section.save_revision(user=admin).publish(user=admin)
    return section


def _publish(parent, admin, title, day=22, **fields):
    article = parent.add_child(
        instance=ArticlePage(
            title=title,
            slug=f"bai-{day}",
            date=datetime.date(2024, 10, day),
            body="<p>Nội dung bài viết.</p>",
            **fields,
        )
    )
    article.save_revision(user=admin).publish(user=admin)
    return ArticlePage.objects.get(pk=article.pk)


def _image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (180, 30, 30)).save(buffer, "JPEG")
    return get_image_model().objects.create(title="Hội nghị", file=ImageFile(buffer, name="hoi-nghi.jpg"))


def _document(title="Báo cáo kết quả giao ban"):
    return get_document_model().objects.create(title=title, file=ContentFile(b"%PDF-1.4\n", name="bao-cao.pdf"))


@pytest.fixture
def article(section, admin):
    _publish(section, admin, "Tin cũ", day=1)
    page = section.add_child(
        instance=ArticlePage(
            title="Hội nghị giao ban",
            slug="hoi-nghi-giao-ban",
            date=datetime.date(2024, 10, 22),
            body="<p>Nội dung.</p>",
            author="Quốc Khánh",
        )
    )
    page.images.add(ArticleImage(image=_image(), alt_text="Quang cảnh hội nghị", caption="Hội nghị giao ban"))
    page.attachments.add(ArticleAttachment(document=_document()))
    page.save_revision(user=admin).publish(user=admin)
    return ArticlePage.objects.get(pk=page.pk)


def test_an_uncached_article_costs_three_queries_with_its_figures_files_and_related_articles(
    client, article, django_assert_max_num_queries
):
    client.get(article.url, HTTP_HOST=HOST)  # Wagtail's list of sites is cached once, as in any process
    client.get("/", HTTP_HOST="khac.example")  # …and a host that is no site is never cached
    article.get_parent().specific.save_revision(user=UserFactory(is_superuser=True)).publish()  # expires the cache

    with django_assert_max_num_queries(3):
        response = client.get(article.url, HTTP_HOST=HOST)
    html = response.content.decode()
    assert response["X-Cache"] == "MISS"
    assert 'alt="Quang cảnh hội nghị"' in html and "<figcaption>Hội nghị giao ban</figcaption>" in html
    assert 'width="960" height="540"' in html
    assert '<meta property="og:image" content="http://localhost/media/images/' in html
    assert "Báo cáo kết quả giao ban</a>" in html and "(PDF, 9" in html
    assert "Tin cũ</a>" in html and "(01/10/2024)" in html  # the related article, from the frame
    assert re.search(r'<a href="/hoat-dong-hdnd/"[^>]* aria-current="page">Hoạt động HĐND</a>', html)


def test_a_cached_article_costs_no_query_until_the_portal_publishes_again(
    client, article, section, admin, django_assert_num_queries
):
    client.get(article.url, HTTP_HOST=HOST)
    with django_assert_num_queries(0):
        cached = client.get(article.url, HTTP_HOST=HOST)
    assert cached["X-Cache"] == "HIT" and cached["ETag"] and cached["Last-Modified"]
    assert client.get(article.url, HTTP_HOST=HOST, HTTP_IF_NONE_MATCH=cached["ETag"]).status_code == 304

    _publish(section, admin, "Tin vừa đăng", day=23)
    fresh = client.get(article.url, HTTP_HOST=HOST)
    assert fresh["X-Cache"] == "MISS" and "Tin vừa đăng" in fresh.content.decode()


def test_unpublishing_an_article_takes_it_off_the_others_pages(client, article, section, admin):
    other = _publish(section, admin, "Tin sẽ gỡ", day=23)
    assert "Tin sẽ gỡ" in client.get(article.url, HTTP_HOST=HOST).content.decode()
    other.unpublish(user=admin)
    assert "Tin sẽ gỡ" not in client.get(article.url, HTTP_HOST=HOST).content.decode()
    assert client.get(other.url, HTTP_HOST=HOST).status_code == 404


def test_another_portals_publication_keeps_this_portals_pages_cached(client, article, section, admin):
    commune = CouncilFactory(unit__parent=section.get_parent().specific.council.unit)
    commune_home = portal_component_install(actor=admin, council=commune)
    client.get(article.url, HTTP_HOST=HOST)
    _publish(commune_home, admin, "Tin của xã", day=24)
    assert client.get(article.url, HTTP_HOST=HOST)["X-Cache"] == "HIT"


def test_signed_in_editors_and_readers_queries_bypass_the_cache(client, article, admin):
    client.get(article.url, HTTP_HOST=HOST)
    assert client.get(article.url, {"danh-gia": "cam-on"}, HTTP_HOST=HOST).get("X-Cache") is None
    client.force_login(admin)
    assert client.get(article.url, HTTP_HOST=HOST).get("X-Cache") is None


def test_making_a_cached_page_private_takes_it_out_of_the_cache(client, article, section):
    assert client.get(article.url, HTTP_HOST=HOST).status_code == 200
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url, HTTP_HOST=HOST)
    assert response.status_code == 302 and response["Location"].startswith("/quan-tri/login/?next=/hoat-dong-hdnd/")
    assert client.get(article.url, HTTP_HOST=HOST).get("X-Cache") is None  # a private page is never kept


def test_renaming_an_attached_file_in_the_library_renames_it_on_the_article(client, article):
    document = article.attachments.get().document
    client.get(article.url, HTTP_HOST=HOST)
    document.title = "Báo cáo đã sửa tên"
    document.save()
    assert "Báo cáo đã sửa tên</a>" in client.get(article.url, HTTP_HOST=HOST).content.decode()


def test_deleting_an_article_takes_it_off_the_others_pages(
    client, article, section, admin, django_capture_on_commit_callbacks
):
    other = _publish(section, admin, "Tin sẽ xóa", day=23)
    assert "Tin sẽ xóa" in client.get(article.url, HTTP_HOST=HOST).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()
    assert "Tin sẽ xóa" not in client.get(article.url, HTTP_HOST=HOST).content.decode()
