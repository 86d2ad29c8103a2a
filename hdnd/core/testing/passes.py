"""The suite runs twice (`.ci/run`): on SQLite, with no DATABASE_URL, and on PostgreSQL. A test that
needs the production database, or brings a PostgreSQL cluster of its own, runs in one pass only;
these marks say which, and skip the test before its fixtures are set up (a skip inside the test
would come after them, and some take most of a minute)."""

import os

import pytest

ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))

postgresql_pass_only = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="runs in the PostgreSQL pass of the suite (DATABASE_URL=postgres://…)"
)
sqlite_pass_only = pytest.mark.skipif(
    ON_POSTGRESQL, reason="brings its own PostgreSQL cluster: runs once, in the pass without DATABASE_URL (SQLite)"
)
