"""The columns of the voter petition spreadsheet (import and template)."""

import hashlib

from django.utils.translation import gettext as _

from hdnd.core.spreadsheets import Column, choice, date, text
from hdnd.core.vntext import fold

from .models import CompetentLevel, PetitionField


def petition_columns():
    return [
        Column(
            "Nội dung kiến nghị",
            "text",
            text(5000),
            example="Đề nghị sửa chữa đường liên thôn Nà Làng – Khuổi Khe bị sạt lở",
            help=_("The petition as the voters put it."),
        ),
        Column(
            "Cử tri (thôn, xã)",
            "area",
            text(255),
            required=False,
            example="Thôn Nà Làng",
            help=_("Where the voters who raised it live."),
        ),
        Column("Ngày tiếp nhận", "received_on", date, example="05/06/2024", help=_("dd/mm/yyyy")),
        Column(
            "Lĩnh vực",
            "field",
            choice(PetitionField.choices),
            required=False,
            example=str(PetitionField.INFRASTRUCTURE.label),
        ),
        Column(
            "Cấp có thẩm quyền",
            "competent_level",
            choice(CompetentLevel.choices),
            required=False,
            example=str(CompetentLevel.DISTRICT.label),
        ),
        Column(
            "Cơ quan có thẩm quyền",
            "competent_body",
            text(255),
            required=False,
            example="Ủy ban nhân dân huyện",
        ),
        Column("Ngày chuyển", "forwarded_on", date, required=False, example="", help=_("dd/mm/yyyy")),
        Column("Hạn trả lời", "deadline", date, required=False, example="", help=_("dd/mm/yyyy")),
        Column("Nội dung trả lời", "answer", text(10000), required=False, example=""),
        Column("Ngày trả lời", "answered_on", date, required=False, example="", help=_("dd/mm/yyyy")),
    ]


def fingerprint(session_id, row):
    """The same petition of the same session, whatever the spelling of its diacritics or spaces."""
    key = "|".join([str(session_id), fold(row["text"]), fold(row["area"] or "")])
    return hashlib.sha256(key.encode()).hexdigest()


def row_problems(row):
    """Checks across the cells of one row: (column, message) pairs."""
    problems = []
    if row["forwarded_on"] and row["forwarded_on"] < row["received_on"]:
        problems.append(("Ngày chuyển", _("It cannot be forwarded before it was received.")))
    if row["deadline"] and row["forwarded_on"] and row["deadline"] < row["forwarded_on"]:
        problems.append(("Hạn trả lời", _("The answer deadline cannot be before the forwarding date.")))
    if row["answer"] and not row["answered_on"]:
        problems.append(("Ngày trả lời", _("Enter the date of the answer.")))
    if row["answered_on"] and row["answered_on"] < row["received_on"]:
        problems.append(("Ngày trả lời", _("The answer cannot be dated before the petition was received.")))
    if (row["forwarded_on"] or row["answer"]) and not (
        row["field"] and row["competent_level"] and row["competent_body"]
    ):
        problems.append(
            ("Cơ quan có thẩm quyền", _("A forwarded or answered petition needs its field, competent level and body."))
        )
    if row["answer"] and not row["forwarded_on"]:
        problems.append(("Ngày chuyển", _("An answered petition was forwarded first: enter the forwarding date.")))
    if row["forwarded_on"] and not row["deadline"]:
        problems.append(("Hạn trả lời", _("Enter the answer deadline given when it was forwarded.")))
    return problems
