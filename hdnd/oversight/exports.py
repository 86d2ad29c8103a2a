"""The follow-up board as the workbook a secretary sends to the people's committee: a title,
the date of the figures, then one section per responsible body (I, II, …) listing what it still
has to do, overdue first."""

import itertools
import tempfile

from django.http import FileResponse
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side

from hdnd.core.numbering import roman
from hdnd.core.vntext import fold
from hdnd.councils.services import unit_title

COLUMNS = (
    ("STT", 6),
    ("Nội dung kiến nghị, cam kết", 60),
    ("Nguồn", 40),
    ("Hội đồng nhân dân", 24),
    ("Thời hạn", 12),
    ("Tình trạng", 14),
    ("Số ngày quá hạn", 10),
    ("Kết quả thực hiện báo cáo gần nhất", 50),
)
#: The document is in Vietnamese whatever the user's interface language.
STATUS_WORDS = {"open": "Chưa thực hiện", "in_progress": "Đang thực hiện"}
FONT = "Times New Roman"
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _cell(sheet, value, *, bold=False, align=WRAP, border=True, size=12, italic=False):
    cell = WriteOnlyCell(sheet, value=value)
    if cell.data_type == "f":
        cell.data_type = "s"  # text typed as "=…" stays text: a spreadsheet never runs it
    cell.font = Font(name=FONT, size=size, bold=bold, italic=italic)
    cell.alignment = align
    if border:
        cell.border = BORDER
    return cell


def _title_rows(sheet, council, on):
    issuer = f"HĐND {unit_title(council.unit).upper()}" if council else "HỘI ĐỒNG NHÂN DÂN CÁC CẤP"
    yield [_cell(sheet, issuer, bold=True, align=CENTER, border=False)]
    yield []
    yield [
        _cell(
            sheet,
            "DANH MỤC KIẾN NGHỊ SAU GIÁM SÁT, CAM KẾT CHƯA HOÀN THÀNH",
            bold=True,
            size=14,
            align=CENTER,
            border=False,
        )
    ]
    yield [_cell(sheet, f"(Số liệu tính đến ngày {on:%d/%m/%Y})", italic=True, align=CENTER, border=False)]
    yield []
    yield [_cell(sheet, label, bold=True, align=CENTER) for label, _ in COLUMNS]


def write_board(fileobj, items, *, on, council, source_label):
    """Writes `items` (ordered by responsible body) to an XLSX file, streaming row by row."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Theo dõi kiến nghị")
    for index, (_label, width) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    for row in _title_rows(sheet, council, on):
        sheet.append(row)
    number = 0
    for section, (body, group) in enumerate(
        itertools.groupby(items.iterator(chunk_size=2000), key=lambda i: i.responsible_body), start=1
    ):
        sheet.append(
            [
                _cell(sheet, roman(section), bold=True, align=CENTER),
                _cell(sheet, body, bold=True),
                *[_cell(sheet, None) for _ in COLUMNS[2:]],
            ]
        )
        for item in group:
            number += 1
            late = (on - item.deadline).days if item.deadline < on else None
            progress = ""
            if item.latest_progress:
                progress = f"{item.latest_progress_on:%d/%m/%Y}: {item.latest_progress}"
            sheet.append(
                [
                    _cell(sheet, number, align=CENTER),
                    _cell(sheet, item.text),
                    _cell(sheet, source_label(item)),
                    _cell(sheet, str(item.council)),
                    _cell(sheet, item.deadline.strftime("%d/%m/%Y"), align=CENTER),
                    _cell(sheet, "Quá hạn" if late else STATUS_WORDS[item.status], align=CENTER),
                    _cell(sheet, late, align=CENTER),
                    _cell(sheet, progress),
                ]
            )
    workbook.save(fileobj)


def board_workbook_response(items, *, on, council, source_label):
    spooled = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 - FileResponse closes it
    write_board(spooled, items, on=on, council=council, source_label=source_label)
    spooled.seek(0)
    scope = slugify(fold(unit_title(council.unit))) if council else "cac-hoi-dong"
    return FileResponse(
        spooled,
        as_attachment=True,
        filename=f"theo-doi-kien-nghi-{scope}-{on:%Y%m%d}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
