"""The open-data bundle: OParl JSON and CSV of every published record of a council and those
beneath it, nothing unpublished, a manifest whose checksums match; built nightly by a command
and served by the API."""

import csv
import datetime
import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import call_command

from hdnd.api.export import storage_name
from hdnd.councils.factories import (
    ConstituencyFactory,
    CouncilFactory,
    DistrictFactory,
    MembershipFactory,
    TermFactory,
)
from hdnd.meetings.factories import SessionFactory
from hdnd.petitions.factories import VoterPetitionFactory
from hdnd.resolutions.factories import ResolutionFactory
from hdnd.resolutions.models import Status

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def district():
    district = CouncilFactory(unit=DistrictFactory())
    commune = CouncilFactory(unit__parent=district.unit)
    for council, subject in ((district, "Về dự toán ngân sách huyện"), (commune, "Về dự toán ngân sách xã")):
        term = TermFactory(council=council)
        session = SessionFactory(term=term, title=f"Kỳ họp của {council.name}")
        ResolutionFactory(
            term=term, subject=subject, status=Status.PUBLISHED, number=1, adopted_on=datetime.date(2024, 7, 12)
        )
        ResolutionFactory(term=term, subject="DỰ THẢO CHƯA CÔNG BỐ")
        SessionFactory(term=term, title="KỲ HỌP KÍN", is_public=False)
        VoterPetitionFactory(session=session, answered=True)
        VoterPetitionFactory(session=session, text="KIẾN NGHỊ CHƯA TRẢ LỜI")
        MembershipFactory(delegate__constituency=ConstituencyFactory(term=term), position="chair")
    CouncilFactory(unit=DistrictFactory(code="997", name="Huyện Khác"))
    return district


def _bundle(client, council):
    response = client.get(f"/api/v1/export/{council.pk}.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_bundle_holds_the_published_records_of_the_council_and_those_beneath(client, district):
    archive = _bundle(client, district)
    papers = json.loads(archive.read("oparl/paper.json"))
    assert sorted(p["name"] for p in papers) == ["Về dự toán ngân sách huyện", "Về dự toán ngân sách xã"]
    assert {p["type"] for p in papers} == {"https://schema.oparl.org/1.1/Paper"}
    assert papers[0]["id"].endswith(f"/api/v1/resolutions/{papers[0]['id'].rsplit('/', 1)[1]}")
    bodies = json.loads(archive.read("oparl/body.json"))
    assert len(bodies) == 2 and bodies[0]["name"] == district.name
    meetings = json.loads(archive.read("oparl/meeting.json"))
    assert len(meetings) == 2 and all(m["type"].endswith("/Meeting") for m in meetings)
    everything = b"".join(archive.read(name) for name in archive.namelist()).decode()
    for private in ("DỰ THẢO CHƯA CÔNG BỐ", "KỲ HỌP KÍN", "KIẾN NGHỊ CHƯA TRẢ LỜI", "Huyện Khác"):
        assert private not in everything


def test_popolo_has_the_people_their_organisations_and_memberships(client, district):
    popolo = json.loads(_bundle(client, district).read("popolo/popolo.json"))
    assert len(popolo["persons"]) == 2
    councils = {o["id"]: o for o in popolo["organizations"] if o["classification"] == "council"}
    commune = next(o for o in councils.values() if o["name"] != district.name)
    assert commune["parent_id"] == f"council-{district.pk}"
    roles = sorted(m["role"] for m in popolo["memberships"])
    assert roles == ["Chủ tịch", "Chủ tịch", "Đại biểu", "Đại biểu"]


def test_csv_tables_open_in_excel_and_count_the_records(client, district):
    archive = _bundle(client, district)
    raw = archive.read("csv/resolutions.csv")
    assert raw.startswith("\ufeff".encode())  # Excel reads the diacritics
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 2 and rows[0]["symbol"] == "01/NQ-HĐND" and rows[0]["in_force"] == "true"
    votes = archive.read("csv/votes.csv").decode("utf-8-sig")
    assert votes.startswith("agenda_item_id,id,subject")  # a table without rows still names its columns


def test_the_manifest_lists_every_file_with_its_checksum(client, district):
    archive = _bundle(client, district)
    manifest = json.loads(archive.read("manifest.json"))
    listed = {entry["path"] for entry in manifest["files"]}
    assert listed == set(archive.namelist()) - {"manifest.json", "SHA256SUMS"}
    for entry in manifest["files"]:
        content = archive.read(entry["path"])
        assert hashlib.sha256(content).hexdigest() == entry["sha256"] and len(content) == entry["bytes"]
    assert next(e for e in manifest["files"] if e["path"] == "csv/resolutions.csv")["records"] == 2
    sums = archive.read("SHA256SUMS").decode().splitlines()
    assert len(sums) == len(manifest["files"]) and sums[0].endswith("  oparl/system.json")
    assert manifest["council"] == {"id": district.pk, "name": district.name, "unit_code": district.unit.code}


def test_the_nightly_command_keeps_a_bundle_the_api_serves(client, district, media):
    call_command("export_open_data", str(district.pk), stdout=io.StringIO())
    kept = media / storage_name(district)
    assert kept.exists()
    ResolutionFactory(
        term=district.terms.get(),
        subject="Về việc sau đêm",
        status=Status.PUBLISHED,
        number=2,
        adopted_on=datetime.date(2024, 8, 1),
    )
    papers = json.loads(_bundle(client, district).read("oparl/paper.json"))
    assert "Về việc sau đêm" not in {p["name"] for p in papers}  # the kept bundle, until the next night


def test_an_unknown_council_is_a_404_and_the_command_says_so(client):
    assert client.get("/api/v1/export/987654.zip").status_code == 404
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không có hội đồng mã số 987654"):
        call_command("export_open_data", "987654")
