"""Mixed load (issue 9, point 5): the bench script, shorter, against the demo under gunicorn on
PostgreSQL — no failed request, no 5xx, every petition written through the API kept."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from hdnd.core.testing.passes import postgresql_pass_only

from .test_production import free_port

ROOT = Path(__file__).resolve().parents[3]


@postgresql_pass_only  # the load runs on PostgreSQL, as in production
@pytest.mark.django_db
def test_portal_search_and_api_under_load_while_petitions_are_written(collected_static):
    database = connection.settings_dict
    name = f"hdnd_load_{uuid.uuid4().hex[:8]}"
    server = {"host": database["HOST"], "port": database["PORT"], "user": database["USER"]}
    environment = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY"}}
    environment.update(
        DATABASE_URL=f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{name}",
        CACHE_URL="redis://127.0.0.1:6379/11",
        STATIC_ROOT=str(collected_static),
        BENCH_SECONDS="10",
        BENCH_CONNECTIONS="50",
        BENCH_PORT=str(free_port()),
    )
    try:
        result = subprocess.run(
            [sys.executable, "bench/load_mix.py"],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["requests"] > 0 and measured["writes"] > 0
    assert measured["non_success"] == measured["socket_errors"] == 0
    assert measured["write_failures"] == measured["writes_missing"] == 0
    assert measured["writes_held"] == measured["writes"]
