"""The real operations of the fault tests (test_faults_kill.py), each run in a process of its own
so that the test can kill it with SIGKILL, against the database that DATABASE_URL names. Every
event is one JSON line on standard output.

    python -m hdnd.core.tests.fault_worker setup DRAFTS
    python -m hdnd.core.tests.fault_worker import petitions|cases ACTOR SESSION FILE PAUSE_AT_ROWS
    python -m hdnd.core.tests.fault_worker adopt ACTOR WORKERS ROUNDS ID...

`import` stops inside its transaction, before it writes the audit entries of the batch that
brings the rows written to PAUSE_AT_ROWS or more, and says so: the test kills it there.
`adopt` forks WORKERS processes that share the drafts and adopt them one by one, as fast as
they can, ROUNDS times over: the test kills some of them at random moments. A gunicorn worker
is made to stop in the middle of an adoption by `fault_gunicorn.py`, with `PauseBeforeAudit`.
"""

import datetime
import json
import os
import sys
import time

ADOPTED_ON = datetime.date(2024, 12, 10)


def say(**event):
    # One write per line: lines of the forked workers sharing the pipe do not interleave.
    os.write(1, (json.dumps(event) + "\n").encode())


class PauseBeforeAudit:
    """A Django execute wrapper: before the statement that begins writing audit entries — the
    last writes of a service, after its records — it asks `ready(connection)`; once that holds,
    it says where it is and sleeps, inside the open transaction, until the process is killed."""

    def __init__(self, ready, **event):
        self.ready, self.event, self.busy = ready, event, False

    def __call__(self, execute, sql, params, many, context):
        # On PostgreSQL a bulk insert first draws its keys, naming the table as a parameter.
        touches_audit = "modellogentry" in sql or (
            not many and "wagtailcore_modellogentry" in [p for p in params or () if isinstance(p, str)]
        )
        if touches_audit and not self.busy:
            self.busy = True  # ready() may run queries of its own
            try:
                ready = self.ready(context["connection"])
            finally:
                self.busy = False
            if ready:
                say(paused=os.getpid(), in_transaction=context["connection"].in_atomic_block, **self.event)
                while True:
                    time.sleep(60)
        return execute(sql, params, many, context)


def setup(drafts):
    """A council with its term, a session, a leader and a writing API token, `drafts` draft
    resolutions of each kind; prints their ids."""
    from django.db import transaction

    from hdnd.api.factories import leader_of
    from hdnd.api.services import api_token_create
    from hdnd.councils.factories import TermFactory
    from hdnd.meetings.factories import SessionFactory
    from hdnd.resolutions.factories import ResolutionFactory
    from hdnd.resolutions.models import Kind

    with transaction.atomic():
        term = TermFactory()
        council = term.council
        leader = leader_of(council)
        _token, key = api_token_create(actor=leader, council=council, name="Phép thử sự cố", can_write=True)
        session = SessionFactory(term=term)
        ids = {kind: [ResolutionFactory(term=term, kind=kind).pk for _ in range(drafts)] for kind in Kind.values}
    say(council=council.pk, session=session.pk, actor=leader.pk, key=key, drafts=ids)


def import_file(which, actor_id, session_id, path, pause_at):
    from django.core.files.uploadedfile import UploadedFile
    from django.db import connection

    from hdnd.accounts.models import User
    from hdnd.meetings.models import Session

    session = Session.objects.select_related("council").get(pk=session_id)
    actor = User.objects.get(pk=actor_id)
    if which == "petitions":
        from hdnd.petitions.services import petitions_import as run

        target, table, column = {"session": session}, "petitions_voterpetition", "session_id"
    else:
        from hdnd.reception.services import cases_import as run

        target, table, column = {"council": session.council}, "reception_case", "council_id"
    owner = next(iter(target.values())).pk

    def written(conn):
        with conn.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {table} WHERE {column} = %s", [owner])  # noqa: S608 - our names
            rows = cursor.fetchone()[0]
        return rows >= pause_at

    pause = PauseBeforeAudit(written, rows_at_least=pause_at)
    with open(path, "rb") as handle, connection.execute_wrapper(pause):
        created, skipped = run(actor=actor, uploaded=UploadedFile(handle, name=os.path.basename(path)), **target)
    say(created=created, skipped=skipped)


def _adopt_in_turn(actor_id, ids):
    from django.core.exceptions import ValidationError
    from django.db import OperationalError

    from hdnd.accounts.models import User
    from hdnd.resolutions.models import Resolution
    from hdnd.resolutions.services import resolution_adopt

    actor = User.objects.get(pk=actor_id)
    for pk in ids:
        try:
            adopted = resolution_adopt(actor=actor, resolution=Resolution.objects.get(pk=pk), adopted_on=ADOPTED_ON)
        except ValidationError as exc:
            say(refused=pk, message=" ".join(exc.messages))
        except OperationalError as exc:  # SQLite's "database is locked": on to the next one
            say(failed=pk, message=str(exc))
        else:
            say(adopted=pk, number=adopted.number)


def adopt(actor_id, workers, rounds, ids):
    """In each of `rounds` rounds, forks `workers` processes that share the round's part of `ids`
    and adopt them in turn; the next round starts when all have ended."""
    from django.db import connections
    from wagtail.log_actions import registry

    # The audit's first entry loads every app's wagtail_hooks (seconds): once, before forking.
    registry.scan_for_actions()
    connections.close_all()  # each worker opens its own connection
    share = len(ids) // rounds
    for round_ in range(rounds):
        part, children = ids[round_ * share : (round_ + 1) * share], []
        for index in range(workers):
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    _adopt_in_turn(actor_id, part[index::workers])
                except BaseException as exc:  # noqa: BLE001 - reported to the test, which fails on it
                    say(error=f"{type(exc).__name__}: {exc}")
                    code = 1
                finally:
                    os._exit(code)
            children.append(pid)
            say(worker=pid, round=round_)
        for pid in children:
            _pid, status = os.waitpid(pid, 0)
            say(ended=pid, signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else None)
        say(round_ended=round_)


def main(argv):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    command, args = argv[0], argv[1:]
    if command == "setup":
        setup(int(args[0]))
    elif command == "import":
        import_file(args[0], int(args[1]), int(args[2]), args[3], int(args[4]))
    elif command == "adopt":
        adopt(int(args[0]), int(args[1]), int(args[2]), [int(a) for a in args[3:]])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
