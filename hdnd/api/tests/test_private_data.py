"""Private data never leaves through the public API: over the demo data, with markers planted in
every kind of record that is not public (the reception register, dates of birth, drafts, closed
sessions, unanswered petitions, planned missions, unpublished reception days, a briefing without
a published article, a token's hash), every public endpoint is walked — every list to its last
page, every record's detail, every council's figures and open-data bundle — and the output is
searched for each marker."""

import datetime
import io
import re
import zipfile

import pytest
from django.db import transaction

from hdnd.accounts.models import User
from hdnd.api.factories import token_for
from hdnd.councils.models import Council, Person
from hdnd.demo.loader import load_demo
from hdnd.meetings.models import Session
from hdnd.oversight.models import Mission
from hdnd.petitions.models import VoterPetition
from hdnd.reception.models import Case, ReceptionSchedule
from hdnd.reports.models import Briefing
from hdnd.resolutions.models import Resolution

pytestmark = pytest.mark.django_db

#: Details fetched per kind of record: all of them, but for the ten thousand units of the country.
UNIT_SAMPLE = 300


def _plant(marker_of):
    """Adds one non-public record of each kind to the demo, each carrying a marker."""
    district = Council.objects.get(unit__code="066")
    term = district.terms.get()
    session = Session.objects.public().filter(council=district).first()
    Resolution.objects.create(council=district, term=term, subject=marker_of("dự thảo"), body=marker_of("thân"))
    Session.objects.create(
        council=district,
        term=term,
        number=99,
        planned_start=datetime.date(2024, 11, 5),
        title=marker_of("kỳ họp kín"),
        is_public=False,
    )
    VoterPetition.objects.create(
        council=district,
        session=session,
        received_on=datetime.date(2024, 6, 1),
        text=marker_of("kiến nghị chưa trả lời"),
    )
    Mission.objects.create(
        council=district,
        term=term,
        subject=marker_of("đoàn giám sát dự kiến"),
        planned_start=datetime.date(2024, 11, 1),
    )
    ReceptionSchedule.objects.create(
        council=district, day=datetime.date(2024, 12, 2), place=marker_of("nơi tiếp chưa công bố"), is_published=False
    )
    Briefing.objects.create(
        council=district,
        title=marker_of("giao ban chưa đưa tin"),
        held_on=datetime.date(2024, 10, 30),
        chairs="Chủ trì",
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 10, 30),
    )


@pytest.fixture(scope="module")
def walked(django_db_setup, django_db_blocker):
    """The demo with its private markers, walked once for the module."""
    from django.test import Client

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        planted = []

        def marker_of(what):
            planted.append(f"RIÊNG-TƯ-{len(planted):02d} {what}")
            return planted[-1]

        _plant(marker_of)
        token, _key, _header = token_for(Council.objects.get(unit__code="066"), read_private=True, write=True)
        markers = [
            *planted,
            token.key_hash,
            *Case.objects.values_list("citizen_name", flat=True),
            *Case.objects.exclude(id_document="").values_list("id_document", flat=True),
            *Case.objects.exclude(citizen_address="").values_list("citizen_address", flat=True),
            *(day.isoformat() for day in Person.objects.exclude(birth_date=None).values_list("birth_date", flat=True)),
            *User.objects.exclude(email="").values_list("email", flat=True),
        ]
        output = _walk(Client())
        yield {"markers": sorted(set(markers)), "output": output}
        transaction.set_rollback(True)


def _walk(client):
    """Every public GET of the schema: lists to their last page, details of their records."""
    schema = client.get("/api/v1/openapi.json").json()
    paths = [path for path, operations in schema["paths"].items() if "get" in operations]
    out, ids = {}, {}
    for path in paths:
        if "{" in path:
            continue
        url = f"{path}?limit=100"
        while url:
            response = client.get(url)
            assert response.status_code == 200, (url, response.content[:300])
            data = response.json()
            out[url] = response.content.decode()
            ids.setdefault(path, []).extend(record["id"] for record in data["results"])
            url = data["next"]
    councils = ids["/api/v1/councils"]
    for path in paths:
        if "{" not in path:
            continue
        listing, _, rest = path.partition("/{")
        params = {}
        if path.endswith("/figures"):
            params = {"start": "2024-01-01", "end": "2024-12-31"}
        if path.startswith("/api/v1/export/"):
            for council in Council.objects.filter(unit__code__in=["06", "066"]).values_list("pk", flat=True):
                response = client.get(f"/api/v1/export/{council}.zip")
                assert response.status_code == 200
                archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
                out[f"export {council}"] = "\n".join(archive.read(n).decode("utf-8-sig") for n in archive.namelist())
            continue
        found = ids.get(listing, councils if "council_id" in rest else [])
        assert found, path
        for record in found if listing != "/api/v1/units" else found[:UNIT_SAMPLE]:
            url = re.sub(r"\{\w+\}", str(record), path, count=1)
            response = client.get(url, params)
            assert response.status_code == 200, (url, response.content[:300])
            out[url] = response.content.decode()
    return out


def test_every_public_endpoint_was_walked(walked):
    walked_paths = {re.sub(r"/\d+(?=/|\?|$|\.zip)", "/{id}", url.split("?")[0]) for url in walked["output"]}
    for expected in (
        "/api/v1/resolutions/{id}",
        "/api/v1/sessions/{id}",
        "/api/v1/voter-petitions/{id}",
        "/api/v1/missions/{id}",
        "/api/v1/delegates/{id}",
        "/api/v1/briefings/{id}",
        "/api/v1/councils/{id}/figures",
        "/api/v1/memberships",
    ):
        assert expected in walked_paths
    assert any(key.startswith("export ") for key in walked["output"])
    # The walk reached real records: the seed's briefing and resolutions are there.
    everything = "\n".join(walked["output"].values())
    assert "Hội nghị giao ban giữa Thường trực HĐND huyện" in everything


def test_no_private_marker_appears_in_any_public_response(walked):
    assert len(walked["markers"]) > 40
    leaks = [(marker, url) for url, text in walked["output"].items() for marker in walked["markers"] if marker in text]
    assert leaks == []
