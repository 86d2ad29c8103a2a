"""The Vietnamese catalogues are complete, and the committed .mo files match their .po files."""

import polib
import pytest

from hdnd.core.catalogues import CATALOGUES, ROOT, problems


def test_both_catalogues_exist():
    names = {str(p.relative_to(ROOT)) for p in CATALOGUES}
    assert {
        "vi/LC_MESSAGES/django.po",
        "wagtail/vi/LC_MESSAGES/django.po",
        "wagtail/vi/LC_MESSAGES/djangojs.po",
    } <= names


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: "/".join(p.parts[-4:]))
def test_catalogue_has_no_empty_or_fuzzy_entry(po_path):
    untranslated, fuzzy = problems(po_path)
    assert untranslated == [], f"untranslated in {po_path}: {untranslated[:10]}"
    assert fuzzy == [], f"fuzzy in {po_path}: {fuzzy[:10]}"


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: "/".join(p.parts[-4:]))
def test_compiled_catalogue_matches_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"run `make messages` to compile {po_path}"
    compiled = {(e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural) for e in polib.mofile(str(mo_path))}
    source = {
        (e.msgctxt, e.msgid): (e.msgstr or dict(e.msgstr_plural.items()))
        for e in polib.pofile(str(po_path)).translated_entries()
    }
    assert {k: v for k, v in compiled.items() if k[1]} == source, f"{mo_path} is stale: run `make messages`"
