import datetime
import io
import unicodedata

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hdnd.accounts.factories import UserFactory
from hdnd.core.spreadsheets import ImportRefused
from hdnd.councils.factories import TermFactory
from hdnd.meetings.factories import SessionFactory
from hdnd.petitions.factories import VoterMeetingFactory, VoterPetitionFactory
from hdnd.petitions.models import VoterPetition
from hdnd.petitions.services import petitions_import

pytestmark = pytest.mark.django_db
HEADINGS = [
    "Nội dung kiến nghị",
    "Cử tri (thôn, xã)",
    "Ngày tiếp nhận",
    "Lĩnh vực",
    "Cấp có thẩm quyền",
    "Cơ quan có thẩm quyền",
]


def workbook(rows, headings=HEADINGS):
    book = openpyxl.Workbook()
    book.active.append(headings)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("kien-nghi.xlsx", buffer.getvalue())


GOOD = [
    [
        "Đề nghị sửa chữa đường liên thôn",
        "Thôn Nà Làng",
        "05/06/2024",
        "Giao thông, xây dựng, hạ tầng",
        "Cấp huyện",
        "UBND huyện",
    ],
    [
        "Đề nghị hỗ trợ giống ngô",
        "Thôn Khuổi Khe",
        datetime.datetime(2024, 6, 6),
        "nong nghiep va phat trien nong thon",
        "",
        "",
    ],
]


def test_import_saves_every_row_and_a_second_import_adds_nothing():
    session = SessionFactory()
    actor = UserFactory()
    assert petitions_import(actor=actor, session=session, uploaded=workbook(GOOD)) == (2, 0)
    road = VoterPetition.objects.get(area="Thôn Nà Làng")
    assert (road.field, road.competent_level, road.status) == ("infrastructure", "district", "classified")
    assert VoterPetition.objects.get(area="Thôn Khuổi Khe").status == "received"
    assert petitions_import(actor=actor, session=session, uploaded=workbook(GOOD)) == (0, 2)
    assert VoterPetition.objects.count() == 2


def test_one_bad_row_imports_nothing_and_says_where_and_why():
    bad = [*GOOD, ["Đề nghị làm rõ", "Thôn Bản Cháng", "31/02/2024", "Đường sá", "", ""]]
    with pytest.raises(ImportRefused) as refused:
        petitions_import(actor=UserFactory(), session=SessionFactory(), uploaded=workbook(bad))
    found = {(e.row, e.column) for e in refused.value.errors}
    assert found == {(4, "Ngày tiếp nhận"), (4, "Lĩnh vực")}
    assert not VoterPetition.objects.exists()


def test_nfd_text_is_stored_nfc_and_found_by_search(secretariat_client, commune_council):
    session = SessionFactory(term=TermFactory(council=commune_council))
    row = [unicodedata.normalize("NFD", "Đề nghị nạo vét mương thủy lợi"), "Thôn Nà Làng", "05/06/2024", "", "", ""]
    petitions_import(actor=UserFactory(), session=session, uploaded=workbook([row]))
    assert VoterPetition.objects.get().text == "Đề nghị nạo vét mương thủy lợi"
    html = secretariat_client.get(reverse("voterpetition:index"), {"q": "nao vet muong"}).content.decode()
    assert "Đề nghị nạo vét mương thủy lợi" in html


def test_import_page_lists_the_problems_and_the_template_downloads(secretariat_client, commune_council):
    session = SessionFactory(term=TermFactory(council=commune_council))
    response = secretariat_client.post(
        reverse("voterpetition:import"),
        {"session": session.pk, "encoding": "auto", "file": workbook([["", "Thôn Nà Làng", "hôm qua", "", "", ""]])},
    )
    html = response.content.decode()
    assert "Chưa nhập dòng nào: có 2 lỗi cần sửa." in html
    assert "“hôm qua” không phải là ngày" in html
    template = secretariat_client.get(reverse("voterpetition:import_template"))
    headings = [c.value for c in openpyxl.load_workbook(io.BytesIO(template.content)).active[1]]
    assert headings[:3] == HEADINGS[:3]
    response = secretariat_client.post(
        reverse("voterpetition:import"), {"session": session.pk, "encoding": "auto", "file": workbook(GOOD)}
    )
    assert response.status_code == 302
    assert VoterPetition.objects.filter(council=commune_council).count() == 2


def test_import_into_another_councils_session_is_refused(secretariat_client, other_commune_council):
    session = SessionFactory(term=TermFactory(council=other_commune_council))
    response = secretariat_client.post(
        reverse("voterpetition:import"), {"session": session.pk, "encoding": "auto", "file": workbook(GOOD)}
    )
    assert response.status_code == 200
    assert not VoterPetition.objects.exists()


def _text(content):
    document = docx.Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs)


def test_consolidated_report_groups_by_level_and_field_and_carries_over(secretariat_client, commune_council):
    term = TermFactory(council=commune_council)
    july = SessionFactory(term=term, planned_start=datetime.date(2024, 7, 10))
    december = SessionFactory(term=term, planned_start=datetime.date(2024, 12, 10))
    VoterMeetingFactory(session=december, voters_count=120)
    VoterPetitionFactory(session=july, text="Kiến nghị cũ về nước sạch", competent_body="UBND xã")
    VoterPetitionFactory(session=december, text="Đề nghị sửa đường", field="infrastructure", competent_level="district")
    url = reverse("voterpetition:report")
    text = _text(
        secretariat_client.get(url, {"session": december.pk, "report": "consolidated", "extension": "docx"}).content
    )
    assert "1 buổi tiếp xúc với 120 lượt cử tri" in text
    assert "I. KIẾN NGHỊ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA CẤP HUYỆN" in text
    assert "1. Lĩnh vực giao thông, xây dựng, hạ tầng (1 kiến nghị)" in text
    assert "II. KIẾN NGHỊ TỪ CÁC KỲ HỌP TRƯỚC CHƯA ĐƯỢC TRẢ LỜI" in text
    assert "Kiến nghị cũ về nước sạch (Cử tri Thôn Nà Làng), đã chờ 1 kỳ họp" in text
    sheet = openpyxl.load_workbook(
        io.BytesIO(
            secretariat_client.get(url, {"session": december.pk, "report": "consolidated", "extension": "xlsx"}).content
        )
    ).active
    assert [row[1] for row in sheet.iter_rows(min_row=4, values_only=True)] == [
        "KIẾN NGHỊ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA CẤP HUYỆN",
        "Đề nghị sửa đường",
        "KIẾN NGHỊ TỪ CÁC KỲ HỌP TRƯỚC CHƯA ĐƯỢC TRẢ LỜI",
        "Kiến nghị cũ về nước sạch",
    ]
    answers = _text(secretariat_client.get(url, {"session": july.pk, "report": "answers", "extension": "docx"}).content)
    assert "Chưa nhận được trả lời." in answers


def test_a_file_over_the_row_limit_is_refused_and_the_batches_saved_before_are_undone(settings):
    """The limit (100,000 rows by default) is a setting: a lower one reaches the same refusal after
    two batches of 2,000 rows were saved, which must not stay."""
    settings.HDND_IMPORT_MAX_ROWS = 5_000
    lines = ["Nội dung kiến nghị;Cử tri (thôn, xã);Ngày tiếp nhận"]
    lines += [f"Kiến nghị số {n};Thôn Nà Làng;05/06/2024" for n in range(6_000)]
    uploaded = SimpleUploadedFile("rat-lon.csv", "\n".join(lines).encode())
    with pytest.raises(ImportRefused) as refused:
        petitions_import(actor=UserFactory(), session=SessionFactory(), uploaded=uploaded)
    assert refused.value.errors[0].message == "Tệp có nhiều hơn 5.000 dòng dữ liệu: hãy chia thành các tệp nhỏ hơn."
    assert not VoterPetition.objects.exists()
