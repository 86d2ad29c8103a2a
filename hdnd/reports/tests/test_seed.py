"""The demo reproduces the Na Rì briefing of 22/10/2024: the figures come from counting records."""

import datetime
import io

import docx
import openpyxl
import pytest
from django.db import transaction
from django.urls import reverse

from hdnd.councils.models import Council
from hdnd.demo.loader import load_demo
from hdnd.reports.narrative import narrative
from hdnd.reports.statistics import Scope, figures

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loads the demo once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def na_ri(demo):
    return Council.objects.get(unit__code="066", unit__level="district")


@pytest.fixture
def report(na_ri):
    return figures(Scope(na_ri, datetime.date(2024, 1, 1), datetime.date(2024, 10, 22)))


def test_the_seed_figures(report):
    district, communes = report.level("district"), report.level("commune")
    assert report.total("sessions") == 73
    assert (district["sessions"].total, district["sessions"]["regular"], district["sessions"]["urgent"]) == (7, 1, 6)
    assert communes["sessions"].total == 66 and communes["sessions"]["regular"] == 17
    assert communes["sessions"]["thematic"] + communes["sessions"]["urgent"] == 49
    assert (district["resolutions"].total, communes["resolutions"].total) == (33, 233)
    assert report.total_of("missions", "thematic") + report.total_of("missions", "petitions") == 43
    assert report.total_of("missions", "survey") == 18


def test_the_seed_narrative(report):
    sessions, oversight = narrative(report)[:2]
    assert sessions == (
        "Tổ chức 73 kỳ họp trong đó cấp huyện 07 kỳ (01 kỳ thường lệ, 06 kỳ phát sinh đột xuất); ban hành "
        "33 Nghị quyết; cấp xã, thị trấn tổ chức 66 kỳ họp (17 kỳ thường kỳ, 49 kỳ chuyên đề, phát sinh đột "
        "xuất); ban hành 233 Nghị quyết."
    )
    assert oversight.startswith("10 tháng đầu năm các cấp tổ chức được 43 cuộc giám sát, 18 cuộc khảo sát.")


SEED_QUERY = {"period": "10", "year": "2024", "beneath": "on"}


def _signed_in(client, username):
    from hdnd.accounts.models import User

    client.force_login(User.objects.get(username=username))
    return client


def test_report_screen_says_it_and_links_each_figure_to_its_records(client, na_ri):
    client = _signed_in(client, "vanphong.nari")
    html = client.get(reverse("report:index"), {**SEED_QUERY, "council": na_ri.pk}).content.decode()
    assert "Tổ chức 73 kỳ họp trong đó cấp huyện 07 kỳ" in html
    assert html.count("<svg") >= 3 and 'aria-label="Kỳ họp và nghị quyết theo tháng"' in html
    response = client.get(
        reverse("report:records"),
        {**SEED_QUERY, "council": na_ri.pk, "figure": "resolutions", "level": "district", "key": ""},
    )
    assert "33 hồ sơ" in response.content.decode()
    response = client.get(
        reverse("report:records"),
        {**SEED_QUERY, "council": na_ri.pk, "figure": "sessions", "level": "commune", "key": "regular"},
    )
    assert "17 hồ sơ" in response.content.decode()


def test_report_downloads(client, na_ri):
    client = _signed_in(client, "vanphong.nari")
    query = {**SEED_QUERY, "council": na_ri.pk}
    document = docx.Document(io.BytesIO(client.get(reverse("report:index"), {**query, "export": "docx"}).content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "ban hành 33 Nghị quyết" in text and "BÁO CÁO" in text
    book = openpyxl.load_workbook(io.BytesIO(client.get(reverse("report:index"), {**query, "export": "xlsx"}).content))
    assert book.sheetnames == ["Số liệu", "Cấp huyện", "Cấp xã thị trấn"]
    first = next(row for row in book["Số liệu"].iter_rows(values_only=True) if row[0] == "Kỳ họp")
    assert first[1:] == (7, 66, 73)
    assert client.get(reverse("report:index"), {**query, "export": "pdf"}).content.startswith(b"%PDF")


def test_bad_periods_say_what_to_fix(client, na_ri):
    client = _signed_in(client, "vanphong.nari")
    html = client.get(
        reverse("report:index"), {"council": na_ri.pk, "period": "custom", "start": "22/10/2024", "end": "01/01/2024"}
    ).content.decode()
    assert "Ngày kết thúc không được trước ngày bắt đầu." in html
    html = client.get(reverse("report:index"), {"council": na_ri.pk, "period": "10"}).content.decode()
    assert "Nhập năm của kỳ báo cáo." in html


def test_a_commune_cannot_report_on_the_district(client, na_ri):
    client = _signed_in(client, "vanphong.kimlu")
    html = client.get(reverse("report:index"), {**SEED_QUERY, "council": na_ri.pk}).content.decode()
    assert "Tổ chức 73 kỳ họp" not in html
    response = client.get(
        reverse("report:records"), {**SEED_QUERY, "council": na_ri.pk, "figure": "resolutions", "level": "district"}
    )
    assert response.status_code == 404


def test_the_briefing_of_22_10_2024_keeps_its_figures_and_has_its_article(na_ri):
    from wagtail.models import PageLogEntry

    from hdnd.portal.models import ArticlePage
    from hdnd.reports.models import Briefing
    from hdnd.resolutions.models import Resolution

    briefing = Briefing.objects.get(council=na_ri, held_on=datetime.date(2024, 10, 22))
    assert briefing.figures["paragraphs"][0].startswith("Tổ chức 73 kỳ họp trong đó cấp huyện 07 kỳ")
    Resolution.objects.filter(council=na_ri).first().delete()  # a later change to the records
    briefing.refresh_from_db()
    assert "ban hành 33 Nghị quyết" in briefing.figures["paragraphs"][0]
    article = ArticlePage.objects.get(briefing=briefing)
    assert article.live and article.section()["title"] == "Hoạt động HĐND"
    assert article.title == "Hội nghị Giao ban giữa Thường trực HĐND huyện với Thường trực HĐND các xã, thị trấn"
    assert (article.date, article.author) == (datetime.date(2024, 10, 22), "Quốc Khánh")
    assert "lần thứ Ba nhiệm kỳ 2021-2026" in article.body
    assert briefing.figures["paragraphs"][0] in article.body  # the seed's sentence, as the system writes it
    # Drafted by the office, published by a leader: the article's history says who did what.
    assert (article.owner.username, article.live_revision.user.username) == ("vanphong.nari", "vanphong.nari")
    published = PageLogEntry.objects.filter(page=article, action="wagtail.publish").latest("timestamp")
    assert published.user.username == "lanhdao.nari"


def test_a_past_briefings_figures_cannot_be_counted_again(client, na_ri):
    from hdnd.reports.models import Briefing

    client = _signed_in(client, "vanphong.nari")
    briefing = Briefing.objects.get(council=na_ri)
    before = briefing.figures["computed_at"]
    response = client.post(reverse("briefing:figures", args=[briefing.pk]), follow=True)
    assert "Hội nghị đã diễn ra" in response.content.decode()
    briefing.refresh_from_db()
    assert briefing.figures["computed_at"] == before
