"""Write an AdministrativeDocument as PDF: a Django template rendered by WeasyPrint."""

from pathlib import Path

from django.template.loader import render_to_string

from .layout import LAYOUT, MOTTO, NATIONAL_TITLE, RECIPIENTS_LABEL
from .model import AdministrativeDocument

TEMPLATE = "core/documents/administrative.html"
_TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "core" / "documents"


def render_html(doc: AdministrativeDocument) -> str:
    """The document as HTML for print (every text escaped; the CSS is in the template)."""
    if not isinstance(doc, AdministrativeDocument):
        raise ValueError("render_html needs an AdministrativeDocument")
    context = {
        "doc": doc,
        "L": LAYOUT,
        "national_title": NATIONAL_TITLE,
        "motto": MOTTO,
        "recipients_label": RECIPIENTS_LABEL,
    }
    return render_to_string(TEMPLATE, context)


def html_document(doc: AdministrativeDocument):
    """The WeasyPrint HTML object of the document (for callers that want its pages)."""
    from weasyprint import HTML  # imported late: WeasyPrint loads Pango and fonts

    return HTML(string=render_html(doc), base_url=str(_TEMPLATE_DIR))


def render_pdf(doc: AdministrativeDocument) -> bytes:
    """The document as the bytes of a PDF file."""
    return html_document(doc).write_pdf()
