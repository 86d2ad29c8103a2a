"""Administrative units (both eras, with their lineage), councils, terms, committees, delegate
groups, delegates and their memberships."""

from django.db.models import Prefetch
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from hdnd.councils import models
from hdnd.councils.models import Level, valid_on_q

from .. import schemas
from ..common import answers, in_councils, one, searched
from ..pagination import CursorPagination

router = Router(tags=["Tổ chức"])


class UnitFilters(Schema):
    level: schemas.choice(Level) | None = None
    parent: schemas.QueryID | None = Field(None, description="Các đơn vị trực thuộc đơn vị này.")
    on: schemas.Day | None = Field(None, description="Các đơn vị còn tồn tại vào ngày này (lưu cả hai thời kỳ).")
    code: str | None = Field(None, max_length=5, description="Mã đơn vị hành chính (Tổng cục Thống kê).")
    q: str | None = Field(None, max_length=200, description="Từ trong tên, có dấu hoặc không dấu.")


def _units():
    return models.AdministrativeUnit.objects.select_related("council").prefetch_related("predecessors", "successors")


@router.get("/units", response=answers(list[schemas.Unit]), summary="Đơn vị hành chính")
@paginate(CursorPagination)
def unit_list(request, filters: Query[UnitFilters]):
    units = _units()
    if filters.level:
        units = units.filter(level=filters.level)
    if filters.parent:
        units = units.filter(parent_id=filters.parent)
    if filters.on:
        units = units.filter(valid_on_q(filters.on))
    if filters.code:
        units = units.filter(code=filters.code)
    return searched(units, filters.q)


@router.get("/units/{unit_id}", response=answers(schemas.Unit), summary="Một đơn vị hành chính và quan hệ kế thừa")
def unit_detail(request, unit_id: schemas.PathID):
    return one(request, _units(), unit_id)


class CouncilFilters(Schema):
    level: schemas.choice(Level) | None = None
    on: schemas.Day | None = Field(None, description="Hội đồng của các đơn vị hành chính còn tồn tại vào ngày này.")
    council: schemas.QueryID | None = Field(
        None, description="Hội đồng này và, với beneath=true, các Hội đồng cấp dưới."
    )
    beneath: schemas.Flag = False
    q: str | None = Field(None, max_length=200)


def _councils():
    return models.Council.objects.select_related("unit", "unit__parent", "unit__parent__council")


@router.get("/councils", response=answers(list[schemas.Council]), summary="Các Hội đồng nhân dân")
@paginate(CursorPagination)
def council_list(request, filters: Query[CouncilFilters]):
    councils = _councils()
    if filters.level:
        councils = councils.filter(unit__level=filters.level)
    if filters.on:
        councils = councils.filter(valid_on_q(filters.on, "unit__"))
    if filters.council:
        scope = models.Council.objects.with_beneath(filters.council) if filters.beneath else None
        councils = (
            councils.filter(pk__in=scope.values("pk")) if scope is not None else councils.filter(pk=filters.council)
        )
    return searched(councils, filters.q)


@router.get("/councils/{council_id}", response=answers(schemas.Council), summary="Một Hội đồng nhân dân")
def council_detail(request, council_id: schemas.PathID):
    return one(request, _councils(), council_id)


class OrganFilters(Schema):
    council: schemas.QueryID | None = None
    beneath: schemas.Flag = False
    term: schemas.QueryID | None = None


@router.get("/terms", response=answers(list[schemas.Term]), summary="Các nhiệm kỳ")
@paginate(CursorPagination)
def term_list(request, filters: Query[OrganFilters]):
    terms = in_councils(models.Term.objects.all(), filters.council, filters.beneath)
    return terms.filter(pk=filters.term) if filters.term else terms


@router.get("/committees", response=answers(list[schemas.Committee]), summary="Các Ban")
@paginate(CursorPagination)
def committee_list(request, filters: Query[OrganFilters]):
    committees = in_councils(models.Committee.objects.all(), filters.council, filters.beneath)
    return committees.filter(term_id=filters.term) if filters.term else committees


@router.get("/delegate-groups", response=answers(list[schemas.DelegateGroup]), summary="Các Tổ đại biểu")
@paginate(CursorPagination)
def delegate_group_list(request, filters: Query[OrganFilters]):
    groups = models.DelegateGroup.objects.prefetch_related("constituencies")
    groups = in_councils(groups, filters.council, filters.beneath)
    return groups.filter(term_id=filters.term) if filters.term else groups


class DelegateFilters(OrganFilters):
    in_office_on: schemas.Day | None = Field(None, description="Đại biểu đang thực hiện nhiệm vụ vào ngày này.")
    committee: schemas.QueryID | None = Field(None, description="Thành viên của Ban này (bất kỳ thời điểm nào).")
    delegate_group: schemas.QueryID | None = Field(
        None, description="Thành viên của Tổ đại biểu này (bất kỳ thời điểm nào)."
    )
    q: str | None = Field(None, max_length=200, description="Từ trong tên, có dấu hoặc không dấu.")


def _delegates():
    return models.Delegate.objects.select_related("person", "constituency")


@router.get("/delegates", response=answers(list[schemas.Delegate]), summary="Các đại biểu")
@paginate(CursorPagination)
def delegate_list(request, filters: Query[DelegateFilters]):
    delegates = in_councils(_delegates(), filters.council, filters.beneath)
    if filters.term:
        delegates = delegates.filter(term_id=filters.term)
    if filters.in_office_on:
        delegates = delegates.in_office_on(filters.in_office_on)
    if filters.committee:
        delegates = delegates.filter(memberships__committee_id=filters.committee).distinct()
    if filters.delegate_group:
        delegates = delegates.filter(memberships__delegate_group_id=filters.delegate_group).distinct()
    if filters.q and filters.q.strip():
        delegates = delegates.filter(person__in=searched(models.Person.objects.all(), filters.q))
    return delegates


@router.get("/delegates/{delegate_id}", response=answers(schemas.DelegateDetail), summary="Một đại biểu và các chức vụ")
def delegate_detail(request, delegate_id: schemas.PathID):
    memberships = Prefetch("memberships", models.Membership.objects.order_by("start_date", "pk"))
    return one(request, _delegates().prefetch_related(memberships), delegate_id)


class MembershipFilters(OrganFilters):
    delegate: schemas.QueryID | None = None
    body: schemas.choice(models.Body) | None = None
    on: schemas.Day | None = Field(None, description="Chức vụ, thành viên còn hiệu lực vào ngày này.")


@router.get("/memberships", response=answers(list[schemas.Membership]), summary="Thành viên và chức vụ")
@paginate(CursorPagination)
def membership_list(request, filters: Query[MembershipFilters]):
    memberships = in_councils(models.Membership.objects.all(), filters.council, filters.beneath, "delegate__council")
    if filters.term:
        memberships = memberships.filter(delegate__term_id=filters.term)
    if filters.delegate:
        memberships = memberships.filter(delegate_id=filters.delegate)
    if filters.body:
        memberships = memberships.filter(body=filters.body)
    if filters.on:
        memberships = memberships.current_on(filters.on)
    return memberships
