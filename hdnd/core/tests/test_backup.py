"""`manage.py backup` and `manage.py restore` (hdnd/core/backup.py), run in their own processes on
real databases: the demo, with files of every kind on S3-compatible storage (moto's server), goes
into one archive and comes back into an empty installation (files in a folder) identical, record
for record and file for file — compared by reading both databases with the driver alone. A damaged
archive, an installation in use and a restore that fails midway change nothing."""

import hashlib
import json
import random
import socket
import zipfile

import pytest
from moto.server import ThreadedMotoServer

from hdnd.core.backup import BackupError, read_archive
from hdnd.core.testing.passes import ON_POSTGRESQL

from .installations import Databases, Installation, database_prefix, s3_client, s3_environment

#: Files of the kinds a storage holds: nested folders, a Vietnamese name, an empty file, and one
#: bigger than the chunks files are copied in.
FILES = {
    "documents/nghi-quyet-15-nq-hdnd.pdf": random.Random(15).randbytes(200_000),
    "original_images/ảnh hội nghị giao ban.jpg": random.Random(22).randbytes(30_000),
    "trong.txt": b"",
    "a/b/c/lon.bin": random.Random(3).randbytes(2_500_000),
}


@pytest.fixture(scope="module")
def object_storage():
    """A real S3 API on loopback: moto's server. Returns a function making a bucket."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()

    def bucket(name):
        environment = s3_environment(f"http://127.0.0.1:{port}", name)
        s3_client(environment).create_bucket(Bucket=name)
        return environment

    yield bucket
    server.stop()


@pytest.fixture(scope="module")
def demo(tmp_path_factory, object_storage):
    """An empty installation (migrated, nothing loaded), and the demo installation made from a copy
    of it by `load_demo`, its files (FILES) in a bucket, backed up into `archive`."""
    folder = tmp_path_factory.mktemp("backup")
    databases = Databases(folder, database_prefix("backup"))
    try:
        empty = Installation(databases.new("empty"), folder / "media-empty")
        empty.manage("migrate", "--no-input")
        source = Installation(
            databases.new("source", template=empty.database_url), folder / "unused", object_storage("hdnd-nguon")
        )
        source.manage("load_demo")
        client = s3_client(source.environment)
        for name, content in FILES.items():
            client.put_object(Bucket="hdnd-nguon", Key=name, Body=content)
        archive = folder / "demo.zip"
        output = source.manage("backup", "--output", str(archive)).stdout
        yield {
            # An empty installation for the restores that must be refused or undone: each leaves it
            # as it found it, which each checks.
            "spare": databases.new("spare", template=empty.database_url),
            "folder": folder,
            "databases": databases,
            "object_storage": object_storage,
            "empty": empty,
            "source": source,
            "archive": archive,
            "output": output,
        }
    finally:
        databases.drop_all()


def manifest_of(archive):
    with zipfile.ZipFile(archive) as zipped:
        return json.loads(zipped.read("manifest.json"))


def compared(fingerprints, manifest):
    """The tables a restore gives back: all but the skipped ones (and the FTS tables behind them)
    and the migration records, compared apart."""
    return {
        table: value
        for table, value in fingerprints.items()
        if table != "django_migrations" and not table.startswith(tuple(manifest["skipped_tables"]))
    }


def test_backup_holds_every_table_and_file_with_their_checksums(demo):
    assert "Đã sao lưu" in demo["output"]
    assert demo["archive"].stat().st_mode & 0o777 == 0o600  # personal data: its owner's eyes only
    with zipfile.ZipFile(demo["archive"]) as zipped:
        sums = dict(reversed(line.split("  ", 1)) for line in zipped.read("SHA256SUMS").decode().splitlines())
        assert set(sums) == set(zipped.namelist()) - {"SHA256SUMS"}
        for member, sha256 in sums.items():
            assert hashlib.sha256(zipped.read(member)).hexdigest() == sha256, member
        manifest = json.loads(zipped.read("manifest.json"))
        assert {name: zipped.read(f"media/{name}") for name in FILES} == FILES

    assert manifest["format"] == "hdnd-backup" and manifest["format_version"] == 1
    assert manifest["database"]["engine"] == ("postgresql" if ON_POSTGRESQL else "sqlite")
    assert {tuple(node.split(".", 1)) for node in manifest["migrations"]} == demo["source"].applied_migrations()
    assert {"django_session", "wagtailsearch_indexentry"} <= set(manifest["skipped_tables"])
    # Every table of the source, with its number of rows as the database counts them.
    source = compared(demo["source"].fingerprints(), manifest)
    assert {entry["name"]: entry["rows"] for entry in manifest["tables"]} == {
        table: rows for table, (rows, _digest) in source.items()
    }
    assert source["councils_council"][0] == 19 and source["resolutions_resolution"][0] > 200
    assert {entry["name"]: (entry["size"], entry["sha256"]) for entry in manifest["files"]} == {
        name: (len(content), hashlib.sha256(content).hexdigest()) for name, content in FILES.items()
    }


def test_restore_gives_back_every_record_and_file(demo):
    databases, source = demo["databases"], demo["source"]
    target = Installation(databases.new("target", template=demo["empty"].database_url), demo["folder"] / "media-target")

    output = target.manage("restore", str(demo["archive"])).stdout

    assert "mọi bảng khớp mã kiểm tra" in output
    manifest = manifest_of(demo["archive"])
    restored, original = compared(target.fingerprints(), manifest), compared(source.fingerprints(), manifest)
    assert restored.keys() == original.keys()
    assert [table for table in original if restored[table] != original[table]] == []
    assert target.applied_migrations() == source.applied_migrations()
    assert target.files() == source.files() == {name: hashlib.sha256(data).hexdigest() for name, data in FILES.items()}
    # On PostgreSQL, numbering goes on after the restored rows: a new row takes the next free key.
    if ON_POSTGRESQL:
        import psycopg

        with psycopg.connect(target.database_url) as connection:
            (highest,) = connection.execute("SELECT max(id) FROM auth_group").fetchone()
            (key,) = connection.execute("INSERT INTO auth_group (name) VALUES ('Nhóm mới') RETURNING id").fetchone()
            assert key > highest
            connection.rollback()


def damaged(archive, folder, member, change):
    """A copy of the archive with one member's bytes changed, the checksums left as they were."""
    copy = folder / f"damaged-{member.replace('/', '-')}.zip"
    with zipfile.ZipFile(archive) as original, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as zipped:
        for info in original.infolist():
            data = original.read(info.filename)
            zipped.writestr(info.filename, change(data) if info.filename == member else data)
    return copy


def test_restore_refuses_a_damaged_archive_and_changes_nothing(demo):
    archive = damaged(
        demo["archive"],
        demo["folder"],
        "database/councils_council.jsonl",
        lambda data: data.replace("Na Rì".encode(), b"Na Ri", 1),
    )
    target = Installation(demo["spare"], demo["folder"] / "media-damaged")
    before = target.fingerprints()

    result = target.manage("restore", str(archive), check=False)

    assert result.returncode != 0
    assert "Bản sao lưu bị hỏng: “database/councils_council.jsonl” không khớp mã kiểm tra SHA-256" in result.stderr
    assert target.fingerprints() == before and target.files() == {}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda path: path.write_bytes(path.read_bytes()[:-4000]), "không phải tệp .zip đọc được"),
        (lambda path: path.write_bytes(b"PK\x05\x06" + bytes(18)), "không phải bản sao lưu của HĐND Số"),
    ],
    ids=["truncated", "not-a-backup"],
)
def test_a_truncated_or_foreign_file_is_not_read_as_a_backup(demo, tmp_path, change, message):
    path = tmp_path / "copy.zip"
    path.write_bytes(demo["archive"].read_bytes())
    change(path)
    with pytest.raises(BackupError, match=message):
        read_archive(path)


def test_an_unknown_format_is_refused(demo):
    def newer(data):
        manifest = json.loads(data)
        manifest["format_version"] = 2
        return json.dumps(manifest).encode()

    archive = damaged(demo["archive"], demo["folder"], "manifest.json", newer)
    resign(archive)
    with pytest.raises(BackupError, match="chỉ đọc được định dạng “hdnd-backup” phiên bản 1"):
        read_archive(archive)


def resign(archive):
    """Rewrites SHA256SUMS to match the members as they now are."""
    with zipfile.ZipFile(archive) as zipped:
        members = {info.filename: zipped.read(info.filename) for info in zipped.infolist()}
    members["SHA256SUMS"] = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in members.items() if name != "SHA256SUMS"
    ).encode()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)


def test_restore_refuses_an_installation_in_use_and_leaves_it_as_it_was(demo):
    source = demo["source"]
    before = source.fingerprints(), source.files()

    result = source.manage("restore", str(demo["archive"]), check=False)

    assert result.returncode != 0
    assert "Cơ sở dữ liệu đích đã có dữ liệu" in result.stderr and "Không có gì bị thay đổi" in result.stderr
    assert (source.fingerprints(), source.files()) == before


def test_restore_refuses_a_storage_holding_another_file_of_the_same_name(demo):
    target = Installation(demo["spare"], demo["folder"] / "media-conflict")
    (target.media_root / "documents").mkdir(parents=True)
    (target.media_root / "documents/nghi-quyet-15-nq-hdnd.pdf").write_bytes(b"another file")
    before = target.fingerprints(), target.files()

    result = target.manage("restore", str(demo["archive"]), check=False)

    assert result.returncode != 0
    assert "Kho tệp tải lên đã có tệp “documents/nghi-quyet-15-nq-hdnd.pdf”" in result.stderr
    assert (target.fingerprints(), target.files()) == before


def test_a_restore_that_fails_midway_keeps_nothing(demo):
    """The manifest promises other content for one table than its lines hold (checksums redone, so
    the archive reads as whole): every row is loaded, the check fails, and it all goes."""

    def wrong(data):
        manifest = json.loads(data)
        entry = next(entry for entry in manifest["tables"] if entry["name"] == "resolutions_resolution")
        entry["sha256"] = "0" * 64
        return json.dumps(manifest).encode()

    archive = damaged(demo["archive"], demo["folder"], "manifest.json", wrong)
    resign(archive)
    target = Installation(
        demo["spare"],
        demo["folder"] / "unused",
        demo["object_storage"]("hdnd-dich"),
    )
    before = target.fingerprints()

    result = target.manage("restore", str(archive), check=False)

    assert result.returncode != 0
    assert "Dữ liệu nạp vào bảng resolutions_resolution không khớp bản sao lưu" in result.stderr
    assert "Đã hủy khôi phục" in result.stderr
    assert target.fingerprints() == before
    assert target.files() == {}  # the files written to the bucket before the rows failed are gone
