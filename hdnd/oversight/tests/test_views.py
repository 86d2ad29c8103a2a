import datetime

import pytest
from django.urls import reverse

from hdnd.councils.factories import ConstituencyFactory, DelegateFactory, TermFactory
from hdnd.oversight.factories import MissionFactory
from hdnd.oversight.models import Recommendation

pytestmark = pytest.mark.django_db


def test_mission_form_offers_only_the_councils_own_delegates_for_the_team(secretariat_client, commune_council):
    term = TermFactory(council=commune_council)
    DelegateFactory(constituency=ConstituencyFactory(term=term), person__full_name="Hoàng Thị Trong Xã")
    DelegateFactory(person__full_name="Lý Văn Xã Khác")
    html = secretariat_client.get(reverse("mission:add")).content.decode()
    assert "Hoàng Thị Trong Xã" in html
    assert "Lý Văn Xã Khác" not in html


def test_recommendation_with_deadline_before_the_decision_is_refused_on_the_form(secretariat_client, commune_council):
    mission = MissionFactory(
        term=TermFactory(council=commune_council), decision_number="05/QĐ-HĐND", decision_date=datetime.date(2024, 5, 2)
    )
    response = secretariat_client.post(
        reverse("recommendation:add"),
        {
            "council": commune_council.pk,
            "mission": mission.pk,
            "text": "Hoàn thiện hồ sơ",
            "responsible_body": "UBND xã",
            "deadline": "01/04/2024",
        },
    )
    assert response.status_code == 200
    assert "02/05/2024" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_overdue_filter_lists_late_open_recommendations(secretariat_client, commune_council):
    mission = MissionFactory(term=TermFactory(council=commune_council))
    Recommendation.objects.create(
        council=commune_council,
        mission=mission,
        text="Việc đã quá hạn",
        responsible_body="UBND",
        deadline=datetime.date(2024, 6, 1),
    )
    Recommendation.objects.create(
        council=commune_council,
        mission=mission,
        text="Việc còn hạn",
        responsible_body="UBND",
        deadline=datetime.date.today() + datetime.timedelta(days=30),
    )
    html = secretariat_client.get(reverse("recommendation:index"), {"overdue": "true"}).content.decode()
    assert "Việc đã quá hạn" in html and "Việc còn hạn" not in html
