"""Scale-out (docs/scaling.md): app processes share nothing but PostgreSQL and Redis, and reads may
go to streaming replicas (hdnd/core/replicas.py) without a client ever missing its own writes.

The router's decisions are tested in this process. The rest runs real gunicorn processes on a
private PostgreSQL cluster with a real streaming replica (hdnd.core.testing.pgcluster): those tests
bring their own PostgreSQL, so they run once per CI run, in the pass without DATABASE_URL
(SQLite), and are skipped when DATABASE_URL is set.
"""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
import redis
import requests
from django.contrib.auth import get_user_model
from django.db import router, transaction
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from wagtail.models import Page, Site

from hdnd.core.replicas import STICKY_COOKIE, ReplicaReadsMiddleware, ReplicaRouter, replica_reads
from hdnd.core.testing.passes import sqlite_pass_only
from hdnd.core.testing.pgcluster import free_port, private_cluster
from hdnd.portal.models import ArticlePage, PortalFrame

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
REDIS_URL = "redis://127.0.0.1:6379/13"  # this module's own Redis database, emptied before and after

User = get_user_model()
replicated = override_settings(DATABASE_ROUTERS=[ReplicaRouter(["replica1", "replica2"])])


# ---------------------------------------------------------------------------------------------
# The router, in this process: where Django sends each query (QuerySet.db asks the router).


def serve(request, view):
    """Runs `view` behind the middleware, as the app does; returns (response, what view returned)."""
    seen = {}

    def get_response(request):
        seen.update(view(request))
        return HttpResponse("ok")

    return ReplicaReadsMiddleware(get_response)(request), seen


@replicated
def test_a_read_goes_to_one_replica_and_after_a_write_to_the_primary(transactional_db):
    def view(request):
        before = [User.objects.all().db for _ in range(5)]
        user = User.objects.create(username="viet-truoc")  # a real write, to the primary
        return {"before": before, "written_to": user._state.db, "after": User.objects.all().db}

    response, seen = serve(RequestFactory().get("/quan-tri/"), view)
    assert seen["before"][0] in {"replica1", "replica2"}
    assert len(set(seen["before"])) == 1, "one replica for the whole request"
    assert seen["written_to"] == "default" and seen["after"] == "default"
    cookie = response.cookies[STICKY_COOKIE]
    assert cookie["max-age"] == 5 and cookie["httponly"]
    assert float(cookie.value) > time.time()


@replicated
def test_a_request_that_only_reads_leaves_no_cookie():
    response, seen = serve(RequestFactory().get("/"), lambda request: {"db": User.objects.all().db})
    assert seen["db"].startswith("replica")
    assert STICKY_COOKIE not in response.cookies


@replicated
def test_pages_sites_and_portal_frames_are_read_from_the_primary():
    """They stay cached until the next publication: a copy taken from a lagging replica would too."""

    def view(request):
        return {"db": [model.objects.all().db for model in (Page, Site, PortalFrame, ArticlePage)]}

    response, seen = serve(RequestFactory().get("/"), view)
    assert seen["db"] == ["default"] * 4
    assert STICKY_COOKIE not in response.cookies


@replicated
def test_a_form_post_reads_from_the_primary_from_the_start():
    response, seen = serve(RequestFactory().post("/quan-tri/login/"), lambda request: {"db": User.objects.all().db})
    assert seen["db"] == "default"
    assert STICKY_COOKIE not in response.cookies  # it wrote nothing


@replicated
def test_a_client_that_just_wrote_reads_from_the_primary_until_its_cookie_runs_out():
    def read(cookie):
        request = RequestFactory().get("/", HTTP_COOKIE=f"{STICKY_COOKIE}={cookie}")
        return serve(request, lambda request: {"db": User.objects.all().db})[1]["db"]

    assert read(int(time.time()) + 3) == "default"
    assert read(int(time.time()) - 1).startswith("replica")  # a client that kept an old cookie
    assert read("khong-phai-so").startswith("replica")


@replicated
def test_reads_inside_an_atomic_block_and_after_it_stay_on_the_primary(transactional_db):
    def view(request):
        before = User.objects.all().db
        with transaction.atomic():
            inside = User.objects.all().db
        return {"before": before, "inside": inside, "after": User.objects.all().db}

    response, seen = serve(RequestFactory().get("/"), view)
    assert seen["before"].startswith("replica")
    assert seen["inside"] == seen["after"] == "default"
    assert STICKY_COOKIE in response.cookies


@replicated
def test_outside_requests_reads_go_to_the_primary_unless_asked_for_replicas():
    assert User.objects.all().db == "default"  # a command, a task
    with replica_reads():
        assert User.objects.all().db.startswith("replica")
        router.db_for_write(User)
        assert User.objects.all().db == "default"
    assert User.objects.all().db == "default"


def test_only_the_primary_is_migrated_and_rows_of_both_may_be_related():
    replicas = ReplicaRouter(["replica1"])
    assert replicas.allow_migrate("default", "resolutions") is True
    assert replicas.allow_migrate("replica1", "resolutions") is False
    primary_user, replica_user = User(username="a"), User(username="b")
    primary_user._state.db, replica_user._state.db = "default", "replica1"
    assert replicas.allow_relation(primary_user, replica_user) is True
    replica_user._state.db = "archive"
    assert replicas.allow_relation(primary_user, replica_user) is None


def test_settings_make_an_alias_per_replica_only_when_asked():
    code = textwrap.dedent(
        """
        import json
        from config.settings import base
        print(json.dumps({
            "databases": {alias: {key: db.get(key) for key in ("PORT", "OPTIONS", "CONN_MAX_AGE", "DISABLE_SERVER_SIDE_CURSORS", "TEST")}
                          for alias, db in base.DATABASES.items()},
            "routers": getattr(base, "DATABASE_ROUTERS", []),
            "middleware": base.MIDDLEWARE[:2],
        }))
        """
    )

    def settings_with(**env):
        environ = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
        result = subprocess.run(
            [sys.executable, "-c", code], env={**environ, **env}, cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    primary = "postgres://hdnd@db1:5432/hdnd"
    replicas = "postgres://hdnd@db2:5432/hdnd, postgres://hdnd@db3:6432/hdnd"
    with_replicas = settings_with(
        DATABASE_URL=primary,
        DATABASE_REPLICA_URLS=replicas,
        DATABASE_CONN_MAX_AGE="30",
        DATABASE_SERVER_SIDE_CURSORS="false",  # behind PgBouncer in transaction mode
    )
    databases = with_replicas["databases"]
    assert list(databases) == ["default", "replica1", "replica2"]
    assert databases["replica2"]["PORT"] == 6432
    prepared = {"server_side_binding": True, "prepare_threshold": 2}
    assert databases["replica1"]["OPTIONS"] == databases["default"]["OPTIONS"] == prepared
    assert databases["replica1"]["CONN_MAX_AGE"] == 30
    assert databases["replica1"]["DISABLE_SERVER_SIDE_CURSORS"] is True  # as the primary's
    assert databases["default"]["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert databases["replica1"]["TEST"] == {"MIRROR": "default"}
    assert with_replicas["routers"] == ["hdnd.core.replicas.ReplicaRouter"]
    assert with_replicas["middleware"][1] == "hdnd.core.replicas.ReplicaReadsMiddleware"

    without = settings_with(DATABASE_URL=primary)
    assert list(without["databases"]) == ["default"]
    assert without["databases"]["default"]["DISABLE_SERVER_SIDE_CURSORS"] is False
    assert without["routers"] == [] and "hdnd.core.replicas.ReplicaReadsMiddleware" not in without["middleware"]


# ---------------------------------------------------------------------------------------------
# Real processes on a private PostgreSQL cluster with a streaming replica.

#: The production settings, served over plain HTTP on loopback: cookies not limited to HTTPS (the
#: client would not send them back), static files without the manifest collectstatic writes.
SERVER_SETTINGS = """
from config.settings.prod import *  # noqa: F403
from config.settings.prod import STORAGES

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
"""

#: What the tests need in the database, made with the apps' own factories.
SETUP = """
import json
from hdnd.api.factories import token_for
from hdnd.conftest import user_with_role
from hdnd.meetings.factories import SessionFactory

session = SessionFactory()
user = user_with_role(session.council, first_name="Lò Thị", last_name="Mai")
_token, key, _header = token_for(session.council, write=True, read_private=True)
print(json.dumps({"session": session.pk, "username": user.username, "key": key}))
"""

#: A command's reads, with real connections: run on the private cluster while the replica's
#: replay is paused, so only the primary has what the command writes.
COMMAND = """
import json
from django.contrib.auth import get_user_model
from django.db import transaction
from hdnd.core.replicas import replica_reads

User = get_user_model()
User.objects.create(username="chi-tren-may-chu")
seen = {"primary": User.objects.filter(username="chi-tren-may-chu").exists()}
with replica_reads():
    seen["replica"] = User.objects.filter(username="chi-tren-may-chu").exists()
    with transaction.atomic():
        seen["atomic"] = User.objects.filter(username="chi-tren-may-chu").exists()
with replica_reads():
    User.objects.filter(username="chi-tren-may-chu").update(first_name="Mai")
    seen["after_write"] = User.objects.filter(username="chi-tren-may-chu", first_name="Mai").exists()
print(json.dumps(seen))
"""


class Stack:
    """The private cluster, its replica, and the environment the app's processes run with."""

    def __init__(self, primary, folder):
        self.primary = primary
        self.folder = folder
        self.replica = None
        self.processes = []
        (folder / "scaleout_settings.py").write_text(SERVER_SETTINGS)
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))},
            "DJANGO_SETTINGS_MODULE": "scaleout_settings",
            "PYTHONPATH": f"{folder}{os.pathsep}{ROOT}",
            "SECRET_KEY": "scale-out-test-secret-key-" + "k" * 40,
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": primary.url("hdnd"),
            "CACHE_URL": REDIS_URL,
            "LOG_FORMAT": "text",
            "STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"),
        }

    def manage(self, *args, env=None):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def start_server(self, name, env=None):
        """A gunicorn process serving the app (one worker, two threads); its address."""
        port = free_port()
        log = open(self.folder / f"{name}.log", "w")  # noqa: SIM115  (closed with the process)
        command = [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
        command += ["--worker-class", "gthread", "--threads", "2", "--log-level", "warning"]
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process.log, process.url = log, f"http://127.0.0.1:{port}"
        self.processes.append(process)
        return process

    def wait_ready(self, process):
        """Until /readyz answers 200: the process reaches the database, Redis and the migrations."""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"gunicorn stopped:\n{Path(process.log.name).read_text()[-3000:]}")
            try:
                if requests.get(process.url + "/readyz", timeout=30).status_code == 200:
                    return process.url
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        pytest.fail(f"gunicorn did not get ready:\n{Path(process.log.name).read_text()[-3000:]}")

    def stop_servers(self):
        for process in self.processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(process.pid, signal.SIGKILL)
            process.log.close()


@pytest.fixture(scope="module")
def cache_db():
    cache = redis.Redis.from_url(REDIS_URL)
    try:
        cache.flushdb()
    except redis.ConnectionError as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis does not answer on 127.0.0.1:6379: {error}")
    yield
    cache.flushdb()


@pytest.fixture(scope="module")
def stack(cache_db):
    """Two processes (a, b) on the primary alone and one (r) reading from the replica, all sharing
    the private cluster's database and one Redis database; the data of SETUP."""
    with private_cluster() as primary, tempfile.TemporaryDirectory(prefix="hdnd-scale-out-") as folder:
        primary.create_database("hdnd")
        stack = Stack(primary, Path(folder))
        try:
            stack.manage("migrate", "--noinput", "--skip-checks", "-v0")
            stack.data = json.loads(stack.manage("shell", "-c", SETUP).strip().splitlines()[-1])
            stack.replica = primary.replica()
            replica_env = {"DATABASE_REPLICA_URLS": stack.replica.url("hdnd")}
            servers = [stack.start_server("a"), stack.start_server("b"), stack.start_server("r", replica_env)]
            stack.a, stack.b, stack.r = (stack.wait_ready(server) for server in servers)
            yield stack
        finally:
            stack.stop_servers()


def sign_in(base, username):
    """Signs in through the real form (CSRF included); the client, with its session cookie."""
    client = requests.Session()
    page = client.get(base + "/quan-tri/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = client.post(
        base + "/quan-tri/login/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": "mat-khau-thu-nghiem-2024"},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302 and response.headers["Location"] == "/quan-tri/", response.text[:500]
    return client, response


def back_office(base, cookies):
    """(status, page) of the back office's home for a client holding only `cookies`."""
    response = requests.get(base + "/quan-tri/", cookies=cookies, allow_redirects=False, timeout=10)
    return response.status_code, response.text


def petition(stack, base, text):
    response = requests.post(
        base + "/api/v1/voter-petitions",
        json={"received_on": "2024-06-30", "text": text, "area": "Thôn Nà Làng", "session": stack.data["session"]},
        headers={"Authorization": f"Bearer {stack.data['key']}"},
        timeout=10,
    )
    assert response.status_code == 201, response.text
    return response


def read_petition(stack, base, pk, cookies=None):
    return requests.get(
        f"{base}/api/v1/voter-petitions/{pk}",
        headers={"Authorization": f"Bearer {stack.data['key']}"},
        cookies=cookies,
        timeout=10,
    )


@sqlite_pass_only
def test_a_session_opened_on_one_process_is_valid_on_the_other_and_closed_on_both(stack):
    client, _response = sign_in(stack.a, stack.data["username"])
    session = {"sessionid": client.cookies["sessionid"]}
    status, page = back_office(stack.b, session)
    assert status == 200 and "Lò Thị Mai" in page
    assert back_office(stack.b, {})[0] == 302  # without the cookie: the sign-in page

    logout = client.post(
        stack.b + "/quan-tri/logout/", data={"csrfmiddlewaretoken": client.cookies["csrftoken"]}, timeout=10
    )
    assert logout.status_code == 200  # followed to the sign-in page
    assert back_office(stack.a, session)[0] == 302


@sqlite_pass_only
def test_a_record_written_through_one_process_is_read_through_the_other(stack):
    created = petition(stack, stack.a, "Đề nghị sửa cầu treo bản Pò Sáng")
    response = read_petition(stack, stack.b, created.json()["id"])
    assert response.status_code == 200
    assert response.json()["text"] == "Đề nghị sửa cầu treo bản Pò Sáng"


@pytest.fixture
def replay_paused(stack):
    """The replica keeps what it has and replays nothing more, like one lagging far behind."""
    read_petition(stack, stack.r, 0)  # the token's "last used" time written now, not during the test
    stack.primary.wait_replayed(stack.replica)
    stack.replica.query("SELECT pg_wal_replay_pause()")
    while stack.replica.query("SELECT pg_get_wal_replay_pause_state()") != [("paused",)]:
        time.sleep(0.05)
    try:
        yield stack.replica
    finally:
        stack.replica.query("SELECT pg_wal_replay_resume()")
        stack.primary.wait_replayed(stack.replica)


@sqlite_pass_only
def test_reads_go_to_the_replica_except_for_the_client_that_wrote(stack, replay_paused):
    created = petition(stack, stack.r, "Đề nghị lắp đèn đường thôn Khuổi Luông")
    pk, sticky = created.json()["id"], created.cookies[STICKY_COOKIE]
    assert created.json()["text"] == "Đề nghị lắp đèn đường thôn Khuổi Luông"  # read back on the primary

    assert read_petition(stack, stack.r, pk, {STICKY_COOKIE: sticky}).status_code == 200  # the writer: primary
    assert read_petition(stack, stack.r, pk).status_code == 404  # anyone else: the replica, not replayed yet

    replay_paused.query("SELECT pg_wal_replay_resume()")
    stack.primary.wait_replayed(replay_paused)
    assert read_petition(stack, stack.r, pk).status_code == 200


@sqlite_pass_only
def test_signing_in_survives_replica_lag_through_the_sticky_cookie(stack, replay_paused):
    client, response = sign_in(stack.r, stack.data["username"])
    assert STICKY_COOKIE in response.cookies
    session = {"sessionid": client.cookies["sessionid"]}
    status, page = back_office(stack.r, {**session, STICKY_COOKIE: response.cookies[STICKY_COOKIE]})
    assert status == 200 and "Lò Thị Mai" in page
    # The same request a few seconds later, with the replica still behind: the session is not there.
    assert back_office(stack.r, session)[0] == 302


@sqlite_pass_only
def test_commands_read_from_the_primary_unless_they_ask_for_replicas(stack, replay_paused):
    output = stack.manage("shell", "-c", COMMAND, env={"DATABASE_REPLICA_URLS": stack.replica.url("hdnd")})
    seen = json.loads(output.strip().splitlines()[-1])
    assert seen == {"primary": True, "replica": False, "atomic": True, "after_write": True}
