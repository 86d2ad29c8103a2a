"""gunicorn started as deploy/hdnd.service starts it (deploy/gunicorn.conf.py), for the tests and
benchmarks that need the app as production runs it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def production_server(environment, **popen):
    """The gunicorn master process, with `environment` as its whole environment."""
    command = [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "config.wsgi"]
    return subprocess.Popen(command, cwd=ROOT, env=environment, **popen)
