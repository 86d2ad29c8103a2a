"""The public read endpoints: published records only, the portal's filters, stable cursor pages
in a constant number of queries, ISO dates and NFC text, and Vietnamese errors."""

import datetime
import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hdnd.councils.factories import CouncilFactory, DistrictFactory, TermFactory
from hdnd.meetings.factories import SessionFactory
from hdnd.oversight.factories import MissionFactory, RecommendationFactory
from hdnd.petitions.factories import VoterPetitionFactory
from hdnd.resolutions.factories import ResolutionFactory
from hdnd.resolutions.models import RelationKind, ResolutionRelation, Status

pytestmark = pytest.mark.django_db

ADOPTED = datetime.date(2024, 3, 15)


def published(**fields):
    fields.setdefault("adopted_on", ADOPTED)
    fields.setdefault("number", ResolutionFactory._meta.model.objects.count() + 1)
    return ResolutionFactory(status=Status.PUBLISHED, **fields)


def results(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_lists_only_published_resolutions(client):
    term = TermFactory()
    shown = published(term=term)
    ResolutionFactory(term=term)  # a draft
    ResolutionFactory(term=term, status=Status.ADOPTED, number=9, adopted_on=ADOPTED)
    data = results(client, "/api/v1/resolutions")
    assert [r["id"] for r in data["results"]] == [shown.pk]
    assert data["next"] is None


def test_a_draft_is_not_found_by_its_id(client):
    draft = ResolutionFactory()
    response = client.get(f"/api/v1/resolutions/{draft.pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Không có hồ sơ đã công bố nào như vậy."}


def test_resolution_detail_has_vote_relations_and_text(client):
    term = TermFactory()
    old = published(term=term, subject="Về việc quy định mức chi cũ")
    new = published(term=term, subject="Về việc quy định mức chi mới", effective_date=datetime.date(2024, 4, 1))
    ResolutionRelation.objects.create(source=new, target=old, kind=RelationKind.REPLACES)
    data = results(client, f"/api/v1/resolutions/{old.pk}")
    assert data["in_force"] is False
    assert data["affected_by"] == [
        {
            "kind": "replaces",
            "kind_label": "Thay thế",
            "resolution_id": new.pk,
            "symbol": new.symbol,
            "subject": "Về việc quy định mức chi mới",
        }
    ]
    assert data["legal_bases"] == ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"]
    assert data["adopted_on"] == "2024-03-15"
    assert results(client, f"/api/v1/resolutions/{new.pk}")["relations"][0]["resolution_id"] == old.pk


def test_filters_match_the_portals(client):
    district = CouncilFactory(unit=DistrictFactory())
    commune = CouncilFactory(unit__parent=district.unit)
    elsewhere = CouncilFactory(unit=DistrictFactory(code="997", name="Huyện Khác"))
    on_district = published(term=TermFactory(council=district), field="land", subject="Về giá đất")
    on_commune = published(term=TermFactory(council=commune), field="budget", subject="Về dự toán ngân sách xã")
    published(term=TermFactory(council=elsewhere), field="budget")

    def ids(**params):
        return {r["id"] for r in results(client, "/api/v1/resolutions", **params)["results"]}

    assert ids(council=district.pk) == {on_district.pk}
    assert ids(council=district.pk, beneath="true") == {on_district.pk, on_commune.pk}
    assert ids(council=district.pk, beneath="true", field="budget") == {on_commune.pk}
    assert ids(q="ngan sach xa") == {on_commune.pk}
    assert ids(q="GIÁ ĐẤT") == {on_district.pk}
    assert ids(start="2024-03-16") == set()
    assert ids(year=2024, kind="individual", force="in_force", council=commune.pk) == {on_commune.pk}


def test_a_bad_filter_says_what_to_fix_in_vietnamese(client):
    response = client.get("/api/v1/resolutions", {"kind": "thuong", "start": "15/03/2024", "council": "a"})
    assert response.status_code == 422
    messages = {tuple(p["loc"]): p["msg"] for p in response.json()["detail"]}
    assert messages[("query", "start")] == "Hãy ghi ngày theo dạng YYYY-MM-DD (ISO 8601)."
    assert messages[("query", "council")] == "Hãy ghi một số nguyên."
    assert messages[("query", "kind")].startswith("Hãy chọn một trong:")


def walk(client, url, **header):
    """Every record's id, following `next` to the last page; and the number of pages."""
    seen, pages = [], 0
    while url:
        data = client.get(url, **header).json()
        seen += [r["id"] for r in data["results"]]
        url, pages = data["next"], pages + 1
    return seen, pages


def test_resolutions_come_newest_first_page_after_page(client):
    term = TermFactory()
    days = [ADOPTED + datetime.timedelta(days=n // 2) for n in range(7)]  # two a day: the id decides
    made = [published(term=term, adopted_on=day).pk for day in days]
    seen, pages = walk(client, "/api/v1/resolutions?limit=3")
    assert seen == sorted(made, key=lambda pk: (days[made.index(pk)], pk), reverse=True)
    assert pages == 3


def test_a_token_that_reads_drafts_gets_them_first_then_every_dated_one(client):
    from hdnd.api.factories import token_for

    term = TermFactory()
    drafts = [ResolutionFactory(term=term).pk for _ in range(4)]
    dated = [published(term=term).pk for _ in range(3)]
    header = token_for(term.council, read_private=True)[2]
    seen, _pages = walk(client, "/api/v1/resolutions?limit=3", **header)
    assert seen == sorted(drafts, reverse=True) + sorted(dated, reverse=True)


def test_other_lists_page_in_the_order_recorded_and_nothing_repeats(client):
    term = TermFactory()
    made = [SessionFactory(term=term).pk for _ in range(7)]
    seen, url, pages = [], "/api/v1/sessions?limit=3", 0
    while url:
        data = client.get(url).json()
        seen += [s["id"] for s in data["results"]]
        if pages == 0:
            made.append(SessionFactory(term=term).pk)  # recorded while a client pages: it comes at the end
        url, pages = data["next"], pages + 1
    assert seen == made and pages == 3


def test_any_cursor_the_schema_allows_is_answered(client):
    published()
    for cursor in (0, 1, 10**12 - 1, 739000 * 10**12 + 5, 3652059 * 10**12 + 10**12 - 1):
        assert client.get("/api/v1/resolutions", {"cursor": cursor}).status_code == 200
    assert client.get("/api/v1/resolutions", {"cursor": -1}).status_code == 422


def test_every_page_costs_the_same_number_of_queries(client):
    term = TermFactory()
    for n in range(9):
        published(term=term, adopted_on=ADOPTED + datetime.timedelta(days=n % 4))
    client.get("/api/v1/resolutions")  # the process's first request loads its sites
    costs = []
    url = "/api/v1/resolutions?limit=3"
    while url:
        with CaptureQueriesContext(connection) as queries:
            data = client.get(url).json()
        costs.append(len(queries))
        url = data["next"]
    assert len(costs) == 3 and len(set(costs)) == 1 and costs[0] <= 2


def test_etag_and_last_modified_give_304(client):
    resolution = published()
    first = client.get(f"/api/v1/resolutions/{resolution.pk}")
    assert first["Last-Modified"] and first["ETag"]
    again = client.get(f"/api/v1/resolutions/{resolution.pk}", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get(f"/api/v1/resolutions/{resolution.pk}", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    listing = client.get("/api/v1/resolutions")
    assert client.get("/api/v1/resolutions", HTTP_IF_NONE_MATCH=listing["ETag"]).status_code == 304


def test_text_comes_out_in_nfc(client):
    resolution = published(subject=unicodedata.normalize("NFD", "Về việc hỗ trợ thủy lợi"))
    body = client.get(f"/api/v1/resolutions/{resolution.pk}").content.decode()
    assert "Về việc hỗ trợ thủy lợi" in body
    assert unicodedata.normalize("NFC", body) == body


def test_sessions_only_public_with_agenda(client):
    shown = SessionFactory(title="Kỳ họp thứ Mười tám")
    SessionFactory(title="Kỳ họp kín", is_public=False)
    data = results(client, "/api/v1/sessions")
    assert [s["id"] for s in data["results"]] == [shown.pk]
    assert results(client, f"/api/v1/sessions/{shown.pk}")["agenda"] == []


def test_petitions_only_answered_and_without_names(client):
    answered = VoterPetitionFactory(answered=True)
    VoterPetitionFactory()  # received, not answered
    data = results(client, "/api/v1/voter-petitions")
    assert [p["id"] for p in data["results"]] == [answered.pk]
    assert data["results"][0]["answer"]


def test_missions_once_decided_with_recommendations(client):
    planned = MissionFactory(status="planned")
    decided = MissionFactory(status="decided", decision_number="12/QĐ-HĐND", decision_date=datetime.date(2024, 3, 1))
    RecommendationFactory(mission=decided, council=decided.council)
    assert [m["id"] for m in results(client, "/api/v1/missions")["results"]] == [decided.pk]
    assert len(results(client, f"/api/v1/missions/{decided.pk}")["recommendations"]) == 1
    assert client.get(f"/api/v1/missions/{planned.pk}").status_code == 404


def test_units_carry_their_lineage(client):
    from hdnd.councils.models import UnitSuccession

    old = DistrictFactory()
    new = DistrictFactory(code="998", name="Huyện Mới", valid_from=datetime.date(2025, 7, 1), valid_to=None)
    UnitSuccession.objects.create(predecessor=old, successor=new)
    data = results(client, f"/api/v1/units/{new.pk}")
    assert data["predecessor_ids"] == [old.pk]
    assert results(client, f"/api/v1/units/{old.pk}")["successor_ids"] == [new.pk]
    on_2024 = results(client, "/api/v1/units", on="2024-01-01", level="district")["results"]
    assert [u["id"] for u in on_2024] == [old.pk]


def test_openapi_documents_every_error_and_docs_are_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            assert {"401", "404", "422", "429"} <= statuses, (method, path)
            if method in ("post", "patch"):
                assert {"400", "403", "409"} <= statuses, (method, path)
    assert client.get("/api/v1/docs").status_code == 200


def test_councils_with_those_beneath_them(client):
    district = CouncilFactory(unit=DistrictFactory())
    commune = CouncilFactory(unit__parent=district.unit)
    CouncilFactory(unit=DistrictFactory(code="997", name="Huyện Khác"))

    def ids(**params):
        return {c["id"] for c in results(client, "/api/v1/councils", **params)["results"]}

    assert ids(council=district.pk) == {district.pk}
    assert ids(council=district.pk, beneath="true") == {district.pk, commune.pk}
    detail = results(client, f"/api/v1/councils/{commune.pk}")
    assert detail["parent_council_id"] == district.pk and detail["unit"]["level"] == "commune"
