"""Reads from PostgreSQL streaming replicas, writes to the primary (docs/scaling.md).

Active only when DATABASE_REPLICA_URLS names replicas (config/settings/base.py makes them the
aliases `replica1`, `replica2`… and installs the router and the middleware below).

Who reads where:
- A GET, HEAD or OPTIONS request reads from one replica, chosen at random once per request so
  that its reads do not mix two replicas' lags — until it writes or opens a transaction on the
  primary: from then on, for the rest of the request, everything goes to the primary, which alone
  has what the request just wrote.
- Any other request (a form, an API write) reads from the primary from the start: it is about to
  write, and what it checks before writing (a unique number, a status) must be current.
- A client that wrote gets a cookie (`hdnd_primary_until`) for DATABASE_REPLICA_STICKY_SECONDS;
  while it holds one, its requests read from the primary. A replica is behind by the time it takes
  to replay the primary's WAL: without this, the request that follows a sign-in could look the new
  session up on a replica that has not got it yet, and send the user back to the sign-in page,
  and an edit saved a moment ago could seem lost.
- Outside requests (management commands, tasks) reads go to the primary, unless the code asks
  for replicas with `replica_reads()` — a long export that can read slightly old data, say.
- Wagtail's pages and sites and the portal's frames are always read from the primary. Each
  process keeps them in memory or in the page cache until a publication says they changed
  (hdnd/portal/sites.py, cache.py); that news travels through Redis at once, and a process that
  reloaded them from a replica not yet past the publication would keep the old page until the
  next one. They are few, small and cached: the primary hardly notices.
"""

import math
import random
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

STICKY_COOKIE = "hdnd_primary_until"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: Apps whose rows are cached until a publication changes them: read from the primary only.
PRIMARY_ONLY_APPS = frozenset({"wagtailcore", "portal"})


@dataclass
class _Reads:
    """Where the current request (or `replica_reads()` block) reads. Mutable, so that a write
    noticed deep in a view is seen by the middleware that set it up."""

    from_replica: bool
    replica: str | None = None
    wrote: bool = False

    def pin(self):
        self.from_replica = False
        self.wrote = True


#: None outside requests: the primary.
_reads: ContextVar[_Reads | None] = ContextVar("hdnd_replica_reads", default=None)


def replica_aliases():
    """The replicas' database aliases, in the order DATABASE_REPLICA_URLS lists them."""
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def sticky_seconds():
    return getattr(settings, "DATABASE_REPLICA_STICKY_SECONDS", 5)


@contextmanager
def replica_reads():
    """Reads inside the block go to a replica (until the block writes), outside any request: for
    commands and tasks that can read data a moment old. Inside a request it changes nothing."""
    if _reads.get() is not None:
        yield
        return
    token = _reads.set(_Reads(from_replica=True))
    try:
        yield
    finally:
        _reads.reset(token)


def pin_to_primary():
    """Sends the rest of the current request's reads to the primary, and gives the client the
    sticky cookie: for code that writes with raw SQL, which the router does not see."""
    reads = _reads.get()
    if reads is not None:
        reads.pin()


class ReplicaRouter:
    """Django's database router: reads to a replica when the current request may, everything
    else to the primary (`default`); migrations on the primary only."""

    def __init__(self, replicas=None):
        self.replicas = replica_aliases() if replicas is None else list(replicas)
        self.aliases = {DEFAULT_DB_ALIAS, *self.replicas}

    def db_for_read(self, model, **hints):
        reads = _reads.get()
        if reads is None or not reads.from_replica or not self.replicas:
            return DEFAULT_DB_ALIAS
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            # Inside transaction.atomic() the block's own writes (and its row locks) are on the
            # primary; what the block does usually writes, so the rest of the request stays there.
            reads.pin()
            return DEFAULT_DB_ALIAS
        if reads.replica not in self.replicas:
            reads.replica = random.choice(self.replicas)
        return reads.replica

    def db_for_write(self, model, **hints):
        reads = _reads.get()
        if reads is not None:
            reads.pin()
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replicas hold the primary's very rows: an object read from one may be linked to one
        # read from another.
        if obj1._state.db in self.aliases and obj2._state.db in self.aliases:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


def _sticky(request):
    try:
        return float(request.COOKIES.get(STICKY_COOKIE, "0")) > time.time()
    except ValueError:
        return False


class ReplicaReadsMiddleware:
    """Sets where each request reads (see the module's docstring); after a request that wrote,
    gives the client the cookie that keeps its next requests on the primary for a few seconds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reads = _Reads(from_replica=request.method in SAFE_METHODS and not _sticky(request))
        token = _reads.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _reads.reset(token)
        if reads.wrote:
            seconds = sticky_seconds()
            response.set_cookie(
                STICKY_COOKIE,
                str(math.ceil(time.time() + seconds)),
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
