"""Small text rules of administrative documents: the place-and-date line and list punctuation."""

import datetime

from hdnd.core.vntext import nfc

_TRAILING_PUNCTUATION = ";.,: \t"
_DASHES = "-–—•"  # dash variants people type before a recipient


def place_date_line(place: str, date: datetime.date) -> str:
    """The place-and-date line: "Na Rì, ngày 05 tháng 01 năm 2024".

    Days below 10 and the months January and February carry a leading zero (Decree 30/2020,
    Annex I); other months and days are written as they are: "ngày 20 tháng 3 năm 2025".
    """
    place = nfc(place or "").strip()
    if not place:
        raise ValueError("place_date_line needs a place name")
    if not isinstance(date, datetime.date):
        raise ValueError(f"place_date_line needs a datetime.date, got {date!r}")
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def punctuate(items: list[str] | tuple[str, ...], *, between: str = ";", last: str = ".") -> list[str]:
    """End every item with `between` and the last one with `last`, replacing what the caller typed.

    "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019" → "… 2019;" (or "… 2019." when last).
    """
    stripped = [item.rstrip(_TRAILING_PUNCTUATION) for item in items]
    return [item + (last if index == len(stripped) - 1 else between) for index, item in enumerate(stripped)]


def recipient_lines(items: list[str] | tuple[str, ...]) -> list[str]:
    """The "Nơi nhận:" list: each item starts "- ", ends ";" and the last ".".

    A "Lưu: …" (filing) line given by the caller is moved to the end, where Decree 30 puts it;
    none is invented when the caller gave none.
    """
    lines = [item.lstrip().lstrip(_DASHES).strip() for item in items]
    lines = [line for line in lines if line]
    filing = [line for line in lines if line.startswith("Lưu")]
    lines = [line for line in lines if not line.startswith("Lưu")] + filing
    return [f"- {line}" for line in punctuate(lines)]
