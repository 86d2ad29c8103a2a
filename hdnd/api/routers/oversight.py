"""Supervision and survey missions, once decided, with each recommendation and where it stands."""

import datetime

from django.db.models import Prefetch
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from hdnd.oversight.models import Mission, MissionKind, MissionStatus, Recommendation

from .. import schemas
from ..common import answers, in_councils, one, searched, visible
from ..pagination import CursorPagination

router = Router(tags=["Giám sát"])


class MissionFilters(Schema):
    council: schemas.QueryID | None = None
    beneath: schemas.Flag = Field(False, description="Gồm cả các cuộc giám sát của Hội đồng cấp dưới.")
    term: schemas.QueryID | None = None
    kind: schemas.choice(MissionKind) | None = None
    status: schemas.choice(MissionStatus) | None = None
    start: schemas.Day | None = Field(
        None, description="Bắt đầu (theo ngày quyết định, nếu chưa có thì ngày dự kiến) từ ngày này trở đi."
    )
    end: schemas.Day | None = Field(None, description="Bắt đầu đến hết ngày này.")
    q: str | None = Field(None, max_length=200)


def _missions(request):
    return visible(Mission.objects.all(), request, lambda missions: missions.public())


@router.get("/missions", response=answers(list[schemas.Mission]), summary="Các cuộc giám sát, khảo sát")
@paginate(CursorPagination)
def mission_list(request, filters: Query[MissionFilters]):
    missions = in_councils(_missions(request), filters.council, filters.beneath)
    for name in ("term", "kind", "status"):
        value = getattr(filters, name)
        if value:
            missions = missions.filter(**{name: value})
    if filters.start or filters.end:
        missions = missions.begun_between(filters.start or datetime.date.min, filters.end or datetime.date.max)
    return searched(missions, filters.q)


@router.get(
    "/missions/{mission_id}",
    response=answers(schemas.MissionDetail),
    summary="Một cuộc giám sát, khảo sát và các kiến nghị",
)
def mission_detail(request, mission_id: schemas.PathID):
    recommendations = Prefetch("recommendations", Recommendation.objects.order_by("deadline", "pk"))
    return one(request, _missions(request).prefetch_related(recommendations), mission_id)
