"""gunicorn settings for test_faults_kill.py: one sync worker, which stops in the middle of the
first adoption it serves — its number drawn and written, the transaction open — for the test to
kill it there. The worker that replaces it does not stop.

    gunicorn config.wsgi -c python:hdnd.core.tests.fault_gunicorn   (FAULT_PAUSE_ONCE=<a file>)
"""

import os

workers = 1
worker_class = "sync"
timeout = 300  # the stopped worker must not be replaced by gunicorn itself before the test kills it


def post_worker_init(worker):
    from django.db import connection

    from hdnd.core.tests.fault_worker import PauseBeforeAudit

    def first_adoption(conn):
        if not conn.in_atomic_block:
            return False
        try:  # the file says that a worker stopped already
            os.close(os.open(os.environ["FAULT_PAUSE_ONCE"], os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return False
        return True

    # A sync worker serves every request on its main thread, with this one connection object.
    connection.execute_wrappers.append(PauseBeforeAudit(first_adoption, worker=os.getpid()))
