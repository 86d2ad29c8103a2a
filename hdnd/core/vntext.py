"""Vietnamese text: Unicode NFC for storage, folding for search (DOMAIN.md §10)."""

import functools
import re
import unicodedata

_SPACES = re.compile(r"\s+")
#: Combining marks: once a Vietnamese text is decomposed, its tone and vowel marks all fall here.
_MARKS = re.compile("[\u0300-\u036f]+")

# str.replace rather than str.translate: translate looks every character up in a table, which
# made storing and folding a long text some twenty times slower (it shows in a 50,000-row import).


def _without_lookalikes(text):
    """ "Ð" (U+00D0, Icelandic eth) is often typed for "Đ" (U+0110); "ð" likewise for "đ"."""
    if "\u00d0" in text or "\u00f0" in text:
        text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return text


def nfc(text):
    """The stored form of a text: composed (NFC), with look-alike Đ replaced. None stays None."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", _without_lookalikes(str(text)))


def fold(text):
    """Lower-case ASCII form for matching: "Nghị quyết Đắk Lắk" → "nghi quyet dak lak".

    Tone marks on either vowel ("hòa"/"hoà") fold to the same letters; đ/Đ fold to d explicitly,
    since they have no Unicode decomposition.
    """
    if not text:
        return ""
    return _fold(str(text))


@functools.lru_cache(maxsize=8192)  # an import folds each text for its duplicate check, then to store it
def _fold(text):
    text = _without_lookalikes(text).replace("\u0110", "D").replace("\u0111", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return _SPACES.sub(" ", _MARKS.sub("", decomposed)).strip().lower()


def readable_slug(text, max_length=80):
    """A web address part a Vietnamese reader can read: "Tin kỳ họp" → "tin-ky-hop", cut between words."""
    from django.utils.text import slugify

    slug = slugify(fold(text))
    return slug if len(slug) <= max_length else slug[: max_length + 1].rsplit("-", 1)[0]
