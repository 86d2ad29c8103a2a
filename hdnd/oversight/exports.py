"""The follow-up board as the workbook a secretary sends to the people's committee: a title,
the date of the figures, then one section per responsible body (I, II, …) listing what it still
has to do, overdue first."""

import copy
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


class _Cells:
    """Makes the sheet's cells. Cells of the same look share one prepared style: openpyxl then
    registers each style once rather than for every one of tens of thousands of cells."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.styles = {}

    def __call__(self, value, *, bold=False, align=WRAP, border=True, size=12, italic=False):
        key = (bold, id(align), border, size, italic)
        if key not in self.styles:
            prototype = WriteOnlyCell(self.sheet)
            prototype.font = Font(name=FONT, size=size, bold=bold, italic=italic)
            prototype.alignment = align
            if border:
                prototype.border = BORDER
            self.styles[key] = prototype._style
        cell = WriteOnlyCell(self.sheet, value=value)
        if cell.data_type == "f":
            cell.data_type = "s"  # text typed as "=…" stays text: a spreadsheet never runs it
        cell._style = copy.copy(self.styles[key])
        return cell


def _title_rows(cell, council, on):
    issuer = f"HĐND {unit_title(council.unit).upper()}" if council else "HỘI ĐỒNG NHÂN DÂN CÁC CẤP"
    yield [cell(issuer, bold=True, align=CENTER, border=False)]
    yield []
    yield [
        cell(
            "DANH MỤC KIẾN NGHỊ SAU GIÁM SÁT, CAM KẾT CHƯA HOÀN THÀNH",
            bold=True,
            size=14,
            align=CENTER,
            border=False,
        )
    ]
    yield [cell(f"(Số liệu tính đến ngày {on:%d/%m/%Y})", italic=True, align=CENTER, border=False)]
    yield []
    yield [cell(label, bold=True, align=CENTER) for label, _ in COLUMNS]


def write_board(fileobj, items, *, on, council, source_label):
    """Writes `items` (ordered by responsible body) to an XLSX file, streaming row by row."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Theo dõi kiến nghị")
    for index, (_label, width) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    cell = _Cells(sheet)
    for row in _title_rows(cell, council, on):
        sheet.append(row)
    number = 0
    for section, (body, group) in enumerate(
        itertools.groupby(items.iterator(chunk_size=2000), key=lambda i: i.responsible_body), start=1
    ):
        sheet.append(
            [
                cell(roman(section), bold=True, align=CENTER),
                cell(body, bold=True),
                *[cell(None) for _ in COLUMNS[2:]],
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
                    cell(number, align=CENTER),
                    cell(item.text),
                    cell(source_label(item)),
                    cell(str(item.council)),
                    cell(item.deadline.strftime("%d/%m/%Y"), align=CENTER),
                    cell("Quá hạn" if late else STATUS_WORDS[item.status], align=CENTER),
                    cell(late, align=CENTER),
                    cell(progress),
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
