"""What the routers share: the documented error answers, who sees what, and the filters every
list of records understands (council with or without those beneath, dates, full-text `q`)."""

import datetime

from django.shortcuts import get_object_or_404

from hdnd.core.models import folded_search
from hdnd.councils.models import Council

from .auth import request_token
from .pagination import mark_modified
from .permissions import can_read_private
from .schemas import Error, ValidationErrors

#: The errors any endpoint may give.
READ_ERRORS = {401: Error, 404: Error, 422: ValidationErrors, 429: Error}
#: And those of a write: a body that is not JSON (400), a token that only reads (403), a step the
#: record's state does not allow — already adopted, already answered (409).
WRITE_ERRORS = {**READ_ERRORS, 400: Error, 403: Error, 409: Error}


def answers(ok, *, status=200, errors=READ_ERRORS):
    return {status: ok, **errors}


def visible(queryset, request, public):
    """The records anyone may read (`public`, a QuerySet method's result) and, for a token that
    reads unpublished records, every record of its own council."""
    token = request_token(request)
    shown = public(queryset)
    if token is not None and can_read_private(token, token.council_id):
        return shown | queryset.filter(council_id=token.council_id)
    return shown


def in_councils(queryset, council, beneath, path="council"):
    """Records of the council `council` (an id) — and, with `beneath`, of the councils beneath it."""
    if council is None:
        return queryset
    if not beneath:
        return queryset.filter(**{f"{path}_id": council})
    # The councils as a subquery: the database finds them once, not through joins on every row.
    return queryset.filter(**{f"{path}_id__in": Council.objects.with_beneath(council).values("pk")})


def dated(queryset, field, start: datetime.date | None, end: datetime.date | None):
    if start:
        queryset = queryset.filter(**{f"{field}__gte": start})
    if end:
        queryset = queryset.filter(**{f"{field}__lte": end})
    return queryset


def searched(queryset, q):
    return folded_search(queryset, q) if q and q.strip() else queryset


def one(request, queryset, pk):
    """The record `pk` among `queryset`, or 404; its last change becomes Last-Modified."""
    record = get_object_or_404(queryset, pk=pk)
    mark_modified(request, [record])
    return record
