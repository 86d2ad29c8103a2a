import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role
from hdnd.councils.factories import CouncilFactory, TermFactory
from hdnd.oversight.factories import CommitmentFactory, MissionFactory, RecommendationFactory
from hdnd.oversight.models import ProgressReport

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
BOARD = "followup:index"


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def items(commune_council):
    mission = MissionFactory(term=TermFactory(council=commune_council), subject="Giám sát công tác quản lý đất đai")
    late = RecommendationFactory(
        mission=mission, text="Thu hồi đất sử dụng sai mục đích", responsible_body="UBND xã", deadline=days(-40)
    )
    soon = RecommendationFactory(
        mission=mission, text="Cấp giấy chứng nhận", responsible_body="Địa chính", deadline=days(10)
    )
    RecommendationFactory(mission=mission, text="Việc đã xong", status="done", deadline=days(-90))
    commitment = CommitmentFactory(
        questioning__asked_by__constituency__term=mission.term,
        text="Sửa chữa đường liên thôn",
        responsible_body="UBND xã",
        deadline=days(30),
    )
    ProgressReport.objects.create(recommendation=late, reported_on=days(-5), text="Đã ban hành quyết định thu hồi")
    return {"mission": mission, "late": late, "soon": soon, "commitment": commitment}


def test_open_items_overdue_first_with_progress_and_counts_by_body(secretariat_client, items):
    html = secretariat_client.get(reverse(BOARD)).content.decode()
    assert "Việc đã xong" not in html
    order = [html.index(items[k].text) for k in ("late", "soon", "commitment")]
    assert order == sorted(order)
    assert "quá hạn 40 ngày" in html
    assert "Đã ban hành quyết định thu hồi" in html
    assert "3 nội dung chưa hoàn thành" in html
    assert reverse("commitment:progress", args=[items["commitment"].pk]) in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"topic": "quan ly dat dai"}, ["late", "soon"], ["commitment"]),
        ({"topic": "nước sinh hoạt"}, ["commitment"], ["late"]),
        ({"body": "UBND xã"}, ["late", "commitment"], ["soon"]),
        ({"year": str(TODAY.year + 5)}, [], ["late", "soon", "commitment"]),
    ],
)
def test_filters(secretariat_client, items, query, shown, hidden):
    html = secretariat_client.get(reverse(BOARD), query).content.decode()
    for key in shown:
        assert items[key].text in html
    for key in hidden:
        assert items[key].text not in html


def test_mission_filter_lists_the_chosen_councils_missions(secretariat_client, items, commune_council):
    other = MissionFactory(term=items["mission"].term, subject="Giám sát khác")
    RecommendationFactory(mission=other, text="Kiến nghị của đoàn khác", deadline=days(5))
    html = secretariat_client.get(
        reverse(BOARD), {"council": commune_council.pk, "mission": items["mission"].pk}
    ).content.decode()
    assert "Kiến nghị của đoàn khác" not in html
    assert items["late"].text in html


def test_higher_level_reads_the_communes_board_without_editing(client, items, commune_council):
    district_user = user_with_role(CouncilFactory(unit=commune_council.unit.parent))
    client.force_login(district_user)
    html = client.get(reverse(BOARD)).content.decode()
    assert items["late"].text in html
    progress = client.get(reverse("recommendation:progress", args=[items["late"].pk])).content.decode()
    assert "Đã ban hành quyết định thu hồi" in progress
    assert "<form" not in progress.split('id="main"')[-1]
    assert client.post(reverse("recommendation:close", args=[items["late"].pk]), {"status": "done"}).status_code == 403


def test_another_commune_sees_nothing(client, items, other_commune_council):
    client.force_login(user_with_role(other_commune_council, role=Role.LEADER))
    html = client.get(reverse(BOARD)).content.decode()
    assert items["late"].text not in html
    assert "Không còn nội dung nào chưa hoàn thành" in html


def test_export_is_grouped_by_body_for_the_peoples_committee(secretariat_client, items, commune_council):
    RecommendationFactory(
        mission=items["mission"], text='=HYPERLINK("http://x")', responsible_body="UBND xã", deadline=days(3)
    )
    response = secretariat_client.get(reverse(BOARD), {"council": commune_council.pk, "export": "xlsx"})
    assert response["Content-Disposition"].startswith("attachment;")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][0] == "DANH MỤC KIẾN NGHỊ SAU GIÁM SÁT, CAM KẾT CHƯA HOÀN THÀNH"
    table = rows[6:]
    sections = [r[:2] for r in table if isinstance(r[0], str)]
    assert [number for number, _ in sections] == ["I", "II"]
    assert {body for _, body in sections} == {"Địa chính", "UBND xã"}
    late = next(r for r in table if r[1] == items["late"].text)
    assert late[5:7] == ("Quá hạn", 40)
    assert late[7].endswith("Đã ban hành quyết định thu hồi")
    formula = next(c for row in sheet.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")')
    assert formula.data_type == "s"


def test_board_reads_in_a_constant_number_of_queries(secretariat_client, items):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert secretariat_client.get(reverse(BOARD)).status_code == 200
        return len(ctx.captured_queries)

    count()  # the first request of a process also loads the portals' sites (hdnd.portal.sites)
    few = count()
    for n in range(30):
        RecommendationFactory(mission=items["mission"], text=f"Kiến nghị số {n}", deadline=days(n - 15))
    assert count() == few


def test_a_council_outside_reach_shows_nothing_and_bad_filters_are_ignored(
    secretariat_client, items, other_commune_council
):
    html = secretariat_client.get(reverse(BOARD), {"council": other_commune_council.pk}).content.decode()
    assert items["late"].text not in html
    html = secretariat_client.get(reverse(BOARD), {"year": "hai nghìn", "body": "UBND xã"}).content.decode()
    assert items["late"].text in html and items["soon"].text not in html
