"""A mission's three documents in the Decree 30/2020 layout: the standing committee's decision
establishing the team, the team's report and the standing committee's conclusions."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from hdnd.core.documents import AdministrativeDocument, Paragraph, Signature
from hdnd.core.vntext import fold
from hdnd.councils.models import Body, Membership, Position
from hdnd.councils.services import unit_title

from .models import ConductingBody, TeamRole

#: The law on supervision in force on a date (DOMAIN.md §5).
SUPERVISION_LAW_2015 = "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015"
SUPERVISION_LAW_2025 = "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 121/2025/QH15"
LAW_2025_IN_FORCE = datetime.date(2026, 3, 1)
LOCAL_GOVERNMENT_LAW = "Luật Tổ chức chính quyền địa phương"

KIND_PHRASES = {"thematic": "giám sát", "petitions": "giám sát", "survey": "khảo sát"}
TEAM_ROLE_LINES = {
    TeamRole.HEAD: "Trưởng đoàn",
    TeamRole.DEPUTY: "Phó Trưởng đoàn",
    TeamRole.MEMBER: "Thành viên",
    TeamRole.SECRETARY: "Thư ký",
    TeamRole.INVITED: "Thành viên mời tham gia",
}
MISSION_DOCUMENTS = ("decision", "report", "conclusions")


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _dmy(day):
    return day.strftime("%d/%m/%Y") if day else "…"


def _team_word(mission):
    return "Đoàn khảo sát" if mission.kind == "survey" else "Đoàn giám sát"


def _chair(council, on):
    membership = (
        Membership.objects.current_on(on)
        .filter(delegate__council=council, body=Body.STANDING_COMMITTEE, position=Position.CHAIR)
        .select_related("delegate__person")
        .first()
    )
    return membership.delegate.person.full_name if membership else ""


def _standing_committee_signature(council, on):
    name = _chair(council, on)
    return Signature(on_behalf="TM. THƯỜNG TRỰC HĐND", title="CHỦ TỊCH", name=name) if name else None


def _council_header(mission):
    return f"HĐND {unit_title(mission.council.unit).upper()}"


def _team_lines(mission):
    lines = []
    for number, member in enumerate(mission.team.select_related("delegate__person"), start=1):
        name = member.delegate.person.full_name if member.delegate_id else member.name
        detail = f", {member.organisation}" if member.organisation else ""
        lines.append(Paragraph(text=f"{number}. {name}{detail} – {TEAM_ROLE_LINES[member.role]}."))
    return lines


def _recommendation_lines(mission):
    return [
        Paragraph(
            text=f"{number}. {r.text.rstrip('.')}. Cơ quan thực hiện: {r.responsible_body}; thời hạn: {_dmy(r.deadline)}."
        )
        for number, r in enumerate(mission.recommendations.order_by("deadline", "pk"), start=1)
    ]


def _conducted_by(mission):
    if mission.conducting_body == ConductingBody.COMMITTEE:
        return mission.committee.name
    if mission.conducting_body == ConductingBody.DELEGATE_GROUP:
        return str(mission.delegate_group)
    if mission.conducting_body == ConductingBody.DELEGATE:
        return f"đại biểu {mission.delegate.person.full_name}"
    return "Thường trực Hội đồng nhân dân"


def decision_document(mission):
    """QUYẾT ĐỊNH thành lập đoàn giám sát (khảo sát)."""
    kind = KIND_PHRASES[mission.kind]
    team = _team_word(mission)
    day = mission.decision_date or timezone.localdate()
    law = SUPERVISION_LAW_2025 if day >= LAW_2025_IN_FORCE else SUPERVISION_LAW_2015
    bases = [f"Căn cứ {LOCAL_GOVERNMENT_LAW}", f"Căn cứ {law}"]
    if mission.programme_task_id:
        bases.append(f"Căn cứ {mission.programme_task.programme.title}")
    body = [
        Paragraph(lead="Điều 1.", text=f"Thành lập {team} “{mission.subject}”, gồm các thành viên sau:"),
        *_team_lines(mission),
        Paragraph(lead="Điều 2.", text=f"{team} có nhiệm vụ {kind} theo nội dung, phạm vi sau:"),
        *[Paragraph(text=line) for line in _lines(mission.scope)],
    ]
    bodies = _lines(mission.supervised_bodies)
    if bodies:
        body.append(Paragraph(text=f"Đối tượng chịu sự {kind}: {'; '.join(bodies)}."))
    period = f"từ ngày {_dmy(mission.planned_start)}"
    if mission.planned_end:
        period += f" đến ngày {_dmy(mission.planned_end)}"
    body += [
        Paragraph(text=f"Thời gian {kind}: {period}. {team} tự giải thể sau khi hoàn thành nhiệm vụ."),
        Paragraph(
            lead="Điều 3.",
            text=f"Văn phòng, các thành viên {team} và các cơ quan, đơn vị có liên quan chịu trách nhiệm "
            "thi hành Quyết định này.",
        ),
    ]
    return AdministrativeDocument(
        issuing_body=["THƯỜNG TRỰC HĐND"],
        issuing_body_superior=_council_header(mission),
        number=f"Số: {mission.decision_number}" if mission.decision_number else "Số:      /QĐ-HĐND",
        place=mission.council.document_place,
        date=day,
        doc_type="QUYẾT ĐỊNH",
        subject=f"Thành lập {team} “{mission.subject}”",
        authority=["THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN " + unit_title(mission.council.unit).upper()],
        legal_bases=bases,
        body=body,
        signature=_standing_committee_signature(mission.council, day),
        recipients=["Như Điều 3", "Lưu: VT"],
        title=f"Quyết định thành lập {team.lower()} – {mission.subject}",
    )


def report_document(mission):
    """BÁO CÁO kết quả giám sát (khảo sát) of the team, with its recommendations."""
    kind = KIND_PHRASES[mission.kind]
    team = _team_word(mission)
    day = mission.report_date or timezone.localdate()
    decision = (
        f"Quyết định số {mission.decision_number} ngày {_dmy(mission.decision_date)} của Thường trực HĐND"
        if mission.decision_number
        else "quyết định của Thường trực HĐND"
    )
    body = [
        Paragraph(
            text=f"Thực hiện {decision}, {team} do {_conducted_by(mission)} chủ trì đã tiến hành {kind} "
            f"“{mission.subject}”. {team} báo cáo kết quả như sau:"
        ),
        Paragraph(text="I. KHÁI QUÁT VỀ HOẠT ĐỘNG " + kind.upper(), style="heading"),
    ]
    visits = list(mission.field_visits.all())
    if visits:
        body.append(
            Paragraph(
                text="Đoàn đã làm việc trực tiếp tại: "
                + "; ".join(f"{v.place} ({_dmy(v.visited_on)})" for v in visits)
                + "."
            )
        )
    body += [Paragraph(text=line) for line in _lines(mission.scope)]
    body.append(Paragraph(text="II. KẾT QUẢ " + kind.upper(), style="heading"))
    body += [Paragraph(text=line) for line in _lines(mission.report)] or [
        Paragraph(text="(Chưa nhập nội dung báo cáo.)")
    ]
    recommendations = _recommendation_lines(mission)
    if recommendations:
        body += [Paragraph(text="III. KIẾN NGHỊ", style="heading"), *recommendations]
    head = mission.team.filter(role=TeamRole.HEAD).select_related("delegate__person").first()
    head_name = (head.delegate.person.full_name if head.delegate_id else head.name) if head else ""
    return AdministrativeDocument(
        issuing_body=[team.upper()],
        issuing_body_superior=_council_header(mission),
        number="Số:      /BC-ĐGS",
        place=mission.council.document_place,
        date=day,
        doc_type="BÁO CÁO",
        subject=f"Kết quả {kind} “{mission.subject}”",
        body=body,
        signature=Signature(on_behalf=f"TM. {team.upper()}", title="TRƯỞNG ĐOÀN", name=head_name)
        if head_name
        else None,
        recipients=["Thường trực HĐND", "Các cơ quan chịu sự " + kind, "Lưu: VT"],
        title=f"Báo cáo kết quả {kind} – {mission.subject}",
    )


def conclusions_document(mission):
    """THÔNG BÁO kết luận of the standing committee on the mission's results."""
    kind = KIND_PHRASES[mission.kind]
    day = mission.conclusions_date or timezone.localdate()
    body = [
        Paragraph(
            text=f"Xét Báo cáo kết quả {kind} của {_team_word(mission)} “{mission.subject}”, "
            "Thường trực Hội đồng nhân dân kết luận như sau:"
        ),
        *([Paragraph(text=line) for line in _lines(mission.conclusions)] or [Paragraph(text="(Chưa nhập kết luận.)")]),
    ]
    recommendations = _recommendation_lines(mission)
    if recommendations:
        body += [
            Paragraph(text="Thường trực Hội đồng nhân dân đề nghị các cơ quan, đơn vị thực hiện các nội dung sau:"),
            *recommendations,
            Paragraph(
                text="Các cơ quan, đơn vị báo cáo kết quả thực hiện về Thường trực Hội đồng nhân dân (qua Văn phòng) "
                "đúng thời hạn nêu trên."
            ),
        ]
    return AdministrativeDocument(
        issuing_body=["THƯỜNG TRỰC HĐND"],
        issuing_body_superior=_council_header(mission),
        number="Số:      /TB-HĐND",
        place=mission.council.document_place,
        date=day,
        doc_type="THÔNG BÁO",
        subject=f"Kết luận của Thường trực Hội đồng nhân dân về kết quả {kind} “{mission.subject}”",
        body=body,
        signature=_standing_committee_signature(mission.council, day),
        recipients=[*_lines(mission.supervised_bodies), "Lưu: VT"],
        title=f"Thông báo kết luận – {mission.subject}",
    )


BUILDERS = {"decision": decision_document, "report": report_document, "conclusions": conclusions_document}
FILE_STEMS = {"decision": "quyet-dinh", "report": "bao-cao", "conclusions": "ket-luan"}


def mission_document(mission, which):
    return BUILDERS[which](mission)


def file_name(mission, which, extension):
    subject = slugify(fold(mission.subject))[:60].strip("-")
    return f"{FILE_STEMS[which]}-{subject}-{mission.pk}.{extension}"
