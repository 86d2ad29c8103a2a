"""Times the national unit load on an empty database, then the idempotent second run.

.venv/bin/python bench/load_units.py                      # a temporary SQLite file
DATABASE_URL=postgres://postgres@127.0.0.1:5432/hdnd_bench .venv/bin/python bench/load_units.py
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
tmp = tempfile.TemporaryDirectory()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp.name}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from hdnd.councils.models import AdministrativeUnit, UnitSuccession  # noqa: E402
from hdnd.councils.units import load_units  # noqa: E402


def main():
    call_command("migrate", verbosity=0)
    AdministrativeUnit.objects.all().delete()
    timings = []
    for label in ("first load (empty table)", "second load (idempotent)"):
        started = time.perf_counter()
        result = load_units()
        timings.append((label, time.perf_counter() - started))
    print(f"database: {connection.vendor}")
    for label, seconds in timings:
        print(f"{label:<28} {seconds:6.2f} s")
    print(
        f"units: {AdministrativeUnit.objects.count()} (old {result.old_counts}, new {result.new_counts}); "
        f"successions: {UnitSuccession.objects.count()}"
    )


if __name__ == "__main__":
    main()
