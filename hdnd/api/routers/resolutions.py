"""Resolutions with their vote, relations and files; an integration's token drafts, edits, adopts
and publishes its council's resolutions through the same services as the back office."""

import datetime

from django.db.models import Prefetch
from ninja import Field, Query, Router, Schema
from ninja import Status as Answer
from ninja.pagination import paginate

from hdnd.councils.models import Term
from hdnd.meetings.models import AgendaItem, Session
from hdnd.resolutions import services
from hdnd.resolutions.models import Attachment, Kind, Resolution, ResolutionRelation, Status
from hdnd.resolutions.models import Field as ResolutionField

from .. import schemas
from ..common import WRITE_ERRORS, answers, dated, in_councils, one, searched, visible
from ..pagination import NewestFirstPagination
from ..writing import TOKEN, own, referenced, writing_token

router = Router(tags=["Nghị quyết"])


class ResolutionFilters(Schema):
    council: schemas.QueryID | None = None
    beneath: schemas.Flag = Field(False, description="Gồm cả nghị quyết của Hội đồng cấp dưới.")
    term: schemas.QueryID | None = None
    session: schemas.QueryID | None = None
    year: int | None = Field(None, ge=1945, le=2200, description="Năm của số nghị quyết.")
    kind: schemas.choice(Kind) | None = None
    field: schemas.choice(ResolutionField) | None = None
    force: schemas.choice_of("in_force", "ended") | None = Field(
        None, description="in_force: còn hiệu lực; ended: đã bị thay thế hoặc bãi bỏ."
    )
    status: schemas.choice(Status) | None = Field(
        None, description="Trạng thái khác “đã công bố”: chỉ với mã truy cập được đọc dự thảo."
    )
    start: schemas.Day | None = Field(None, description="Thông qua từ ngày này trở đi.")
    end: schemas.Day | None = Field(None, description="Thông qua đến hết ngày này.")
    q: str | None = Field(
        None, max_length=200, description="Từ trong số, ký hiệu hoặc trích yếu, có dấu hoặc không dấu."
    )


def _public(resolutions):
    # Every published resolution has its adoption date (a constraint); saying so lets the date
    # index skip the undated drafts that come first in the newest-first order.
    return resolutions.published().filter(adopted_on__isnull=False)


def _resolutions(request):
    return visible(Resolution.objects.all(), request, _public).with_force(datetime.date.today())


@router.get("/resolutions", response=answers(list[schemas.Resolution]), summary="Các nghị quyết")
@paginate(NewestFirstPagination)
def resolution_list(request, filters: Query[ResolutionFilters]):
    resolutions = in_councils(_resolutions(request), filters.council, filters.beneath)
    for name in ("term", "session", "year", "kind", "field", "status"):
        value = getattr(filters, name)
        if value:
            resolutions = resolutions.filter(**{name: value})
    if filters.force:
        resolutions = resolutions.filter(no_longer_in_force=filters.force == "ended")
    resolutions = dated(resolutions, "adopted_on", filters.start, filters.end)
    # The list shows no text: leave the long columns in the database.
    return searched(resolutions, filters.q).defer("legal_bases", "body", "recipients", "search_text")


def _detailed(request, queryset):
    shown = visible(Resolution.objects.all(), request, lambda resolutions: resolutions.published())
    return queryset.select_related("vote").prefetch_related(
        Prefetch("relations", ResolutionRelation.objects.filter(target__in=shown).select_related("target")),
        Prefetch("affected_by", ResolutionRelation.objects.filter(source__in=shown).select_related("source")),
        Prefetch("attachments", Attachment.objects.order_by("created_at", "pk")),
    )


def _as_detail(request, resolution):
    def related(relation, other):
        return {
            "kind": relation.kind,
            "kind_label": relation.get_kind_display(),
            "resolution_id": other.pk,
            "symbol": other.symbol,
            "subject": other.subject,
        }

    resolution.relations_shown = [related(r, r.target) for r in resolution.relations.all()]
    resolution.affected_by_shown = [related(r, r.source) for r in resolution.affected_by.all()]
    resolution.files = [
        {
            "id": attachment.pk,
            "title": attachment.title,
            "file_type": attachment.file_type,
            "size": attachment.size,
            "url": request.build_absolute_uri(attachment.file.url),
        }
        for attachment in resolution.attachments.all()
    ]
    return resolution


@router.get(
    "/resolutions/{resolution_id}",
    response=answers(schemas.ResolutionDetail),
    summary="Một nghị quyết: nội dung, biểu quyết, quan hệ, tệp đính kèm",
)
def resolution_detail(request, resolution_id: schemas.PathID):
    return _as_detail(request, one(request, _detailed(request, _resolutions(request)), resolution_id))


class ResolutionText(Schema):
    field: schemas.choice(ResolutionField) = ResolutionField.OTHER
    subject: str = Field(min_length=1, max_length=500)
    session: schemas.ID | None = Field(None, description="Kỳ họp (của Hội đồng có mã truy cập) thông qua nghị quyết.")
    agenda_item: schemas.ID | None = Field(None, description="Nội dung chương trình của kỳ họp đó.")
    effective_date: schemas.Day | None = None
    legal_bases: list[str] = Field([], max_length=50, description="Mỗi mục một “Căn cứ …”.")
    body: str = Field("", max_length=200000)
    recipients: list[str] = Field([], max_length=50)
    on_behalf: str = Field("TM. HỘI ĐỒNG NHÂN DÂN", min_length=1, max_length=100)
    signer_title: str = Field("CHỦ TỊCH", min_length=1, max_length=100)
    signer_name: str = Field("", max_length=150)


class ResolutionIn(ResolutionText):
    term: schemas.ID = Field(description="Nhiệm kỳ (của Hội đồng có mã truy cập).")
    kind: schemas.choice(Kind) = Kind.INDIVIDUAL


class ResolutionChanges(Schema):
    """Only the fields given change; null only where a value may be empty."""

    field: schemas.choice(ResolutionField) = None
    subject: str = Field(None, min_length=1, max_length=500)
    session: schemas.ID | None = None
    agenda_item: schemas.ID | None = None
    effective_date: schemas.Day | None = None
    legal_bases: list[str] = Field(None, max_length=50)
    body: str = Field(None, max_length=200000)
    recipients: list[str] = Field(None, max_length=50)
    on_behalf: str = Field(None, min_length=1, max_length=100)
    signer_title: str = Field(None, min_length=1, max_length=100)
    signer_name: str = Field(None, max_length=150)


class Adoption(Schema):
    adopted_on: schemas.Day
    number: schemas.Whole | None = Field(
        None, ge=1, le=9999, description="Bỏ trống: lấy số tiếp theo của sổ nghị quyết."
    )
    effective_date: schemas.Day | None = None


#: The fields of a request's body that name records by id: where to find them, and their council.
REFERENCES = {
    "term": (Term.objects.all(), "council"),
    "session": (Session.objects.all(), "council"),
    "agenda_item": (AgendaItem.objects.all(), "session__council"),
}


def _values(token, data):
    """Model values from the request's fields: references looked up in the token's council, lists
    written one item per line as the back office writes them."""
    values = {}
    for name, value in data.items():
        if name in REFERENCES and value is not None:
            queryset, council_path = REFERENCES[name]
            (value,) = referenced(token, queryset, [value], name, council_path)
        elif name in ("legal_bases", "recipients"):
            value = "\n".join(line.strip() for line in (value or []) if line.strip())
        values[name] = value
    return values


def _reloaded(request, resolution):
    queryset = Resolution.objects.filter(pk=resolution.pk).with_force(datetime.date.today())
    return _as_detail(request, _detailed(request, queryset).get())


@router.post(
    "/resolutions",
    auth=TOKEN,
    response=answers(schemas.ResolutionDetail, status=201, errors=WRITE_ERRORS),
    summary="Ghi một dự thảo nghị quyết",
)
def resolution_create(request, data: ResolutionIn):
    token = writing_token(request)
    values = _values(token, data.dict())
    resolution = services.resolution_draft(
        actor=token.owner, council=token.council, term=values.pop("term"), subject=values.pop("subject"), **values
    )
    return Answer(201, _reloaded(request, resolution))


@router.patch(
    "/resolutions/{resolution_id}",
    auth=TOKEN,
    response=answers(schemas.ResolutionDetail, errors=WRITE_ERRORS),
    summary="Sửa nội dung, thông tin nghị quyết",
)
def resolution_update(request, resolution_id: schemas.PathID, data: ResolutionChanges):
    token = writing_token(request)
    resolution = own(token, Resolution, resolution_id)
    services.resolution_update(
        actor=token.owner, resolution=resolution, **_values(token, data.dict(exclude_unset=True))
    )
    return _reloaded(request, resolution)


@router.post(
    "/resolutions/{resolution_id}/adoption",
    auth=TOKEN,
    response=answers(schemas.ResolutionDetail, errors=WRITE_ERRORS),
    summary="Ghi nhận thông qua dự thảo: cấp số nghị quyết",
)
def resolution_adopt(request, resolution_id: schemas.PathID, data: Adoption):
    token = writing_token(request)
    resolution = own(token, Resolution, resolution_id)
    services.resolution_adopt(actor=token.owner, resolution=resolution, **data.dict())
    return _reloaded(request, resolution)


@router.post(
    "/resolutions/{resolution_id}/publication",
    auth=TOKEN,
    response=answers(schemas.ResolutionDetail, errors=WRITE_ERRORS),
    summary="Công bố nghị quyết đã thông qua (mã của lãnh đạo)",
)
def resolution_publish(request, resolution_id: schemas.PathID):
    token = writing_token(request)
    resolution = own(token, Resolution, resolution_id)
    services.resolution_publish(actor=token.owner, resolution=resolution)
    return _reloaded(request, resolution)
