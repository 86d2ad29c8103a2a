"""A resolution as the document it is: DOCX and PDF in the Decree 30/2020 layout."""

import re

from django.utils import timezone

from hdnd.core.documents import AdministrativeDocument, Paragraph, Signature
from hdnd.councils.services import unit_title

ARTICLE = re.compile(r"^(Điều\s+\d+[a-z]?\.)\s*(.*)$")
DECISION_LINE = "QUYẾT NGHỊ:"


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _body(resolution):
    paragraphs = [Paragraph(text=DECISION_LINE, style="center_bold")]
    for line in _lines(resolution.body):
        if line.upper() == DECISION_LINE:
            continue
        match = ARTICLE.match(line)
        paragraphs.append(Paragraph(lead=match[1], text=match[2]) if match else Paragraph(text=line))
    return paragraphs


def resolution_document(resolution):
    """The resolution's record as an administrative document; a draft has no number yet."""
    council = resolution.council
    unit = unit_title(council.unit).upper()
    authority = [f"HỘI ĐỒNG NHÂN DÂN {unit}"]
    if resolution.session_id:
        authority.append(f"KHÓA {resolution.term.roman}, KỲ HỌP THỨ {resolution.session.number}")
    else:
        authority.append(f"KHÓA {resolution.term.roman}")
    return AdministrativeDocument(
        issuing_body=["HỘI ĐỒNG NHÂN DÂN", unit],
        issuing_body_superior="",
        number=resolution.number_line,
        place=council.document_place,
        date=resolution.adopted_on or timezone.localdate(),
        doc_type="NGHỊ QUYẾT",
        subject=resolution.subject,
        authority=authority,
        legal_bases=_lines(resolution.legal_bases),
        body=_body(resolution),
        # A draft whose signer is not known yet is printed without the signature block's name.
        signature=Signature(on_behalf=resolution.on_behalf, title=resolution.signer_title, name=resolution.signer_name)
        if resolution.signer_name
        else None,
        recipients=_lines(resolution.recipients),
        title=f"Nghị quyết {resolution.symbol}" if resolution.symbol else f"Dự thảo nghị quyết – {resolution.subject}",
    )


def file_name(resolution, extension):
    base = (
        f"nghi-quyet-{resolution.symbol.replace('/', '-')}"
        if resolution.symbol
        else f"du-thao-nghi-quyet-{resolution.pk}"
    )
    return f"{base}.{extension}"
