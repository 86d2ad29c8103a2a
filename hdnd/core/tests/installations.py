"""Whole installations for the backup tests: a database of their own (a SQLite file, or a PostgreSQL
database made and dropped here when the suite runs on PostgreSQL), a media folder, and
`manage.py` run in a separate process against them, as an operator runs it. What a database
holds is read with the driver alone (sqlite3, psycopg), not through the code under test."""

import hashlib
import os
import shutil
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from hdnd.core.testing.passes import ON_POSTGRESQL

ROOT = Path(__file__).resolve().parents[3]
SERVER_URL = os.environ.get("DATABASE_URL", "")


@dataclass
class Installation:
    database_url: str
    media_root: Path
    environment: dict = field(default_factory=dict)

    def manage(self, *args, check=True):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.media_root),
            "PYTHONUNBUFFERED": "1",
            **self.environment,
        }
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
        )
        if check and result.returncode:
            raise AssertionError(f"manage.py {' '.join(args)} → {result.returncode}\n{result.stdout}\n{result.stderr}")
        return result

    def fingerprints(self):
        return table_fingerprints(self.database_url)

    def files(self):
        """{name: SHA-256} of the uploaded files: in its bucket when it has one, else its folder."""
        if "S3_BUCKET" in self.environment:
            return bucket_files(self.environment)
        return folder_files(self.media_root)

    def applied_migrations(self):
        return set(query(self.database_url, "SELECT app, name FROM django_migrations"))


class Databases:
    """Makes databases of the engine the suite runs on, and drops them at the end."""

    def __init__(self, folder, prefix):
        self.folder, self.prefix, self.made = Path(folder), prefix, []

    def new(self, name, template=None):
        """A database with no tables, or a copy of `template` (an Installation's database URL)."""
        if not ON_POSTGRESQL:
            path = self.folder / f"{name}.sqlite3"
            if template:
                shutil.copyfile(urlsplit(template).path, path)
            return f"sqlite:///{path}"
        database = f"{self.prefix}_{name}"
        clause = f' TEMPLATE "{urlsplit(template).path.lstrip("/")}"' if template else ""
        self._server(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)', f'CREATE DATABASE "{database}"{clause}')
        self.made.append(database)
        return _with_database(SERVER_URL, database)

    def drop_all(self):
        if self.made:
            self._server(*(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)' for database in self.made))

    def _server(self, *statements):
        import psycopg

        with psycopg.connect(_with_database(SERVER_URL, "postgres"), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)


def database_prefix(suffix):
    """Names next to the suite's own database, so that two runs on one server do not collide."""
    name = urlsplit(SERVER_URL).path.lstrip("/") or "hdnd"
    return f"{name}_{suffix}"


def _with_database(url, database):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


def _rows_digest(rows):
    rows = sorted(repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)) for row in rows)
    return len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()


def table_fingerprints(database_url):
    """{table: (rows, SHA-256 of its sorted rows)} of every table, read with the driver alone."""
    if database_url.startswith("sqlite"):
        import sqlite3

        path = urlsplit(database_url).path
        if not Path(path).exists():
            return {}
        with closing(sqlite3.connect(path)) as connection:
            tables = [
                name
                for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if not name.startswith("sqlite_")
            ]
            return {table: _rows_digest(connection.execute(f'SELECT * FROM "{table}"')) for table in tables}
    import psycopg

    with psycopg.connect(database_url) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
        ]
        return {table: _rows_digest(connection.execute(f'SELECT * FROM "{table}"').fetchall()) for table in tables}


def query(database_url, sql):
    if database_url.startswith("sqlite"):
        import sqlite3

        with closing(sqlite3.connect(urlsplit(database_url).path)) as connection:
            return connection.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(database_url) as connection:
        return connection.execute(sql).fetchall()


def s3_environment(endpoint, bucket):
    return {"S3_BUCKET": bucket, "S3_ENDPOINT_URL": endpoint, "S3_ACCESS_KEY": "hdnd", "S3_SECRET_KEY": "bi-mat"}


def s3_client(environment):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=environment["S3_ENDPOINT_URL"],
        aws_access_key_id=environment["S3_ACCESS_KEY"],
        aws_secret_access_key=environment["S3_SECRET_KEY"],
        region_name="us-east-1",
    )


def bucket_files(environment):
    client, bucket = s3_client(environment), environment["S3_BUCKET"]
    keys = [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]
    return {key: hashlib.sha256(client.get_object(Bucket=bucket, Key=key)["Body"].read()).hexdigest() for key in keys}


def folder_files(folder):
    """{relative name: SHA-256} of every file under the folder."""
    folder = Path(folder)
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
