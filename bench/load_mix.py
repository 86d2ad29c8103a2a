"""Mixed load on the demo under gunicorn (issue 9, point 5): wrk at 100 connections for 60 s over
portal pages, search results and API answers, while a writer records voter petitions through the
API. Passes when no request failed, none answered 5xx (or any status but 2xx/3xx), and every
petition the API said it recorded is in the database afterwards.

    .venv/bin/python bench/load_mix.py          # postgresql://…/hdnd_bench_load, redis://…/6
    BENCH_SECONDS=10 BENCH_CONNECTIONS=50 .venv/bin/python bench/load_mix.py

Production settings, the portal's page cache in Redis; the API's anonymous rate limit is lifted
(API_RATE_ANONYMOUS) since all of wrk's connections come from one address. The first run loads the
demo into the database. The last line printed is the result as JSON (hdnd/core/tests/test_load.py
reads it); the exit status is 1 when the run did not pass.
"""

import datetime
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "100"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
THREADS = os.environ.get("BENCH_THREADS", "8")
PORT = int(os.environ.get("BENCH_PORT", "8111"))
HOST = f"localhost:{PORT}"

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,.localhost")
os.environ.setdefault("STATIC_ROOT", str(ROOT / "var" / "bench-static"))
os.environ.setdefault("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/hdnd_bench_load")
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/6")
os.environ["API_RATE_ANONYMOUS"] = os.environ["API_RATE_TOKEN"] = "100000000/min"
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
if not shutil.which("wrk"):
    sys.exit("wrk is missing: apt-get install -y wrk")

sys.path.insert(0, str(ROOT))
import django  # noqa: E402

django.setup()

from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402

from bench.benchtools import create_database_if_missing  # noqa: E402
from hdnd.accounts.models import CouncilRole, Role  # noqa: E402
from hdnd.api.services import api_token_create  # noqa: E402
from hdnd.core.testing.gunicorn import production_server  # noqa: E402
from hdnd.core.testing.load import PetitionWriter, percentile, read_targets, writes_missing, wrk  # noqa: E402
from hdnd.councils.models import Council  # noqa: E402
from hdnd.meetings.models import Session  # noqa: E402


def demo_loaded():
    """The demo in the database, and the static files collected, as a production deployment has them."""
    if not (Path(os.environ["STATIC_ROOT"]) / "staticfiles.json").exists():
        print("collecting the static files…", flush=True)
        call_command("collectstatic", interactive=False, verbosity=0)
    create_database_if_missing()
    call_command("migrate", verbosity=0)
    if not Council.objects.exists():
        print("loading the demo…", flush=True)
        call_command("load_demo", verbosity=0)


def write_token():
    """A write token of a council, made by its leader as in the back office, and the council's
    latest session, which the petitions are gathered for."""
    role = CouncilRole.objects.filter(role=Role.LEADER).select_related("council", "user").order_by("pk").first()
    _, key = api_token_create(actor=role.user, council=role.council, name="Đo tải", can_write=True)
    session = Session.objects.filter(council=role.council).order_by("-planned_start").first()
    return key, session


def serve():
    server = production_server(
        {
            **os.environ,
            "GUNICORN_BIND": f"127.0.0.1:{PORT}",
            "GUNICORN_WORKERS": WORKERS,
            "GUNICORN_THREADS": THREADS,
        },
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/readyz", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not become ready")


def main():
    demo_loaded()
    caches["pages"].clear()
    targets = read_targets(HOST)
    token, session = write_token()
    server = serve()
    try:
        for host, path in targets:  # every target answers before the load starts
            request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers={"Host": host})
            with urllib.request.urlopen(request, timeout=30) as answer:
                assert answer.status == 200, (host, path, answer.status)
        writer = PetitionWriter(PORT, HOST, token, marker=f"Đo tải {uuid.uuid4().hex[:8]}")
        writer.session, writer.received_on = session.pk, session.planned_start - datetime.timedelta(days=10)
        writer.start()
        measured = wrk(PORT, targets, connections=CONNECTIONS, seconds=SECONDS)
        writer.stop()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    missing, held = writes_missing(writer)
    result = {
        "seconds": SECONDS,
        "connections": CONNECTIONS,
        "targets": len(targets),
        "requests": measured.requests,
        "requests_per_second": measured.per_second,
        "p50_ms": measured.p50_ms,
        "p99_ms": measured.p99_ms,
        "non_success": measured.non_success,
        "socket_errors": measured.socket_errors,
        "writes": len(writer.created),
        "write_failures": len(writer.failures),
        "write_p99_ms": round(percentile(writer.timings, 0.99) * 1000, 1),
        "writes_held": held,
        "writes_missing": len(missing),
    }
    print(measured.output)
    print(
        f"{len(targets)} targets, {CONNECTIONS} connections, {SECONDS} s: {measured.requests} requests, "
        f"{measured.per_second:.0f} req/s, p50 {measured.p50_ms:.1f} ms, p99 {measured.p99_ms:.1f} ms; "
        f"{measured.non_success} answers other than 2xx/3xx, {measured.socket_errors} socket errors"
    )
    print(
        f"writer: {len(writer.created)} petitions recorded, {len(writer.failures)} failed "
        f"{writer.failures[:3]}, p99 {result['write_p99_ms']} ms; {held} in the database, {len(missing)} missing"
    )
    print(json.dumps(result))
    passed = not (measured.non_success or measured.socket_errors or writer.failures or missing) and writer.created
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
