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


# --- Voter contact and citizen reception (voters.py) ------------------------------------------------


def _voter_counts():
    from hdnd.petitions.models import VoterMeeting, VoterPetition
    from hdnd.reception.models import Case, ReceptionSchedule

    models = [
        VoterMeeting,
        VoterMeeting.delegates.through,
        VoterPetition,
        VoterPetition.meetings.through,
        ReceptionSchedule,
        ReceptionSchedule.delegates.through,
        Case,
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_voter_meetings_before_and_after_the_sessions(demo):
    from hdnd.meetings.models import Session
    from hdnd.petitions.models import VoterMeeting

    district = Council.objects.get(unit__code="066")
    regular = Session.objects.get(council=district, planned_start=datetime.date(2024, 7, 12))
    meetings = list(VoterMeeting.objects.select_related("council", "session", "delegate_group"))
    assert len(meetings) > 100
    for meeting in meetings:
        meeting.full_clean()
        assert meeting.delegate_group.council_id == meeting.council_id
        assert meeting.session.kind == "regular" and meeting.session.planned_start.year == 2024
        assert 40 <= meeting.voters_count <= 200
        assert f"ủy ban mttq việt nam {meeting.council.unit.name.lower()}" in meeting.front_representative.lower()
        delegates = list(meeting.delegates.all())
        assert len(delegates) >= 2
        in_office = set(
            Delegate.objects.in_office(council=meeting.council, on=meeting.held_on).values_list("pk", flat=True)
        )
        assert {d.pk for d in delegates} <= in_office
        assert meeting.held_on <= SEED_DAY
    by_district = VoterMeeting.objects.filter(council=district, session=regular)
    assert by_district.filter(timing="before").count() == 17
    assert by_district.filter(timing="after").count() == district.delegate_groups.count()
    for council in Council.objects.filter(unit__parent=district.unit):
        regular = Session.objects.get(council=council, kind="regular", planned_start__year=2024)
        assert VoterMeeting.objects.filter(council=council, session=regular, timing="before").count() >= 3
    forms = {m.form for m in meetings}
    assert forms == {"in_person", "both"}
    assert sum(m.form == "in_person" for m in meetings) > 0.9 * len(meetings)


def test_voter_petitions_have_what_their_step_needs(demo):
    from hdnd.petitions.models import PETITION_STEPS, VoterPetition

    petitions = list(VoterPetition.objects.select_related("council", "session", "reported_at", "merged_into"))
    assert len(petitions) > 250
    assert {p.status for p in petitions} == {*PETITION_STEPS, "merged"}
    for p in petitions:
        p.full_clean()
        meetings = list(p.meetings.all())
        assert meetings and all(m.session_id == p.session_id for m in meetings)
        assert p.received_on == min(m.held_on for m in meetings)
        for day in (p.received_on, p.forwarded_on, p.answered_on):
            assert day is None or day <= SEED_DAY
        if p.status == "merged":
            into = p.merged_into
            assert into.council_id == p.council_id and into.status != "merged"
            assert {m.pk for m in meetings} <= set(into.meetings.values_list("pk", flat=True))
            continue
        assert p.merged_into_id is None
        reached = PETITION_STEPS.index(p.status)
        classified = bool(p.field and p.competent_level and p.competent_body)
        forwarded = bool(p.forwarded_on and p.deadline and p.deadline >= p.forwarded_on)
        answered = bool(p.answer and p.answered_on and p.answered_on >= p.forwarded_on)
        assert (classified, forwarded, answered, p.reported_at_id is not None) == (
            reached >= 1,
            reached >= 2,
            reached >= 3,
            reached >= 4,
        ), p
        if p.reported_at_id:
            assert p.reported_at.council_id == p.council_id
            assert p.session.planned_start < p.reported_at.planned_start
            assert p.answered_on <= p.reported_at.start <= SEED_DAY
    merged = [p for p in petitions if p.status == "merged"]
    assert len(merged) >= 5
    assert len({p.council_id for p in merged}) >= 3


def test_unanswered_petitions_carry_over_to_later_sessions(demo):
    from hdnd.meetings.models import Session
    from hdnd.petitions.models import VoterPetition

    district = Council.objects.get(unit__code="066")
    regular = Session.objects.get(council=district, planned_start=datetime.date(2024, 7, 12))
    later = Session.objects.get(council=district, planned_start=datetime.date(2024, 10, 10))
    carried = VoterPetition.objects.for_session_report(later).exclude(session=later)
    assert carried.filter(session=regular).count() >= 10
    assert not carried.filter(status__in=["answered", "reported_back", "merged"]).exists()
    waiting = VoterPetition.objects.with_sessions_waited(on=SEED_DAY).unanswered().filter(sessions_waited__gt=0)
    assert waiting.filter(council=district, sessions_waited=3).exists()
    assert waiting.exclude(council=district).exists()


def test_reception_schedules_and_register(demo):
    from hdnd.reception.models import Case, ReceptionSchedule

    district = Council.objects.get(unit__code="066")
    schedules = list(ReceptionSchedule.objects.select_related("council"))
    assert [s.day.month for s in schedules if s.council_id == district.pk] == list(range(12, 0, -1))
    assert len({s.council_id for s in schedules}) >= 4
    assert {s.is_published for s in schedules} == {True, False}
    for schedule in schedules:
        schedule.full_clean()
        assert schedule.day.year == 2024 and schedule.day.weekday() < 5
        delegates = list(schedule.delegates.all())
        assert delegates and all(d.council_id == schedule.council_id for d in delegates)
    cases = list(Case.objects.select_related("received_by").order_by("council", "number"))
    assert len(cases) >= 60
    for case in cases:
        case.full_clean()
        assert case.year == case.received_on.year == 2024 and case.received_on <= SEED_DAY
        assert (case.handling == "forwarded") == bool(case.forwarded_to)
        assert bool(case.result) == bool(case.result_on)
        assert case.result_on is None or case.result_on <= SEED_DAY
        assert case.id_document == "" or len(case.id_document) == 12
    for council_id in {c.council_id for c in cases}:
        mine = [c for c in cases if c.council_id == council_id]
        assert [c.number for c in mine] == list(range(1, len(mine) + 1))
        assert [c.received_on for c in mine] == sorted(c.received_on for c in mine)
    assert Case.objects.filter(council=district).count() >= 30
    assert {c.kind for c in cases} == {"complaint", "denunciation", "petition", "feedback"}
    assert {c.handling for c in cases} == {"accepted", "guided", "forwarded"}
    assert any(c.result for c in cases) and any(c.id_document for c in cases)
    assert any(c.people_count >= 5 for c in cases)


def test_loading_again_adds_no_voter_contact_or_reception(demo):
    counts = _voter_counts()
    assert all(counts.values())
    load_demo()
    assert _voter_counts() == counts


def test_no_real_official_is_named_in_voter_contact_or_reception(demo):
    from hdnd.petitions.models import VoterMeeting
    from hdnd.reception.models import Case

    fronts = VoterMeeting.objects.values_list("front_representative", flat=True)
    assert not [f for f in fronts if any(name in f for name in EXCLUDED)]
    assert not Case.objects.filter(citizen_name__in=EXCLUDED).exists()
    citizens = set(Case.objects.values_list("citizen_name", flat=True))
    assert not citizens & set(Person.objects.values_list("full_name", flat=True))
