"""The columns of the reception register spreadsheet (DOMAIN.md §7), for import and template."""

import hashlib

from django.utils.translation import gettext as _

from hdnd.core.spreadsheets import CellError, Column, choice, date, positive_integer, text
from hdnd.core.vntext import fold

from .models import CaseKind, Handling


def id_number(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    raw = str(value).strip()
    if not raw.isdigit() or len(raw) not in (9, 12):
        raise CellError(_("An ID number has 9 or 12 digits; “%(value)s” does not.") % {"value": raw})
    return raw


def case_columns():
    return [
        Column(
            "Số thứ tự",
            "number",
            positive_integer,
            required=False,
            example=1,
            help=_("Leave empty: numbered in order."),
        ),
        Column("Ngày tiếp", "received_on", date, example="15/03/2024", help=_("dd/mm/yyyy")),
        Column("Họ và tên", "citizen_name", text(150), example="Hoàng Văn Khánh"),
        Column("Địa chỉ", "citizen_address", text(255), required=False, example="Thôn Nà Làng, xã Kim Lư"),
        Column(
            "Số CCCD/CMND", "id_document", id_number, required=False, example="006080001234", help=_("9 or 12 digits.")
        ),
        Column(
            "Nội dung vụ việc", "content", text(5000), example="Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất"
        ),
        Column(
            "Loại vụ việc",
            "kind",
            choice(CaseKind.choices),
            example=str(CaseKind.PETITION.label),
        ),
        Column("Số người", "people_count", positive_integer, required=False, example=1),
        Column("Cơ quan đã giải quyết", "handled_before_by", text(255), required=False, example=""),
        Column(
            "Hướng xử lý",
            "handling",
            choice(Handling.choices),
            example=str(Handling.GUIDED.label),
        ),
        Column("Cơ quan được chuyển đến", "forwarded_to", text(255), required=False, example=""),
        Column("Theo dõi kết quả", "result", text(5000), required=False, example=""),
        Column("Ghi chú", "notes", text(500), required=False, example=""),
    ]


def fingerprint(council_id, row):
    key = "|".join(
        [
            str(council_id),
            row["received_on"].isoformat(),
            fold(row["citizen_name"]),
            fold(row["content"]),
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()


def row_problems(row):
    if row["handling"] == Handling.FORWARDED and not row["forwarded_to"]:
        return [("Cơ quan được chuyển đến", _("Name the body the case was forwarded to."))]
    if row["handling"] != Handling.FORWARDED and row["forwarded_to"]:
        return [("Cơ quan được chuyển đến", _("Leave this empty: the case was not forwarded."))]
    return []
