"""Cursor pagination in a stable order, each page starting after the last record of the one
before: records in the order they were recorded (by id), or — resolutions — newest first by
their date. A page is one query whatever its depth — no OFFSET, no COUNT — so the millionth
record comes as fast as the first, and none is skipped or repeated while a client pages. Follow
the `next` link; its cursor is the (day and) id the next page starts after."""

import datetime
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import F, Q
from django.db.models.fields.tuple_lookups import Tuple, TupleLessThan
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
    """Pages in the order records were recorded: the cursor is the id the page starts after."""

    items_attribute = "results"

    class Input(Schema):
        cursor: int | None = Field(None, ge=0, le=MAX_ID, description="Lấy từ liên kết `next`.")
        limit: int = Field(
            settings.API_PAGE_SIZE, ge=1, le=settings.API_MAX_PAGE_SIZE, description="Số hồ sơ mỗi trang."
        )

    class Output(Schema):
        next: str | None = Field(description="Địa chỉ trang tiếp theo; null ở trang cuối.")
        results: list[Any]

    def ordered(self, queryset):
        return queryset.order_by("pk")

    def after(self, queryset, cursor):
        return queryset.filter(pk__gt=cursor)

    def cursor_of(self, record):
        return record.pk

    def paginate_queryset(self, queryset, pagination, request, **params):
        queryset = self.ordered(queryset)
        if pagination.cursor is not None:
            queryset = self.after(queryset, pagination.cursor)
        rows = list(queryset[: pagination.limit + 1])
        page, more = rows[: pagination.limit], len(rows) > pagination.limit
        mark_modified(request, page)
        following = None
        if more:
            query = request.GET.copy()
            query["cursor"] = str(self.cursor_of(page[-1]))
            following = request.build_absolute_uri(request.path) + "?" + urlencode(sorted(query.lists()), doseq=True)
        return {"next": following, "results": page}


#: A dated cursor packs a day and an id into one number: day ordinal × ID_SPAN + id.
ID_SPAN = 10**12
MAX_ORDINAL = datetime.date.max.toordinal()


class NewestFirstPagination(CursorPagination):
    """Pages newest first by a date (`date_field`), then by id: records without the date (drafts,
    for a token that reads them) come first. One query per page at any depth, served by an index
    on the date: the cursor, still one integer, is the day and the id the page starts after."""

    date_field = "adopted_on"

    class Input(CursorPagination.Input):
        cursor: int | None = Field(
            None, ge=0, le=MAX_ORDINAL * ID_SPAN + ID_SPAN - 1, description="Lấy từ liên kết `next`."
        )

    def ordered(self, queryset):
        return queryset.order_by(F(self.date_field).desc(nulls_first=True), "-pk")

    def after(self, queryset, cursor):
        ordinal, pk = divmod(cursor, ID_SPAN)
        undated = Q(**{f"{self.date_field}__isnull": True})
        if ordinal == 0:  # after a record without the date: the rest of those, then every dated one
            return queryset.filter((undated & Q(pk__lt=pk)) | ~undated)
        day = datetime.date.fromordinal(min(ordinal, MAX_ORDINAL))
        return queryset.filter(TupleLessThan(Tuple(F(self.date_field), F("pk")), (day, pk)))

    def cursor_of(self, record):
        day = getattr(record, self.date_field)
        return (day.toordinal() if day else 0) * ID_SPAN + record.pk
