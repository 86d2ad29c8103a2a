import datetime
import io
import subprocess

import docx
import pytest
from django.urls import reverse

from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role
from hdnd.councils.factories import TermFactory
from hdnd.resolutions.factories import ResolutionFactory
from hdnd.resolutions.models import Resolution

pytestmark = pytest.mark.django_db


@pytest.fixture
def resolution(commune_council):
    return ResolutionFactory(
        term=TermFactory(council=commune_council),
        subject="Về việc phê duyệt kế hoạch đầu tư công năm 2025",
        legal_bases="Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015\nCăn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019",
        body="Điều 1. Phê duyệt kế hoạch đầu tư công năm 2025.\nĐiều 2. Giao Ủy ban nhân dân xã tổ chức thực hiện.",
        recipients="Thường trực HĐND huyện\nLưu: VT",
    )


def test_secretariat_adopts_a_draft_and_gets_the_next_number(secretariat_client, resolution):
    response = secretariat_client.post(reverse("resolution:adopt", args=[resolution.pk]), {"adopted_on": "05/01/2024"})
    assert response.status_code == 302
    resolution.refresh_from_db()
    assert resolution.status == "adopted"
    assert resolution.symbol == "01/NQ-HĐND"


def test_adoption_with_a_taken_number_is_refused_on_the_form(secretariat_client, resolution):
    other = ResolutionFactory(term=resolution.term)
    secretariat_client.post(reverse("resolution:adopt", args=[other.pk]), {"adopted_on": "05/01/2024", "number": "7"})
    response = secretariat_client.post(
        reverse("resolution:adopt", args=[resolution.pk]), {"adopted_on": "06/01/2024", "number": "7"}
    )
    assert response.status_code == 200
    assert "Số 07 đã được cấp" in response.content.decode()
    resolution.refresh_from_db()
    assert resolution.status == "draft"


def test_secretariat_cannot_publish_but_a_leader_can(client, secretariat_client, resolution, commune_council):
    secretariat_client.post(reverse("resolution:adopt", args=[resolution.pk]), {"adopted_on": "05/01/2024"})
    assert secretariat_client.post(reverse("resolution:publish", args=[resolution.pk])).status_code == 403
    client.force_login(user_with_role(commune_council, Role.LEADER))
    assert client.post(reverse("resolution:publish", args=[resolution.pk])).status_code == 302
    assert Resolution.objects.published().get() == resolution


def test_resolution_downloads_as_docx_in_the_decree_30_layout(secretariat_client, resolution):
    secretariat_client.post(reverse("resolution:adopt", args=[resolution.pk]), {"adopted_on": "05/01/2024"})
    response = secretariat_client.get(reverse("resolution:docx", args=[resolution.pk]))
    assert response.status_code == 200
    assert "nghi-quyet-01-NQ-H%C4%90ND.docx" in response["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    tables = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    everything = text + "\n" + tables
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 01/NQ-HĐND",
        "NGHỊ QUYẾT",
        "Về việc phê duyệt kế hoạch đầu tư công năm 2025",
        "QUYẾT NGHỊ:",
        "KHÓA XXI",
    ):
        assert expected in everything, expected
    assert f"{resolution.council.document_place}, ngày 05 tháng 01 năm 2024" in everything
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_resolution_downloads_as_pdf(secretariat_client, resolution, tmp_path):
    response = secretariat_client.get(reverse("resolution:pdf", args=[resolution.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    pdf = tmp_path / "nq.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "NGHỊ QUYẾT" in text
    assert "Số:" in text  # a draft has no number yet


def test_resolution_list_filters_by_year_kind_and_status_and_searches_without_diacritics(
    secretariat_client, resolution
):
    ResolutionFactory(term=resolution.term, subject="Về việc đặt tên đường", kind="normative")
    url = reverse("resolution:index")
    html = secretariat_client.get(url, {"q": "dau tu cong"}).content.decode()
    assert "kế hoạch đầu tư công" in html and "đặt tên đường" not in html
    html = secretariat_client.get(url, {"kind": "normative"}).content.decode()
    assert "đặt tên đường" in html and "kế hoạch đầu tư công" not in html


def test_resolution_list_runs_a_constant_number_of_queries(
    secretariat_client, resolution, django_assert_max_num_queries
):
    url = reverse("resolution:index")
    secretariat_client.get(url)
    with django_assert_max_num_queries(60) as few:
        secretariat_client.get(url, {"status": "draft"})
    for i in range(25):
        ResolutionFactory(term=resolution.term, subject=f"Về việc số {i}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        secretariat_client.get(url, {"status": "draft"})


def test_edit_screen_offers_documents_and_adoption(secretariat_client, resolution):
    html = secretariat_client.get(reverse("resolution:edit", args=[resolution.pk])).content.decode()
    for name in ("docx", "pdf", "adopt"):
        assert reverse(f"resolution:{name}", args=[resolution.pk]) in html
    assert datetime.date.today().year >= 2024


def test_attaching_a_file_by_the_back_office_checks_its_content(secretariat_client, resolution, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    url = reverse("resolution:attachments", args=[resolution.pk])
    fake = SimpleUploadedFile("to-trinh.pdf", b"GIF89a not really a pdf")
    response = secretariat_client.post(url, {"title": "Tờ trình", "file": fake})
    assert response.status_code == 200
    assert "không phải" in response.content.decode()
    assert not resolution.attachments.exists()
    real = SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.7\n1 0 obj\n")
    assert secretariat_client.post(url, {"title": "Tờ trình", "file": real}).status_code == 302
    assert resolution.attachments.get().file_type == "pdf"


def test_recording_that_a_resolution_replaces_an_earlier_one(secretariat_client, resolution):
    from hdnd.resolutions.services import resolution_adopt

    earlier = ResolutionFactory(term=resolution.term, subject="Về việc cũ")
    resolution_adopt(actor=None, resolution=earlier, adopted_on=datetime.date(2023, 3, 1))
    response = secretariat_client.post(
        reverse("resolution:relations", args=[resolution.pk]), {"kind": "replaces", "target": earlier.pk}
    )
    assert response.status_code == 302
    assert resolution.relations.get().target == earlier
    page = secretariat_client.get(reverse("resolution:relations", args=[earlier.pk])).content.decode()
    assert "thay thế" in page.lower()


def test_list_shows_and_filters_resolutions_no_longer_in_force(secretariat_client, resolution):
    from hdnd.resolutions.services import relation_add, resolution_adopt

    old = ResolutionFactory(term=resolution.term, subject="Về việc quy định cũ")
    resolution_adopt(actor=None, resolution=old, adopted_on=datetime.date(2022, 3, 1))
    new = resolution_adopt(
        actor=None,
        resolution=resolution,
        adopted_on=datetime.date(2024, 3, 1),
        effective_date=datetime.date(2024, 3, 15),
    )
    relation_add(actor=None, source=new, target=old, kind="repeals")
    url = reverse("resolution:index")
    html = secretariat_client.get(url).content.decode()
    assert "Hết hiệu lực" in html
    ended = secretariat_client.get(url, {"in_force": "no"}).content.decode()
    assert "quy định cũ" in ended and "kế hoạch đầu tư công" not in ended
    current = secretariat_client.get(url, {"in_force": "yes"}).content.decode()
    assert "kế hoạch đầu tư công" in current and "quy định cũ" not in current
