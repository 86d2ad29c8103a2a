"""A generated document as a download."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from .docx import render_docx
from .pdf import render_pdf

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
RENDERERS = {"docx": render_docx, "pdf": render_pdf}


def document_response(document, extension, filename):
    """`document` (an AdministrativeDocument) rendered as DOCX or PDF, as an attachment named `filename`."""
    response = HttpResponse(RENDERERS[extension](document), content_type=CONTENT_TYPES[extension])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
