"""Vietnamese text: Unicode NFC for storage, folding for search (DOMAIN.md §10)."""

import re
import unicodedata

# "Ð" (U+00D0, Icelandic eth) is often typed for "Đ" (U+0110); "ð" likewise for "đ".
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
_FOLD_D = str.maketrans({"\u0110": "D", "\u0111": "d"})
_SPACES = re.compile(r"\s+")
#: Combining marks: once a Vietnamese text is decomposed, its tone and vowel marks all fall here.
_MARKS = re.compile("[\u0300-\u036f]")


def nfc(text):
    """The stored form of a text: composed (NFC), with look-alike Đ replaced. None stays None."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", str(text).translate(_LOOKALIKES))


def fold(text):
    """Lower-case ASCII form for matching: "Nghị quyết Đắk Lắk" → "nghi quyet dak lak".

    Tone marks on either vowel ("hòa"/"hoà") fold to the same letters; đ/Đ fold to d explicitly,
    since they have no Unicode decomposition.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).translate(_LOOKALIKES).translate(_FOLD_D))
    return _SPACES.sub(" ", _MARKS.sub("", decomposed)).strip().lower()
