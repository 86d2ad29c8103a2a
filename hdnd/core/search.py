"""Searching Vietnamese as people type it (DOMAIN.md §10): with or without diacritics, in any case,
decomposed or not, and with the usual abbreviations — "HĐND" finds "Hội đồng nhân dân" and the
other way round. Records keep a folded copy of their text (`SearchableModel.search_text`); a query
is folded the same way and each of its words (or abbreviations) must appear.

`rank()` puts first what matches the query as typed, diacritics included ("hòa" before "hoa"), and
`snippet()` gives the passage around the first match with the match marked. `newest_matching()`
finds the newest matches in a big table without reading every match nor every row.
"""

import functools
import re
import unicodedata

from django.db.models import Q, Value
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan
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


def matching(query, field="search_text", *, indexed=True):
    """A Q of the rows whose folded `field` holds every term of `query` (in any of its spellings).

    With `indexed=False` the same test is written so that no index can serve it (the position of
    the term, STRPOS or INSTR, rather than LIKE): for reading rows in the order of another index
    whatever the database estimates, as `newest_matching` does."""
    condition = Q()
    for alternatives in query_terms(query):
        either = Q()
        for alternative in alternatives:
            if indexed:
                either |= Q(**{f"{field}__contains": alternative})
            else:
                either |= Q(GreaterThan(StrIndex(field, Value(alternative)), 0))
        condition &= either
    return condition


#: The newest rows read in date order before `newest_matching` decides how to find the others.
WINDOW = 1000
#: Matches among them from which the words count as common enough to go on reading in order.
COMMON = 10
#: The most matches of rarer words taken from the trigram index.
RARE_CAP = 10_000


def newest_matching(rows, query, count, date_field, *, window=WINDOW, common=COMMON, rare_cap=RARE_CAP):
    """The newest `count` of `rows` (those with a date) matching `query`, newest first, found
    without reading every match (ranking a common word's matches on a million rows takes
    seconds) nor every row:

    1. the newest days holding WINDOW rows are read in date order until `count` match: enough
       for common words;
    2. if they held COMMON matches or more, reading goes on in date order below them;
    3. if fewer, the matches below come from the trigram index on `search_text` (on PostgreSQL;
       hdnd/resolutions/migrations/0004 makes the resolutions'), at most RARE_CAP of them, and the
       newest are kept; at RARE_CAP (words rarer of late than before), reading goes on in date
       order after all, which takes long when the newest matches are old (a query naming a past
       year reads back through the years since).

    Steps 1 and 2 test rows with `matching(indexed=False)`: PostgreSQL keeps no statistics on
    texts over 1 kB, so on long texts it takes every word for rare and would otherwise read a
    common word's every match from the trigram index.
    """
    order = f"-{date_field}"
    dated = rows.filter(**{f"{date_field}__isnull": False}).order_by(order)
    in_order = dated.filter(matching(query, indexed=False))
    cutoff = next(iter(dated.values_list(date_field, flat=True)[window - 1 : window]), None)
    if cutoff is None:  # `window` rows or fewer
        return list(in_order[:count])
    found = list(in_order.filter(**{f"{date_field}__gte": cutoff})[:count])
    if len(found) == count:
        return found
    below = {f"{date_field}__lt": cutoff}
    if len(found) < common:
        rare = list(dated.filter(matching(query), **below).order_by().values_list("pk", date_field)[:rare_cap])
        if len(rare) < rare_cap:
            newest = sorted(rare, key=lambda row: row[1], reverse=True)[: count - len(found)]
            return found + list(dated.filter(pk__in=[pk for pk, _ in newest]))
    return found + list(in_order.filter(**below)[: count - len(found)])


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


@functools.lru_cache(maxsize=4096)  # a snippet folds its text one character at a time
def _fold_char(char):
    decomposed = unicodedata.normalize("NFD", _without_lookalikes(char).replace("\u0110", "D").replace("\u0111", "d"))
    base = "".join(c for c in decomposed if not 0x300 <= ord(c) <= 0x36F).lower()
    return base if len(base) == 1 else char.lower()


def snippet(text, query, width=120):
    """The passage of `text` around the first term of `query` it holds, the terms marked with
    <mark>, escaped for HTML; the start of the text when nothing matches."""
    text = re.sub(r"\s+", " ", nfc(text or "")).strip()
    folded = "".join(map(_fold_char, text))  # one character for one: positions carry over
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
