"""What an administrative document says, independent of the file format it is written to."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, fields

from hdnd.core.vntext import nfc

from . import formatting

PARAGRAPH_STYLES = ("body", "heading", "center_bold")


def _clean_text(value, owner: str, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{owner}.{name} must be a string, got {type(value).__name__}")
    return nfc(value).strip()


def _clean_lines(value, owner: str, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ValueError(f"{owner}.{name} must be a list of lines, not a single string")
    lines = (_clean_text(line, owner, name) for line in value)
    return tuple(line for line in lines if line)


def _require(obj, *names: str) -> None:
    owner = type(obj).__name__
    for name in names:
        if not getattr(obj, name):
            raise ValueError(f"{owner}.{name} is required")


def _normalise(obj) -> None:
    """NFC-normalise and strip every text field of a frozen dataclass, turning lists into tuples."""
    owner = type(obj).__name__
    for field in fields(obj):
        value = getattr(obj, field.name)
        if field.type == Sequence[str]:
            object.__setattr__(obj, field.name, _clean_lines(value, owner, field.name))
        elif field.type is str:
            object.__setattr__(obj, field.name, _clean_text(value, owner, field.name))


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    """One paragraph of the body, optionally opened by a bold lead such as "Điều 1."."""

    text: str
    lead: str = ""
    style: str = "body"  # "body" | "heading" | "center_bold"

    def __post_init__(self) -> None:
        _normalise(self)
        if not (self.text or self.lead):
            raise ValueError("Paragraph.text is required (or at least a lead)")
        if self.style not in PARAGRAPH_STYLES:
            raise ValueError(f"Paragraph.style must be one of {', '.join(PARAGRAPH_STYLES)}; got {self.style!r}")


@dataclass(frozen=True, kw_only=True)
class Signature:
    """The signer: "TM. HỘI ĐỒNG NHÂN DÂN" / "CHỦ TỊCH" / "Hoàng Văn An"."""

    on_behalf: str
    title: str
    name: str

    def __post_init__(self) -> None:
        _normalise(self)
        _require(self, "title", "name")


@dataclass(frozen=True, kw_only=True)
class AdministrativeDocument:
    """A document in the Decree 30/2020/NĐ-CP layout (header, title, legal bases, body, signature).

    All text comes from the caller and is stored NFC-normalised; the writers add only the national
    title, the motto and the layout. Lists are stored as tuples.
    """

    issuing_body: Sequence[str]
    issuing_body_superior: str
    number: str
    place: str
    date: datetime.date
    doc_type: str
    subject: str
    authority: Sequence[str] = ()
    legal_bases: Sequence[str] = ()
    body: Sequence[Paragraph] = ()
    signature: Signature | None = None
    recipients: Sequence[str] = ()
    title: str = ""

    def __post_init__(self) -> None:
        _normalise(self)
        _require(self, "issuing_body", "number", "place", "date", "doc_type", "subject")
        if not isinstance(self.date, datetime.date):
            raise ValueError(f"AdministrativeDocument.date must be a datetime.date, got {self.date!r}")
        if isinstance(self.body, str) or not all(isinstance(p, Paragraph) for p in self.body):
            raise ValueError("AdministrativeDocument.body must be a list of Paragraph")
        object.__setattr__(self, "body", tuple(self.body))
        if self.signature is not None and not isinstance(self.signature, Signature):
            raise ValueError("AdministrativeDocument.signature must be a Signature or None")

    @property
    def place_date(self) -> str:
        """ "Na Rì, ngày 05 tháng 01 năm 2024"."""
        return formatting.place_date_line(self.place, self.date)

    @property
    def legal_basis_lines(self) -> list[str]:
        """The legal bases, each ending ";" and the last ".", whatever the caller typed."""
        return formatting.punctuate(self.legal_bases)

    @property
    def recipient_lines(self) -> list[str]:
        """The "Nơi nhận:" items, each starting "- ", the filing line ("Lưu: …") last."""
        return formatting.recipient_lines(self.recipients)
