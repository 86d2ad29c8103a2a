"""Serving the seed article, measured with wrk at 50 connections, in one run:

  (a) through the app (gunicorn, production settings), its page cache off;
  (b) through the app, from its page cache (Redis);
  (c) through the edge cache docs/operations.md sets up (Varnish, deploy/varnish.vcl);
  (d) a stock `wagtail start` site serving the same article (the peer), same server and workers,
      measured in alternation with (a), three times each;
  (e) the identical HTML as a static file served by nginx (the limit of this machine);

then how long a publication takes to show through (c), the page's weight without images, and
whether a browser loading it asks any other host for anything.

Needs PostgreSQL, Redis, wrk, nginx, varnish and Chromium (apt-get install wrk nginx varnish chromium):

    .venv/bin/python bench/portal_serving.py      # postgresql://…/hdnd_bench_portal, redis://…/5
    BENCH_ONLY=a,d .venv/bin/python bench/portal_serving.py    # some of the five
    BENCH_SERVER=granian BENCH_THREADS=1 .venv/bin/python bench/portal_serving.py   # another server

The first run loads the demo into that database and builds the peer under var/bench-peer.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
BIN = Path(sys.executable).parent
SITE_HOST = "localhost:8000"  # the demo site's address (load_demo), sent as Host to every server
WORKERS = 2
THREADS = int(os.environ.get("BENCH_THREADS", "4"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))  # of (a) and (d), alternating
SERVER = os.environ.get("BENCH_SERVER", "gunicorn")
#: e.g. BENCH_ONLY=a,d to measure some of the five while working on them
ONLY = set(os.environ.get("BENCH_ONLY", "a,b,c,d,e").split(","))
CONNECTIONS = 50
DURATION = "10s"
PORTS = {"app": 8101, "cached": 8102, "edge": 8103, "peer": 8104, "static": 8105}

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,.localhost")
os.environ.setdefault("STATIC_ROOT", str(VAR / "bench-static"))
os.environ["EDGE_CACHE_URL"] = f"http://127.0.0.1:{PORTS['edge']}"
os.environ.setdefault("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/hdnd_bench_portal")
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/5")
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    sys.exit("DATABASE_URL must point at PostgreSQL, e.g. postgresql://postgres@127.0.0.1:5432/hdnd_bench_portal")
if not os.environ.get("CACHE_URL"):
    sys.exit("CACHE_URL must point at Redis, e.g. redis://127.0.0.1:6379/5")
for tool in ("wrk", "nginx", "varnishd"):
    if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
        sys.exit(f"{tool} is missing: apt-get install -y wrk nginx varnish")

sys.path.insert(0, str(ROOT))
import django  # noqa: E402

django.setup()

from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402

from bench.benchtools import ensure_postgresql_database  # noqa: E402
from hdnd.portal.models import ArticlePage, HomePage  # noqa: E402

processes = []


def start(command, env=None, cwd=ROOT):
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    processes.append(process)
    return process


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def fetch(port, path, host=SITE_HOST):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read(), dict(response.headers)


def wait_until_up(port, path, host=SITE_HOST):
    for _ in range(300):
        try:
            return fetch(port, path, host)
        except urllib.error.HTTPError as error:
            sys.exit(f"port {port} answers {error.code} for {path}")
        except OSError:
            time.sleep(0.1)
    sys.exit(f"nothing answers on port {port}")


def app_server(port, wsgi, cwd=ROOT, env=None):
    """The app (or the peer) under the production server, the same for both."""
    if SERVER == "granian":
        command = [str(BIN / "granian"), "--interface", "wsgi", f"{wsgi}:application", "--host", "127.0.0.1"]
        command += ["--port", str(port), "--workers", str(WORKERS), "--log-level", "warning"]
        command += ["--blocking-threads", str(THREADS)]
    else:
        command = [str(BIN / "gunicorn"), wsgi, "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)]
        command += ["--worker-class", "gthread", "--threads", str(THREADS), "--log-level", "warning"]
    return start(command, env=env, cwd=cwd)


def wrk(port, path, host=SITE_HOST):
    url = f"http://127.0.0.1:{port}{path}"
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency", "-H", f"Host: {host}", url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    factor = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        sys.exit(f"port {port}: {non2xx.group(1)} failed responses\n{out}")
    return rate, float(p99.group(1)) * factor


def demo_article():
    ensure_postgresql_database("postgresql://postgres@127.0.0.1:5432/hdnd_bench_portal")
    if not HomePage.objects.exists():
        print("loading the demo (once)…", flush=True)
        call_command("load_demo", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("refresh_portal_frames", verbosity=0)  # as after an upgrade
    return ArticlePage.objects.live().get(slug__startswith="hoi-nghi-giao-ban-giua-thuong-truc")


PEER_MODELS = '''

from django.db import models as _models
from wagtail.fields import RichTextField


class ArticlePage(Page):
    """The article of the benchmark, as a stock Wagtail site would model it."""

    date = _models.DateField()
    intro = _models.TextField(blank=True)
    body = RichTextField()
    author = _models.CharField(max_length=255, blank=True)
'''

PEER_TEMPLATE = """{% extends "base.html" %}
{% load wagtailcore_tags %}
{% block content %}
<article>
  <h1>{{ page.title }}</h1>
  <p>( Cập nhật ngày: {{ page.date|date:"d/m/Y" }} )</p>
  <p>{{ page.intro }}</p>
  {{ page.body|richtext }}
  <p>{{ page.author }}</p>
</article>
{% endblock %}
"""


def peer_site(article):
    """A stock `wagtail start` project with an article model, its database on the same server."""
    peer = VAR / "bench-peer"
    database = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/hdnd_bench_peer"
    env = {"DJANGO_SETTINGS_MODULE": "peer.settings.bench", "PEER_DATABASE_URL": database}
    if not (peer / "manage.py").exists():
        print("building the stock Wagtail peer (once)…", flush=True)
        peer.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(BIN / "wagtail"), "start", "peer", str(peer)], check=True, capture_output=True)
        with open(peer / "home" / "models.py", "a") as models:
            models.write(PEER_MODELS)
        (peer / "home" / "templates" / "home" / "article_page.html").write_text(PEER_TEMPLATE)
        (peer / "peer" / "settings" / "bench.py").write_text(
            textwrap.dedent(
                """
                import os
                import dj_database_url
                from .production import *  # noqa: F403
                SECRET_KEY = "bench-only-peer-key"
                ALLOWED_HOSTS = ["*"]
                DATABASES = {"default": dj_database_url.parse(os.environ["PEER_DATABASE_URL"], conn_max_age=60)}
                """
            )
        )
    run_env = {**os.environ, **env, "PYTHONPATH": str(peer)}
    run_env.pop("DATABASE_URL", None)
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import psycopg; c = psycopg.connect(dbname='postgres', host='127.0.0.1', "
            "user='postgres', autocommit=True); c.execute('DROP DATABASE IF EXISTS hdnd_bench_peer'); "
            "c.execute('CREATE DATABASE hdnd_bench_peer')",
        ],
        check=True,
    )
    manage = [sys.executable, "manage.py"]
    subprocess.run(manage + ["makemigrations", "home", "-v0"], cwd=peer, env=run_env, check=True)
    subprocess.run(manage + ["migrate", "-v0"], cwd=peer, env=run_env, check=True)
    subprocess.run(manage + ["collectstatic", "--noinput", "-v0"], cwd=peer, env=run_env, check=True)
    create = textwrap.dedent(
        f"""
        import datetime
        from wagtail.models import Page, Site
        from home.models import ArticlePage
        home = Site.objects.get(is_default_site=True).root_page
        section = home.add_child(instance=Page(title="Hoạt động HĐND", slug="hoat-dong-hdnd"))
        article = section.add_child(instance=ArticlePage(
            title={article.title!r}, slug={article.slug!r}, date=datetime.date.fromisoformat({article.date.isoformat()!r}),
            intro={article.intro!r}, body={article.body!r}, author={article.author!r}))
        article.save_revision().publish()
        print(article.url)
        """
    )
    result = subprocess.run(
        manage + ["shell", "-c", create], cwd=peer, env=run_env, check=True, capture_output=True, text=True
    )
    return peer, run_env, result.stdout.strip().splitlines()[-1]


def nginx_static(html):
    directory = Path(tempfile.mkdtemp(prefix="hdnd-nginx-"))
    (directory / "root").mkdir()
    (directory / "root" / "index.html").write_bytes(html)
    config = directory / "nginx.conf"
    config.write_text(
        textwrap.dedent(
            f"""
            worker_processes auto;
            pid {directory}/nginx.pid;
            error_log {directory}/error.log;
            events {{ worker_connections 1024; }}
            http {{
                access_log off;
                client_body_temp_path {directory}; proxy_temp_path {directory};
                fastcgi_temp_path {directory}; uwsgi_temp_path {directory}; scgi_temp_path {directory};
                default_type text/html;
                sendfile on; tcp_nopush on; keepalive_requests 100000;
                server {{ listen 127.0.0.1:{PORTS["static"]}; root {directory}/root; }}
            }}
            """
        )
    )
    return start(["nginx", "-c", str(config), "-g", "daemon off;"])


def varnish(backend_port):
    directory = Path(tempfile.mkdtemp(prefix="hdnd-varnish-"))
    vcl = directory / "hdnd.vcl"
    vcl.write_text((ROOT / "deploy" / "varnish.vcl").read_text().replace('"8000"', f'"{backend_port}"'))
    command = ["varnishd", "-F", "-j", "none", "-n", str(directory), "-a", f"127.0.0.1:{PORTS['edge']}", "-f", str(vcl)]
    return start(command + ["-s", "malloc,256m"])


def _publish_title(article, title):
    revision = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    revision.title = title
    revision.save_revision().publish()


def publication_delays(article, times=5):
    """Seconds from a leader's publication to the new title being served through the edge, for
    `times` publications after a first one (which, in a process that never published, also loads
    code and templates, as a server's process has long done)."""
    original, path = article.title, article.get_url_parts()[2]
    _publish_title(article, f"{original} (bản nháp thử)")
    delays = []
    for n in range(1, times + 1):
        changed = f"{original} (cập nhật lần {n})"
        began = time.perf_counter()
        _publish_title(article, changed)
        while changed.encode() not in fetch(PORTS["edge"], path)[0]:
            time.sleep(0.005)
            if time.perf_counter() - began > 10:
                sys.exit("the publication did not show through the edge within 10 s")
        delays.append(time.perf_counter() - began)
    _publish_title(article, original)
    return delays


def page_weight_and_hosts(port, path):
    """Bytes of the page and what it loads (no images), and the hosts a browser asks."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM

    hosts, sizes = set(), {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--headless"])
        page = browser.new_page()
        page.on("request", lambda request: hosts.add(request.url.split("/")[2]))

        def measured(response):
            if response.request.resource_type != "image":
                sizes[response.url] = len(response.body())

        page.on("response", measured)
        page.goto(f"http://{SITE_HOST.split(':')[0]}:{port}{path}", wait_until="networkidle")
        browser.close()
    return sum(sizes.values()), sizes, hosts


def _median_run(runs):
    """The run of median throughput among `runs` of (req/s, p99)."""
    return sorted(runs)[len(runs) // 2]


def measure_app_uncached_and_peer(article, path, results):
    """(a) and (d) in alternation, ROUNDS times each, so that a slower spell of a shared machine
    falls on both; the run of median throughput of each is kept."""
    app = app_server(PORTS["app"], "config.wsgi", env={"PORTAL_PAGE_CACHE_SECONDS": "0"})
    html, _ = wait_until_up(PORTS["app"], path)
    runs = {"a": [], "d": []}
    if "d" in ONLY:
        peer_dir, peer_env, peer_path = peer_site(article)
        peer = app_server(PORTS["peer"], "peer.wsgi", env=peer_env, cwd=peer_dir)
        peer_html, _ = wait_until_up(PORTS["peer"], peer_path, host="localhost")
        assert "lần thứ Ba nhiệm kỳ 2021-2026".encode() in peer_html, "the peer does not serve the article"
    for _ in range(ROUNDS):
        if "a" in ONLY:
            runs["a"].append(wrk(PORTS["app"], path))
        if "d" in ONLY:
            runs["d"].append(wrk(PORTS["peer"], peer_path, host="localhost"))
    for key, measured in runs.items():
        if measured:
            results[key] = _median_run(measured)
            results[f"{key}_runs"] = measured
    stop(app)
    if "d" in ONLY:
        stop(peer)
    return html


def measure_app_and_edge(article, path, results, extra):
    caches["pages"].clear()
    app_server(PORTS["cached"], "config.wsgi")
    wait_until_up(PORTS["cached"], path)
    assert fetch(PORTS["cached"], path)[1].get("X-Cache") == "HIT", "the app does not serve the page from cache"
    if "b" in ONLY:
        results["b"] = wrk(PORTS["cached"], path)
    if "c" in ONLY:
        varnish(PORTS["cached"])
        wait_until_up(PORTS["edge"], path)
        assert fetch(PORTS["edge"], path)[1].get("X-Edge-Cache") == "HIT", "the edge does not keep the page"
        results["c"] = wrk(PORTS["edge"], path)
        extra["delays"] = publication_delays(article)
        extra["weight"] = page_weight_and_hosts(PORTS["edge"], path)


def report(html, results, extra):
    labels = {
        "a": "app, uncached",
        "b": "app, page cache",
        "c": "edge cache (Varnish)",
        "d": "stock Wagtail peer",
        "e": "nginx, static file",
    }
    static_rate = results.get("e", (None,))[0]
    print(
        f"\nThe seed article ({len(html):,} bytes of HTML), wrk -c{CONNECTIONS} -d{DURATION}, {SERVER} {WORKERS} workers:"
    )
    print(f"{'':4}{'':24}{'req/s':>10}{'p99 ms':>10}{'× (e)':>8}")
    for key, label in labels.items():
        if key not in results:
            continue
        rate, p99 = results[key]
        ratio = f"{rate / static_rate:>8.2f}" if static_rate else ""
        runs = results.get(f"{key}_runs")
        each = f"   median of {', '.join(f'{r:,.0f}' for r, _ in runs)}" if runs else ""
        print(f"({key}) {label:<24}{rate:>10,.0f}{p99:>10.1f}{ratio}{each}")
    if "a" in results and "d" in results:
        pairs = ", ".join(f"{a / d:.2f}" for (a, _), (d, _) in zip(results["a_runs"], results["d_runs"], strict=True))
        print(f"\n(a) / (d) = {results['a'][0] / results['d'][0]:.2f} (round by round: {pairs})   goal ≥ 3")
    if "c" in results and static_rate:
        print(f"(c) / (e) = {results['c'][0] / static_rate:.2f}   goal ≥ 0.8")
    if "delays" in extra:
        delays = ", ".join(f"{delay * 1000:.0f}" for delay in extra["delays"])
        print(f"publications visible through (c) after {delays} ms   goal < 1000 ms")
        weight, sizes, hosts = extra["weight"]
        print(f"page weight without images: {weight / 1024:.1f} KB   goal < 100 KB")
        for url, size in sorted(sizes.items()):
            print(f"    {size:>8,} B  {url}")
        print(f"hosts the browser asked: {', '.join(sorted(hosts))}   goal: this portal's only")


def main():
    article = demo_article()
    path = article.get_url_parts()[2]
    results, extra = {}, {}
    try:
        html = measure_app_uncached_and_peer(article, path, results)
        if ONLY & {"b", "c"}:
            measure_app_and_edge(article, path, results, extra)
        if "e" in ONLY:
            nginx_static(html)
            wait_until_up(PORTS["static"], "/")
            results["e"] = wrk(PORTS["static"], "/")
    finally:
        for process in processes:
            if process.poll() is None:
                stop(process)
    report(html, results, extra)


if __name__ == "__main__":
    main()
