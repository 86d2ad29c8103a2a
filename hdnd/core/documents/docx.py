"""Write an AdministrativeDocument as DOCX (python-docx) in the Decree 30/2020/NĐ-CP layout."""

import datetime
from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Cm, Mm, Pt

from . import docx_xml as xml
from .layout import LAYOUT, MOTTO, NATIONAL_TITLE, RECIPIENTS_LABEL
from .model import AdministrativeDocument, Paragraph

L = LAYOUT
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def render_docx(doc: AdministrativeDocument) -> bytes:
    """The document as the bytes of a .docx file."""
    if not isinstance(doc, AdministrativeDocument):
        raise ValueError("render_docx needs an AdministrativeDocument")
    document = Document()
    _set_up(document, doc)
    _header(document, doc)
    _title(document, doc)
    for index, line in enumerate(doc.legal_basis_lines):
        before = L.legal_bases_before_pt if index == 0 else 0
        _write(
            document,
            line,
            size=L.body_pt,
            italic=True,
            align=JUSTIFY,
            before=before,
            after=L.paragraph_after_pt,
            first_line_cm=L.first_line_indent_cm,
        )
    for paragraph in doc.body:
        _body_paragraph(document, paragraph)
    _signature(document, doc)
    _write(document, size=1)  # Word needs a paragraph after the last table; keep it tiny
    _page_numbers(document.sections[0])
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_up(document, doc: AdministrativeDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(L.page_width_mm), Mm(L.page_height_mm)
    section.top_margin, section.bottom_margin = Mm(L.margin_top_mm), Mm(L.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(L.margin_left_mm), Mm(L.margin_right_mm)
    section.header_distance = section.footer_distance = Mm(L.header_distance_mm)
    xml.set_document_defaults(document, font=L.font, size_pt=L.body_pt, lang="vi-VN")
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = L.font, Pt(L.body_pt)
    xml.set_rfonts(normal.element.get_or_add_rPr(), L.font)
    props = document.core_properties
    props.title, props.subject, props.language = doc.title, doc.subject, "vi-VN"
    props.author = props.last_modified_by = props.comments = ""
    props.created = props.modified = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    props.revision = 1


def _write(
    target,
    text: str = "",
    *,
    size: float,
    bold=False,
    italic=False,
    align=CENTER,
    before=0.0,
    after=0.0,
    first_line_cm: float | None = None,
    paragraph=None,
):
    """Add (or fill the given empty `paragraph`) a paragraph holding `text` as one run."""
    p = paragraph if paragraph is not None else target.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = Pt(L.line_pt(size))
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    if first_line_cm is not None:
        fmt.first_line_indent = Cm(first_line_cm)
    xml.set_mark_size(p, font=L.font, size_pt=size)
    if text:
        _run(p, text, size=size, bold=bold, italic=italic)
    return p


def _run(paragraph, text: str, *, size: float, bold=False, italic=False):
    run = paragraph.add_run(text)
    xml.style_run(run, font=L.font, size_pt=size, bold=bold, italic=italic)
    return run


def _rule(target, *, width_mm: float, available_mm: float):
    """A centred horizontal rule `width_mm` long: the bottom border of a 1 pt high, indented paragraph."""
    p = _write(target, size=1, before=L.rule_gap_pt - 1)
    p.paragraph_format.line_spacing = Pt(1)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Mm((available_mm - width_mm) / 2)
    xml.set_bottom_border(p, width_pt=L.rule_pt)
    return p


def _table(document, widths_mm: tuple[float, float], rows: int):
    table = document.add_table(rows=rows, cols=2)
    xml.make_plain_table(table, [Mm(width) for width in widths_mm])
    return table


def _header(document, doc: AdministrativeDocument) -> None:
    """Issuing body | national title and motto; then "Số: …" | place and date on one row."""
    table = _table(document, (L.header_left_mm, L.header_right_mm), rows=2)
    left, right = table.rows[0].cells
    lines = [(doc.issuing_body_superior, L.superior_pt, False)] if doc.issuing_body_superior else []
    lines += [(line, L.issuer_pt, True) for line in doc.issuing_body]
    for index, (text, size, bold) in enumerate(lines):
        _write(left, text, size=size, bold=bold, paragraph=left.paragraphs[0] if index == 0 else None)
    _rule(left, width_mm=L.issuer_rule_mm, available_mm=L.header_left_mm)
    _write(right, NATIONAL_TITLE, size=L.national_title_pt, bold=True, paragraph=right.paragraphs[0])
    _write(right, MOTTO, size=L.motto_pt, bold=True)
    _rule(right, width_mm=L.motto_rule_mm, available_mm=L.header_right_mm)
    number, place_date = table.rows[1].cells
    _write(number, doc.number, size=L.number_pt, before=L.number_row_before_pt, paragraph=number.paragraphs[0])
    _write(
        place_date,
        doc.place_date,
        size=L.place_date_pt,
        italic=True,
        before=L.number_row_before_pt,
        paragraph=place_date.paragraphs[0],
    )


def _title(document, doc: AdministrativeDocument) -> None:
    """Type, subject with its rule, and the authority lines (council, term, session)."""
    _write(document, doc.doc_type, size=L.doc_type_pt, bold=True, before=L.doc_type_before_pt)
    _write(document, doc.subject, size=L.subject_pt, bold=True)
    _rule(document, width_mm=L.subject_rule_mm, available_mm=L.text_width_mm)
    for index, line in enumerate(doc.authority):
        before = L.authority_before_pt if index == 0 else 0
        _write(document, line, size=L.authority_pt, bold=True, before=before)


def _body_paragraph(document, paragraph: Paragraph) -> None:
    body = paragraph.style == "body"
    centred = paragraph.style == "center_bold"
    p = _write(
        document,
        size=L.body_pt,
        align=CENTER if centred else JUSTIFY,
        before=L.paragraph_after_pt if centred else 0,
        after=L.paragraph_after_pt,
        first_line_cm=L.first_line_indent_cm if body else None,
    )
    if paragraph.lead:
        _run(p, paragraph.lead + (" " if paragraph.text else ""), size=L.body_pt, bold=True)
    if paragraph.text:
        _run(p, paragraph.text, size=L.body_pt, bold=not body)


def _signature(document, doc: AdministrativeDocument) -> None:
    """Recipients on the left, the signer on the right, on one row that never splits across pages."""
    if not (doc.signature or doc.recipients):
        return
    table = _table(document, (L.signature_left_mm, L.signature_right_mm), rows=1)
    xml.set_cant_split(table.rows[0])
    left, right = table.rows[0].cells
    if doc.recipients:
        _write(
            left,
            RECIPIENTS_LABEL,
            size=L.recipients_label_pt,
            bold=True,
            italic=True,
            align=LEFT,
            before=L.signature_before_pt,
            paragraph=left.paragraphs[0],
        )
        for line in doc.recipient_lines:
            _write(left, line, size=L.recipients_pt, align=LEFT)
    if doc.signature:
        sign = doc.signature
        lines = [line for line in (sign.on_behalf, sign.title) if line]
        for index, line in enumerate(lines):
            first = index == 0
            _write(
                right,
                line,
                size=L.signature_pt,
                bold=True,
                before=L.signature_before_pt if first else 0,
                paragraph=right.paragraphs[0] if first else None,
            )
        _write(right, sign.name, size=L.signature_pt, bold=True, before=L.signature_gap_pt)


def _page_numbers(section) -> None:
    """No number on the first page; from page 2 the number centred in the top margin."""
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    _write(first, size=L.page_number_pt, paragraph=first.paragraphs[0])
    header = section.header
    header.is_linked_to_previous = False
    p = _write(header, size=L.page_number_pt, paragraph=header.paragraphs[0])
    for run in xml.add_page_field(p):
        xml.style_run(run, font=L.font, size_pt=L.page_number_pt)
