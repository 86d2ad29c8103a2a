"""Briefings — those the portal published an article on — and the figures of a council (with or
without those beneath it) for any period, counted from the records as the briefings count them."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import paginate

from hdnd.councils.models import Council, Level
from hdnd.portal.models import ArticlePage
from hdnd.reports.models import Briefing
from hdnd.reports.narrative import narrative
from hdnd.reports.statistics import Scope, figures

from .. import schemas
from ..common import answers, in_councils, one
from ..pagination import CursorPagination

router = Router(tags=["Giao ban và số liệu"])


def _published_articles():
    return ArticlePage.objects.live().public().order_by("-first_published_at")


def _briefings():
    articles = Prefetch("articles", _published_articles(), to_attr="published_articles")
    return (
        Briefing.objects.filter(articles__in=_published_articles())
        .distinct()
        .prefetch_related("attending_councils", "tasks", articles)
    )


class BriefingFilters(Schema):
    council: schemas.QueryID | None = Field(None, description="Hội đồng chủ trì.")
    beneath: schemas.Flag = False
    start: schemas.Day | None = Field(None, description="Tổ chức từ ngày này trở đi.")
    end: schemas.Day | None = Field(None, description="Tổ chức đến hết ngày này.")


@router.get("/briefings", response=answers(list[schemas.Briefing]), summary="Các hội nghị giao ban")
@paginate(CursorPagination)
def briefing_list(request, filters: Query[BriefingFilters]):
    briefings = in_councils(_briefings(), filters.council, filters.beneath)
    if filters.start:
        briefings = briefings.filter(held_on__gte=filters.start)
    if filters.end:
        briefings = briefings.filter(held_on__lte=filters.end)
    return briefings


@router.get("/briefings/{briefing_id}", response=answers(schemas.Briefing), summary="Một hội nghị giao ban")
def briefing_detail(request, briefing_id: schemas.PathID):
    return one(request, _briefings(), briefing_id)


class Period(Schema):
    start: schemas.Day = Field(description="Ngày đầu kỳ.")
    end: schemas.Day = Field(description="Ngày cuối kỳ.")
    beneath: schemas.Flag = Field(True, description="Có tính cả các Hội đồng cấp dưới không.")


LEVEL_LABELS = {Level.PROVINCE: "cấp tỉnh", Level.DISTRICT: "cấp huyện", Level.COMMUNE: "cấp xã"}


@router.get(
    "/councils/{council_id}/figures",
    response=answers(schemas.Figures),
    summary="Số liệu của một Hội đồng trong một kỳ, theo cấp",
)
def council_figures(request, council_id: schemas.PathID, period: Query[Period]):
    if period.end < period.start:
        raise ValidationError(
            [
                {
                    "loc": ("query", "end"),
                    "msg": _("The end of the period cannot be before its start."),
                    "type": "value_error",
                }
            ]
        )
    council = get_object_or_404(Council.objects.select_related("unit"), pk=council_id)
    report = figures(Scope(council, period.start, period.end, beneath=period.beneath))
    return {
        "council_id": council.pk,
        "start": period.start,
        "end": period.end,
        "beneath": period.beneath,
        "levels": [
            {
                "level": level,
                "level_label": LEVEL_LABELS[level],
                "figures": {
                    name: {"total": c.total, "by": {str(k): n for k, n in c.by.items()}}
                    for name, c in report.level(level).items()
                },
            }
            for level in report.levels
        ],
        "paragraphs": narrative(report),
    }
