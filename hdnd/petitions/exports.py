"""The consolidated report of voter petitions as a workbook: one row per petition, grouped by the
competent level as in the document."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from hdnd.core.numbering import roman

from .documents import FIELD_WORDS, LEVEL_HEADINGS, report_petitions, session_label

STATUS_WORDS = {
    "received": "Đã tiếp nhận",
    "classified": "Đã phân loại",
    "forwarded": "Đã chuyển",
    "answered": "Đã trả lời",
    "reported_back": "Đã thông báo lại cử tri",
}
HEADINGS = (
    ("STT", 6),
    ("Nội dung kiến nghị", 60),
    ("Cử tri", 24),
    ("Lĩnh vực", 30),
    ("Cơ quan có thẩm quyền", 28),
    ("Tình trạng", 16),
    ("Số kỳ họp đã chờ", 10),
    ("Nội dung trả lời", 50),
    ("Ngày trả lời", 12),
)


def consolidated_workbook(session):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Kỳ họp thứ {session.number}"
    sheet.append([f"TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI TRƯỚC {session_label(session).upper()}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append([label for label, _width in HEADINGS])
    for index, (_label, width) in enumerate(HEADINGS):
        cell = sheet.cell(row=3, column=index + 1)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
        sheet.column_dimensions[cell.column_letter].width = width
    section, level = 0, None
    for number, petition in enumerate(report_petitions(session), start=1):
        heading = (
            LEVEL_HEADINGS[petition.competent_level]
            if petition.session_id == session.pk
            else "KIẾN NGHỊ TỪ CÁC KỲ HỌP TRƯỚC CHƯA ĐƯỢC TRẢ LỜI"
        )
        if heading != level:
            section, level = section + 1, heading
            sheet.append([roman(section), heading])
            sheet.cell(row=sheet.max_row, column=2).font = Font(bold=True)
        sheet.append(
            [
                number,
                petition.text,
                petition.area,
                FIELD_WORDS[petition.field],
                petition.competent_body,
                STATUS_WORDS[petition.status],
                petition.sessions_waited if petition.session_id != session.pk else None,
                petition.answer,
                petition.answered_on.strftime("%d/%m/%Y") if petition.answered_on else None,
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.data_type == "f":
                cell.data_type = "s"  # a petition typed as "=…" stays text
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
