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

ANSWERED = {
    "field": "infrastructure",
    "competent_level": "district",
    "competent_body": "Ủy ban nhân dân huyện",
    "forwarded_on": datetime.date(2024, 7, 1),
    "deadline": datetime.date(2024, 8, 1),
    "answered_on": datetime.date(2024, 7, 20),
}


@pytest.fixture
def records(district_council):
    portal_install(actor=UserFactory(is_superuser=True), council=district_council)
    term = TermFactory(council=district_council)
    session = SessionFactory(term=term, planned_start=datetime.date(2024, 7, 10))
    answered = VoterPetitionFactory(
        session=session,
        status="answered",
        answer="Đã bố trí vốn sửa chữa trong quý III năm 2024.",
        text="Đề nghị sửa đường Nà Làng",
        **ANSWERED,
    )
    waiting = VoterPetitionFactory(session=session, text="Đề nghị kéo điện về thôn Khuổi Khe")
    farming = VoterPetitionFactory(
        session=session,
        status="reported_back",
        answer="Đã cấp giống lúa vụ mùa.",
        text="Đề nghị hỗ trợ giống lúa",
        reported_at=session,
        **{**ANSWERED, "field": "agriculture"},
    )
    outsider = CouncilFactory(unit__parent=DistrictFactory(code="998"))
    elsewhere = VoterPetitionFactory(
        session=SessionFactory(term=TermFactory(council=outsider)),
        status="answered",
        answer="Trả lời ở huyện khác",
        **ANSWERED,
    )
    decided = MissionFactory(
        term=term, status="decided", decision_number="15/QĐ-HĐND", decision_date=datetime.date(2024, 5, 2)
    )
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
