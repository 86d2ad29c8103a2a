"""What the benchmarks share (import it after django.setup()): a database of their own, made when
it is missing, and the 95th percentile of their timings."""

import sys

from django.conf import settings
from django.core.management import call_command


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def create_database_if_missing():
    """On PostgreSQL, creates the database DATABASE_URL names when it does not exist yet."""
    db = settings.DATABASES["default"]
    if "postgresql" not in db["ENGINE"]:
        return
    import psycopg

    params = {"host": db["HOST"] or None, "port": db["PORT"] or None, "user": db["USER"] or None}
    if db["PASSWORD"]:
        params["password"] = db["PASSWORD"]
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{db["NAME"]}"')
            print(f"created database {db['NAME']}")


def ensure_postgresql_database(example_url):
    """Refuses anything but PostgreSQL; creates the database when it is missing, then migrates."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine:
        sys.exit(f"DATABASE_URL must point at PostgreSQL (got {engine}); e.g. {example_url}")
    create_database_if_missing()
    call_command("migrate", verbosity=0)
