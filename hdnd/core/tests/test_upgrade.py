"""Upgrading from the previous release: its demo database, backed up by `manage.py backup`
(data/backup-release-8.zip, made on SQLite at commit 345f707), is restored into a database with no
tables. `restore` builds the tables as that release had them, loads the rows, then `migrate` brings
them up to this code — on the PostgreSQL run, that is also a move from SQLite to PostgreSQL.
docs/backup.md says how to make the next release's file."""

import json
import zipfile
from pathlib import Path

import pytest

from .installations import Databases, Installation, database_prefix

RELEASE_BACKUP = Path(__file__).parent / "data" / "backup-release-8.zip"
#: Tables `migrate` adds rows to: the content types and permissions of models added since.
GROWN_BY_MIGRATE = {"django_content_type", "auth_permission"}

APP_CHECK = """
import json
from django.test import Client
from hdnd.accounts.models import User
from hdnd.core.health import pending_migrations

client = Client(HTTP_HOST="localhost:8000")
home = client.get("/")
resolutions = client.get("/nghi-quyet/")
search = client.get("/tim-kiem/", {"q": "giao ban"})
client.force_login(User.objects.filter(is_superuser=True).order_by("pk").first())
back_office = client.get("/quan-tri/")
print(json.dumps({
    "pending_migrations": pending_migrations(),
    "home": [home.status_code, "Na Rì" in home.text],
    "resolutions": [resolutions.status_code, "NQ-HĐND" in resolutions.text],
    "search": [search.status_code, "giao ban" in search.text.lower()],
    "back_office": [back_office.status_code],
}))
"""


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("upgrade")
    databases = Databases(folder, database_prefix("upgrade"))
    try:
        installation = Installation(databases.new("release8"), folder / "media")
        output = installation.manage("restore", str(RELEASE_BACKUP)).stdout
        yield installation, output
    finally:
        databases.drop_all()


def test_the_release_backup_is_small_and_from_that_release():
    assert RELEASE_BACKUP.stat().st_size < 2_000_000
    with zipfile.ZipFile(RELEASE_BACKUP) as zipped:
        manifest = json.loads(zipped.read("manifest.json"))
    assert manifest["app"]["git_revision"].startswith("345f707")
    assert manifest["files"] == []  # the demo uploads nothing


def test_every_recorded_row_survives_the_upgrade(upgraded):
    installation, output = upgraded
    assert "Cập nhật cấu trúc dữ liệu lên phiên bản đang cài" in output
    with zipfile.ZipFile(RELEASE_BACKUP) as zipped:
        manifest = json.loads(zipped.read("manifest.json"))
    rows = {table: count for table, (count, _digest) in installation.fingerprints().items()}
    lost = [
        (entry["name"], entry["rows"], rows.get(entry["name"]))
        for entry in manifest["tables"]
        if not (
            rows.get(entry["name"]) == entry["rows"]
            or (entry["name"] in GROWN_BY_MIGRATE and rows[entry["name"]] > entry["rows"])
        )
    ]
    assert lost == []
    assert rows["resolutions_resolution"] > 200 and rows["councils_delegate"] > 400


def test_the_app_works_on_the_upgraded_data(upgraded):
    installation, _output = upgraded
    answers = json.loads(installation.manage("shell", "-c", APP_CHECK).stdout.strip().splitlines()[-1])
    assert answers == {
        "pending_migrations": [],
        "home": [200, True],
        "resolutions": [200, True],
        "search": [200, True],
        "back_office": [200],
    }
