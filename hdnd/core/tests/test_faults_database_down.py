"""Fault (issue 9, point 6 b): PostgreSQL stops for 10 s while the app is under load, then starts
again. Meanwhile /readyz answers 503, and so do pages and API calls that need the database (not
500); afterwards the app recovers by itself — the same gunicorn workers, no restart — and every
write it answered 201 for is in the database."""

import datetime
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from hdnd.core.testing.gunicorn import production_server
from hdnd.core.testing.load import PetitionWriter
from hdnd.core.testing.passes import postgresql_pass_only
from hdnd.core.testing.pgcluster import private_cluster

from .test_production import free_port, production_environment

ROOT = Path(__file__).resolve().parents[3]
OUTAGE_SECONDS = 10

SEED = """
import datetime, json
from hdnd.api.factories import token_for
from hdnd.meetings.factories import SessionFactory
session = SessionFactory()
_, key, _ = token_for(session.council, write=True)
print(json.dumps({"key": key, "session": session.pk, "received_on": str(session.planned_start - datetime.timedelta(days=10))}))
"""


def status_of(port, path, host="localhost"):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return "no answer"


class Prober(threading.Thread):
    """Asks /readyz, a portal list and an API list five times a second, noting each status."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.seen, self.stopping = port, [], threading.Event()

    def run(self):
        while not self.stopping.is_set():
            moment = time.monotonic()
            for path in ("/readyz", "/nghi-quyet/", "/api/v1/resolutions"):
                self.seen.append((moment, path, status_of(self.port, path)))
            time.sleep(0.2)


@postgresql_pass_only  # it runs a PostgreSQL of its own, whatever the suite's database: once is enough
def test_the_app_answers_503_while_postgresql_is_down_and_recovers_without_a_restart(collected_static):
    with private_cluster() as postgres:
        postgres.create_database("hdnd")
        port = free_port()
        environment = production_environment(
            DATABASE_URL=postgres.url("hdnd"),
            CACHE_URL="redis://127.0.0.1:6379/12",
            STATIC_ROOT=str(collected_static),
            ALLOWED_HOSTS="localhost,127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            API_RATE_TOKEN="1000000/min",
            API_RATE_ANONYMOUS="1000000/min",
            GUNICORN_BIND=f"127.0.0.1:{port}",
            GUNICORN_WORKERS="2",
            LOG_LEVEL="CRITICAL",
        )
        run = {"cwd": ROOT, "env": environment, "capture_output": True, "text": True, "check": True}
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], **run)
        seeded = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", SEED], **run).stdout
        seeded = json.loads(seeded.strip().splitlines()[-1])
        server = production_server(
            environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while status_of(port, "/readyz") != 200:
                assert time.monotonic() < deadline, "the app did not become ready"
                time.sleep(0.2)
            workers_before = worker_pids(server.pid)
            writer = PetitionWriter(port, "localhost", seeded["key"], marker="Sự cố cơ sở dữ liệu")
            writer.session = seeded["session"]
            writer.received_on = datetime.date.fromisoformat(seeded["received_on"])
            prober = Prober(port)
            writer.start()
            prober.start()
            time.sleep(4)

            postgres.stop()
            down_from = time.monotonic()
            time.sleep(OUTAGE_SECONDS)
            postgres.start()
            up_from = time.monotonic()

            while status_of(port, "/readyz") != 200:
                assert time.monotonic() < up_from + 30, "the app did not recover by itself within 30 s"
                time.sleep(0.2)
            recovered_after = time.monotonic() - up_from
            time.sleep(3)
            writer.stop()
            prober.stopping.set()
            prober.join(30)
            assert worker_pids(server.pid) == workers_before, "gunicorn replaced its workers"
        finally:
            server.terminate()
            server.wait(30)

        def statuses(start, end):
            return {(path, status) for moment, path, status in prober.seen if start < moment < end}

        before = statuses(0, down_from - 1)
        during = statuses(down_from + 1, up_from - 0.5)
        after = statuses(up_from + recovered_after, float("inf"))
        # Before: each address answers as it should (the list of a portal that has no site: 404).
        assert before == {("/readyz", 200), ("/nghi-quyet/", 404), ("/api/v1/resolutions", 200)}
        # While the database is down: 503 wherever it is needed, never a 500.
        assert during == {("/readyz", 503), ("/nghi-quyet/", 503), ("/api/v1/resolutions", 503)}, during
        # Afterwards: every address answers as before, from the same workers.
        assert after == before, after
        assert writer.created
        # Every write the app confirmed is kept, and none it refused was kept.
        kept = postgres.query(
            "SELECT id FROM petitions_voterpetition WHERE text LIKE %s", [writer.marker + "%"], dbname="hdnd"
        )
        assert sorted(row[0] for row in kept) == sorted(writer.created)
        assert all(status == 503 for status, _body in writer.failures if isinstance(status, int)), writer.failures[:3]


def worker_pids(master):
    return sorted(Path(f"/proc/{master}/task/{master}/children").read_text().split())
