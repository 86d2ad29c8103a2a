"""Sessions with their agenda and vote results; an integration's token records and edits its
council's sessions through the same services as the back office."""

from django.db.models import Prefetch
from django.db.models.functions import Coalesce
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from hdnd.councils.models import Term
from hdnd.meetings import services
from hdnd.meetings.models import AgendaItem, Session, SessionKind
from hdnd.resolutions.models import Resolution

from .. import schemas
from ..common import WRITE_ERRORS, answers, dated, in_councils, one, searched, visible
from ..pagination import CursorPagination
from ..writing import TOKEN, own, referenced, writing_token

router = Router(tags=["Kỳ họp"])


class SessionFilters(Schema):
    council: schemas.QueryID | None = None
    beneath: schemas.Flag = Field(False, description="Gồm cả kỳ họp của Hội đồng cấp dưới.")
    term: schemas.QueryID | None = None
    kind: schemas.choice(SessionKind) | None = None
    start: schemas.Day | None = Field(None, description="Kỳ họp khai mạc từ ngày này trở đi.")
    end: schemas.Day | None = Field(None, description="Kỳ họp khai mạc đến hết ngày này.")
    q: str | None = Field(None, max_length=200)


def _sessions(request):
    return visible(Session.objects.all(), request, lambda sessions: sessions.public())


@router.get("/sessions", response=answers(list[schemas.Session]), summary="Các kỳ họp")
@paginate(CursorPagination)
def session_list(request, filters: Query[SessionFilters]):
    sessions = in_councils(_sessions(request), filters.council, filters.beneath)
    if filters.term:
        sessions = sessions.filter(term_id=filters.term)
    if filters.kind:
        sessions = sessions.filter(kind=filters.kind)
    if filters.start or filters.end:
        sessions = dated(
            sessions.alias(began=Coalesce("actual_start", "planned_start")), "began", filters.start, filters.end
        )
    return searched(sessions, filters.q)


def _with_detail(request, session):
    session.visible_resolutions = list(
        visible(Resolution.objects.filter(session=session), request, lambda r: r.published()).order_by("pk")
    )
    return session


def _detailed(queryset):
    agenda = Prefetch("agenda_items", AgendaItem.objects.order_by("order").prefetch_related("votes"))
    return queryset.prefetch_related(agenda)


@router.get(
    "/sessions/{session_id}",
    response=answers(schemas.SessionDetail),
    summary="Một kỳ họp: chương trình, kết quả biểu quyết, nghị quyết",
)
def session_detail(request, session_id: schemas.PathID):
    return _with_detail(request, one(request, _detailed(_sessions(request)), session_id))


class SessionIn(Schema):
    term: schemas.ID = Field(description="Nhiệm kỳ (của Hội đồng có mã truy cập).")
    number: schemas.Whole | None = Field(None, ge=1, le=999, description="Bỏ trống: lấy số tiếp theo của nhiệm kỳ.")
    kind: schemas.choice(SessionKind) = SessionKind.REGULAR
    title: str = Field("", max_length=255)
    planned_start: schemas.Day
    planned_end: schemas.Day | None = None
    place: str = Field("", max_length=255)
    is_public: schemas.Flag = True


class SessionChanges(Schema):
    """Only the fields given change; null only where a value may be empty."""

    kind: schemas.choice(SessionKind) = None
    title: str = Field(None, max_length=255)
    planned_start: schemas.Day = None
    planned_end: schemas.Day | None = None
    place: str = Field(None, max_length=255)
    is_public: schemas.Flag = None


@router.post(
    "/sessions",
    auth=TOKEN,
    response=answers(schemas.SessionDetail, status=201, errors=WRITE_ERRORS),
    summary="Ghi một kỳ họp",
)
def session_create(request, data: SessionIn):
    token = writing_token(request)
    values = data.dict()
    session = services.session_create(
        actor=token.owner,
        council=token.council,
        term=referenced(token, Term.objects.all(), [values.pop("term")], "term")[0],
        planned_start=values.pop("planned_start"),
        kind=values.pop("kind"),
        number=values.pop("number"),
        **values,
    )
    return Status(201, _with_detail(request, _detailed(Session.objects.all()).get(pk=session.pk)))


@router.patch(
    "/sessions/{session_id}",
    auth=TOKEN,
    response=answers(schemas.SessionDetail, errors=WRITE_ERRORS),
    summary="Sửa thông tin kỳ họp",
)
def session_update(request, session_id: schemas.PathID, data: SessionChanges):
    token = writing_token(request)
    session = own(token, Session, session_id)
    services.session_update(actor=token.owner, session=session, **data.dict(exclude_unset=True))
    return _with_detail(request, _detailed(Session.objects.all()).get(pk=session.pk))
