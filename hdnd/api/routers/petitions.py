"""Voter petitions with their answers (never a voter's name); an integration's token records its
council's petitions and each step to the answer through the same services as the back office."""

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from hdnd.meetings.models import Session
from hdnd.petitions import services
from hdnd.petitions.models import CompetentLevel, PetitionField, PetitionStatus, VoterMeeting, VoterPetition

from .. import schemas
from ..common import WRITE_ERRORS, answers, dated, in_councils, one, searched, visible
from ..pagination import CursorPagination
from ..writing import TOKEN, own, referenced, writing_token

router = Router(tags=["Kiến nghị cử tri"])


class PetitionFilters(Schema):
    council: schemas.QueryID | None = None
    beneath: schemas.Flag = Field(False, description="Gồm cả kiến nghị của Hội đồng cấp dưới.")
    session: schemas.QueryID | None = None
    field: schemas.choice(PetitionField) | None = None
    competent_level: schemas.choice(CompetentLevel) | None = None
    status: schemas.choice(PetitionStatus) | None = Field(
        None,
        description="Trạng thái khác “đã trả lời”, “đã thông báo lại cử tri”: chỉ với mã truy cập được đọc hồ sơ chưa công bố.",
    )
    start: schemas.Day | None = Field(None, description="Trả lời từ ngày này trở đi.")
    end: schemas.Day | None = Field(None, description="Trả lời đến hết ngày này.")
    q: str | None = Field(None, max_length=200)


def _petitions(request):
    return visible(VoterPetition.objects.all(), request, lambda petitions: petitions.answered())


@router.get(
    "/voter-petitions", response=answers(list[schemas.VoterPetition]), summary="Kiến nghị cử tri và kết quả trả lời"
)
@paginate(CursorPagination)
def petition_list(request, filters: Query[PetitionFilters]):
    petitions = in_councils(_petitions(request), filters.council, filters.beneath)
    for name in ("session", "field", "competent_level", "status"):
        value = getattr(filters, name)
        if value:
            petitions = petitions.filter(**{name: value})
    petitions = dated(petitions, "answered_on", filters.start, filters.end)
    return searched(petitions, filters.q)


@router.get("/voter-petitions/{petition_id}", response=answers(schemas.VoterPetition), summary="Một kiến nghị cử tri")
def petition_detail(request, petition_id: schemas.PathID):
    return one(request, _petitions(request), petition_id)


class PetitionIn(Schema):
    received_on: schemas.Day
    text: str = Field(min_length=1, max_length=20000)
    area: str = Field("", max_length=255, description="Cử tri nơi nêu kiến nghị: thôn, xã. Không ghi họ tên.")
    session: schemas.ID | None = Field(
        None, description="Kỳ họp (của Hội đồng có mã truy cập) mà kiến nghị được tổng hợp cho."
    )
    meetings: list[schemas.ID] = Field([], max_length=50, description="Các cuộc tiếp xúc cử tri nêu kiến nghị.")


class Classification(Schema):
    field: schemas.choice(PetitionField)
    competent_level: schemas.choice(CompetentLevel)
    competent_body: str = Field(min_length=1, max_length=255)


class Forwarding(Schema):
    forwarded_on: schemas.Day
    deadline: schemas.Day


class Answer(Schema):
    answer: str = Field(min_length=1, max_length=50000)
    answered_on: schemas.Day


@router.post(
    "/voter-petitions",
    auth=TOKEN,
    response=answers(schemas.VoterPetition, status=201, errors=WRITE_ERRORS),
    summary="Ghi một kiến nghị cử tri đã tiếp nhận",
)
def petition_create(request, data: PetitionIn):
    token = writing_token(request)
    session = referenced(token, Session.objects.all(), [data.session], "session")[0] if data.session else None
    meetings = referenced(token, VoterMeeting.objects.all(), list(dict.fromkeys(data.meetings)), "meetings")
    petition = services.petition_record(
        actor=token.owner,
        council=token.council,
        received_on=data.received_on,
        text=data.text,
        area=data.area,
        session=session,
        meetings=meetings,
    )
    return Status(201, petition)


def _step(request, petition_id, service, data):
    token = writing_token(request)
    return service(actor=token.owner, petition=own(token, VoterPetition, petition_id), **data.dict())


@router.post(
    "/voter-petitions/{petition_id}/classification",
    auth=TOKEN,
    response=answers(schemas.VoterPetition, errors=WRITE_ERRORS),
    summary="Phân loại kiến nghị: lĩnh vực và cơ quan có thẩm quyền trả lời",
)
def petition_classify(request, petition_id: schemas.PathID, data: Classification):
    return _step(request, petition_id, services.petition_classify, data)


@router.post(
    "/voter-petitions/{petition_id}/forwarding",
    auth=TOKEN,
    response=answers(schemas.VoterPetition, errors=WRITE_ERRORS),
    summary="Ghi nhận chuyển kiến nghị đến cơ quan có thẩm quyền",
)
def petition_forward(request, petition_id: schemas.PathID, data: Forwarding):
    return _step(request, petition_id, services.petition_forward, data)


@router.post(
    "/voter-petitions/{petition_id}/answer",
    auth=TOKEN,
    response=answers(schemas.VoterPetition, errors=WRITE_ERRORS),
    summary="Ghi kết quả trả lời của cơ quan có thẩm quyền",
)
def petition_answer(request, petition_id: schemas.PathID, data: Answer):
    return _step(request, petition_id, services.petition_answer, data)
