import unicodedata

from hdnd.core.vntext import fold, nfc


def test_nfc_composes_text_pasted_from_word():
    decomposed = unicodedata.normalize("NFD", "Nghị quyết")
    assert decomposed != "Nghị quyết"
    assert nfc(decomposed) == "Nghị quyết"


def test_nfc_replaces_eth_typed_for_d_with_stroke():
    assert nfc("\u00d0ắk Lắk") == "Đắk Lắk"


def test_nfc_keeps_none():
    assert nfc(None) is None


def test_fold_strips_tones_and_folds_d():
    assert fold("Nghị quyết Đắk Lắk") == "nghi quyet dak lak"


def test_fold_matches_both_tone_placements():
    assert fold("hòa") == fold("hoà") == "hoa"
    assert fold("thủy") == fold("thuỷ") == "thuy"


def test_fold_collapses_spaces():
    assert fold("  Hội   đồng\tnhân dân ") == "hoi dong nhan dan"


def test_fold_reads_what_it_is_given_as_text():
    assert fold(None) == fold("") == ""
    assert fold(2024) == "2024"
    assert fold(True) == "true"
    assert fold(1) == "1"  # not the memo of an equal value of another type


def test_folding_fields_one_by_one_gives_the_folded_whole():
    # SearchableModel folds its fields one at a time and joins them.
    parts = ["  Đề nghị   sửa\tđường ", "", "   ", unicodedata.normalize("NFD", "Thôn Nà Làng")]
    assert " ".join(p for p in map(fold, parts) if p) == fold(" ".join(parts))
