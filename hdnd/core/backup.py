"""Backup and restore of an installation: its database and its uploaded files in one .zip archive
(`manage.py backup`, `manage.py restore`; docs/backup.md).

The archive does not depend on the database engine: a backup made on SQLite restores on PostgreSQL
and the other way round. Each table is written as JSON lines through the *historical* models of the
migrations the database has applied — so a backup of an older release is read with that release's
table layout — one row a line, in primary-key order, each value in a form both engines give back
alike (datetimes in UTC, decimals as text, binary as base64). The manifest records every table's
row count and the SHA-256 of its lines; restoring loads the rows in one transaction, computes the
same from the database and keeps nothing unless every table matches. Then `migrate` brings the
data of an older release up to the code installed.

Archive layout: `database/<table>.jsonl`, `media/<file name in the storage>`, `manifest.json`, and
`SHA256SUMS` (as `sha256sum` writes it) over every other member.
"""

import base64
import datetime
import hashlib
import io
import itertools
import json
import os
import posixpath
import subprocess
import tomllib
import zipfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.models.functions import Collate
from django.utils import timezone
from django.utils.duration import duration_iso_string

FORMAT = "hdnd-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
CHUNK_ROWS = 2000
CHUNK_BYTES = 1 << 20
#: Apps whose tables hold nothing to keep: they are emptied on restore, not copied.
SKIPPED_APPS = {
    "sessions": "Phiên đăng nhập: tạm thời; sau khi khôi phục mọi người đăng nhập lại.",
    "wagtailsearch": "Chỉ mục tìm kiếm của Wagtail: dựng lại bằng “manage.py update_index” sau khi khôi phục.",
}
#: Tables besides the project's own (hdnd.*) whose rows mean an installation is in use.
USER_CONTENT_TABLES = ("wagtailimages_image", "wagtaildocs_document")


class BackupError(Exception):
    """Why a backup or restore cannot go on, in Vietnamese, for the operator."""


# --- Values ---------------------------------------------------------------------------------------


def _encode(field, value):
    """A database value as JSON that reads back the same on either engine."""
    if value is None or field.get_internal_type() == "JSONField":
        return value  # JSON as JSON, its keys in the order the database gives them
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime):
        return (value.astimezone(datetime.UTC) if timezone.is_aware(value) else value).isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return duration_iso_string(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(value)  # Decimal, UUID: their text is what to_python() reads


def _decode(field, value, connection):
    if value is None:
        return None
    return field.get_db_prep_save(field.to_python(value), connection)


def _line(values, sort_keys=False):
    return (json.dumps(values, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":")) + "\n").encode()


# --- Tables ---------------------------------------------------------------------------------------


def _leaves(graph, nodes):
    """The last migration of each app among `nodes` (a set closed under dependencies)."""
    return sorted(
        node
        for node in nodes
        if not any(child.key in nodes and child.key[0] == node[0] for child in graph.node_map[node].children)
    )


def _historical_models(loader, nodes):
    """({table: model} of the tables to copy, the app registry) as the migrations `nodes` left them."""
    historical = loader.project_state(_leaves(loader.graph, nodes & set(loader.graph.nodes))).apps
    models = {}
    for model in historical.get_models(include_auto_created=True):
        opts = model._meta
        if opts.managed and not opts.proxy and opts.app_label not in SKIPPED_APPS:
            models[opts.db_table] = model
    return dict(sorted(models.items())), historical


def _skipped_tables(historical):
    return {
        model._meta.db_table: SKIPPED_APPS[model._meta.app_label]
        for model in historical.get_models(include_auto_created=True)
        if model._meta.app_label in SKIPPED_APPS and not model._meta.proxy
    }


def _columns(model):
    return [field.column for field in model._meta.local_concrete_fields]


def _dump_table(model, connection, out=None):
    """(rows, SHA-256) of the table's canonical lines, written to `out` when given. Only the table's
    own columns: a page type's table holds its fields, wagtailcore_page the page's."""
    fields = model._meta.local_concrete_fields
    pk = model._meta.pk
    order = pk.attname
    if pk.get_internal_type() in {"CharField", "TextField", "SlugField"}:
        # Text keys in code-point order on both engines, whatever the database's collation.
        order = Collate(pk.attname, "C" if connection.vendor == "postgresql" else "BINARY")
    rows = (
        model._base_manager.using(connection.alias)
        .order_by(order)
        .values_list(*[field.attname for field in fields])
        .iterator(chunk_size=CHUNK_ROWS)
    )
    digest, count = hashlib.sha256(), 0
    for values in rows:
        encoded = [_encode(field, value) for field, value in zip(fields, values, strict=True)]
        # The hash sorts JSON keys (PostgreSQL's jsonb keeps its own order); the file keeps them
        # as they were, so that SQLite gets back its JSON text to the byte.
        digest.update(_line(encoded, sort_keys=True))
        count += 1
        if out is not None:
            out.write(_line(encoded))
    return count, digest.hexdigest()


def _batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _load_table(model, columns, lines, connection):
    by_column = {field.column: field for field in model._meta.local_concrete_fields}
    fields = [by_column[column] for column in columns]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table), ", ".join(map(quote, columns)), ", ".join(["%s"] * len(columns))
    )
    with connection.cursor() as cursor:
        for batch in _batches(lines, CHUNK_ROWS):
            cursor.executemany(
                sql,
                [
                    [_decode(field, value, connection) for field, value in zip(fields, json.loads(line), strict=True)]
                    for line in batch
                ],
            )


def _known_migrations(loader):
    """The code's migrations, with both sides of each squash (a database records both)."""
    squashed = {key for migration in loader.replacements.values() for key in migration.replaces}
    return set(loader.graph.nodes) | set(loader.replacements) | squashed


def applied_migrations(connection):
    """(loader, the applied migrations the code knows, as django_migrations lists them)."""
    loader = MigrationLoader(connection)
    return loader, set(loader.applied_migrations) & _known_migrations(loader)


def database_digests(using=DEFAULT_DB_ALIAS):
    """{table: {"rows", "sha256"}} of the database as it stands, computed as a backup does."""
    connection = connections[using]
    loader, nodes = applied_migrations(connection)
    models, _historical = _historical_models(loader, nodes)
    with transaction.atomic(using=using):
        return {
            table: dict(zip(("rows", "sha256"), _dump_table(model, connection), strict=True))
            for table, model in models.items()
        }


# --- Files ----------------------------------------------------------------------------------------


def _storage_files(storage, directory=""):
    """Every file name in the storage, through its API (a bucket has no directories to walk)."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # a file system storage whose folder was never made
        return
    for name in sorted(files):
        yield posixpath.join(directory, name)
    for name in sorted(directories):
        yield from _storage_files(storage, posixpath.join(directory, name))


class _HashingWriter:
    def __init__(self, target):
        self.target, self.digest = target, hashlib.sha256()

    def write(self, data):
        self.digest.update(data)
        self.target.write(data)


def _copy(source, target):
    """Copies in chunks; returns (size, SHA-256)."""
    digest, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK_BYTES):
        digest.update(chunk)
        size += len(chunk)
        if target is not None:
            target.write(chunk)
    return size, digest.hexdigest()


# --- Backup ---------------------------------------------------------------------------------------


def default_path():
    return Path(settings.BASE_DIR) / "var" / "backups" / f"hdnd-{timezone.localtime():%Y%m%d-%H%M%S}.zip"


def _app_release():
    try:
        version = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        version = None
    try:
        revision = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        revision = ""
    return {"version": version, "git_revision": revision or None}


def backup(path, *, using=DEFAULT_DB_ALIAS, storage=None, log=lambda text: None):
    """Writes the archive to `path` (first as `path.part`, renamed once complete); returns its manifest."""
    storage = storage or default_storage
    connection = connections[using]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    sums = {}
    outermost = not connection.in_atomic_block
    try:
        # Readable by its owner only: it holds personal data (the reception register) and password hashes.
        partial.touch(mode=0o600)
        partial.chmod(0o600)
        with (
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive,
            transaction.atomic(using=using),
        ):
            if outermost and connection.vendor == "postgresql":
                # One snapshot for every table, whatever is written meanwhile.
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            if "django_migrations" not in connection.introspection.table_names():
                raise BackupError(
                    "Cơ sở dữ liệu chưa được khởi tạo (chưa chạy “manage.py migrate”): không có gì để sao lưu."
                )
            loader, nodes = applied_migrations(connection)
            models, historical = _historical_models(loader, nodes)
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": timezone.now().astimezone(datetime.UTC).isoformat(timespec="seconds"),
                "app": _app_release(),
                "database": {"engine": connection.vendor},
                "migrations": [f"{app}.{name}" for app, name in sorted(nodes)],
                "tables": [],
                "skipped_tables": _skipped_tables(historical),
                "files": [],
            }
            log(f"Sao lưu {len(models)} bảng…")
            for table, model in models.items():
                member = f"database/{table}.jsonl"
                with archive.open(member, "w", force_zip64=True) as out:
                    out = _HashingWriter(out)
                    rows, sha256 = _dump_table(model, connection, out)
                manifest["tables"].append({"name": table, "columns": _columns(model), "rows": rows, "sha256": sha256})
                sums[member] = out.digest.hexdigest()
            log("Sao lưu các tệp tải lên…")
            for name in _storage_files(storage):
                member = f"media/{name}"
                try:
                    source = storage.open(name, "rb")
                except FileNotFoundError:
                    log(f"Tệp “{name}” vừa bị xóa trong lúc sao lưu: bỏ qua.")
                    continue
                with source, archive.open(member, "w", force_zip64=True) as out:
                    size, sha256 = _copy(source, out)
                manifest["files"].append({"name": name, "size": size, "sha256": sha256})
                sums[member] = sha256
            manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            archive.writestr(MANIFEST, manifest_bytes)
            sums[MANIFEST] = hashlib.sha256(manifest_bytes).hexdigest()
            archive.writestr(SUMS, "".join(f"{sha256}  {member}\n" for member, sha256 in sums.items()))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


# --- Restore --------------------------------------------------------------------------------------


def read_archive(path):
    """(open ZipFile, manifest) once every member matches SHA256SUMS; BackupError otherwise."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise BackupError(f"Không tìm thấy tệp sao lưu {path}.") from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"Tệp {path} không phải tệp .zip đọc được (có thể đã hỏng hoặc chưa chép xong).") from exc
    try:
        return archive, _verified_manifest(archive, path)
    except (zipfile.BadZipFile, OSError, EOFError, UnicodeDecodeError, ValueError, KeyError) as exc:
        archive.close()
        raise BackupError(f"Bản sao lưu bị hỏng, không đọc được: {exc}.") from exc
    except BaseException:
        archive.close()
        raise


def _verified_manifest(archive, path):
    members = set(archive.namelist())
    if SUMS not in members or MANIFEST not in members:
        raise BackupError(f"Tệp {path} không phải bản sao lưu của HĐND Số: thiếu {MANIFEST} hoặc {SUMS}.")
    sums = {}
    for line in archive.read(SUMS).decode().splitlines():
        sha256, _, member = line.partition("  ")
        sums[member] = sha256
    if set(sums) != members - {SUMS}:
        odd = sorted(set(sums) ^ (members - {SUMS}))
        raise BackupError(f"Bản sao lưu bị hỏng: danh sách tệp bên trong không khớp {SUMS} ({odd[0]}).")
    for member, sha256 in sums.items():
        with archive.open(member) as source:
            if _copy(source, None)[1] != sha256:
                raise BackupError(f"Bản sao lưu bị hỏng: “{member}” không khớp mã kiểm tra SHA-256 trong {SUMS}.")
    manifest = json.loads(archive.read(MANIFEST))
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"Bản sao lưu có định dạng “{manifest.get('format')}” phiên bản {manifest.get('format_version')}; "
            f"phiên bản HĐND Số này chỉ đọc được định dạng “{FORMAT}” phiên bản {FORMAT_VERSION}."
        )
    for entry in manifest["tables"]:
        if f"database/{entry['name']}.jsonl" not in sums:
            raise BackupError(f"Bản sao lưu bị hỏng: thiếu dữ liệu của bảng {entry['name']}.")
    for entry in manifest["files"]:
        name = entry["name"]
        if name.startswith("/") or ".." in name.split("/") or sums.get(f"media/{name}") != entry["sha256"]:
            raise BackupError(f"Bản sao lưu bị hỏng: tệp “{name}” trong {MANIFEST} không hợp lệ.")
    return manifest


def _check_target(connection, loader, recorded, storage, files):
    """Refuses unless the database and the storage are those of an empty installation. Returns
    the archive's files the storage already holds, byte for byte (a restore that stopped midway)."""
    unknown = sorted(recorded - _known_migrations(loader))
    if unknown:
        raise BackupError(
            f"Bản sao lưu được tạo bởi phiên bản HĐND Số mới hơn phiên bản đang cài (có bản cập nhật cấu trúc dữ liệu "
            f"{unknown[0][0]}.{unknown[0][1]} chưa có ở đây). Hãy cài phiên bản mới hơn rồi khôi phục."
        )
    newer = sorted(set(loader.applied_migrations) - recorded)
    if newer:
        raise BackupError(
            "Cơ sở dữ liệu đích đã được cập nhật cấu trúc mới hơn bản sao lưu "
            f"({newer[0][0]}.{newer[0][1]}…). Hãy khôi phục vào một cơ sở dữ liệu mới tạo, chưa có bảng nào: "
            "lệnh restore tự tạo cấu trúc theo bản sao lưu rồi cập nhật lên phiên bản đang cài."
        )
    existing = set(connection.introspection.table_names())
    tables = [m._meta.db_table for m in apps.get_models() if m.__module__.startswith("hdnd.")] + list(
        USER_CONTENT_TABLES
    )
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in sorted(set(tables) & existing):
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
            if cursor.fetchone():
                raise BackupError(
                    f"Cơ sở dữ liệu đích đã có dữ liệu (bảng {table} không trống). Chỉ khôi phục vào một bản cài đặt "
                    "trống: tạo cơ sở dữ liệu mới rồi chạy lại lệnh. Không có gì bị thay đổi."
                )
    present = set()
    for entry in files:
        if storage.exists(entry["name"]):
            with storage.open(entry["name"], "rb") as source:
                if _copy(source, None)[1] != entry["sha256"]:
                    raise BackupError(
                        f"Kho tệp tải lên đã có tệp “{entry['name']}” khác với tệp cùng tên trong bản sao lưu. "
                        "Hãy dùng một kho tệp trống rồi chạy lại lệnh. Không có gì bị thay đổi."
                    )
            present.add(entry["name"])
    return present


def _write_files(archive, files, present, storage, written):
    """Writes the files the storage lacks, noting each in `written` before it starts, so that a
    failure takes away even a file left half written."""
    for entry in files:
        name = entry["name"]
        if name in present:
            continue
        written.append(name)
        with archive.open(f"media/{name}") as source:
            content = File(source, name=posixpath.basename(name))
            content.size = entry["size"]  # else File would read the member through to learn it
            saved = storage.save(name, content)
        if saved != name:
            written.append(saved)
        if saved != name or storage.size(saved) != entry["size"]:
            raise BackupError(f"Không ghi được tệp “{name}” vào kho tệp tải lên như trong bản sao lưu.")


def _load_database(archive, manifest, models, connection):
    """Empties the installation's tables and loads the archive's; in the caller's transaction."""
    missing = sorted({entry["name"] for entry in manifest["tables"]} ^ set(models))
    if missing:
        raise BackupError(
            f"Bảng {missing[0]} có trong bản sao lưu hoặc trong cấu trúc dữ liệu nhưng không có ở bên kia."
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # references are checked at commit
    existing = set(connection.introspection.table_names())
    flushed = sorted(set(models) | (set(manifest["skipped_tables"]) & existing))
    with connection.cursor() as cursor:
        for sql in connection.ops.sql_flush(no_style(), flushed, reset_sequences=True, allow_cascade=True):
            cursor.execute(sql)
    for entry in manifest["tables"]:
        model = models[entry["name"]]
        if _columns(model) != entry["columns"]:
            raise BackupError(
                f"Các cột của bảng {entry['name']} trong bản sao lưu khác với cấu trúc dữ liệu tương ứng."
            )
        with archive.open(f"database/{entry['name']}.jsonl") as member:
            _load_table(model, entry["columns"], io.TextIOWrapper(member, encoding="utf-8"), connection)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models.values())):
            cursor.execute(sql)
    for entry in manifest["tables"]:
        rows, sha256 = _dump_table(models[entry["name"]], connection)
        if (rows, sha256) != (entry["rows"], entry["sha256"]):
            raise BackupError(
                f"Dữ liệu nạp vào bảng {entry['name']} không khớp bản sao lưu ({rows} dòng, bản sao lưu có "
                f"{entry['rows']} dòng hoặc nội dung khác)."
            )


def restore(path, *, using=DEFAULT_DB_ALIAS, storage=None, log=lambda text: None):
    """Restores the archive into an empty installation, then migrates it to the code installed."""
    storage = storage or default_storage
    connection = connections[using]
    archive, manifest = read_archive(path)
    with archive:
        log(
            f"Bản sao lưu hợp lệ: tạo lúc {manifest['created_at']} trên {manifest['database']['engine']}, "
            f"{len(manifest['tables'])} bảng, {len(manifest['files'])} tệp."
        )
        executor = MigrationExecutor(connection)
        recorded = {tuple(node.split(".", 1)) for node in manifest["migrations"]}
        present = _check_target(connection, executor.loader, recorded, storage, manifest["files"])

        targets = _leaves(executor.loader.graph, recorded & set(executor.loader.graph.nodes))
        plan = executor.migration_plan(targets)
        if plan:
            log(f"Tạo cấu trúc dữ liệu như lúc sao lưu ({len(plan)} bản cập nhật)…")
            executor.migrate(targets, plan=plan)
        models, _historical = _historical_models(executor.loader, recorded)

        written = []
        try:
            log(f"Ghi {len(manifest['files']) - len(present)} tệp tải lên…")
            _write_files(archive, manifest["files"], present, storage, written)
            log(f"Nạp {len(models)} bảng…")
            with transaction.atomic(using=using):
                _load_database(archive, manifest, models, connection)
        except BaseException as exc:
            for name in written:
                storage.delete(name)  # no error when it is not there
            if isinstance(exc, BackupError | DatabaseError):
                cause = exc if isinstance(exc, BackupError) else f"Không nạp được dữ liệu: {exc}."
                raise BackupError(
                    f"{cause} Đã hủy khôi phục: cơ sở dữ liệu vẫn trống, các tệp vừa ghi đã được xóa."
                ) from exc
            raise

    log("Cập nhật cấu trúc dữ liệu lên phiên bản đang cài…")
    call_command("migrate", database=using, interactive=False, verbosity=0)
    log("Dựng lại chỉ mục tìm kiếm…")
    call_command("update_index", verbosity=0)
    # Pages and lookups cached by whatever ran here before would outlive the records they came from.
    for cache in caches.all():
        cache.clear()
    return manifest
