"""The report as the documents a standing committee sends: DOCX and PDF in the Decree 30 layout
(type "BÁO CÁO"), and a workbook with one sheet of figures and one per level."""

import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from hdnd.core.documents import AdministrativeDocument, Paragraph
from hdnd.core.vntext import fold
from hdnd.councils.services import unit_title

from .narrative import level_name, number, period_phrase
from .rows import table

#: The labels of the document and the workbook, in Vietnamese whatever the interface language.
ROW_WORDS = {
    ("sessions", None): "Kỳ họp",
    ("sessions", "regular"): "- Kỳ họp thường lệ",
    ("sessions", "thematic"): "- Kỳ họp chuyên đề",
    ("sessions", "urgent"): "- Kỳ họp giải quyết công việc phát sinh đột xuất",
    ("resolutions", None): "Nghị quyết được ban hành",
    ("resolutions", "normative"): "- Nghị quyết quy phạm pháp luật",
    ("resolutions", "individual"): "- Nghị quyết cá biệt",
    ("missions", "thematic"): "Cuộc giám sát chuyên đề",
    ("missions", "petitions"): "Cuộc giám sát giải quyết khiếu nại, tố cáo, kiến nghị cử tri",
    ("missions", "survey"): "Cuộc khảo sát",
    ("recommendations", None): "Kiến nghị sau giám sát",
    ("recommendations", "done"): "- Đã thực hiện",
    ("recommendations", "overdue"): "- Quá hạn chưa thực hiện",
    ("questioning", None): "Câu hỏi chất vấn",
    ("hearings", None): "Phiên giải trình",
    ("voter_meetings", None): "Buổi tiếp xúc cử tri",
    ("voters", None): "Lượt cử tri tham dự",
    ("petitions", None): "Ý kiến, kiến nghị cử tri tiếp nhận",
    ("petitions", "answered"): "- Đã được trả lời",
    ("petitions", "overdue"): "- Quá hạn chưa được trả lời",
    ("reception_days", None): "Ngày tiếp công dân",
    ("cases", None): "Vụ việc tiếp nhận",
    ("cases", "complaint"): "- Khiếu nại",
    ("cases", "denunciation"): "- Tố cáo",
    ("cases", "petition"): "- Kiến nghị",
    ("cases", "feedback"): "- Phản ánh",
}


def _subject(report):
    who = "Hội đồng nhân dân các cấp" if len(report.levels) > 1 else "Hội đồng nhân dân"
    return f"Kết quả hoạt động của {who} {unit_title(report.scope.council.unit)} {period_phrase(report.scope)}"


def report_document(report, paragraphs):
    council = report.scope.council
    body = [Paragraph(text="I. KẾT QUẢ HOẠT ĐỘNG", style="heading"), *[Paragraph(text=p) for p in paragraphs]]
    body.append(Paragraph(text="II. SỐ LIỆU CỤ THỂ", style="heading"))
    for name, key, _label, values, total in table(report):
        if not total:
            continue
        by_level = "; ".join(
            f"{level_name(report, level)}: {number(value)}"
            for level, value in zip(report.levels, values, strict=True)
            if value
        )
        text = f"{ROW_WORDS[(name, key)].lstrip('- ')}: {number(total)}"
        body.append(Paragraph(text=text + (f" ({by_level})" if len(report.levels) > 1 else "") + "."))
    return AdministrativeDocument(
        issuing_body=["THƯỜNG TRỰC HĐND"],
        issuing_body_superior=f"HĐND {unit_title(council.unit).upper()}",
        number="Số:      /BC-HĐND",
        place=council.document_place,
        date=timezone.localdate(),
        doc_type="BÁO CÁO",
        subject=_subject(report),
        body=body,
        recipients=["Thường trực HĐND cấp trên", "Các đại biểu HĐND", "Lưu: VT"],
        title=_subject(report),
    )


def file_name(report, extension):
    scope = report.scope
    unit = slugify(fold(unit_title(scope.council.unit)))
    return f"bao-cao-{unit}-{scope.start:%Y%m%d}-{scope.end:%Y%m%d}.{extension}"


def _sheet(workbook, title, heading, columns, lines):
    sheet = workbook.create_sheet(title[:31])
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(columns)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for line in lines:
        sheet.append(line)
    sheet.column_dimensions["A"].width = 60
    for letter in "BCDE":
        sheet.column_dimensions[letter].width = 16
    return sheet


def workbook(report):
    book = Workbook()
    book.remove(book.active)
    lines = table(report)
    levels = [level_name(report, level) for level in report.levels]
    heading = _subject(report).upper()
    _sheet(
        book,
        "Số liệu",
        heading,
        ["Nội dung", *[name.capitalize() for name in levels], "Tổng cộng"],
        [[ROW_WORDS[(name, key)], *values, total] for name, key, _label, values, total in lines],
    )
    for index in range(len(report.levels)):
        _sheet(
            book,
            levels[index].capitalize().replace(",", ""),
            f"{heading} – {levels[index].upper()}",
            ["Nội dung", "Số lượng"],
            [[ROW_WORDS[(name, key)], values[index]] for name, key, _label, values, _total in lines],
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def workbook_response(report):
    response = HttpResponse(
        workbook(report), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{file_name(report, "xlsx")}"'
    return response
