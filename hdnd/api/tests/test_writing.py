"""Writes through the API: the same services as the back office, audited under the token's owner;
refused with a Vietnamese message and nothing saved when a rule says no; a token only reaches its
own council."""

import datetime

import pytest
from wagtail.models import ModelLogEntry

from hdnd.accounts.models import Role
from hdnd.api.factories import leader_of, token_for
from hdnd.conftest import user_with_role
from hdnd.councils.factories import CouncilFactory, TermFactory
from hdnd.meetings.factories import SessionFactory
from hdnd.meetings.models import Session
from hdnd.petitions.factories import VoterPetitionFactory
from hdnd.petitions.models import VoterPetition
from hdnd.resolutions.factories import ResolutionFactory
from hdnd.resolutions.models import Resolution, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def term():
    return TermFactory()


@pytest.fixture
def writer(term):
    return token_for(term.council, write=True)


def post(client, url, data, header):
    return client.post(url, data, content_type="application/json", **header)


def patch(client, url, data, header):
    return client.patch(url, data, content_type="application/json", **header)


def test_records_a_session_with_the_next_number_audited_under_the_owner(client, term, writer):
    token, _key, header = writer
    SessionFactory(term=term, number=4)
    response = post(
        client, "/api/v1/sessions", {"term": term.pk, "planned_start": "2024-07-10", "kind": "thematic"}, header
    )
    assert response.status_code == 201, response.content
    session = Session.objects.get(pk=response.json()["id"])
    assert session.number == 5 and session.council == term.council
    entry = ModelLogEntry.objects.get(object_id=str(session.pk), action="hdnd.create")
    assert entry.user == token.owner


def test_changes_a_session_and_records_what_changed(client, term, writer):
    session = SessionFactory(term=term)
    response = patch(client, f"/api/v1/sessions/{session.pk}", {"place": "Hội trường UBND xã"}, writer[2])
    assert response.status_code == 200, response.content
    assert response.json()["place"] == "Hội trường UBND xã"
    entry = ModelLogEntry.objects.filter(object_id=str(session.pk), action="hdnd.edit").get()
    assert entry.data["changes"][0]["new"] == "Hội trường UBND xã"


def test_a_date_outside_the_term_is_refused_and_nothing_is_saved(client, term, writer):
    response = post(client, "/api/v1/sessions", {"term": term.pk, "planned_start": "2019-01-10"}, writer[2])
    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert problem["loc"] == ["body", "planned_start"]
    assert "nhiệm kỳ" in problem["msg"].lower() or "khóa" in problem["msg"].lower()
    assert not Session.objects.exists()


def test_drafts_adopts_and_publishes_a_resolution(client, term, writer):
    header = writer[2]
    response = post(
        client,
        "/api/v1/resolutions",
        {
            "term": term.pk,
            "kind": "normative",
            "field": "budget",
            "subject": "Về việc quy định mức chi hỗ trợ",
            "legal_bases": ["Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;"],
        },
        header,
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert response.json()["status"] == "draft"
    adopted = post(client, f"/api/v1/resolutions/{pk}/adoption", {"adopted_on": "2024-07-12"}, header)
    assert adopted.status_code == 200, adopted.content
    assert adopted.json()["symbol"] == "01/2024/NQ-HĐND"
    again = post(client, f"/api/v1/resolutions/{pk}/adoption", {"adopted_on": "2024-07-12"}, header)
    assert again.status_code == 409
    assert again.json()["detail"] == "Nghị quyết này đã được thông qua với số, ký hiệu 01/2024/NQ-HĐND."
    published = post(client, f"/api/v1/resolutions/{pk}/publication", {}, header)
    assert published.status_code == 200, published.content
    assert Resolution.objects.get(pk=pk).status == Status.PUBLISHED
    assert client.get(f"/api/v1/resolutions/{pk}").status_code == 200


def test_publishing_needs_a_leaders_token(client, term):
    secretary = user_with_role(term.council, Role.SECRETARIAT)
    token, _key, header = token_for(term.council, write=True, owner=leader_of(term.council))
    token.owner = secretary
    token.save()
    resolution = ResolutionFactory(term=term, status=Status.ADOPTED, number=1, adopted_on=datetime.date(2024, 3, 1))
    response = post(client, f"/api/v1/resolutions/{resolution.pk}/publication", {}, header)
    assert response.status_code == 403
    assert Resolution.objects.get(pk=resolution.pk).status == Status.ADOPTED


def test_a_petition_goes_from_received_to_answered(client, term, writer):
    header = writer[2]
    session = SessionFactory(term=term)
    created = post(
        client,
        "/api/v1/voter-petitions",
        {
            "received_on": "2024-06-30",
            "text": "Đề nghị sửa đường liên thôn",
            "area": "Thôn Nà Làng",
            "session": session.pk,
        },
        header,
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    early = post(
        client, f"/api/v1/voter-petitions/{pk}/answer", {"answer": "Đã sửa", "answered_on": "2024-08-01"}, header
    )
    assert early.status_code == 409
    assert early.json()["detail"] == "Hãy ghi nhận bước “Đã phân loại” trước."
    steps = [
        ("classification", {"field": "infrastructure", "competent_level": "district", "competent_body": "UBND huyện"}),
        ("forwarding", {"forwarded_on": "2024-07-05", "deadline": "2024-08-05"}),
        ("answer", {"answer": "UBND huyện đã bố trí kinh phí sửa chữa.", "answered_on": "2024-08-01"}),
    ]
    for step, data in steps:
        response = post(client, f"/api/v1/voter-petitions/{pk}/{step}", data, header)
        assert response.status_code == 200, response.content
    assert VoterPetition.objects.get(pk=pk).status == "answered"
    assert client.get(f"/api/v1/voter-petitions/{pk}").json()["answer"] == "UBND huyện đã bố trí kinh phí sửa chữa."


def test_a_body_that_is_not_an_object_is_refused(client, term, writer):
    session = SessionFactory(term=term)
    response = patch(client, f"/api/v1/sessions/{session.pk}", [None], writer[2])
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Nội dung yêu cầu phải là một đối tượng JSON")


def test_writes_need_a_token_that_writes(client, term):
    anonymous = post(client, "/api/v1/sessions", {"term": term.pk, "planned_start": "2024-07-10"}, {})
    assert anonymous.status_code == 401
    reader = token_for(term.council, read_private=True)[2]
    refused = post(client, "/api/v1/sessions", {"term": term.pk, "planned_start": "2024-07-10"}, reader)
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Mã truy cập này chỉ được đọc")
    assert not Session.objects.exists()


# --- Isolation: a commune's token cannot touch another commune --------------------------------


def test_a_communes_token_cannot_touch_another_commune(client, term, writer):
    other_term = TermFactory(council=CouncilFactory())
    other_session = SessionFactory(term=other_term, place="Nhà văn hóa xã khác")
    other_resolution = ResolutionFactory(term=other_term)
    other_petition = VoterPetitionFactory(session=other_session)
    header = writer[2]

    assert patch(client, f"/api/v1/sessions/{other_session.pk}", {"place": "X"}, header).status_code == 404
    assert patch(client, f"/api/v1/resolutions/{other_resolution.pk}", {"subject": "X"}, header).status_code == 404
    assert (
        post(
            client, f"/api/v1/resolutions/{other_resolution.pk}/adoption", {"adopted_on": "2024-07-12"}, header
        ).status_code
        == 404
    )
    classify = {"field": "other", "competent_level": "commune", "competent_body": "UBND xã"}
    assert (
        post(client, f"/api/v1/voter-petitions/{other_petition.pk}/classification", classify, header).status_code == 404
    )
    into_other_term = post(client, "/api/v1/sessions", {"term": other_term.pk, "planned_start": "2024-07-10"}, header)
    assert into_other_term.status_code == 422
    into_other_session = post(
        client,
        "/api/v1/voter-petitions",
        {"received_on": "2024-06-30", "text": "Kiến nghị", "session": other_session.pk},
        header,
    )
    assert into_other_session.status_code == 422

    other_session.refresh_from_db()
    other_resolution.refresh_from_db()
    other_petition.refresh_from_db()
    assert other_session.place == "Nhà văn hóa xã khác"
    assert other_resolution.status == Status.DRAFT and other_resolution.subject != "X"
    assert other_petition.status == "received"
    assert Session.objects.filter(term=other_term).count() == 1
    assert VoterPetition.objects.filter(council=term.council).count() == 0


def test_a_token_reads_unpublished_records_of_its_own_council_only(client, term):
    own_draft = ResolutionFactory(term=term)
    other_draft = ResolutionFactory(term=TermFactory(council=CouncilFactory()))
    reader = token_for(term.council, read_private=True)[2]
    plain = token_for(term.council)[2]
    listed = {r["id"] for r in client.get("/api/v1/resolutions", **reader).json()["results"]}
    assert listed == {own_draft.pk}
    assert client.get(f"/api/v1/resolutions/{other_draft.pk}", **reader).status_code == 404
    assert client.get("/api/v1/resolutions", **plain).json()["results"] == []
