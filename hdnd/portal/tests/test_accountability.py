"""Answers to voters and supervision on the portal: only answered petitions and decided missions
of the portal's councils, with no one's name."""

import datetime

import pytest
from django.urls import reverse

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import CouncilFactory, DistrictFactory, TermFactory
from hdnd.meetings.factories import SessionFactory
from hdnd.oversight.factories import MissionFactory, RecommendationFactory
from hdnd.petitions.factories import VoterPetitionFactory
from hdnd.portal.services import portal_install

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(district_council):
    portal_install(actor=UserFactory(is_superuser=True), council=district_council)
    term = TermFactory(council=district_council)
    session = SessionFactory(term=term, planned_start=datetime.date(2024, 7, 10))
    answered = VoterPetitionFactory(session=session, answered=True, text="Đề nghị sửa đường Nà Làng")
    waiting = VoterPetitionFactory(session=session, text="Đề nghị kéo điện về thôn Khuổi Khe")
    farming = VoterPetitionFactory(
        session=session,
        answered=True,
        status="reported_back",
        field="agriculture",
        answer="Đã cấp giống lúa vụ mùa.",
        text="Đề nghị hỗ trợ giống lúa",
        reported_at=session,
    )
    outsider = CouncilFactory(unit__parent=DistrictFactory(code="998"))
    elsewhere = VoterPetitionFactory(
        session=SessionFactory(term=TermFactory(council=outsider)), answered=True, answer="Trả lời ở huyện khác"
    )
    decided = MissionFactory(term=term, decided=True)
    RecommendationFactory(mission=decided, status="done", text="Hoàn thiện hồ sơ đất")
    RecommendationFactory(mission=decided, deadline=datetime.date(2024, 9, 30), text="Sửa chữa kênh mương")
    planned = MissionFactory(term=term, subject="Khảo sát chưa quyết định")
    return {
        "answered": answered,
        "waiting": waiting,
        "farming": farming,
        "elsewhere": elsewhere,
        "decided": decided,
        "planned": planned,
    }


def test_answers_show_answered_petitions_of_the_portal_by_field(client, records):
    html = client.get(reverse("portal:answers")).content.decode()
    assert "Đã bố trí vốn sửa chữa" in html and "Đã cấp giống lúa vụ mùa" in html
    assert "Đề nghị kéo điện về thôn Khuổi Khe" not in html and "Trả lời ở huyện khác" not in html
    assert "2 kiến nghị đã được trả lời" in html
    html = client.get(reverse("portal:answers"), {"field": "agriculture"}).content.decode()
    assert "Đã cấp giống lúa vụ mùa" in html and "Đã bố trí vốn" not in html
    html = client.get(reverse("portal:answers"), {"session": "không phải số"}).content.decode()
    assert "0 kiến nghị" in html


def test_supervision_shows_decided_missions_and_their_recommendations(client, records):
    html = client.get(reverse("portal:missions")).content.decode()
    assert records["decided"].subject in html and "Khảo sát chưa quyết định" not in html
    assert "1 đã thực hiện xong" in html and "1 quá hạn" in html
    detail = client.get(reverse("portal:mission", args=[records["decided"].pk])).content.decode()
    assert "15/QĐ-HĐND" in detail and "Sửa chữa kênh mương" in detail and "30/09/2024" in detail
    assert client.get(reverse("portal:mission", args=[records["planned"].pk])).status_code == 404
