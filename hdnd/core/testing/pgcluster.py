"""A private PostgreSQL cluster for tests that must stop the database, or need a streaming replica,
without touching the shared server on port 5432.

    with private_cluster() as primary:           # initdb + pg_ctl start, on a free loopback port
        primary.create_database("hdnd")
        url = primary.url("hdnd")                # postgres://postgres@127.0.0.1:PORT/hdnd
        primary.stop(); primary.start()          # e.g. the database gone for 10 s under load
        replica = primary.replica()              # pg_basebackup -R, started, caught up
        primary.wait_replayed(replica)           # after writing to the primary

Everything lives in a temporary folder, removed with the clusters when the block ends (a failing
test included) or, at the latest, when the Python process exits. The clusters trade durability
for speed (fsync off, small buffers): test data only.

PostgreSQL refuses to run as root, so as root the tools run as the `postgres` user through
`runuser`. Without the binaries (`PG_BINDIR`, else the newest /usr/lib/postgresql/*/bin, else the
PATH) or the `postgres` user, `private_cluster()` skips the test saying why — except on CI
(CI=true), where PostgreSQL is installed and a missing part is an error.
"""

import atexit
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg

#: Fast to start and to write, nothing kept: test data only.
SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "shared_buffers": "'32MB'",
    "max_connections": "50",
    "wal_level": "replica",
    "max_wal_senders": "5",
    "hot_standby": "on",
    "logging_collector": "off",
}

_alive = []  # every cluster not yet destroyed, for the exit handler


class ClusterUnavailable(RuntimeError):
    """PostgreSQL's binaries, or a user to run them as, are missing."""


def find_bindir():
    """The folder of initdb, pg_ctl and pg_basebackup."""
    candidates = [os.environ.get("PG_BINDIR", "")]
    candidates += sorted(
        (str(path) for path in Path("/usr/lib/postgresql").glob("*/bin")),
        key=lambda path: int(Path(path).parent.name) if Path(path).parent.name.isdigit() else 0,
        reverse=True,
    )
    on_path = shutil.which("initdb")
    candidates.append(str(Path(on_path).parent) if on_path else "")
    for candidate in candidates:
        if candidate and all((Path(candidate) / tool).exists() for tool in ("initdb", "pg_ctl", "pg_basebackup")):
            return Path(candidate)
    raise ClusterUnavailable(
        "PostgreSQL's server binaries (initdb, pg_ctl, pg_basebackup) were not found: install the Debian "
        "package postgresql or set PG_BINDIR."
    )


def _run_as():
    """The command prefix that runs a tool as a user PostgreSQL accepts, and that user's ids."""
    if os.geteuid() != 0:
        return [], None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        raise ClusterUnavailable("running as root and there is no 'postgres' user to run PostgreSQL as") from None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise ClusterUnavailable("running as root and 'runuser' (util-linux) is missing to become 'postgres'")
    return [runuser, "-u", "postgres", "--"], (user.pw_uid, user.pw_gid)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresCluster:
    """One PostgreSQL server: its data folder, port and log, started and stopped with pg_ctl."""

    def __init__(self, folder, port, bindir, prefix, owner):
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self.port = port
        self.bindir = bindir
        self._prefix = prefix
        self._owner = owner
        self.replicas = []
        _alive.append(self)

    @classmethod
    def create(cls):
        """initdb a new cluster in a temporary folder and start it on a free port."""
        bindir, (prefix, owner) = find_bindir(), _run_as()
        cluster = cls(_new_folder(owner), free_port(), bindir, prefix, owner)
        cluster._tool(
            "initdb", "-D", cluster.data, "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions",
        )  # fmt: skip
        cluster._configure()
        cluster.start()
        return cluster

    def _tool(self, name, *args, timeout=120):
        command = [*self._prefix, str(self.bindir / name), *map(str, args)]
        result = subprocess.run(command, cwd=self.folder, capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"{name} failed ({result.returncode}): {result.stderr.strip()}\n{self.log_tail()}")
        return result

    def _configure(self):
        lines = [f"{name} = {value}" for name, value in SETTINGS.items()]
        lines += [f"port = {self.port}", f"unix_socket_directories = '{self.folder}'"]
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write("\n# hdnd.core.testing.pgcluster\n" + "\n".join(lines) + "\n")

    def log_tail(self, lines=20):
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def start(self):
        self._tool("pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "start")

    def stop(self):
        """Stops the server at once (fast shutdown: open sessions are ended)."""
        if self.running:
            self._tool("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    @property
    def running(self):
        command = [*self._prefix, str(self.bindir / "pg_ctl"), "-D", str(self.data), "status"]
        return subprocess.run(command, cwd=self.folder, capture_output=True).returncode == 0

    def url(self, dbname="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{dbname}"

    def connect(self, dbname="postgres"):
        return psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=dbname, autocommit=True)

    def query(self, sql, params=None, dbname="postgres"):
        """The rows of one statement (an empty list when it returns none)."""
        with self.connect(dbname) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def create_database(self, name):
        self.query(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def replica(self, timeout=60):
        """A streaming replica of this cluster (pg_basebackup -R), started on another port and
        caught up with everything written here so far."""
        replica = PostgresCluster(_new_folder(self._owner), free_port(), self.bindir, self._prefix, self._owner)
        self.replicas.append(replica)
        replica._tool(
            "pg_basebackup",
            "-h", "127.0.0.1", "-p", self.port, "-U", "postgres",
            "-D", replica.data, "-R", "-X", "stream", "-c", "fast", "--no-sync",
        )  # fmt: skip
        replica._configure()  # its own port and socket folder, after the primary's copied settings
        replica.start()
        deadline = time.monotonic() + timeout
        while replica.query("SELECT pg_is_in_recovery()") != [(True,)]:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the replica did not enter recovery\n{replica.log_tail()}")
            time.sleep(0.1)
        self.wait_replayed(replica, timeout)
        return replica

    def wait_replayed(self, replica, timeout=30):
        """Waits until `replica` has replayed everything written here so far. The target is the WAL
        *insert* position: with synchronous_commit off, a commit that has returned may still be in
        the WAL buffers, beyond the write position (pg_current_wal_lsn), until the WAL writer flushes
        it a moment later; a replica that had replayed up to the write position would miss it."""
        (target,) = self.query("SELECT pg_current_wal_insert_lsn()::text")[0]
        deadline = time.monotonic() + timeout
        while not replica.query("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])[0][0]:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the replica did not catch up with {target}\n{replica.log_tail()}")
            time.sleep(0.05)

    def destroy(self):
        """Stops this cluster and its replicas and removes their folders."""
        for replica in self.replicas:
            replica.destroy()
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            if self in _alive:
                _alive.remove(self)


def _new_folder(owner):
    folder = tempfile.mkdtemp(prefix="hdnd-pg-")
    if owner is not None:
        os.chown(folder, *owner)  # 0700 already: PostgreSQL's data must not be readable by others
    return folder


@atexit.register
def _destroy_all():
    for cluster in list(reversed(_alive)):
        try:
            cluster.destroy()
        except Exception:  # nothing more to do at exit: the folder goes anyway
            shutil.rmtree(cluster.folder, ignore_errors=True)


@contextmanager
def private_cluster():
    """A started private cluster for a test (or a module's fixture); skips the test when
    PostgreSQL cannot be run here, except on CI."""
    try:
        cluster = PostgresCluster.create()
    except ClusterUnavailable as missing:
        if os.environ.get("CI"):
            raise
        import pytest

        pytest.skip(f"no private PostgreSQL cluster: {missing}")
    try:
        yield cluster
    finally:
        cluster.destroy()
