"""The Decree 30/2020/NĐ-CP document writer: text rules, DOCX layout and PDF output (no database)."""

import dataclasses
import datetime
import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from hdnd.core.documents import AdministrativeDocument, Paragraph, Signature, place_date_line, render_docx, render_pdf
from hdnd.core.documents.layout import MOTTO, NATIONAL_TITLE
from hdnd.core.documents.pdf import render_html
from hdnd.core.documents.samples import sample_resolution

PLACE_DATE = "Na Rì, ngày 05 tháng 01 năm 2024"
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")


@pytest.fixture(scope="module")
def sample():
    return sample_resolution()


@pytest.fixture(scope="module")
def docx_file(sample):
    return Document(io.BytesIO(render_docx(sample)))


@pytest.fixture(scope="module")
def pdf_path(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "resolution.pdf"
    path.write_bytes(render_pdf(sample))
    return path


def _paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for cell in table._cells:
            yield from cell.paragraphs


def _paragraph(document, text):
    found = [p for p in _paragraphs(document) if p.text == text]
    assert found, f"no paragraph reads {text!r}"
    return found[0]


def _texts(cell):
    return [p.text for p in cell.paragraphs if p.text]


def _pdf_text(path, *pages):
    args = ["pdftotext", "-layout", *(["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []), str(path), "-"]
    return unicodedata.normalize("NFC", subprocess.run(args, check=True, capture_output=True, text=True).stdout)


# Text rules -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "date", "expected"),
    [
        ("Na Rì", datetime.date(2024, 1, 5), "Na Rì, ngày 05 tháng 01 năm 2024"),
        ("Hà Nội", datetime.date(2024, 11, 15), "Hà Nội, ngày 15 tháng 11 năm 2024"),
        ("Bắc Kạn", datetime.date(2026, 2, 9), "Bắc Kạn, ngày 09 tháng 02 năm 2026"),
        ("Thái Nguyên", datetime.date(2025, 3, 20), "Thái Nguyên, ngày 20 tháng 3 năm 2025"),
        ("Na Rì", datetime.date(2025, 12, 1), "Na Rì, ngày 01 tháng 12 năm 2025"),
    ],
)
def test_place_date_line_pads_days_below_ten_and_january_february(place, date, expected):
    assert place_date_line(place, date) == expected


def test_place_date_line_rejects_missing_place():
    with pytest.raises(ValueError, match="place"):
        place_date_line("  ", datetime.date(2024, 1, 5))


def test_legal_bases_end_with_semicolons_and_a_final_full_stop(sample):
    doc = dataclasses.replace(sample, legal_bases=["Căn cứ A.", "Căn cứ B", "Căn cứ C;"])
    assert doc.legal_basis_lines == ["Căn cứ A;", "Căn cứ B;", "Căn cứ C."]


def test_recipients_start_with_a_dash_and_the_filing_line_comes_last(sample):
    doc = dataclasses.replace(sample, recipients=["Lưu: VT, HĐND", "– UBND tỉnh", "-Thường trực HĐND tỉnh;"])
    assert doc.recipient_lines == ["- UBND tỉnh;", "- Thường trực HĐND tỉnh;", "- Lưu: VT, HĐND."]


def test_recipients_get_no_invented_filing_line(sample):
    doc = dataclasses.replace(sample, recipients=["UBND tỉnh"])
    assert doc.recipient_lines == ["- UBND tỉnh."]


def test_text_is_normalised_to_nfc(sample):
    decomposed = unicodedata.normalize("NFD", "Về việc thành lập Tổ đại biểu")
    doc = dataclasses.replace(sample, subject=decomposed, issuing_body=[unicodedata.normalize("NFD", "HUYỆN NA RÌ")])
    assert doc.subject == unicodedata.normalize("NFC", decomposed)
    assert doc.issuing_body == ("HUYỆN NA RÌ",)
    assert Paragraph(text=decomposed).text == doc.subject


@pytest.mark.parametrize("field", ["issuing_body", "number", "place", "doc_type", "subject"])
def test_missing_required_field_is_refused(sample, field):
    empty = [] if field == "issuing_body" else ""
    with pytest.raises(ValueError, match=field):
        dataclasses.replace(sample, **{field: empty})


def test_numbers_are_not_text(sample):
    with pytest.raises(ValueError, match="number must be a string"):
        dataclasses.replace(sample, number=15)


def test_date_must_be_a_date(sample):
    with pytest.raises(ValueError, match="date"):
        dataclasses.replace(sample, date="05/01/2024")


def test_lines_given_as_one_string_are_refused(sample):
    with pytest.raises(ValueError, match="list of lines"):
        dataclasses.replace(sample, authority="KHÓA XX")


def test_paragraph_style_must_be_known():
    with pytest.raises(ValueError, match="style"):
        Paragraph(text="Điều 1.", style="title")


def test_signature_needs_a_name():
    with pytest.raises(ValueError, match="name"):
        Signature(on_behalf="TM. HỘI ĐỒNG NHÂN DÂN", title="CHỦ TỊCH", name=" ")


def test_documents_are_keyword_only(sample):
    with pytest.raises(TypeError):
        AdministrativeDocument(["HỘI ĐỒNG NHÂN DÂN"], "", "Số: 1/NQ-HĐND", "Na Rì", sample.date, "NGHỊ QUYẾT", "Về")


# DOCX -------------------------------------------------------------------------------------------


def test_docx_page_is_a4_portrait_with_decree_margins(docx_file):
    section = docx_file.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert abs(section.page_width.mm - 210) < 0.5
    assert abs(section.page_height.mm - 297) < 0.5
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm, 1) for m in margins] == [20, 20, 30, 15]


def test_docx_header_reads_issuer_national_title_number_and_date(docx_file):
    header = docx_file.tables[0]
    assert _texts(header.cell(0, 0)) == ["HỘI ĐỒNG NHÂN DÂN", "HUYỆN NA RÌ"]
    assert _texts(header.cell(0, 1)) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert _texts(header.cell(1, 0)) == ["Số: 15/NQ-HĐND"]
    assert _texts(header.cell(1, 1)) == [PLACE_DATE]
    assert header.columns[0].width < header.columns[1].width


def test_docx_superior_body_sits_above_the_issuer_in_regular_capitals(sample):
    doc = dataclasses.replace(sample, issuing_body_superior="UBND TỈNH BẮC KẠN", issuing_body=["SỞ TÀI CHÍNH"])
    cell = Document(io.BytesIO(render_docx(doc))).tables[0].cell(0, 0)
    assert _texts(cell) == ["UBND TỈNH BẮC KẠN", "SỞ TÀI CHÍNH"]
    assert cell.paragraphs[0].runs[0].font.bold is False
    assert cell.paragraphs[1].runs[0].font.bold is True


@pytest.mark.parametrize(
    ("text", "size", "bold", "italic"),
    [
        (NATIONAL_TITLE, 13, True, False),
        (MOTTO, 14, True, False),
        ("HỘI ĐỒNG NHÂN DÂN", 13, True, False),
        ("HUYỆN NA RÌ", 13, True, False),
        ("Số: 15/NQ-HĐND", 13, False, False),
        (PLACE_DATE, 14, False, True),
        ("NGHỊ QUYẾT", 14, True, False),
        ("Về việc điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021–2025", 14, True, False),
        ("KHÓA XX, KỲ HỌP THỨ 12", 14, True, False),
        ("QUYẾT NGHỊ:", 14, True, False),
        ("Nơi nhận:", 12, True, True),
        ("- Thường trực HĐND tỉnh;", 11, False, False),
        ("TM. HỘI ĐỒNG NHÂN DÂN", 14, True, False),
        ("CHỦ TỊCH", 14, True, False),
        ("Hoàng Văn An", 14, True, False),
    ],
)
def test_docx_fonts_sizes_and_weights(docx_file, text, size, bold, italic):
    (run,) = _paragraph(docx_file, text).runs
    assert run.font.name == "Times New Roman"
    assert run.font.size == Pt(size)
    assert (bool(run.font.bold), bool(run.font.italic)) == (bold, italic)


def test_docx_every_run_is_black_times_new_roman_for_every_script(docx_file):
    for paragraph in _paragraphs(docx_file):
        for run in paragraph.runs:
            fonts = run._r.rPr.rFonts
            assert {fonts.get(qn(f"w:{script}")) for script in ("ascii", "hAnsi", "eastAsia", "cs")} == {
                "Times New Roman"
            }
            assert str(run.font.color.rgb) == "000000"


def test_docx_legal_bases_are_italic_justified_and_punctuated(docx_file, sample):
    lines = sample.legal_basis_lines
    assert lines[0].endswith(";") and lines[-1].endswith(".")
    for line in lines:
        paragraph = _paragraph(docx_file, line)
        assert all(run.font.italic for run in paragraph.runs)
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_docx_body_paragraphs_are_justified_with_first_line_indent(docx_file, sample):
    body = [p for p in sample.body if p.style == "body"]
    assert len(body) > 10
    for item in body:
        text = f"{item.lead} {item.text}".strip()
        fmt = _paragraph(docx_file, text).paragraph_format
        assert Cm(1) <= fmt.first_line_indent <= Cm(1.27) + 1
        assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert fmt.space_after >= Pt(6)
        assert fmt.line_spacing == Pt(16.1)


def test_docx_article_lead_is_bold_and_its_text_is_not(docx_file):
    lead, text = _paragraph(docx_file, "Điều 5. Hiệu lực thi hành").runs
    assert (lead.text, lead.font.bold) == ("Điều 5. ", True)
    assert not text.font.bold


def test_docx_rules_under_issuer_motto_and_subject(docx_file):
    def ruled(paragraphs):
        return [p for p in paragraphs if p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None]

    header = docx_file.tables[0]
    issuer_rule, motto_rule = ruled(header.cell(0, 0).paragraphs), ruled(header.cell(0, 1).paragraphs)
    assert len(issuer_rule) == len(motto_rule) == len(ruled(docx_file.paragraphs)) == 1
    left_width = header.columns[0].width - 2 * issuer_rule[0].paragraph_format.left_indent
    assert Mm(15) < left_width < header.columns[0].width / 2  # a short rule
    motto_width = header.columns[1].width - 2 * motto_rule[0].paragraph_format.left_indent
    assert abs(Mm(60.45) - motto_width) < Mm(1)  # as long as the motto


def test_docx_numbers_pages_from_page_two_in_the_header(docx_file):
    section = docx_file.sections[0]
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    header_xml = section.header._element.xml
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", header_xml)
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_docx_signature_block_recipients_left_signer_right(docx_file):
    signature = docx_file.tables[-1]
    recipients, signer = signature.cell(0, 0), signature.cell(0, 1)
    assert _texts(recipients)[0] == "Nơi nhận:"
    assert _texts(recipients)[-1] == "- Lưu: VT, HĐND."
    assert all(line.startswith("- ") for line in _texts(recipients)[1:])
    assert _texts(signer) == ["TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn An"]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in signer.paragraphs)
    assert _paragraph(docx_file, "Hoàng Văn An").paragraph_format.space_before >= Pt(56)  # room to sign


def test_a_minimal_document_renders_without_signature_or_recipients():
    doc = AdministrativeDocument(
        issuing_body=["HỘI ĐỒNG NHÂN DÂN", "XÃ KIM LƯ"],
        issuing_body_superior="",
        number="Số: 03/TB-HĐND",
        place="Kim Lư",
        date=datetime.date(2025, 3, 20),
        doc_type="THÔNG BÁO",
        subject="Về việc tổ chức kỳ họp thứ 8",
        body=[
            Paragraph(text="I. THỜI GIAN, ĐỊA ĐIỂM", style="heading"),
            Paragraph(text="Kỳ họp khai mạc lúc 7 giờ 30."),
        ],
    )
    document = Document(io.BytesIO(render_docx(doc)))
    assert len(document.tables) == 1  # the header only
    heading = _paragraph(document, "I. THỜI GIAN, ĐỊA ĐIỂM")
    assert heading.runs[0].font.bold and heading.paragraph_format.first_line_indent is None
    assert _paragraph(document, "Kim Lư, ngày 20 tháng 3 năm 2025").runs[0].font.italic
    html = render_html(doc)
    assert "Nơi nhận" not in html and "THÔNG BÁO" in html


def test_docx_title_metadata(docx_file, sample):
    assert docx_file.core_properties.title == sample.title
    assert docx_file.core_properties.author == ""


# PDF --------------------------------------------------------------------------------------------


def test_pdf_starts_with_the_pdf_signature(pdf_path):
    assert pdf_path.read_bytes().startswith(b"%PDF")


@needs_poppler
def test_pdf_sample_runs_to_three_a4_pages_with_its_title(pdf_path, sample):
    info = subprocess.run(["pdfinfo", str(pdf_path)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.MULTILINE)
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info, re.MULTILINE)
    assert sample.title in info


@needs_poppler
@pytest.mark.parametrize("text", [NATIONAL_TITLE, MOTTO, "Số: 15/NQ-HĐND", PLACE_DATE, "NGHỊ QUYẾT", "Nơi nhận:"])
def test_pdf_text_has_the_decree_header(pdf_path, text):
    assert text in _pdf_text(pdf_path, 1) + _pdf_text(pdf_path, 3)


@needs_poppler
def test_pdf_numbers_pages_from_page_two_at_the_top(pdf_path):
    first_lines = [_pdf_text(pdf_path, page).strip().splitlines()[0].strip() for page in (1, 2, 3)]
    assert not first_lines[0][0].isdigit()
    assert first_lines[1:] == ["2", "3"]


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils (pdftoppm) is not installed")
def test_pdf_first_page_renders_to_png_for_review(pdf_path, tmp_path):
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf_path), str(tmp_path / "page")], check=True
    )
    (png,) = tmp_path.glob("page*.png")
    assert png.read_bytes().startswith(b"\x89PNG")
    artifacts = Path(settings.BASE_DIR) / "var" / "test-artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(png, artifacts / "resolution-page1.png")


def test_html_escapes_caller_text(sample):
    doc = dataclasses.replace(
        sample, subject='<b onclick="x()">Về việc</b> & "khác"', body=[Paragraph(text="<script>")]
    )
    html = render_html(doc)
    assert "&lt;b onclick=&quot;x()&quot;&gt;Về việc&lt;/b&gt; &amp; &quot;khác&quot;" in html
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_html_css_numbers_are_not_localised(sample):
    with translation.override("vi"):
        html = render_html(sample)
    assert "line-height: 1.15;" in html
    assert "text-indent: 1.27cm;" in html
