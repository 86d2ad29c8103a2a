"""Searching Vietnamese as people type it (DOMAIN.md §10): with or without diacritics, in any case,
decomposed or not, and with the usual abbreviations — "HĐND" finds "Hội đồng nhân dân" and the
other way round. Records keep a folded copy of their text (`SearchableModel.search_text`); a query
is folded the same way and each of its words (or abbreviations) must appear.

`rank()` puts first what matches the query as typed, diacritics included ("hòa" before "hoa"), and
`snippet()` gives the passage around the first match with the match marked.
"""

import re
import unicodedata

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .vntext import _without_lookalikes, fold, nfc

#: Abbreviation → the folded spellings it stands for.
ABBREVIATIONS = {
    "hdnd": ("hoi dong nhan dan",),
    "ubnd": ("uy ban nhan dan",),
    "mttq": ("mat tran to quoc",),
    "dbqh": ("dai bieu quoc hoi",),
    "nq": ("nghi quyet",),
    "kt-xh": ("kinh te - xa hoi", "kinh te xa hoi", "kinh te – xa hoi"),
    "kt-ns": ("kinh te - ngan sach", "kinh te ngan sach", "kinh te – ngan sach"),
    "vh-xh": ("van hoa - xa hoi", "van hoa xa hoi", "van hoa – xa hoi"),
    "txct": ("tiep xuc cu tri",),
}
_EXPANSIONS = sorted(
    (
        (tuple(spelling.split()), abbreviation)
        for abbreviation, spellings in ABBREVIATIONS.items()
        for spelling in spellings
    ),
    key=lambda item: -len(item[0]),
)


def query_terms(query):
    """The query as a list of alternatives, each of which must match: "HĐND ngân sách" →
    [("hdnd", "hoi dong nhan dan"), ("ngan",), ("sach",)]."""
    words = fold(query).split()
    terms, i = [], 0
    while i < len(words):
        for spelling, abbreviation in _EXPANSIONS:
            if tuple(words[i : i + len(spelling)]) == spelling:
                terms.append((abbreviation, *ABBREVIATIONS[abbreviation]))
                i += len(spelling)
                break
        else:
            word = words[i]
            terms.append((word, *ABBREVIATIONS.get(word, ())))
            i += 1
    return terms


def matching(query, field="search_text"):
    """A Q of the rows whose folded `field` holds every term of `query` (in any of its spellings)."""
    condition = Q()
    for alternatives in query_terms(query):
        either = Q()
        for alternative in alternatives:
            either |= Q(**{f"{field}__contains": alternative})
        condition &= either
    return condition


def _exact_words(query):
    return [word for word in nfc(query).lower().split() if fold(word) != word]


def rank(text, query, title=""):
    """A score for ordering results: words typed with their diacritics and found so in the text
    count most, then any match in the title."""
    text_lower, title_lower = nfc(text or "").lower(), nfc(title or "").lower()
    exact = sum(
        2 if word in title_lower else 1 for word in _exact_words(query) if word in text_lower or word in title_lower
    )
    folded_title = fold(title)
    in_title = sum(1 for alternatives in query_terms(query) if any(a in folded_title for a in alternatives))
    return exact * 10 + in_title


def _fold_char(char):
    decomposed = unicodedata.normalize("NFD", _without_lookalikes(char).replace("\u0110", "D").replace("\u0111", "d"))
    base = "".join(c for c in decomposed if not 0x300 <= ord(c) <= 0x36F).lower()
    return base if len(base) == 1 else char.lower()


def snippet(text, query, width=120):
    """The passage of `text` around the first term of `query` it holds, the terms marked with
    <mark>, escaped for HTML; the start of the text when nothing matches."""
    text = re.sub(r"\s+", " ", nfc(text or "")).strip()
    folded = "".join(_fold_char(c) for c in text)  # one character for one: positions carry over
    spans = []
    for alternatives in query_terms(query):
        for alternative in alternatives:
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(alternative), folded)]
    if not spans:
        return escape(text[:width] + ("…" if len(text) > width else ""))
    first = min(start for start, _ in spans)
    begin = max(0, first - width // 3)
    end = min(len(text), begin + width)
    parts, cursor = [], begin
    for start, stop in sorted(spans):
        if start < cursor or stop > end:
            continue
        parts += [escape(text[cursor:start]), "<mark>", escape(text[start:stop]), "</mark>"]
        cursor = stop
    parts.append(escape(text[cursor:end]))
    return mark_safe(("…" if begin else "") + "".join(parts) + ("…" if end < len(text) else ""))  # noqa: S308 - escaped above
