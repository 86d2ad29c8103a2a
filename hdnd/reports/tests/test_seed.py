"""The demo reproduces the Na Rì briefing of 22/10/2024: the figures come from counting records."""

import datetime

import pytest

from hdnd.councils.models import Council
from hdnd.demo.loader import load_demo
from hdnd.reports.narrative import narrative
from hdnd.reports.statistics import Scope, figures

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def report(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()
        na_ri = Council.objects.get(unit__code="066", unit__level="district")
        yield figures(Scope(na_ri, datetime.date(2024, 1, 1), datetime.date(2024, 10, 22)))


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
