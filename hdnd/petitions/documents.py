"""The two reports of voter petitions for a session, in the Decree 30/2020 layout: the
consolidated report of what voters asked (tổng hợp ý kiến, kiến nghị cử tri) and the report of
the answers received; both go to the council and to the Fatherland Front."""

import itertools

from django.db.models import Count, Sum
from django.utils import timezone

from hdnd.core.documents import AdministrativeDocument, Paragraph
from hdnd.core.numbering import roman
from hdnd.councils.services import unit_title

from .models import ANSWERED_STATUSES, CompetentLevel, PetitionField, Timing, VoterPetition

LEVEL_HEADINGS = {
    CompetentLevel.COMMUNE: "KIẾN NGHỊ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA CẤP XÃ",
    CompetentLevel.DISTRICT: "KIẾN NGHỊ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA CẤP HUYỆN",
    CompetentLevel.PROVINCE: "KIẾN NGHỊ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA CẤP TỈNH",
    CompetentLevel.CENTRAL: "KIẾN NGHỊ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA TRUNG ƯƠNG (CHUYỂN ĐOÀN ĐẠI BIỂU QUỐC HỘI)",
    "": "KIẾN NGHỊ CHƯA XÁC ĐỊNH CẤP CÓ THẨM QUYỀN",
}
LEVEL_ORDER = {level: n for n, level in enumerate(LEVEL_HEADINGS)}
#: Vietnamese whatever the user's interface language: the document is an administrative text.
FIELD_WORDS = {
    PetitionField.LAND: "Lĩnh vực đất đai, tài nguyên, môi trường",
    PetitionField.INFRASTRUCTURE: "Lĩnh vực giao thông, xây dựng, hạ tầng",
    PetitionField.AGRICULTURE: "Lĩnh vực nông nghiệp, nông thôn",
    PetitionField.ECONOMY: "Lĩnh vực kinh tế, tài chính, ngân sách",
    PetitionField.EDUCATION: "Lĩnh vực giáo dục",
    PetitionField.HEALTH: "Lĩnh vực y tế, bảo hiểm",
    PetitionField.SOCIAL: "Lĩnh vực lao động, chính sách xã hội",
    PetitionField.CULTURE: "Lĩnh vực văn hóa, thông tin, thể thao",
    PetitionField.SECURITY: "Lĩnh vực quốc phòng, an ninh, trật tự",
    PetitionField.GOVERNMENT: "Lĩnh vực tổ chức bộ máy, cán bộ, cải cách hành chính",
    PetitionField.OTHER: "Lĩnh vực khác",
    "": "Chưa phân loại lĩnh vực",
}
FIELD_ORDER = {field: n for n, field in enumerate(FIELD_WORDS)}


def session_label(session):
    return (
        f"kỳ họp thứ {session.number}, Hội đồng nhân dân {unit_title(session.council.unit)} khóa {session.term.roman}"
    )


def report_petitions(session):
    """The session's petitions and those carried over, ordered for the report."""
    rows = list(
        VoterPetition.objects.for_session_report(session)
        .with_sessions_waited(on=session.start)
        .select_related("session")
        .order_by("pk")
    )
    return sorted(
        rows, key=lambda p: (p.session_id != session.pk, LEVEL_ORDER[p.competent_level], FIELD_ORDER[p.field], p.pk)
    )


def _item(petition):
    area = f" (Cử tri {petition.area})" if petition.area else ""
    return f"- {petition.text.rstrip('.')}{area}."


def _header(session, doc_type, subject, body, recipients, title):
    council = session.council
    return AdministrativeDocument(
        issuing_body=["THƯỜNG TRỰC HĐND"],
        issuing_body_superior=f"HĐND {unit_title(council.unit).upper()}",
        number="Số:      /BC-HĐND",
        place=council.document_place,
        date=timezone.localdate(),
        doc_type=doc_type,
        subject=subject,
        body=body,
        recipients=recipients,
        title=title,
    )


def _recipients(session):
    unit = unit_title(session.council.unit)
    return [
        "Thường trực HĐND cấp trên",
        f"Ủy ban nhân dân {unit}",
        f"Ủy ban MTTQ Việt Nam {unit}",
        "Các đại biểu HĐND",
        "Lưu: VT",
    ]


def consolidated_report(session):
    petitions = report_petitions(session)
    meetings = session.voter_meetings.filter(timing=Timing.BEFORE).aggregate(n=Count("pk"), voters=Sum("voters_count"))
    current = [p for p in petitions if p.session_id == session.pk]
    carried = [p for p in petitions if p.session_id != session.pk]
    body = [
        Paragraph(
            text=f"Thực hiện kế hoạch tiếp xúc cử tri trước {session_label(session)}, các Tổ đại biểu và đại biểu "
            f"Hội đồng nhân dân đã phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp tổ chức "
            f"{meetings['n']} buổi tiếp xúc với {meetings['voters'] or 0} lượt cử tri tham dự. "
            f"Thường trực Hội đồng nhân dân tổng hợp {len(current)} ý kiến, kiến nghị của cử tri như sau:"
        )
    ]
    section = 0
    for level, by_level in itertools.groupby(current, key=lambda p: p.competent_level):
        section += 1
        body.append(Paragraph(text=f"{roman(section)}. {LEVEL_HEADINGS[level]}", style="heading"))
        for number, (field, by_field) in enumerate(itertools.groupby(by_level, key=lambda p: p.field), start=1):
            group = list(by_field)
            body.append(Paragraph(text=f"{number}. {FIELD_WORDS[field]} ({len(group)} kiến nghị)"))
            body += [Paragraph(text=_item(p)) for p in group]
    if carried:
        section += 1
        body.append(
            Paragraph(text=f"{roman(section)}. KIẾN NGHỊ TỪ CÁC KỲ HỌP TRƯỚC CHƯA ĐƯỢC TRẢ LỜI", style="heading")
        )
        body += [
            Paragraph(
                text=f"{_item(p)[:-1]}, đã chờ {p.sessions_waited} kỳ họp; cơ quan có thẩm quyền: "
                f"{p.competent_body or 'chưa xác định'}."
            )
            for p in carried
        ]
    body.append(
        Paragraph(
            text="Thường trực Hội đồng nhân dân đề nghị Ủy ban nhân dân và các cơ quan có thẩm quyền xem xét, "
            "giải quyết và trả lời cử tri theo quy định."
        )
    )
    return _header(
        session,
        "BÁO CÁO",
        f"Tổng hợp ý kiến, kiến nghị của cử tri trước {session_label(session)}",
        body,
        _recipients(session),
        f"Tổng hợp ý kiến, kiến nghị cử tri – kỳ họp thứ {session.number}",
    )


def answers_report(session):
    petitions = [p for p in report_petitions(session) if p.session_id == session.pk]
    answered = [p for p in petitions if p.status in ANSWERED_STATUSES]
    body = [
        Paragraph(
            text=f"Ý kiến, kiến nghị của cử tri gửi tới {session_label(session)} gồm {len(petitions)} nội dung; "
            f"đến nay các cơ quan có thẩm quyền đã trả lời {len(answered)} nội dung, "
            f"còn {len(petitions) - len(answered)} nội dung chưa được trả lời. Kết quả cụ thể như sau:"
        )
    ]
    ordered = sorted(petitions, key=lambda p: (p.competent_body or "", p.pk))
    for section, (body_name, group) in enumerate(itertools.groupby(ordered, key=lambda p: p.competent_body), start=1):
        body.append(
            Paragraph(text=f"{roman(section)}. {(body_name or 'CHƯA XÁC ĐỊNH CƠ QUAN').upper()}", style="heading")
        )
        for number, petition in enumerate(group, start=1):
            body.append(Paragraph(lead=f"{number}. Kiến nghị:", text=petition.text))
            if petition.status in ANSWERED_STATUSES:
                body.append(
                    Paragraph(lead="Trả lời:", text=f"{petition.answer} (ngày {petition.answered_on:%d/%m/%Y})")
                )
            else:
                body.append(Paragraph(lead="Trả lời:", text="Chưa nhận được trả lời."))
    return _header(
        session,
        "BÁO CÁO",
        f"Kết quả giải quyết ý kiến, kiến nghị của cử tri gửi tới {session_label(session)}",
        body,
        _recipients(session),
        f"Kết quả giải quyết kiến nghị cử tri – kỳ họp thứ {session.number}",
    )


REPORTS = {"consolidated": consolidated_report, "answers": answers_report}
