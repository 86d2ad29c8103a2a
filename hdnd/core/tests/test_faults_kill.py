"""Faults (issue 9, point 6a): a worker killed with SIGKILL in the middle of an XLSX import or of
a resolution's adoption leaves the database with all of it or none of it, and the numbers of
resolutions with neither duplicates nor gaps.

Each operation runs in a process of its own (`fault_worker.py`, or a real gunicorn worker serving
the API) against a database of this module — a copy of the migrated test database — that this
process reads with plain SQL. A process is killed where the test knows it is in the middle: it
says so from inside its open transaction (`PauseBeforeAudit`, a Django execute wrapper, stops it
before the audit entries, the last writes of the service) — or at random moments when several
adopt at once.

Numbering (DOMAIN.md §4, Decree 30/2020 art. 15): each council has one series per kind and
calendar year, running on from 01 without a break; so the test wants 1..N exactly.
"""

import contextlib
import http.client
import json
import os
import queue
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from openpyxl import Workbook

from hdnd.core.tests.fault_worker import ADOPTED_ON

ROOT = Path(settings.BASE_DIR)
ROWS, BATCH = 5000, 2000  # the imports save 2,000 rows at a time: kill once two batches are written
DRAFTS = 40  # of each kind
ROUNDS, WORKERS, PER_ROUND = 3, 4, 24

# The tests need the migrated test database only to copy it (and pytest-django makes it only
# for tests that ask for a database); what they check lives in the copy.
pytestmark = pytest.mark.django_db


class Child:
    """A process whose output (stdout and stderr) is read line by line; JSON lines are events,
    kept in `events` in order and handed out one by one by `expect`."""

    def __init__(self, args, env):
        self.process = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.lines, self.events, self._next = [], [], queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)
            with contextlib.suppress(ValueError):
                event = json.loads(line)
                if isinstance(event, dict):
                    self.events.append(event)
                    self._next.put(event)
        self._next.put(None)

    def next_event(self, timeout=120):
        """The next event; fails with the process's output if none comes."""
        try:
            event = self._next.get(timeout=timeout)
        except queue.Empty:
            event = None
        if event is None:
            raise AssertionError(f"the process said no more; its output:\n{''.join(self.lines)[-4000:]}")
        return event

    def expect(self, key, timeout=120):
        """The next event that has `key`; those before it are passed over."""
        deadline = time.monotonic() + timeout
        while key not in (event := self.next_event(max(0.01, deadline - time.monotonic()))):
            pass
        return event

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(30)


class FaultDatabase:
    """The module's own database: its URL for the processes, plain SQL for the checks."""

    def __init__(self, url, vendor, connect, media, path=None):
        self.url, self.vendor, self.connect, self.media, self.path = url, vendor, connect, media, path

    def rows(self, sql, params=()):
        if self.vendor == "sqlite":
            sql = sql.replace("%s", "?")
        with contextlib.closing(self.connect()) as conn:
            return list(conn.execute(sql, params).fetchall())

    def value(self, sql, params=()):
        return self.rows(sql, params)[0][0]

    def env(self, **extra):
        return {
            **os.environ,
            "DATABASE_URL": self.url,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "MEDIA_ROOT": str(self.media),
            **extra,
        }

    def files(self):
        """The files the processes left in MEDIA_ROOT, where none of these operations stores any."""
        return [str(p) for p in self.media.rglob("*") if p.is_file()]

    def run(self, *args, **extra_env):
        return Child([sys.executable, "-m", "hdnd.core.tests.fault_worker", *map(str, args)], self.env(**extra_env))

    def open_transactions(self):
        """How many connections hold a transaction open: PostgreSQL's view of its sessions; for
        SQLite, whether the rollback journal of an unfinished write is there."""
        if self.vendor == "sqlite":
            return int(Path(f"{self.path}-journal").exists())
        return self.value(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'"
        )


def _copy_postgresql(params, source, target):
    """pg_dump into psql: CREATE DATABASE … TEMPLATE would need nobody else connected to the
    test database, and the live server's thread may keep a connection open for a minute."""
    if not (shutil.which("pg_dump") and shutil.which("psql")):
        pytest.skip("pg_dump and psql (postgresql-client) are needed to copy the test database")
    env = {**os.environ, "PGHOST": str(params.get("host", "")), "PGPORT": str(params.get("port", ""))}
    env.update(PGUSER=params.get("user", ""), PGPASSWORD=params.get("password", ""))
    dump = subprocess.Popen(["pg_dump", "--no-owner", source], env=env, stdout=subprocess.PIPE)
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", target],
        env=env,
        stdin=dump.stdout,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    dump.stdout.close()
    assert dump.wait() == 0


@pytest.fixture(scope="module")
def fault_db(django_db_setup, django_db_blocker, tmp_path_factory):
    """A copy of the migrated test database (migrating another would take a minute)."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            path = tmp_path_factory.mktemp("faults") / "faults.sqlite3"
            connection.ensure_connection()
            with contextlib.closing(sqlite3.connect(path)) as copy:
                connection.connection.backup(copy)
            yield FaultDatabase(f"sqlite:///{path}", "sqlite", lambda: sqlite3.connect(path, timeout=30), media, path)
            return
        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        params.pop("context", None)
        source = params["dbname"]
        name = f"{source}_faults"
        with psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        _copy_postgresql(params, source, name)
        user, host, port = params.get("user", ""), params.get("host", ""), params.get("port", "")
        password = f":{params['password']}" if params.get("password") else ""
        url = f"postgres://{user}{password}@{host}{':' if port else ''}{port}/{name}"
        try:
            yield FaultDatabase(url, "postgresql", lambda: psycopg.connect(**{**params, "dbname": name}), media)
        finally:
            with psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def records(fault_db):
    """A council with a term, a session, a leader, a writing API token and draft resolutions."""
    return fault_db.run("setup", DRAFTS).expect("council")


# --- the XLSX imports ----------------------------------------------------------------------

IMPORTS = {
    # which: (headings, one row, table, the column that ties the rows to the import's target)
    "petitions": (
        ["Nội dung kiến nghị", "Cử tri (thôn, xã)", "Ngày tiếp nhận"],
        lambda i: [f"Đề nghị sửa chữa đường liên thôn số {i}", "Thôn Nà Làng", "05/06/2024"],
        "petitions_voterpetition",
        "session_id",
    ),
    "cases": (
        ["Ngày tiếp", "Họ và tên", "Nội dung vụ việc", "Loại vụ việc", "Hướng xử lý"],
        lambda i: [
            "15/03/2024",
            f"Hoàng Văn Khánh {i}",
            f"Đề nghị cấp giấy chứng nhận thửa đất số {i}",
            "Khiếu nại",
            "Tiếp nhận giải quyết",
        ],
        "reception_case",
        "council_id",
    ),
}


def _workbook(path, headings, row):
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(headings)
    for i in range(1, ROWS + 1):
        sheet.append(row(i))
    book.save(path)


def _audited(fault_db, table):
    app_label, model = table.split("_", 1)
    return fault_db.value(
        "SELECT count(*) FROM wagtailcore_modellogentry e JOIN django_content_type t ON t.id = e.content_type_id "
        "WHERE t.app_label = %s AND t.model = %s",
        [app_label, model],
    )


@pytest.mark.parametrize("which", IMPORTS)
def test_an_import_killed_in_the_middle_keeps_nothing_and_runs_again_whole(fault_db, records, which, tmp_path):
    headings, row, table, column = IMPORTS[which]
    owner = records["session"] if column == "session_id" else records["council"]
    path = tmp_path / f"{which}.xlsx"
    _workbook(path, headings, row)

    def imported():
        return fault_db.value(f"SELECT count(*) FROM {table} WHERE {column} = %s", [owner])  # noqa: S608

    child = fault_db.run("import", which, records["actor"], records["session"], path, 2 * BATCH)
    try:
        paused = child.expect("paused")
        assert paused["in_transaction"] and paused["rows_at_least"] == 2 * BATCH
        assert fault_db.open_transactions() >= 1, "the import's transaction should be open"
        if fault_db.vendor == "postgresql":  # SQLite's writer holds the whole file by now: no reading
            assert imported() == 0, "another connection must not see rows of an unfinished import"
    finally:
        child.kill()
    assert child.process.returncode == -signal.SIGKILL
    assert imported() == 0
    assert _audited(fault_db, table) == 0
    if fault_db.vendor == "sqlite":  # opening the database rolled the killed writer's journal back
        assert not Path(f"{fault_db.path}-journal").exists()

    again = fault_db.run("import", which, records["actor"], records["session"], path, ROWS + 1)
    assert again.expect("created") == {"created": ROWS, "skipped": 0}
    assert imported() == ROWS
    assert _audited(fault_db, table) == ROWS
    if which == "cases":  # the register's numbers of the year: 1..5000, each once
        numbers = fault_db.rows("SELECT number FROM reception_case WHERE council_id = %s", [owner])
        assert sorted(n for (n,) in numbers) == list(range(1, ROWS + 1))
    assert fault_db.files() == []


# --- adoption of resolutions ---------------------------------------------------------------


def assert_numbering_intact(fault_db, council):
    """Adopted resolutions carry 1..N of their series, each once, the series says N, each has its
    one audit entry; drafts carry no number and no entry."""
    rows = fault_db.rows(
        "SELECT id, kind, status, number, year, symbol FROM resolutions_resolution WHERE council_id = %s", [council]
    )
    adopted = [r for r in rows if r[2] == "adopted"]
    drafts = [r for r in rows if r[2] == "draft"]
    assert len(adopted) + len(drafts) == len(rows)
    assert all(number is None and year is None and symbol == "" for _, _, _, number, year, symbol in drafts)
    for kind in ("individual", "normative"):
        numbers = sorted(r[3] for r in adopted if r[1] == kind)
        assert numbers == list(range(1, len(numbers) + 1)), f"{kind}: {numbers}"
        last = fault_db.rows(
            "SELECT last_number FROM resolutions_numberseries WHERE council_id = %s AND kind = %s AND year = %s",
            [council, kind, ADOPTED_ON.year],
        )
        assert (last[0][0] if last else 0) == len(numbers)
    assert all(r[4] == ADOPTED_ON.year for r in adopted)
    audited = fault_db.rows(
        "SELECT e.object_id FROM wagtailcore_modellogentry e JOIN django_content_type t ON t.id = e.content_type_id "
        "WHERE t.app_label = 'resolutions' AND t.model = 'resolution'"
    )
    assert sorted(int(pk) for (pk,) in audited) == sorted(r[0] for r in adopted)
    return {r[0]: r[3] for r in adopted}


def test_the_database_refuses_a_number_twice_in_a_series(fault_db, records):
    """The unique constraint is the last guard: two drafts given the same number in the same
    series, behind the service's back, are refused by the database itself."""
    first, second = records["drafts"]["normative"][-2:]
    with contextlib.closing(fault_db.connect()) as conn:
        update = "UPDATE resolutions_resolution SET year = 2024, number = 999 WHERE id = %s"
        if fault_db.vendor == "sqlite":
            update = update.replace("%s", "?")
        conn.execute(update, [first])
        with pytest.raises(Exception) as refused:  # noqa: PT011 - sqlite3's or psycopg's own class
            conn.execute(update, [second])
        conn.rollback()
    assert "IntegrityError" in {cls.__name__ for cls in type(refused.value).__mro__}


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _post(port, path, key, body):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request(
            "POST", path, json.dumps(body), {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        )
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"null")
    finally:
        conn.close()


def _parent(pid):
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def test_a_gunicorn_worker_killed_while_adopting_leaves_the_draft_without_a_number(fault_db, records, tmp_path):
    draft = records["drafts"]["individual"][-1]
    port = _free_port()
    server = Child(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi",
            "-c",
            "python:hdnd.core.tests.fault_gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        fault_db.env(FAULT_PAUSE_ONCE=str(tmp_path / "paused")),
    )
    try:
        for _ in range(600):  # gunicorn and Django start in a few seconds
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            time.sleep(0.1)
        else:
            raise AssertionError("gunicorn did not start:\n" + "".join(server.lines)[-4000:])
        before = assert_numbering_intact(fault_db, records["council"])
        answers = []
        path = f"/api/v1/resolutions/{draft}/adoption"
        request = threading.Thread(
            target=lambda: answers.append(_capture(_post, port, path, records["key"], {"adopted_on": str(ADOPTED_ON)}))
        )
        request.start()
        worker = server.expect("paused")["paused"]
        assert _parent(worker) == server.process.pid, "the request is served by a worker of the master"
        assert fault_db.open_transactions() >= 1, "the adoption's transaction should be open"
        os.kill(worker, signal.SIGKILL)
        request.join(60)
        assert isinstance(answers[0], (ConnectionError, http.client.HTTPException)), answers

        if fault_db.vendor == "sqlite":  # the killed worker left its journal; the next reader rolls it back
            assert Path(f"{fault_db.path}-journal").exists()
        assert fault_db.value("SELECT status FROM resolutions_resolution WHERE id = %s", [draft]) == "draft"
        assert assert_numbering_intact(fault_db, records["council"]) == before

        status, body = _post(port, path, records["key"], {"adopted_on": str(ADOPTED_ON)})  # the new worker
        assert status == 200, body
        individual = [n for pk, n in before.items() if pk in records["drafts"]["individual"]]
        assert body["number"] == len(individual) + 1
        assert assert_numbering_intact(fault_db, records["council"]) == {**before, draft: body["number"]}
        assert fault_db.files() == []
    finally:
        server.process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.process.wait(20)
        server.kill()


def _capture(function, *args):
    try:
        return function(*args)
    except Exception as exc:  # noqa: BLE001 - the test looks at what the client got
        return exc


def test_adopters_killed_at_random_moments_leave_numbers_without_duplicates_or_gaps(fault_db, records):
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)
    drafts = records["drafts"]
    ids = [pk for pair in zip(drafts["individual"], drafts["normative"], strict=True) for pk in pair]
    launcher = fault_db.run("adopt", records["actor"], WORKERS, ROUNDS, *ids[: ROUNDS * PER_ROUND])
    victims = set()
    try:
        for _round in range(ROUNDS):
            workers = [launcher.expect("worker")["worker"] for _ in range(WORKERS)]
            # Some workers are killed, each after a random number of adoptions (its own or
            # others') and a random instant more: the moments follow the pace of the work.
            doomed = rng.sample(workers, rng.randint(1, WORKERS - 1))
            countdown = rng.randint(1, 4)
            while "round_ended" not in (event := launcher.next_event()):
                if doomed and ("adopted" in event or "failed" in event):
                    countdown -= 1
                    if not countdown:
                        time.sleep(rng.uniform(0, 0.02))
                        victim = doomed.pop()
                        with contextlib.suppress(ProcessLookupError):
                            os.kill(victim, signal.SIGKILL)
                        victims.add(victim)
                        countdown = rng.randint(1, 4)
        launcher.process.wait(30)
    finally:
        launcher.kill()
    told, killed = {}, 0
    for event in launcher.events:
        assert "error" not in event, (seed, event)
        if "adopted" in event:
            told[event["adopted"]] = event["number"]
        elif "ended" in event:
            assert event["signal"] is None or event["ended"] in victims, (seed, event)
            killed += event["signal"] == signal.SIGKILL
        elif "failed" in event:
            # On SQLite, a writer takes the lock as its transaction begins and the others wait for
            # it (config/settings/base.py); a killed holder's lock goes with its process. Nothing
            # is refused as "database is locked".
            raise AssertionError((seed, event))
    numbers = assert_numbering_intact(fault_db, records["council"])
    assert killed >= ROUNDS, f"seed {seed}: too few workers killed while adopting"
    # Every adoption a worker saw committed is in the database with the number it was given.
    assert {pk: numbers.get(pk) for pk in told} == told, f"seed {seed}"
    assert fault_db.files() == []
    print(f"seed {seed}: {len(told)} adopted, {killed} workers killed")
