"""What the API answers: one schema per record, named as in the glossary (DOMAIN.md). Every coded
value (`kind`, `status`, `field`…) comes with its Vietnamese label (`kind_label`…); dates are ISO
8601; text is Unicode NFC. Only what the public portal shows of a record is here: no date of
birth, no contact details of a person, nothing of the reception register."""

import datetime
import re
from typing import Annotated, Literal

from django.utils.translation import get_language
from ninja import Field, Path, Schema
from pydantic import BeforeValidator, Strict
from pydantic_core import PydanticCustomError

from hdnd.councils.models import Body, CommitteeKind, Level, Position, UnitKind
from hdnd.meetings.models import AgendaItemKind, Ballot, Majority, SessionKind, SessionStatus
from hdnd.oversight.models import ConductingBody, MissionKind, MissionStatus, RecommendationStatus
from hdnd.petitions.models import CompetentLevel, PetitionField, PetitionStatus
from hdnd.resolutions.models import Field as ResolutionField
from hdnd.resolutions.models import Kind as ResolutionKind
from hdnd.resolutions.models import RelationKind
from hdnd.resolutions.models import Status as ResolutionStatus

#: Record ids: 64-bit, as the database keeps them.
MAX_ID = 2**63 - 1
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_day(value):
    """Only a date written YYYY-MM-DD (not a number of seconds, not a date and time)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and ISO_DAY.match(value):
        return value
    raise PydanticCustomError("date_parsing", "expected YYYY-MM-DD")


def _true_false(value):
    """Only true or false, as the schema says (not 1, "yes" or "on")."""
    if isinstance(value, bool) or value in ("true", "false"):
        return value
    raise PydanticCustomError("bool_parsing", "expected true or false")


#: Inputs, checked as strictly as the schema states them: query strings and JSON bodies alike.
Day = Annotated[datetime.date, BeforeValidator(_iso_day)]
Flag = Annotated[bool, BeforeValidator(_true_false)]
ID = Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]
QueryID = Annotated[int, Field(ge=1, le=MAX_ID)]
PathID = Annotated[int, Path(ge=1, le=MAX_ID)]
Whole = Annotated[int, Strict()]


def choice(choices):
    """The values of a Django choices class as a type, so that the schema lists them."""
    return Literal[tuple(choices.values)]


def choice_of(*values):
    return Literal[values]


def label(field):
    """A resolver giving the Vietnamese label of the coded value in `field`: the labels of each
    language are made once (Django's get_FOO_display rebuilds its table on every call)."""
    labels = {}

    def resolve(obj):
        key = (type(obj), get_language())
        if key not in labels:
            labels[key] = {value: str(text) for value, text in obj._meta.get_field(field).flatchoices}
        value = getattr(obj, field)
        return labels[key].get(value, value)

    return staticmethod(resolve)


class Error(Schema):
    detail: str = Field(description="Lỗi gì và cần làm gì.")


class ValidationProblem(Schema):
    loc: list[str | int] = Field(description="Vị trí: phần của yêu cầu và tên trường.")
    msg: str = Field(description="Cần sửa gì.")
    type: str


class ValidationErrors(Schema):
    detail: list[ValidationProblem]


# --- Organisation ----------------------------------------------------------------------------------


class UnitRef(Schema):
    id: int
    code: str
    name: str
    level: choice(Level)


class Unit(UnitRef):
    kind: choice(UnitKind)
    kind_label: str
    level_label: str
    parent_id: int | None
    valid_from: datetime.date
    valid_to: datetime.date | None
    predecessor_ids: list[int] = Field(description="Các đơn vị hành chính hợp thành đơn vị này khi sắp xếp (kế thừa).")
    successor_ids: list[int] = Field(description="Các đơn vị hành chính tiếp nhận đơn vị này.")
    council_id: int | None

    resolve_kind_label = label("kind")
    resolve_level_label = label("level")

    @staticmethod
    def resolve_predecessor_ids(obj):
        return sorted(unit.pk for unit in obj.predecessors.all())

    @staticmethod
    def resolve_successor_ids(obj):
        return sorted(unit.pk for unit in obj.successors.all())

    @staticmethod
    def resolve_council_id(obj):
        council = getattr(obj, "council", None)
        return council.pk if council else None


class Council(Schema):
    id: int
    name: str
    unit: UnitRef
    parent_council_id: int | None = Field(description="Hội đồng của đơn vị hành chính cấp trên, nếu có.")
    address: str
    phone: str
    email: str

    @staticmethod
    def resolve_parent_council_id(obj):
        parent = obj.unit.parent
        council = getattr(parent, "council", None) if parent else None
        return council.pk if council else None


class Term(Schema):
    id: int
    council_id: int
    number: int
    roman: str = Field(description="Số khóa viết theo chữ số La Mã: “XX”.")
    start_date: datetime.date
    end_date: datetime.date | None


class Committee(Schema):
    id: int
    council_id: int
    term_id: int
    kind: choice(CommitteeKind)
    kind_label: str
    name: str

    resolve_kind_label = label("kind")


class DelegateGroup(Schema):
    id: int
    council_id: int
    term_id: int
    name: str
    constituency_numbers: list[int]

    @staticmethod
    def resolve_constituency_numbers(obj):
        return sorted(c.number for c in obj.constituencies.all())


class Membership(Schema):
    id: int
    delegate_id: int
    body: choice(Body)
    body_label: str
    committee_id: int | None
    delegate_group_id: int | None
    position: choice(Position)
    position_label: str
    start_date: datetime.date
    end_date: datetime.date | None

    resolve_body_label = label("body")
    resolve_position_label = label("position")


class Constituency(Schema):
    number: int
    area: str


class Delegate(Schema):
    id: int
    council_id: int
    term_id: int
    full_name: str = Field(alias="person.full_name")
    occupation: str = Field(alias="person.occupation")
    constituency: Constituency
    full_time: bool
    start_date: datetime.date
    end_date: datetime.date | None


class DelegateDetail(Delegate):
    memberships: list[Membership]

    @staticmethod
    def resolve_memberships(obj):
        return list(obj.memberships.all())


# --- Sessions --------------------------------------------------------------------------------------


class Session(Schema):
    id: int
    council_id: int
    term_id: int
    number: int
    kind: choice(SessionKind)
    kind_label: str
    title: str
    planned_start: datetime.date
    planned_end: datetime.date | None
    actual_start: datetime.date | None
    actual_end: datetime.date | None
    place: str
    status: choice(SessionStatus)
    status_label: str
    is_public: bool

    resolve_kind_label = label("kind")
    resolve_status_label = label("status")


class VoteResult(Schema):
    id: int
    subject: str
    ballot: choice(Ballot)
    majority: choice(Majority)
    held_on: datetime.date
    delegates_total: int
    votes_for: int
    votes_against: int
    votes_abstain: int
    passed: bool
    result: str = Field(description="Kết quả như ghi trong biên bản.")

    @staticmethod
    def resolve_result(obj):
        return obj.result_text()


class AgendaItem(Schema):
    order: int
    kind: choice(AgendaItemKind)
    kind_label: str
    title: str
    presenter: str
    votes: list[VoteResult]

    resolve_kind_label = label("kind")

    @staticmethod
    def resolve_votes(obj):
        return list(obj.votes.all())


class SessionDetail(Session):
    agenda: list[AgendaItem]
    resolution_ids: list[int] = Field(description="Các nghị quyết đã công bố do kỳ họp thông qua.")

    @staticmethod
    def resolve_agenda(obj):
        return list(obj.agenda_items.all())

    @staticmethod
    def resolve_resolution_ids(obj):
        return [resolution.pk for resolution in obj.visible_resolutions]


# --- Resolutions -----------------------------------------------------------------------------------


class Resolution(Schema):
    id: int
    council_id: int
    term_id: int
    session_id: int | None
    kind: choice(ResolutionKind)
    kind_label: str
    field: choice(ResolutionField)
    field_label: str
    number: int | None
    year: int | None
    symbol: str = Field(description="Số, ký hiệu: “05/2024/NQ-HĐND”, “15/NQ-HĐND”.")
    subject: str
    adopted_on: datetime.date | None
    effective_date: datetime.date | None
    signer_name: str
    status: choice(ResolutionStatus)
    status_label: str
    in_force: bool = Field(description="false khi đã bị thay thế hoặc bãi bỏ bởi một nghị quyết đã có hiệu lực.")
    published_at: datetime.datetime | None

    resolve_kind_label = label("kind")
    resolve_field_label = label("field")
    resolve_status_label = label("status")

    @staticmethod
    def resolve_in_force(obj):
        return obj.status != ResolutionStatus.DRAFT and not obj.no_longer_in_force


class RelatedResolution(Schema):
    kind: choice(RelationKind)
    kind_label: str
    resolution_id: int
    symbol: str
    subject: str


class AttachedFile(Schema):
    id: int
    title: str
    file_type: str
    size: int = Field(description="Dung lượng (byte).")
    url: str


class ResolutionDetail(Resolution):
    on_behalf: str
    signer_title: str
    legal_bases: list[str] = Field(description="Mỗi mục một “Căn cứ …”.")
    body: str
    recipients: list[str]
    vote: VoteResult | None
    relations: list[RelatedResolution] = Field(
        description="Các nghị quyết bị nghị quyết này sửa đổi, thay thế hoặc bãi bỏ."
    )
    affected_by: list[RelatedResolution] = Field(
        description="Các nghị quyết sửa đổi, thay thế hoặc bãi bỏ nghị quyết này."
    )
    files: list[AttachedFile]

    @staticmethod
    def resolve_relations(obj):
        return obj.relations_shown

    @staticmethod
    def resolve_affected_by(obj):
        return obj.affected_by_shown

    @staticmethod
    def resolve_legal_bases(obj):
        return [line.strip() for line in obj.legal_bases.splitlines() if line.strip()]

    @staticmethod
    def resolve_recipients(obj):
        return [line.strip() for line in obj.recipients.splitlines() if line.strip()]


# --- Oversight -------------------------------------------------------------------------------------


class Mission(Schema):
    id: int
    council_id: int
    term_id: int
    kind: choice(MissionKind)
    kind_label: str
    conducting_body: choice(ConductingBody)
    conducting_body_label: str
    committee_id: int | None
    delegate_group_id: int | None
    subject: str
    scope: str
    supervised_bodies: list[str]
    decision_number: str
    decision_date: datetime.date | None
    planned_start: datetime.date
    planned_end: datetime.date | None
    actual_start: datetime.date | None
    actual_end: datetime.date | None
    status: choice(MissionStatus)
    status_label: str

    resolve_kind_label = label("kind")
    resolve_conducting_body_label = label("conducting_body")
    resolve_status_label = label("status")

    @staticmethod
    def resolve_supervised_bodies(obj):
        return [line.strip() for line in obj.supervised_bodies.splitlines() if line.strip()]


class Recommendation(Schema):
    id: int
    text: str
    responsible_body: str
    deadline: datetime.date
    status: choice(RecommendationStatus)
    status_label: str
    overdue: bool = Field(alias="is_overdue")

    resolve_status_label = label("status")


class MissionDetail(Mission):
    recommendations: list[Recommendation]

    @staticmethod
    def resolve_recommendations(obj):
        return list(obj.recommendations.all())


# --- Voter petitions -------------------------------------------------------------------------------


class VoterPetition(Schema):
    id: int
    council_id: int
    session_id: int | None
    received_on: datetime.date
    text: str
    area: str = Field(description="Cử tri nơi nêu kiến nghị: thôn, xã. Không bao giờ có họ tên.")
    field: choice(PetitionField) | Literal[""]
    field_label: str
    competent_level: choice(CompetentLevel) | Literal[""]
    competent_body: str
    status: choice(PetitionStatus)
    status_label: str
    forwarded_on: datetime.date | None
    deadline: datetime.date | None
    answer: str
    answered_on: datetime.date | None

    resolve_field_label = label("field")
    resolve_status_label = label("status")


# --- Briefings and figures -------------------------------------------------------------------------


class BriefingTask(Schema):
    title: str
    assignee: str
    due_date: datetime.date | None
    status_label: str

    resolve_status_label = label("status")


class Briefing(Schema):
    id: int
    council_id: int
    title: str
    held_on: datetime.date
    place: str
    chairs: list[str]
    attending_council_ids: list[int]
    period_start: datetime.date
    period_end: datetime.date
    include_beneath: bool
    figures: dict = Field(description="Số liệu tại ngày diễn ra hội nghị: các cấp, các dòng, các đoạn văn.")
    conclusions: str
    tasks: list[BriefingTask]
    article_url: str | None = Field(description="Bài viết cổng thông tin đã đăng về hội nghị.")

    @staticmethod
    def resolve_chairs(obj):
        return [line.strip() for line in obj.chairs.splitlines() if line.strip()]

    @staticmethod
    def resolve_attending_council_ids(obj):
        return sorted(council.pk for council in obj.attending_councils.all())

    @staticmethod
    def resolve_tasks(obj):
        return list(obj.tasks.all())

    @staticmethod
    def resolve_article_url(obj, context):
        articles = getattr(obj, "published_articles", [])
        return articles[0].get_full_url((context or {}).get("request")) if articles else None


class FigureCount(Schema):
    total: int
    by: dict[str, int] = Field(description="Chi tiết số liệu: theo loại, theo kết quả.")


class LevelFigures(Schema):
    level: choice(Level)
    level_label: str
    figures: dict[str, FigureCount]


class Figures(Schema):
    council_id: int
    start: datetime.date
    end: datetime.date
    beneath: bool = Field(description="Có tính cả các Hội đồng cấp dưới không.")
    levels: list[LevelFigures]
    paragraphs: list[str] = Field(description="Số liệu viết thành câu văn hành chính.")
