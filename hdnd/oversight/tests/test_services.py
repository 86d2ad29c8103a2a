import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import ConstituencyFactory, DelegateFactory
from hdnd.oversight.factories import MissionFactory
from hdnd.oversight.models import Mission, ProgressReport, Recommendation, TeamMember
from hdnd.oversight.services import (
    mission_advance,
    progress_report_add,
    recommendation_add,
    recommendation_close,
    resupervision_open,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def actor():
    return UserFactory()


@pytest.fixture
def decided(actor):
    mission = MissionFactory(decision_number="15/QĐ-HĐND", decision_date=D(2024, 5, 2))
    return mission_advance(actor=actor, mission=mission, to="decided")


def test_status_moves_forward_with_what_each_step_needs(actor):
    mission = MissionFactory()
    with pytest.raises(ValidationError, match="số quyết định"):
        mission_advance(actor=actor, mission=mission, to="decided")
    mission.decision_number, mission.decision_date = "15/QĐ-HĐND", D(2024, 5, 2)
    mission.save()
    mission = mission_advance(actor=actor, mission=mission, to="in_the_field")
    assert mission.status == "in_the_field"
    with pytest.raises(ValidationError):
        mission_advance(actor=actor, mission=mission, to="concluded")  # no report, no conclusions
    assert ModelLogEntry.objects.filter(object_id=str(mission.pk), action="hdnd.edit").count() == 1


def test_status_never_moves_backwards(actor, decided):
    with pytest.raises(ValidationError, match="chỉ chuyển"):
        mission_advance(actor=actor, mission=decided, to="planned")
    assert Mission.objects.get(pk=decided.pk).status == "decided"


def test_deadline_before_the_decision_date_is_refused(actor, decided):
    with pytest.raises(ValidationError) as exc_info:
        recommendation_add(
            actor=actor,
            mission=decided,
            text="Hoàn thành giải ngân",
            responsible_body="UBND xã",
            deadline=D(2024, 4, 1),
        )
    assert "deadline" in exc_info.value.message_dict
    assert not Recommendation.objects.exists()


def test_a_recommendation_past_its_deadline_is_overdue_by_itself(actor, decided):
    late = recommendation_add(
        actor=actor, mission=decided, text="Rà soát hộ nghèo", responsible_body="UBND xã", deadline=D(2024, 9, 30)
    )
    done = recommendation_add(
        actor=actor, mission=decided, text="Sửa chữa đường", responsible_body="UBND xã", deadline=D(2024, 9, 30)
    )
    recommendation_close(actor=actor, recommendation=done, status="done", assessment="Đã hoàn thành đúng hạn")
    assert list(Recommendation.objects.overdue(on=D(2024, 10, 1))) == [late]
    assert list(Recommendation.objects.overdue(on=D(2024, 9, 30))) == []
    assert late.is_overdue


def test_progress_reports_follow_a_recommendation_until_closed(actor, decided):
    recommendation = recommendation_add(
        actor=actor, mission=decided, text="Bổ sung thiết bị", responsible_body="UBND xã", deadline=D(2024, 12, 31)
    )
    progress_report_add(
        actor=actor, recommendation=recommendation, reported_on=D(2024, 8, 1), text="Đã mua 50% thiết bị"
    )
    recommendation.refresh_from_db()
    assert recommendation.status == "in_progress"
    recommendation_close(actor=actor, recommendation=recommendation, status="done", assessment="Hoàn thành")
    with pytest.raises(ValidationError, match="đã đóng"):
        progress_report_add(actor=actor, recommendation=recommendation, reported_on=D(2024, 9, 1), text="Thêm")
    assert ProgressReport.objects.count() == 1


def test_dropping_needs_a_reason(actor, decided):
    recommendation = recommendation_add(
        actor=actor, mission=decided, text="Di dời chợ", responsible_body="UBND huyện", deadline=D(2024, 12, 31)
    )
    with pytest.raises(ValidationError):
        recommendation_close(actor=actor, recommendation=recommendation, status="dropped")
    assert Recommendation.objects.get(pk=recommendation.pk).status == "open"


def test_resupervision_links_back_to_open_recommendations(actor, decided):
    open_one = recommendation_add(
        actor=actor, mission=decided, text="Nâng cấp trạm y tế", responsible_body="UBND xã", deadline=D(2024, 9, 30)
    )
    follow_up = resupervision_open(
        actor=actor,
        recommendations=[open_one],
        council=decided.council,
        term=decided.term,
        subject="Tái giám sát",
        planned_start=D(2025, 3, 1),
    )
    assert list(open_one.resupervisions.all()) == [follow_up]


def test_team_member_must_be_a_delegate_in_office(actor, decided):
    outsider = DelegateFactory()  # another council
    member = TeamMember(mission=decided, delegate=outsider, role="member")
    with pytest.raises(ValidationError) as exc_info:
        member.full_clean()
    assert "delegate" in exc_info.value.message_dict
    left = DelegateFactory(constituency=ConstituencyFactory(term=decided.term), end_date=D(2023, 1, 1))
    with pytest.raises(ValidationError):
        TeamMember(mission=decided, delegate=left, role="member").full_clean()
    serving = DelegateFactory(constituency=ConstituencyFactory(term=decided.term))
    TeamMember(mission=decided, delegate=serving, role="head").full_clean()
    TeamMember(
        mission=decided, name="Nguyễn Văn Mặt Trận", organisation="Ủy ban MTTQ Việt Nam xã", role="invited"
    ).full_clean()


def test_mission_counts_by_kind_and_period(decided):
    MissionFactory(term=decided.term, kind="survey", planned_start=D(2024, 6, 1))
    MissionFactory(term=decided.term, planned_start=D(2023, 6, 1))
    in_2024 = Mission.objects.begun_between(D(2024, 1, 1), D(2024, 10, 22))
    assert (in_2024.supervisions().count(), in_2024.surveys().count()) == (1, 1)
