"""The portal's sessions: public ones of the portal's councils, by year and on a calendar, with
their agenda and resolutions, and an iCalendar feed per council."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import CouncilFactory, DistrictFactory, TermFactory
from hdnd.meetings.factories import AgendaItemFactory, SessionFactory
from hdnd.portal.services import portal_install

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(district_council):
    portal_install(actor=UserFactory(is_superuser=True), council=district_council)
    term = TermFactory(council=district_council)
    regular = SessionFactory(
        term=term,
        number=17,
        planned_start=datetime.date(2024, 7, 10),
        planned_end=datetime.date(2024, 7, 12),
        place="Hội trường Huyện ủy",
    )
    AgendaItemFactory(session=regular, title="Tờ trình về kế hoạch đầu tư công năm 2025")
    closed = SessionFactory(term=term, number=18, planned_start=datetime.date(2024, 8, 2), is_public=False)
    commune = CouncilFactory(unit__parent=district_council.unit, name="Hội đồng nhân dân xã Kim Lư")
    commune_session = SessionFactory(
        term=TermFactory(council=commune), number=9, planned_start=datetime.date(2024, 7, 25)
    )
    outsider = CouncilFactory(unit__parent=DistrictFactory(code="998"))
    elsewhere = SessionFactory(term=TermFactory(council=outsider), number=4, planned_start=datetime.date(2024, 7, 11))
    earlier = SessionFactory(term=term, number=12, planned_start=datetime.date(2023, 12, 8))
    return {
        "regular": regular,
        "closed": closed,
        "commune": commune_session,
        "elsewhere": elsewhere,
        "earlier": earlier,
    }


def _link(session):
    return reverse("portal:session", args=[session.pk])


def test_the_list_shows_a_years_public_sessions_of_the_portal(client, sessions):
    html = client.get(reverse("portal:sessions"), {"nam": 2024}).content.decode()
    assert _link(sessions["regular"]) in html and _link(sessions["commune"]) in html
    for hidden in ("closed", "elsewhere", "earlier"):
        assert _link(sessions[hidden]) not in html
    assert _link(sessions["earlier"]) in client.get(reverse("portal:sessions"), {"nam": 2023}).content.decode()
    assert client.get(reverse("portal:sessions"), {"nam": "abc"}).status_code == 200
    for hidden in ("closed", "elsewhere"):
        assert client.get(_link(sessions[hidden])).status_code == 404


def test_the_calendar_puts_each_session_on_its_days(client, sessions):
    html = client.get(reverse("portal:session_calendar"), {"thang": "2024-07"}).content.decode()
    assert html.count(f'href="{_link(sessions["regular"])}"') == 3 + 1  # 10, 11 and 12 July, and the list below
    assert _link(sessions["commune"]) in html and _link(sessions["closed"]) not in html
    assert "Thứ Hai" in html and "?thang=2024-06" in html and "?thang=2024-08" in html
    assert client.get(reverse("portal:session_calendar"), {"thang": "2024-13"}).status_code == 200


def test_the_detail_shows_the_agenda(client, sessions):
    html = client.get(_link(sessions["regular"])).content.decode()
    assert "Tờ trình về kế hoạch đầu tư công năm 2025" in html
    assert "10/07/2024 – 12/07/2024" in html and "Hội trường Huyện ủy" in html


def test_each_council_has_an_icalendar_feed_of_its_public_sessions(client, sessions, district_council):
    response = client.get(reverse("portal:session_feed", args=[district_council.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    feed = Calendar.from_ical(response.content)
    events = {str(e["uid"]): e for e in feed.walk("VEVENT")}
    regular = events[f"ky-hop-{sessions['regular'].pk}@testserver"]
    assert regular.decoded("dtstart") == datetime.date(2024, 7, 10)
    assert regular.decoded("dtend") == datetime.date(2024, 7, 13)  # the day after the last, as RFC 5545 asks
    assert str(regular["location"]) == "Hội trường Huyện ủy"
    assert str(regular["url"]).endswith(_link(sessions["regular"]))
    assert f"ky-hop-{sessions['closed'].pk}@testserver" not in events
    assert len(events) == 2  # the regular one and the one of 2023; not the closed one
    outsider = sessions["elsewhere"].council
    assert client.get(reverse("portal:session_feed", args=[outsider.pk])).status_code == 404
