import datetime
import io
import unicodedata

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from hdnd.core.spreadsheets import (
    Column,
    ImportRefused,
    SpreadsheetImport,
    choice,
    date,
    neutralise,
    positive_integer,
    template_workbook,
    text,
)
from hdnd.core.testing.passes import postgresql_pass_only

pytestmark = pytest.mark.django_db

COLUMNS = [
    Column("Họ và tên", "name", text(50)),
    Column("Ngày tiếp", "day", date),
    Column("Số người", "count", positive_integer, required=False),
    Column("Loại", "kind", choice([("complaint", "Khiếu nại"), ("feedback", "Phản ánh")]), required=False),
]


def xlsx(rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("so.xlsx", buffer.getvalue())


def csv_file(content, encoding):
    return SimpleUploadedFile("so.csv", content.encode(encoding))


def read(uploaded, **kwargs):
    rows = []
    SpreadsheetImport(uploaded, COLUMNS, **kwargs).run(rows.extend)
    return rows


def test_xlsx_rows_with_real_dates_and_labels_without_diacritics():
    rows = read(
        xlsx(
            [
                ["Họ và tên", "Ngày tiếp", "Số người", "Loại"],
                ["Hoàng Văn Khánh", datetime.datetime(2024, 3, 15), 2, "khieu nai"],
            ]
        )
    )
    assert rows == [{"name": "Hoàng Văn Khánh", "day": datetime.date(2024, 3, 15), "count": 2, "kind": "complaint"}]


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def as_windows_1258(text):
    """Windows-1258 has the letters â ă ê ô ơ ư đ but writes the five tone marks apart."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS)) + tones)
    return "".join(out)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1258"])
def test_vietnamese_csv_in_each_encoding_is_read_as_nfc(encoding):
    content = "Họ và tên;Ngày tiếp\nLương Thị Hằng;05/03/2024\n"
    if encoding == "cp1258":
        content = as_windows_1258(content)
    (row,) = read(csv_file(content, encoding))
    assert row["name"] == "Lương Thị Hằng"
    assert unicodedata.is_normalized("NFC", row["name"])


def test_windows_1252_csv_when_chosen():
    # An old Western tool: headings typed without diacritics, a foreign name with Latin-1 letters.
    (row,) = read(csv_file("Ho va ten,Ngay tiep\nJosé Müller,05/03/2024\n", "cp1252"), encoding="cp1252")
    assert row["name"] == "José Müller"


def test_nfd_text_in_xlsx_is_stored_nfc():
    name = unicodedata.normalize("NFD", "Nông Thị Thúy")
    (row,) = read(xlsx([["Họ và tên", "Ngày tiếp"], [name, "01/02/2024"]]))
    assert row["name"] == unicodedata.normalize("NFC", "Nông Thị Thúy")


def test_every_bad_row_is_reported_with_its_number_column_and_message():
    uploaded = xlsx(
        [
            ["Họ và tên", "Ngày tiếp", "Số người", "Loại"],
            ["Hoàng Văn Khánh", "31/02/2024", 1, "Khiếu nại"],
            ["", "01/03/2024", "hai", "Tố cáo"],
        ]
    )
    with pytest.raises(ImportRefused) as refused:
        read(uploaded)
    found = [(e.row, e.column, e.message) for e in refused.value.errors]
    assert (2, "Ngày tiếp", "Ngày 31/02/2024 không có thật.") in found
    assert (3, "Họ và tên", "Ô này không được để trống.") in found
    assert any(row == 3 and column == "Số người" for row, column, _ in found)
    assert any(row == 3 and column == "Loại" and "Khiếu nại; Phản ánh" in message for row, column, message in found)
    assert refused.value.total == 4


def test_missing_columns_are_named():
    with pytest.raises(ImportRefused, match="Ngày tiếp"):
        read(xlsx([["Tên", "Ngày"], ["A", "01/01/2024"]]))


def test_a_file_that_is_not_a_spreadsheet_is_refused():
    with pytest.raises(ImportRefused) as refused:
        read(SimpleUploadedFile("so.xlsx", b"%PDF-1.7\x00\x01 binary"))
    assert "không phải là bảng tính" in refused.value.errors[0].message


def test_too_many_rows_are_refused_before_anything_else():
    rows = [["Họ và tên", "Ngày tiếp"]] + [["A", "01/01/2024"]] * 6
    with pytest.raises(ImportRefused, match="nhiều hơn 5"):
        read(xlsx(rows), max_rows=5)


def test_cells_that_would_run_as_formulas_are_neutralised():
    assert [neutralise(v) for v in ("=1+1", "+84", "-x", "@SUM(A1)", "Nà Làng", 5)] == [
        "'=1+1",
        "'+84",
        "'-x",
        "'@SUM(A1)",
        "Nà Làng",
        5,
    ]


def test_the_template_has_the_headings_an_example_and_drop_downs():
    workbook = openpyxl.load_workbook(io.BytesIO(template_workbook(COLUMNS, "Sổ tiếp công dân")))
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]] == ["Họ và tên", "Ngày tiếp", "Số người", "Loại"]
    assert sheet.data_validations.dataValidation[0].formula1 == '"Khiếu nại,Phản ánh"'
    assert workbook.worksheets[1].max_row == 1 + len(COLUMNS)


def test_rows_saved_before_a_bad_row_do_not_stay():
    from django.contrib.auth.models import Group

    uploaded = xlsx([["Họ và tên", "Ngày tiếp"], ["Một", "01/02/2024"], ["Hai", "02/02/2024"], ["Ba", "31/02/2024"]])

    def save(rows):
        Group.objects.bulk_create([Group(name=row["name"]) for row in rows])

    with pytest.raises(ImportRefused):
        SpreadsheetImport(uploaded, COLUMNS).run(save, batch_size=1)
    assert not Group.objects.filter(name__in=["Một", "Hai"]).exists()


@postgresql_pass_only  # PostgreSQL's plan cache
@pytest.mark.django_db(transaction=True)  # the import's own transaction, not a savepoint in the test's
def test_on_postgresql_each_batch_is_planned_for_the_table_as_it_is_then():
    """The import's repeated look-ups are planned each time with their own values (see
    _plan_each_query_afresh); bench/petition_import.py shows what that is worth on 100,000 rows.
    After the import's transaction the connection plans as before."""

    def plan_cache_mode():
        with connection.cursor() as cursor:
            cursor.execute("SHOW plan_cache_mode")
            return cursor.fetchone()[0]

    seen = []
    uploaded = xlsx([["Họ và tên", "Ngày tiếp"], ["Một", "01/02/2024"], ["Hai", "02/02/2024"]])
    SpreadsheetImport(uploaded, COLUMNS).run(lambda rows: seen.append(plan_cache_mode()), batch_size=1)
    assert seen == ["force_custom_plan", "force_custom_plan"]
    assert plan_cache_mode() == "auto"
