import datetime
import io

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role
from hdnd.councils.factories import DelegateFactory, MembershipFactory, TermFactory
from hdnd.oversight.factories import MissionFactory, RecommendationFactory
from hdnd.oversight.models import FieldVisit, Mission, ProgressReport, TeamMember

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def mission(commune_council):
    return MissionFactory(term=TermFactory(council=commune_council))


def test_advancing_without_the_decision_says_what_to_enter_and_saves_nothing(secretariat_client, mission):
    response = secretariat_client.post(reverse("mission:advance", args=[mission.pk]), {"status": "decided"})
    assert response.status_code == 200
    assert "Trước khi chuyển sang “Đã có quyết định”, vui lòng nhập: số quyết định, ngày quyết định." in (
        response.content.decode()
    )
    assert Mission.objects.get(pk=mission.pk).status == "planned"


def test_advancing_offers_only_later_statuses(secretariat_client, mission):
    Mission.objects.filter(pk=mission.pk).update(decision_number="08/QĐ-HĐND", decision_date=D(2024, 5, 2))
    response = secretariat_client.post(reverse("mission:advance", args=[mission.pk]), {"status": "in_the_field"})
    assert response.status_code == 302
    html = secretariat_client.get(reverse("mission:advance", args=[mission.pk])).content.decode()
    assert 'value="planned"' not in html and 'value="decided"' not in html
    response = secretariat_client.post(reverse("mission:advance", args=[mission.pk]), {"status": "planned"})
    assert response.status_code == 200
    assert Mission.objects.get(pk=mission.pk).status == "in_the_field"


def test_a_progress_report_with_a_file_that_is_not_a_document_is_refused(secretariat_client, mission):
    recommendation = RecommendationFactory(mission=mission)
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = secretariat_client.post(
        reverse("recommendation:progress", args=[recommendation.pk]),
        {"reported_on": "01/08/2024", "text": "Đang triển khai", "file": fake},
    )
    assert response.status_code == 200
    assert "Tệp “bao-cao.pdf” không phải là tài liệu thuộc định dạng được chấp nhận" in response.content.decode()
    assert not ProgressReport.objects.exists()
    recommendation.refresh_from_db()
    assert recommendation.status == "open"


def test_closing_as_dropped_needs_a_reason_and_then_refuses_progress(secretariat_client, mission):
    recommendation = RecommendationFactory(mission=mission)
    close = reverse("recommendation:close", args=[recommendation.pk])
    response = secretariat_client.post(close, {"status": "dropped"})
    assert "Vui lòng nêu lý do không tiếp tục theo dõi kiến nghị." in response.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.status == "open"
    assert secretariat_client.post(close, {"status": "dropped", "reason": "Dự án đã dừng"}).status_code == 302
    progress = reverse("recommendation:progress", args=[recommendation.pk])
    assert "<form" not in secretariat_client.get(progress).content.decode().split('id="main"')[-1]
    assert secretariat_client.post(progress, {"reported_on": "01/08/2024", "text": "Muộn"}).status_code == 403
    assert not ProgressReport.objects.exists()


def test_resupervision_follows_up_the_ticked_open_recommendations(secretariat_client, mission):
    open_one = RecommendationFactory(mission=mission)
    RecommendationFactory(mission=mission, status="done")
    response = secretariat_client.post(
        reverse("mission:resupervision", args=[mission.pk]),
        {
            "recommendations": [open_one.pk],
            "subject": "Giám sát lại việc giao đất",
            "term": mission.term_id,
            "planned_start": "01/03/2025",
        },
    )
    assert response.status_code == 302
    follow_up = Mission.objects.get(subject="Giám sát lại việc giao đất")
    assert list(follow_up.follows_up.all()) == [open_one]
    assert list(open_one.resupervisions.all()) == [follow_up]


def test_a_field_visit_before_the_decision_is_refused(mission):
    mission.decision_date = D(2024, 5, 2)
    visit = FieldVisit(mission=mission, visited_on=D(2024, 4, 20), place="Thôn Nà Làng")
    with pytest.raises(ValidationError, match="02/05/2024"):
        visit.full_clean()


def _docx_text(response):
    document = docx.Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([*cells, *(p.text for p in document.paragraphs)])


def test_mission_documents_carry_the_team_the_report_and_the_conclusions(secretariat_client, mission, commune_council):
    chair = DelegateFactory(constituency__term=mission.term, person__full_name="Hoàng Văn An")
    MembershipFactory(delegate=chair, body="standing_committee", position="chair", start_date=D(2021, 6, 25))
    TeamMember.objects.create(mission=mission, delegate=chair, role="head")
    TeamMember.objects.create(mission=mission, name="Lương Thị Mai", organisation="Ủy ban MTTQ xã", role="invited")
    FieldVisit.objects.create(mission=mission, visited_on=D(2024, 5, 10), place="Thôn Nà Làng")
    Mission.objects.filter(pk=mission.pk).update(
        decision_number="08/QĐ-HĐND",
        decision_date=D(2024, 5, 2),
        report="Các xã đã triển khai đúng kế hoạch.",
        report_date=D(2024, 6, 1),
        conclusions="Thường trực ghi nhận kết quả.",
        conclusions_date=D(2024, 6, 10),
    )
    RecommendationFactory(mission=mission, text="Hoàn thành hồ sơ giao đất", deadline=D(2024, 9, 30))
    decision = _docx_text(secretariat_client.get(reverse("mission:document", args=[mission.pk, "decision", "docx"])))
    assert "Số: 08/QĐ-HĐND" in decision
    assert "Hoàng Văn An – Trưởng đoàn." in decision and "Lương Thị Mai, Ủy ban MTTQ xã" in decision
    assert "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015" in decision
    report = _docx_text(secretariat_client.get(reverse("mission:document", args=[mission.pk, "report", "docx"])))
    assert "Thôn Nà Làng (10/05/2024)" in report
    assert "Hoàn thành hồ sơ giao đất. Cơ quan thực hiện: Ủy ban nhân dân xã; thời hạn: 30/09/2024." in report
    conclusions = _docx_text(
        secretariat_client.get(reverse("mission:document", args=[mission.pk, "conclusions", "docx"]))
    )
    assert "Thường trực ghi nhận kết quả." in conclusions and "CHỦ TỊCH" in conclusions
    pdf = secretariat_client.get(reverse("mission:document", args=[mission.pk, "decision", "pdf"]))
    assert pdf.content.startswith(b"%PDF")


def test_a_delegate_finds_the_missions_they_belong_to(client, mission, commune_council):
    delegate_user = user_with_role(commune_council, role=Role.DELEGATE)
    delegate = DelegateFactory(constituency__term=mission.term, user=delegate_user)
    TeamMember.objects.create(mission=mission, delegate=delegate, role="member")
    MissionFactory(term=mission.term, subject="Khảo sát chợ trung tâm", kind="survey")
    client.force_login(delegate_user)
    html = client.get(reverse("mission:index"), {"mine": "true"}).content.decode()
    assert mission.subject in html
    assert "Khảo sát chợ trung tâm" not in html
