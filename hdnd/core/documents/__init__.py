"""Vietnamese administrative documents in the Decree 30/2020/NĐ-CP layout, as DOCX and PDF.

Build an :class:`AdministrativeDocument` from the caller's Vietnamese text, then write it with
:func:`render_docx` or :func:`render_pdf`; both follow :data:`layout.LAYOUT`.
"""

from .docx import render_docx
from .formatting import place_date_line
from .model import AdministrativeDocument, Paragraph, Signature
from .pdf import render_pdf
from .response import document_response

__all__ = [
    "AdministrativeDocument",
    "Paragraph",
    "Signature",
    "document_response",
    "place_date_line",
    "render_docx",
    "render_pdf",
]
