"""What a load balancer asks: `/healthz` — the process answers — and `/readyz` — the database and
the cache answer and every migration is applied (503 otherwise, saying what is wrong). Answered
by the first middleware, so that no HTTPS redirect, host check or portal lookup stands between
the balancer and the answer, and so that a database that is down gives 503, not 500."""

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.utils.translation import gettext as _

_migrated = False  # once every migration is applied, it stays so for the life of the process


def pending_migrations():
    """The migrations not yet applied to the database (none, once seen so in this process)."""
    global _migrated
    if _migrated:
        return []
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    pending = [
        f"{migration.app_label}.{migration.name}"
        for migration, _backwards in executor.migration_plan(executor.loader.graph.leaf_nodes())
    ]
    _migrated = not pending
    return pending


def readiness_problems():
    """{part: what is wrong} for every part that is not ready; empty when all are."""
    problems = {}
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # any driver error means the same to a load balancer
        problems["database"] = _("The database does not answer: %(error)s") % {"error": exc.__class__.__name__}
    try:
        cache.set("readyz", 1, 10)
        if cache.get("readyz") != 1:
            raise LookupError("readyz")
    except Exception as exc:
        problems["cache"] = _("The cache does not answer: %(error)s") % {"error": exc.__class__.__name__}
    if "database" not in problems:
        pending = pending_migrations()
        if pending:
            problems["migrations"] = _(
                "%(count)s migrations are not applied (%(first)s…): run “manage.py migrate”."
            ) % {"count": len(pending), "first": pending[0]}
    return problems


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return JsonResponse({"status": "ok"})
        if request.path == "/readyz":
            problems = readiness_problems()
            return JsonResponse(
                {"status": "unready" if problems else "ok", "problems": problems}, status=503 if problems else 200
            )
        return self.get_response(request)
