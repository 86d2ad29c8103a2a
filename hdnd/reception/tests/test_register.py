import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hdnd.accounts.factories import UserFactory
from hdnd.core.spreadsheets import ImportRefused
from hdnd.reception.factories import CaseFactory
from hdnd.reception.models import Case
from hdnd.reception.services import cases_import

pytestmark = pytest.mark.django_db
HEADINGS = "Số thứ tự;Ngày tiếp;Họ và tên;Địa chỉ;Số CCCD/CMND;Nội dung vụ việc;Loại vụ việc;Hướng xử lý;Cơ quan được chuyển đến"


def csv_upload(lines, encoding="utf-8"):
    return SimpleUploadedFile("so-tiep-cong-dan.csv", "\n".join([HEADINGS, *lines]).encode(encoding))


ROWS = [
    ";15/03/2024;Hoàng Văn Khánh;Thôn Nà Làng;006080001234;Đề nghị cấp giấy chứng nhận;Kiến nghị;Hướng dẫn, trả lại đơn;",
    ";15/03/2024;Lý Thị Sen;Thôn Khuổi Khe;;Tranh chấp ranh giới đất;Khiếu nại;Chuyển cơ quan có thẩm quyền;UBND xã",
]


def test_register_numbers_follow_on_within_the_year(commune_council):
    CaseFactory(council=commune_council)
    created, skipped = cases_import(actor=UserFactory(), council=commune_council, uploaded=csv_upload(ROWS))
    assert (created, skipped) == (2, 0)
    assert sorted(Case.objects.values_list("number", flat=True)) == [1, 2, 3]
    assert cases_import(actor=UserFactory(), council=commune_council, uploaded=csv_upload(ROWS)) == (0, 2)


def test_a_number_already_in_the_register_or_a_forwarded_case_without_its_body_is_refused(commune_council):
    CaseFactory(council=commune_council, number=7)
    rows = [
        "7;20/03/2024;Nông Văn Tài;;;Phản ánh ô nhiễm;Phản ánh;Tiếp nhận giải quyết;",
        ";21/03/2024;Hà Thị Mơ;;12345;Tố cáo cán bộ;Tố cáo;Chuyển cơ quan có thẩm quyền;",
    ]
    with pytest.raises(ImportRefused) as refused:
        cases_import(actor=UserFactory(), council=commune_council, uploaded=csv_upload(rows))
    messages = {(e.row, e.column): e.message for e in refused.value.errors}
    assert messages[(2, "Số thứ tự")] == "Số 7 năm 2024 đã có trong sổ."
    assert "9 hoặc 12 chữ số" in messages[(3, "Số CCCD/CMND")]
    assert Case.objects.count() == 1


def test_the_register_exports_without_running_formulas(secretariat_client, commune_council):
    CaseFactory(council=commune_council, content='=HYPERLINK("http://example.com","Xem")')
    response = secretariat_client.get(reverse("case:index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert rows[1][5] == '\'=HYPERLINK("http://example.com","Xem")'
    response = secretariat_client.get(reverse("case:index"), {"export": "xlsx"})
    cell = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active["F2"]
    assert cell.data_type == "s"


def test_register_import_page(secretariat_client, commune_council):
    response = secretariat_client.post(
        reverse("case:import"), {"council": commune_council.pk, "encoding": "auto", "file": csv_upload(ROWS)}
    )
    assert response.status_code == 302
    assert Case.objects.filter(council=commune_council).count() == 2


def test_a_forwarding_body_only_for_a_forwarded_case(commune_council):
    from django.core.exceptions import ValidationError

    case = CaseFactory.build(council=commune_council, handling="guided", forwarded_to="UBND xã")
    with pytest.raises(ValidationError, match="không được chuyển"):
        case.full_clean()
