"""Uploaded documents are checked by what they contain, not by what their name claims."""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
OFFICE_LABELS = {"pdf": "PDF", "docx": "Word (DOCX)", "doc": "Word 97–2003 (DOC)", "xlsx": "Excel (XLSX)"}
DOCUMENT_TYPES = frozenset(OFFICE_LABELS)


def sniff(fileobj):
    """The real type of a file — "pdf", "docx", "xlsx", "doc" — or None."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE2_MAGIC):
        # An OLE2 compound file; a Word document names its "WordDocument" stream in UTF-16.
        sample = fileobj.read(512 * 1024)
        fileobj.seek(0)
        return "doc" if "WordDocument".encode("utf-16-le") in sample else None
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(fileobj) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            fileobj.seek(0)
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            return "docx"
        if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
            return "xlsx"
    return None


def validate_document(uploaded, allowed=DOCUMENT_TYPES, max_bytes=None):
    """Returns the file's type, or raises a ValidationError saying in Vietnamese what to fix."""
    max_bytes = max_bytes or settings.HDND_UPLOAD_MAX_BYTES
    accepted = ", ".join(OFFICE_LABELS[t] for t in sorted(allowed))
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("The file “%(name)s” is %(size)s; files may be at most %(limit)s.")
            % {"name": uploaded.name, "size": filesizeformat(uploaded.size), "limit": filesizeformat(max_bytes)}
        )
    real = sniff(uploaded)
    if real is None or real not in allowed:
        raise ValidationError(
            _(
                "The file “%(name)s” is not a document of an accepted type (%(accepted)s). Save it in one of these formats and upload it again."
            )
            % {"name": uploaded.name, "accepted": accepted}
        )
    extension = PurePath(uploaded.name).suffix.lower().lstrip(".")
    if extension != real:
        raise ValidationError(
            _(
                "The file “%(name)s” is named .%(extension)s but its content is %(real)s. Rename it or save it in the right format."
            )
            % {"name": uploaded.name, "extension": extension or "—", "real": OFFICE_LABELS[real]}
        )
    return real


def validate_uploaded_document(fieldfile):
    """Model-field validator: checks a newly uploaded file by its content (stored files pass)."""
    if fieldfile and not getattr(fieldfile, "_committed", True):
        validate_document(fieldfile.file, allowed=frozenset({"pdf", "docx", "doc"}))
