import datetime

import pytest
from django.db import transaction
from wagtail.models import ModelLogEntry

from hdnd.councils.models import Committee, Council, Delegate, Level, Membership, Person
from hdnd.demo.loader import load_demo
from hdnd.demo.people import EXCLUDED

pytestmark = pytest.mark.django_db
SEED_DAY = datetime.date(2024, 10, 22)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loads the demo once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def test_demo_has_the_na_ri_councils_of_2024(demo):
    district = Council.objects.get(unit__code="066")
    assert district.name == "Hội đồng nhân dân huyện Na Rì"
    communes = Council.objects.filter(unit__parent=district.unit)
    assert communes.count() == 17
    assert Council.objects.get(unit__code="02155").name == "Hội đồng nhân dân thị trấn Yến Lạc"
    assert Council.objects.get(unit__code="06", unit__level=Level.PROVINCE).name == "Hội đồng nhân dân tỉnh Bắc Kạn"


def test_every_council_has_its_term_committees_and_delegates(demo):
    for council in Council.objects.all():
        term = council.terms.get()
        assert term.start_date == datetime.date(2021, 6, 25)
        assert Committee.objects.filter(term=term).count() >= 2
        assert Delegate.objects.in_office(council=council, on=SEED_DAY).count() >= 20
        chair = Membership.objects.get(delegate__council=council, body="standing_committee", position="chair")
        assert chair.delegate.full_time


def test_delegate_groups_have_a_leader(demo):
    district = Council.objects.get(unit__code="066")
    for group in district.delegate_groups.all():
        assert group.memberships.filter(position="group_leader").count() == 1


def test_no_real_official_is_named(demo):
    assert not Person.objects.filter(full_name__in=EXCLUDED).exists()


def test_demo_records_are_in_the_audit_log(demo):
    delegate = Delegate.objects.first()
    assert ModelLogEntry.objects.filter(object_id=str(delegate.pk), action="hdnd.create").exists()


def test_loading_again_adds_nothing(demo):
    counts = Council.objects.count(), Delegate.objects.count(), Membership.objects.count(), Person.objects.count()
    load_demo()
    assert (
        Council.objects.count(),
        Delegate.objects.count(),
        Membership.objects.count(),
        Person.objects.count(),
    ) == counts


def test_demo_activity_gives_the_seed_articles_figures(demo):
    """73 sessions (district 7: 1 regular, 6 urgent; communes 66: 17 regular, 49 thematic or urgent)
    and 266 resolutions (district 33, communes 233) between 01/01 and 22/10/2024."""
    from hdnd.meetings.models import Session
    from hdnd.resolutions.models import Resolution

    start, end = datetime.date(2024, 1, 1), SEED_DAY
    district = Council.objects.get(unit__code="066")
    communes = Council.objects.filter(unit__parent=district.unit)
    district_sessions = Session.objects.filter(council=district).between(start, end)
    commune_sessions = Session.objects.filter(council__in=communes).between(start, end)
    assert district_sessions.count() == 7
    assert district_sessions.filter(kind="regular").count() == 1
    assert district_sessions.filter(kind="urgent").count() == 6
    assert commune_sessions.count() == 66
    assert commune_sessions.filter(kind="regular").count() == 17
    assert commune_sessions.exclude(kind="regular").count() == 49
    assert Resolution.objects.filter(council=district).adopted_between(start, end).count() == 33
    assert Resolution.objects.filter(council__in=communes).adopted_between(start, end).count() == 233


def test_demo_resolution_numbers_follow_each_series(demo):
    from hdnd.resolutions.models import Resolution

    district = Council.objects.get(unit__code="066")
    individual = list(
        Resolution.objects.filter(council=district, kind="individual", year=2024).order_by("adopted_on", "number")
    )
    assert [r.number for r in individual] == list(range(1, len(individual) + 1))
    assert individual[0].symbol == "01/NQ-HĐND"
    assert (
        Resolution.objects.filter(council=district, kind="normative", year=2024)
        .first()
        .symbol.endswith("/2024/NQ-HĐND")
    )


def _oversight_counts():
    from hdnd.oversight.models import (
        AccountabilityHearing,
        FieldVisit,
        Mission,
        ProgrammeTask,
        ProgressReport,
        Questioning,
        Recommendation,
        TeamMember,
        WorkProgramme,
    )

    models = [
        WorkProgramme,
        ProgrammeTask,
        Mission,
        TeamMember,
        FieldVisit,
        Recommendation,
        ProgressReport,
        Questioning,
        AccountabilityHearing,
        Mission.follows_up.through,
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_demo_oversight_gives_the_seed_articles_figures(demo):
    """43 supervisions and 18 surveys begun between 01/01 and 22/10/2024 across the district and
    its communes (the district 7 and 3)."""
    from hdnd.oversight.models import Mission

    start, end = datetime.date(2024, 1, 1), SEED_DAY
    district = Council.objects.get(unit__code="066")
    councils = Council.objects.filter(unit__parent=district.unit) | Council.objects.filter(pk=district.pk)
    missions = Mission.objects.filter(council__in=councils)
    assert missions.supervisions().begun_between(start, end).count() == 43
    assert missions.surveys().begun_between(start, end).count() == 18
    assert missions.filter(council=district).supervisions().begun_between(start, end).count() == 7
    assert missions.filter(council=district).surveys().begun_between(start, end).count() == 3
    assert missions.filter(kind="petitions").exists()
    statuses = set(missions.values_list("status", flat=True))
    assert statuses == {"planned", "decided", "in_the_field", "reported", "concluded"}
    assert set(missions.values_list("conducting_body", flat=True)) >= {
        "standing_committee",
        "committee",
        "delegate_group",
    }


def test_demo_recommendations_are_followed_up(demo):
    from hdnd.oversight.models import Commitment, Mission, Recommendation

    recommendations = Recommendation.objects.from_missions()
    assert recommendations.overdue().exists()
    assert recommendations.overdue(on=datetime.date(2024, 10, 23)).exists()
    done = recommendations.filter(status="done")
    assert done.exists() and not done.filter(assessment="").exists()
    assert all(r.progress_reports.exists() for r in done)
    assert recommendations.filter(status="dropped").exclude(dropped_reason="").count() >= 2
    assert recommendations.filter(status="in_progress", progress_reports__isnull=False).exists()
    assert not recommendations.exclude(mission__status__in=["reported", "concluded"]).exists()
    assert Commitment.objects.filter(questioning__isnull=False).exists()
    assert Commitment.objects.filter(hearing__isnull=False).exists()
    assert Mission.objects.filter(follows_up__isnull=False).exists()


def test_demo_district_programmes(demo):
    from hdnd.oversight.models import Mission, ProgrammeTask, Questioning, WorkProgramme

    district = Council.objects.get(unit__code="066")
    supervision = WorkProgramme.objects.get(council=district, year=2024, kind="supervision_programme")
    assert supervision.adopted_on.year == 2023 and supervision.adopted_on.month == 12
    linked = Mission.objects.filter(programme_task__programme=supervision)
    assert linked.count() >= 3
    for mission in linked:
        assert mission.subject == mission.programme_task.title
        assert mission.conducting_body == mission.programme_task.owner
        assert (mission.programme_task.status == "done") == (mission.status == "concluded")
    work = WorkProgramme.objects.get(council=district, year=2024, kind="work_programme")
    tasks = ProgrammeTask.objects.filter(programme=work)
    assert set(tasks.values_list("owner", flat=True)) >= {"standing_committee", "committee", "office"}
    assert len(set(tasks.values_list("status", flat=True))) >= 3
    questionings = Questioning.objects.filter(council=district, session__planned_start=datetime.date(2024, 7, 12))
    assert questionings.count() >= 3
    assert not questionings.filter(answered_on__isnull=True).exists()


def test_every_oversight_record_is_valid(demo):
    """The data respects the model rules and the steps of the workflow, as it stood on 22/10/2024."""
    from hdnd.oversight.models import (
        MISSION_STEPS,
        AccountabilityHearing,
        FieldVisit,
        Mission,
        ProgrammeTask,
        Questioning,
        Recommendation,
        TeamMember,
        WorkProgramme,
    )
    from hdnd.oversight.models import STEP_REQUIREMENTS as REQUIREMENTS

    missions = list(Mission.objects.select_related("council", "term", "committee", "delegate_group"))
    assert missions
    for mission in missions:
        mission.full_clean()
        reached = MISSION_STEPS[: MISSION_STEPS.index(mission.status) + 1]
        for step in reached:
            for name in REQUIREMENTS.get(step, ()):
                assert getattr(mission, name), (mission, name)
        for day in (mission.decision_date, mission.actual_start, mission.report_date, mission.conclusions_date):
            assert day is None or day <= SEED_DAY
        assert mission.team.filter(role="head").count() == 1
    for model in (
        TeamMember,
        FieldVisit,
        Recommendation,
        ProgrammeTask,
        Questioning,
        WorkProgramme,
        AccountabilityHearing,
    ):
        for record in model.objects.all():
            record.full_clean()
    assert TeamMember.objects.filter(role="invited", delegate__isnull=True).exclude(organisation="").exists()


def test_loading_again_adds_no_oversight(demo):
    counts = _oversight_counts()
    assert counts["Mission"] == 61
    load_demo()
    assert _oversight_counts() == counts


def test_no_real_official_is_named_in_oversight(demo):
    from hdnd.oversight.models import Questioning, TeamMember

    assert not TeamMember.objects.filter(name__in=EXCLUDED).exists()
    assert not Questioning.objects.filter(respondent_name__in=EXCLUDED).exists()
