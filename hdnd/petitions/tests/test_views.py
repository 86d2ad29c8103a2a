import datetime

import pytest
from django.urls import reverse

from hdnd.councils.factories import DelegateFactory, TermFactory
from hdnd.meetings.factories import SessionFactory
from hdnd.petitions.models import VoterMeeting

pytestmark = pytest.mark.django_db


def test_a_voter_meeting_names_only_delegates_in_office_that_day(secretariat_client, commune_council):
    term = TermFactory(council=commune_council)
    session = SessionFactory(term=term, planned_start=datetime.date(2024, 7, 10))
    present = DelegateFactory(constituency__term=term, person__full_name="Đinh Văn Hùng")
    gone = DelegateFactory(
        constituency__term=term,
        person__full_name="Mã Thị Lan",
        end_date=datetime.date(2023, 5, 1),
        end_reason="Từ trần",
    )
    data = {
        "council": commune_council.pk,
        "session": session.pk,
        "timing": "before",
        "held_on": "28/06/2024",
        "place": "Nhà văn hóa thôn Nà Làng",
        "form": "in_person",
        "delegates": [present.pk, gone.pk],
        "voters_count": "90",
    }
    response = secretariat_client.post(reverse("votermeeting:add"), data)
    assert "Mã Thị Lan" in response.content.decode() and "28/06/2024" in response.content.decode()
    assert not VoterMeeting.objects.exists()
    response = secretariat_client.post(reverse("votermeeting:add"), {**data, "delegates": [present.pk]})
    assert response.status_code == 302
    assert list(VoterMeeting.objects.get().delegates.all()) == [present]
