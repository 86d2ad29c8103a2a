"""A secretary runs a session from the back office: status, attendance, votes, minutes."""

import io
import subprocess

import docx
import pytest
from django.urls import reverse

from hdnd.conftest import user_with_role
from hdnd.councils.factories import ConstituencyFactory, DelegateFactory, TermFactory
from hdnd.meetings.factories import AgendaItemFactory, SessionFactory
from hdnd.meetings.models import Attendance, Session, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(commune_council):
    term = TermFactory(council=commune_council)
    constituency = ConstituencyFactory(term=term, seats=4)
    for name in ("Bế Văn Một", "Hà Thị Hai", "Lý Văn Ba", "Ma Thị Bốn"):
        DelegateFactory(constituency=constituency, person__full_name=name)
    return SessionFactory(term=term, place="Hội trường xã")


def advance(client, session, times=1):
    for _ in range(times):
        assert client.post(reverse("session:advance", args=[session.pk])).status_code == 302
    session.refresh_from_db()


def test_creating_a_session_numbers_it_and_saves_its_agenda(secretariat_client, commune_council):
    term = TermFactory(council=commune_council)
    data = {
        "council": commune_council.pk,
        "term": term.pk,
        "number": "",
        "kind": "urgent",
        "title": "Kỳ họp giải quyết công việc phát sinh",
        "planned_start": "15/08/2024",
        "place": "Hội trường",
        "is_public": "on",
        "agenda_items-TOTAL_FORMS": "1",
        "agenda_items-INITIAL_FORMS": "0",
        "agenda_items-MIN_NUM_FORMS": "0",
        "agenda_items-MAX_NUM_FORMS": "1000",
        "agenda_items-0-order": "1",
        "agenda_items-0-kind": "resolution",
        "agenda_items-0-title": "Dự thảo nghị quyết điều chỉnh dự toán",
        "agenda_items-0-presenter": "",
        "agenda_items-0-id": "",
        "agenda_items-0-ORDER": "1",
        "agenda_items-0-DELETE": "",
    }
    response = secretariat_client.post(reverse("session:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    session = Session.objects.get()
    assert session.number == 1 and session.kind == "urgent"
    assert list(session.agenda_items.values_list("title", flat=True)) == ["Dự thảo nghị quyết điều chỉnh dự toán"]


def test_session_date_outside_the_term_is_refused_on_the_form(secretariat_client, commune_council):
    term = TermFactory(council=commune_council)
    data = {
        "council": commune_council.pk,
        "term": term.pk,
        "kind": "regular",
        "planned_start": "15/08/2026",
        "agenda_items-TOTAL_FORMS": "0",
        "agenda_items-INITIAL_FORMS": "0",
        "agenda_items-MIN_NUM_FORMS": "0",
        "agenda_items-MAX_NUM_FORMS": "1000",
    }
    response = secretariat_client.post(reverse("session:add"), data)
    assert response.status_code == 200
    assert "phải nằm trong" in response.content.decode()
    assert not Session.objects.exists()


def test_a_secretary_takes_attendance_records_a_vote_and_downloads_the_minutes(secretariat_client, session, tmp_path):
    item = AgendaItemFactory(session=session, order=1, title="Dự thảo nghị quyết về kế hoạch đầu tư công")
    advance(secretariat_client, session, times=2)
    assert session.status == "in_progress"
    delegates = list(session.delegates_in_office().order_by("person__full_name"))
    statuses = {f"delegate-{d.pk}": "present" for d in delegates}
    statuses[f"delegate-{delegates[3].pk}"] = "excused"
    response = secretariat_client.post(reverse("session:attendance", args=[session.pk]), statuses)
    assert response.status_code == 302
    assert Attendance.objects.filter(session=session, status="present").count() == 3

    page = secretariat_client.get(reverse("session:vote", args=[session.pk, item.pk])).content.decode()
    assert delegates[0].person.full_name in page and delegates[3].person.full_name not in page  # absent: no vote
    choices = {f"delegate-{d.pk}": "for" for d in delegates[:3]}
    response = secretariat_client.post(
        reverse("session:vote", args=[session.pk, item.pk]), {"ballot": "open", "majority": "half", **choices}
    )
    assert response.status_code == 302
    vote = Vote.objects.get()
    assert (vote.votes_for, vote.delegates_total, vote.passed) == (3, 4, True)

    advance(secretariat_client, session)
    document = docx.Document(
        io.BytesIO(secretariat_client.get(reverse("session:minutes_docx", args=[session.pk])).content)
    )
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BIÊN BẢN" in text
    assert "có mặt: 3" in text
    assert "Dự thảo nghị quyết về kế hoạch đầu tư công" in text
    pdf = tmp_path / "bb.pdf"
    pdf.write_bytes(secretariat_client.get(reverse("session:minutes_pdf", args=[session.pk])).content)
    assert "BIÊN BẢN" in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_secret_ballot_that_does_not_add_up_is_refused_on_the_screen(secretariat_client, session):
    item = AgendaItemFactory(session=session, order=1)
    advance(secretariat_client, session, times=2)
    delegates = session.delegates_in_office()
    secretariat_client.post(
        reverse("session:attendance", args=[session.pk]), {f"delegate-{d.pk}": "present" for d in delegates}
    )
    response = secretariat_client.post(
        reverse("session:vote", args=[session.pk, item.pk]),
        {"ballot": "secret", "majority": "half", "votes_for": "3", "votes_against": "3", "votes_abstain": "0"},
    )
    assert response.status_code == 200
    assert "không khớp" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_higher_level_reads_but_cannot_run_a_communes_session(client, session, district_council):
    session.council.unit.parent = district_council.unit
    session.council.unit.save()
    client.force_login(user_with_role(district_council))
    assert client.get(reverse("session:edit", args=[session.pk])).status_code == 403
    assert client.get(reverse("session:inspect", args=[session.pk])).status_code == 200
    assert client.post(reverse("session:advance", args=[session.pk])).status_code == 403
    session.refresh_from_db()
    assert session.status == "planned"
