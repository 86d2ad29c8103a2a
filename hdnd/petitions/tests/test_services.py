import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from hdnd.accounts.factories import UserFactory
from hdnd.meetings.factories import SessionFactory
from hdnd.petitions.factories import VoterMeetingFactory, VoterPetitionFactory
from hdnd.petitions.models import VoterMeeting, VoterPetition
from hdnd.petitions.services import (
    petition_answer,
    petition_classify,
    petition_forward,
    petition_report_back,
    petitions_merge,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def actor():
    return UserFactory()


def classify(actor, petition):
    return petition_classify(
        actor=actor, petition=petition, field="infrastructure", competent_level="district", competent_body="UBND huyện"
    )


def test_a_petition_goes_from_collection_to_the_voters_step_by_step(actor):
    petition = VoterPetitionFactory()
    petition = classify(actor, petition)
    petition = petition_forward(actor=actor, petition=petition, forwarded_on=D(2024, 7, 20), deadline=D(2024, 9, 30))
    petition = petition_answer(
        actor=actor, petition=petition, answer="Đã bố trí vốn sửa chữa", answered_on=D(2024, 9, 1)
    )
    later = SessionFactory(term=petition.session.term, planned_start=D(2024, 12, 10))
    petition = petition_report_back(actor=actor, petition=petition, reported_at=later)
    assert petition.status == "reported_back"
    assert ModelLogEntry.objects.filter(object_id=str(petition.pk), action="hdnd.edit").count() == 4


def test_steps_are_neither_skipped_nor_taken_backwards_nor_without_their_data(actor):
    petition = VoterPetitionFactory()
    with pytest.raises(ValidationError, match="Đã phân loại"):
        petition_forward(actor=actor, petition=petition, forwarded_on=D(2024, 7, 20), deadline=D(2024, 9, 30))
    with pytest.raises(ValidationError):
        petition_classify(actor=actor, petition=petition, field="land", competent_level="district", competent_body="")
    classify(actor, petition)
    with pytest.raises(ValidationError, match="chỉ chuyển tiếp"):
        classify(actor, petition)
    with pytest.raises(ValidationError) as exc_info:
        petition_forward(actor=actor, petition=petition, forwarded_on=D(2024, 7, 20), deadline=D(2024, 7, 1))
    assert "Hạn trả lời không thể trước ngày chuyển." in exc_info.value.messages
    assert VoterPetition.objects.get(pk=petition.pk).status == "classified"


def test_merging_keeps_every_source_and_only_once(actor):
    session = SessionFactory()
    first, second = VoterMeetingFactory(session=session), VoterMeetingFactory(session=session, place="Thôn Khuổi Khe")
    kept, repeated = VoterPetitionFactory(session=session), VoterPetitionFactory(session=session)
    kept.meetings.add(first)
    repeated.meetings.add(second)
    petitions_merge(actor=actor, into=kept, petitions=[repeated])
    assert set(kept.meetings.all()) == {first, second}
    repeated.refresh_from_db()
    assert (repeated.status, repeated.merged_into) == ("merged", kept)
    with pytest.raises(ValidationError, match="đã được gộp"):
        petitions_merge(actor=actor, into=kept, petitions=[repeated])
    with pytest.raises(ValidationError, match="đã được gộp"):
        classify(actor, repeated)


def test_unanswered_petitions_carry_over_and_count_the_sessions_they_waited(actor):
    july = SessionFactory(planned_start=D(2024, 7, 10))
    term = july.term
    waiting = VoterPetitionFactory(session=july, text="Kiến nghị chưa được trả lời")
    answered = VoterPetitionFactory(session=july, text="Kiến nghị đã trả lời")
    classify(actor, answered)
    petition_forward(actor=actor, petition=answered, forwarded_on=D(2024, 7, 20), deadline=D(2024, 9, 30))
    petition_answer(actor=actor, petition=answered, answer="Đã giải quyết", answered_on=D(2024, 8, 1))
    SessionFactory(term=term, planned_start=D(2024, 9, 18))
    december = SessionFactory(term=term, planned_start=D(2024, 12, 10))
    in_report = VoterPetition.objects.for_session_report(december).with_sessions_waited(on=D(2024, 12, 31))
    assert list(in_report) == [waiting]
    assert in_report.get().sessions_waited == 2


def test_a_meeting_before_the_session_is_held_before_it_opens():
    meeting = VoterMeetingFactory.build(session=SessionFactory(planned_start=D(2024, 7, 10)), held_on=D(2024, 7, 15))
    meeting.council = meeting.session.council
    with pytest.raises(ValidationError, match="10/07/2024"):
        meeting.full_clean()
    assert not VoterMeeting.objects.exists()


def test_a_report_for_a_past_session_shows_what_was_waiting_then(actor):
    july = SessionFactory(planned_start=D(2024, 7, 10))
    august = SessionFactory(term=july.term, planned_start=D(2024, 8, 20))
    SessionFactory(term=july.term, planned_start=D(2024, 10, 10))
    petition = classify(actor, VoterPetitionFactory(session=july))
    petition = petition_forward(actor=actor, petition=petition, forwarded_on=D(2024, 7, 20), deadline=D(2024, 9, 30))
    petition_answer(actor=actor, petition=petition, answer="Đã giải quyết", answered_on=D(2024, 9, 25))
    (waiting,) = VoterPetition.objects.for_session_report(august).with_sessions_waited(on=august.start)
    assert (waiting.pk, waiting.sessions_waited) == (petition.pk, 1)


def test_a_petitions_record_holds_what_its_step_requires():
    petition = VoterPetitionFactory(status="forwarded", field="land", competent_level="district", competent_body="UBND")
    with pytest.raises(ValidationError) as exc_info:
        petition.full_clean()
    assert set(exc_info.value.message_dict) == {"forwarded_on", "deadline"}
