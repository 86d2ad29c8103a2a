import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import CommitteeFactory, TermFactory
from hdnd.oversight.factories import ProgrammeTaskFactory, WorkProgrammeFactory
from hdnd.oversight.models import Mission, ProgrammeTask
from hdnd.oversight.services import mission_advance, mission_from_task

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def actor():
    return UserFactory()


def test_a_supervision_programme_task_becomes_a_mission_and_is_done_when_it_concludes(actor, commune_council):
    term = TermFactory(council=commune_council)
    committee = CommitteeFactory(term=term)
    task = ProgrammeTaskFactory(
        programme=WorkProgrammeFactory(council=commune_council), owner="committee", committee=committee
    )
    mission = mission_from_task(actor=actor, task=task, term=term, planned_start=D(2024, 5, 6))
    assert (mission.subject, mission.conducting_body, mission.committee) == (task.title, "committee", committee)
    task.refresh_from_db()
    assert task.status == "in_progress"
    Mission.objects.filter(pk=mission.pk).update(
        decision_number="12/QĐ-HĐND",
        decision_date=D(2024, 5, 2),
        report="Kết quả",
        report_date=D(2024, 6, 1),
        conclusions="Kết luận",
        conclusions_date=D(2024, 6, 10),
    )
    mission_advance(actor=actor, mission=mission, to="concluded")
    task.refresh_from_db()
    assert task.status == "done"


@pytest.mark.parametrize(
    ("programme_kind", "owner", "message"),
    [
        ("work_programme", "standing_committee", "chương trình giám sát"),
        ("supervision_programme", "office", "Văn phòng"),
    ],
)
def test_only_supervision_tasks_of_a_council_body_become_missions(
    actor, commune_council, programme_kind, owner, message
):
    task = ProgrammeTaskFactory(
        programme=WorkProgrammeFactory(council=commune_council, kind=programme_kind), owner=owner
    )
    with pytest.raises(ValidationError, match=message):
        mission_from_task(
            actor=actor, task=task, term=TermFactory(council=commune_council), planned_start=D(2024, 5, 6)
        )
    assert not Mission.objects.exists()


def test_a_task_gets_one_mission_only(actor, commune_council):
    task = ProgrammeTaskFactory(programme=WorkProgrammeFactory(council=commune_council))
    term = TermFactory(council=commune_council)
    mission_from_task(actor=actor, task=task, term=term, planned_start=D(2024, 5, 6))
    with pytest.raises(ValidationError, match="đã có đoàn"):
        mission_from_task(actor=actor, task=task, term=term, planned_start=D(2024, 5, 6))
    assert Mission.objects.count() == 1


def test_programme_form_refuses_a_committee_task_without_its_committee(secretariat_client, commune_council):
    response = secretariat_client.post(
        reverse("workprogramme:add"),
        {
            "council": commune_council.pk,
            "kind": "work_programme",
            "title": "Chương trình công tác năm 2025",
            "year": "2025",
            "tasks-TOTAL_FORMS": "1",
            "tasks-INITIAL_FORMS": "0",
            "tasks-MIN_NUM_FORMS": "0",
            "tasks-MAX_NUM_FORMS": "1000",
            "tasks-0-title": "Thẩm tra báo cáo kinh tế - xã hội",
            "tasks-0-owner": "committee",
            "tasks-0-due_date": "30/06/2025",
            "tasks-0-status": "planned",
            "tasks-0-ORDER": "1",
        },
    )
    assert response.status_code == 200
    assert "Chọn cơ quan hoặc đại biểu cụ thể." in response.content.decode()
    assert not ProgrammeTask.objects.exists()


def test_tasks_page_creates_the_mission_of_a_task(secretariat_client, commune_council):
    term = TermFactory(council=commune_council)
    task = ProgrammeTaskFactory(programme=WorkProgrammeFactory(council=commune_council))
    url = reverse("workprogramme:missions", args=[task.programme.pk])
    response = secretariat_client.post(
        url, {"task": task.pk, "kind": "survey", "term": term.pk, "planned_start": "06/05/2024"}
    )
    assert response.status_code == 302
    mission = Mission.objects.get()
    assert (mission.kind, mission.programme_task) == ("survey", task)
    assert reverse("mission:edit", args=[mission.pk]) in secretariat_client.get(url).content.decode()
