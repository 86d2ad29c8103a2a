import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import DelegateFactory, TermFactory
from hdnd.meetings.factories import AgendaItemFactory, session_with_delegates
from hdnd.meetings.models import Session, Vote, VoteChoice
from hdnd.meetings.services import attendance_record, session_advance, session_create, vote_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return UserFactory()


def open_session(actor, count=5, present=None):
    session, delegates = session_with_delegates(count)
    session_advance(actor=actor, session=session)
    session_advance(actor=actor, session=session)
    present = delegates if present is None else present
    attendance_record(
        actor=actor, session=session, statuses={d: ("present" if d in present else "absent") for d in delegates}
    )
    session.refresh_from_db()
    return session, delegates


def test_sessions_are_numbered_in_one_sequence_per_term_whatever_their_kind(actor):
    term = TermFactory()
    kinds = ["regular", "urgent", "thematic", "regular"]
    numbers = [
        session_create(
            actor=actor, council=term.council, term=term, kind=k, planned_start=datetime.date(2024, 1 + i, 5)
        ).number
        for i, k in enumerate(kinds)
    ]
    assert numbers == [1, 2, 3, 4]


def test_session_date_outside_term_is_refused(actor):
    term = TermFactory()
    with pytest.raises(ValidationError) as exc_info:
        session_create(actor=actor, council=term.council, term=term, planned_start=datetime.date(2026, 1, 5))
    assert "planned_start" in exc_info.value.message_dict
    assert not Session.objects.exists()


def test_status_moves_forward_only_and_is_audited(actor):
    session, _ = session_with_delegates(1)
    for expected in ("convened", "in_progress", "closed"):
        session = session_advance(actor=actor, session=session)
        assert session.status == expected
    assert session.actual_start == session.planned_start
    with pytest.raises(ValidationError):
        session_advance(actor=actor, session=session)
    assert ModelLogEntry.objects.filter(object_id=str(session.pk), action="hdnd.edit").count() == 3


def test_attendance_must_cover_every_delegate_in_office(actor):
    session, delegates = session_with_delegates(3)
    with pytest.raises(ValidationError, match="điểm danh|missing|thiếu"):
        attendance_record(actor=actor, session=session, statuses={delegates[0]: "present"})
    assert not session.attendances.exists()


def test_attendance_refuses_a_delegate_not_in_office(actor):
    session, delegates = session_with_delegates(2)
    stranger = DelegateFactory()
    with pytest.raises(ValidationError):
        attendance_record(
            actor=actor, session=session, statuses={**dict.fromkeys(delegates, "present"), stranger: "present"}
        )


def test_quorum_follows_the_council_setting(actor):
    session, delegates = session_with_delegates(6)
    council = session.council
    assert council.quorum_reached(present=4, total=6)
    assert not council.quorum_reached(present=3, total=6)
    council.quorum_numerator, council.quorum_denominator = 1, 2
    assert council.quorum_reached(present=3, total=6)


def test_open_ballot_passes_with_more_than_half_of_all_delegates(actor):
    session, delegates = open_session(actor, count=6)
    item = AgendaItemFactory(session=session)
    vote = vote_record(
        actor=actor,
        agenda_item=item,
        subject="Thông qua nghị quyết",
        choices={delegates[0]: "for", delegates[1]: "for", delegates[2]: "for", delegates[3]: "against"},
    )
    assert (vote.votes_for, vote.votes_against, vote.votes_abstain, vote.delegates_total) == (3, 1, 2, 6)
    assert vote.passed is False  # 3 of 6 is not more than half
    vote2 = vote_record(actor=actor, agenda_item=item, subject="Lần 2", choices=dict.fromkeys(delegates[:4], "for"))
    assert vote2.passed is True
    assert VoteChoice.objects.filter(vote=vote2).count() == 6


def test_majority_counts_all_delegates_in_office_not_those_present(actor):
    session, delegates = open_session(actor, count=10, present=None)
    item = AgendaItemFactory(session=session)
    # 5 of 10 in office is not a majority even if everybody else abstains.
    vote = vote_record(actor=actor, agenda_item=item, subject="Biểu quyết", choices=dict.fromkeys(delegates[:5], "for"))
    assert vote.passed is False


def test_dismissal_needs_two_thirds(actor):
    session, delegates = open_session(actor, count=9)
    item = AgendaItemFactory(session=session)
    five = vote_record(
        actor=actor,
        agenda_item=item,
        subject="Bãi nhiệm",
        majority="two_thirds",
        ballot="secret",
        votes_for=5,
        votes_against=4,
        votes_abstain=0,
    )
    six = vote_record(
        actor=actor,
        agenda_item=item,
        subject="Bãi nhiệm lần 2",
        majority="two_thirds",
        ballot="secret",
        votes_for=6,
        votes_against=3,
        votes_abstain=0,
    )
    assert (five.passed, six.passed) == (False, True)


def test_absentees_cannot_vote(actor):
    session, delegates = open_session(actor, count=4, present=None)
    session2, delegates2 = open_session(actor, count=4)
    session2.attendances.filter(delegate=delegates2[0]).update(status="absent")
    item = AgendaItemFactory(session=session2)
    with pytest.raises(ValidationError, match="vắng|absent"):
        vote_record(actor=actor, agenda_item=item, subject="Biểu quyết", choices={delegates2[0]: "for"})
    assert not Vote.objects.exists()


def test_secret_ballot_totals_must_add_up(actor):
    session, delegates = open_session(actor, count=5)
    item = AgendaItemFactory(session=session)
    with pytest.raises(ValidationError, match="cộng|add up"):
        vote_record(
            actor=actor, agenda_item=item, subject="Bầu", ballot="secret", votes_for=4, votes_against=2, votes_abstain=0
        )
    assert not Vote.objects.exists()


def test_vote_on_closed_session_is_refused(actor):
    session, delegates = open_session(actor, count=3)
    item = AgendaItemFactory(session=session)
    session_advance(actor=actor, session=session)
    with pytest.raises(ValidationError, match="bế mạc|closed|kết thúc"):
        vote_record(actor=actor, agenda_item=item, subject="Muộn", choices={delegates[0]: "for"})


def test_vote_before_attendance_is_refused(actor):
    session, delegates = session_with_delegates(3)
    session_advance(actor=actor, session=session)
    session_advance(actor=actor, session=session)
    item = AgendaItemFactory(session=session)
    with pytest.raises(ValidationError):
        vote_record(actor=actor, agenda_item=item, subject="Sớm", choices={delegates[0]: "for"})
