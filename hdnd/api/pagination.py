"""Cursor pagination in a stable order: records in the order they were recorded (by id), each page
starting after the last record of the one before. A page is one query whatever its depth — no
OFFSET, no COUNT — so the millionth record comes as fast as the first; records added meanwhile
appear at the end and none is skipped or repeated. Follow the `next` link; its cursor is the id
the next page starts after."""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from .schemas import MAX_ID


def mark_modified(request, records):
    """Keeps the latest change among `records` for the response's Last-Modified header."""
    moments = [moment for moment in (getattr(record, "updated_at", None) for record in records) if moment]
    if moments:
        latest = max(moments)
        current = getattr(request, "api_last_modified", None)
        request.api_last_modified = latest if current is None else max(current, latest)


class CursorPagination(PaginationBase):
    items_attribute = "results"

    class Input(Schema):
        cursor: int | None = Field(
            None, ge=0, le=MAX_ID, description="From the `next` link: the id the page starts after."
        )
        limit: int = Field(
            settings.API_PAGE_SIZE, ge=1, le=settings.API_MAX_PAGE_SIZE, description="Records on the page."
        )

    class Output(Schema):
        next: str | None = Field(description="The address of the next page; null on the last.")
        results: list[Any]

    def paginate_queryset(self, queryset, pagination, request, **params):
        if pagination.cursor is not None:
            queryset = queryset.filter(pk__gt=pagination.cursor)
        rows = list(queryset.order_by("pk")[: pagination.limit + 1])
        page, more = rows[: pagination.limit], len(rows) > pagination.limit
        mark_modified(request, page)
        following = None
        if more:
            query = request.GET.copy()
            query["cursor"] = str(page[-1].pk)
            following = request.build_absolute_uri(request.path) + "?" + urlencode(sorted(query.lists()), doseq=True)
        return {"next": following, "results": page}
