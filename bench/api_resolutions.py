"""The API's resolutions list (GET /api/v1/resolutions) over 1,000,000 resolutions on PostgreSQL.

The data are portal_search.py's (the same database, made on the first run of either): a province,
a district and its 40 communes, 1,000,000 resolutions of 2021–2026, 95 % of them published.

1. Queries per page. Django's test client fetches, for several filters, the first page, a page
   in the middle and the last page (a cursor is the id a page starts after), and counts the
   queries each costs: a list answers any page in the same number of queries.
2. Latency under load. gunicorn (production settings, 2 workers × 4 threads) serves the list to
   wrk (10 s, at 50 connections and at 8: one per thread): every request asks for a page at a random depth of the list (one
   of 2,000 cursors spread over it), plain and with filters; p50 and p99 from wrk's latency
   distribution.

.venv/bin/python bench/api_resolutions.py   # postgres://postgres@127.0.0.1:5432/hdnd_bench_search
"""

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PORT = 8111
CONNECTIONS, DURATION = 50, "10s"
WORKERS, THREADS = 2, 4
RUNS = 20

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hdnd_bench_search")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
os.environ.setdefault("STATIC_ROOT", str(ROOT / "var" / "bench-static"))
# The load comes from one address: the anonymous rate limit would answer 429 after 120 requests.
os.environ["API_RATE_ANONYMOUS"] = "100000000/min"
if not shutil.which("wrk"):
    sys.exit("wrk is missing: apt-get install -y wrk")

sys.path.insert(0, str(ROOT / "bench"))
from benchtools import ensure_postgresql_database  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from portal_search import EXAMPLE_URL, ensure_councils, ensure_resolutions  # noqa: E402  (sets Django up)

from hdnd.api.pagination import ID_SPAN  # noqa: E402
from hdnd.resolutions.models import Kind, Resolution  # noqa: E402

LUA = """
local extra = os.getenv("BENCH_QUERY") or ""
local cursors = {}
for line in io.lines(os.getenv("BENCH_CURSORS")) do cursors[#cursors + 1] = line end
request = function()
  return wrk.format("GET", "/api/v1/resolutions?cursor=" .. cursors[math.random(1, #cursors)] .. extra)
end
"""
SAMPLES = 2000


def cursors(share=1.0):
    """Cursors of pages spread over the whole list — what `next` gives at every depth — taken
    from the newest-first order, as NewestFirstPagination makes them."""
    public = Resolution.objects.published().exclude(adopted_on=None).order_by("-adopted_on", "-pk")
    step = max(1, int(public.count() * share) // SAMPLES)
    rows = public.values_list("adopted_on", "pk").iterator(chunk_size=20000)
    return [day.toordinal() * ID_SPAN + pk for n, (day, pk) in enumerate(rows) if n % step == 0][:SAMPLES]


def filters(district):
    return {
        "no filter": "",
        "district and communes": f"&council={district.pk}&beneath=true",
        "normative, in force": f"&kind={Kind.NORMATIVE}&force=in_force",
        "adopted in 2023": "&start=2023-01-01&end=2023-12-31",
    }


def page_costs(client, query, spread):
    """(queries, median ms) of the first page, one in the middle and one at the end."""
    costs = []
    for cursor in (None, spread[len(spread) // 2], spread[-1]):
        url = "/api/v1/resolutions?" + ("" if cursor is None else f"cursor={cursor}") + query
        timings = []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.content[:300]
        costs.append((len(queries), statistics.median(timings), len(response.json()["results"])))
    return costs


def start_server():
    command = [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers", str(WORKERS)]
    command += ["--worker-class", "gthread", "--threads", str(THREADS), "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/v1/resolutions?limit=1", timeout=5).read()
            return process
        except OSError:
            time.sleep(0.1)
    os.killpg(process.pid, signal.SIGTERM)
    sys.exit("gunicorn did not answer")


def wrk(script, spread_file, query, connections):
    env = {**os.environ, "BENCH_CURSORS": spread_file, "BENCH_QUERY": query}
    command = ["wrk", "-t2", f"-c{connections}", f"-d{DURATION}", "--latency", "-s", script, f"http://127.0.0.1:{PORT}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    if "Non-2xx" in out:
        sys.exit(out)

    def percentile(label):
        number, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rate, percentile("50"), percentile("99")


def main():
    ensure_postgresql_database(EXAMPLE_URL)
    councils = ensure_councils()
    ensure_resolutions(councils)
    district = councils[1]
    total = Resolution.objects.count()
    spread = cursors()
    print(
        f"database: {connection.settings_dict['NAME']}, {total:,} resolutions; {len(spread):,} cursors spread over the list"
    )

    print(f"\n1. Queries per page (20 resolutions a page; median of {RUNS} requests, Django test client):")
    print(f"   {'filter':<24} {'first page':>16} {'middle':>16} {'last page':>16}")
    client = Client()
    constant = True
    for label, query in filters(district).items():
        costs = page_costs(client, query, spread)
        constant &= len({queries for queries, _ms, _rows in costs}) == 1
        cells = "".join(f"{f'{q} q, {ms:.1f} ms':>17}" for q, ms, _rows in costs)
        print(f"   {label:<24}{cells}")
    print(f"   the same number of queries on every page of each filter: {'yes' if constant else 'NO'}")

    print(f"\n2. Under load: gunicorn {WORKERS}×{THREADS}, wrk -d{DURATION}, a random page of the million each time,")
    print(f"   at {CONNECTIONS} connections (requests wait their turn) and at {WORKERS * THREADS} (one per thread):")
    server = start_server()
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script, tempfile.NamedTemporaryFile("w") as spread_file:
            script.write(LUA)
            script.flush()
            spread_file.write("\n".join(map(str, spread)))
            spread_file.flush()
            for connections in (CONNECTIONS, WORKERS * THREADS):
                print(f"   {connections} connections:")
                for label, query in filters(district).items():
                    rate, p50, p99 = wrk(script.name, spread_file.name, query, connections)
                    print(f"   {label:<24} {rate:>8,.0f} req/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(10)


if __name__ == "__main__":
    main()
