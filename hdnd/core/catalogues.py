"""The Vietnamese catalogues: the project's own strings (locale/vi) and the Wagtail admin's
(locale/wagtail/vi), which take precedence over Wagtail's incomplete bundled translation.

`python -m hdnd.core.catalogues compile` writes the .mo files with polib, so a machine without
GNU gettext can still build them; the compiled files are committed and a test keeps them in step.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent.parent / "locale"
CATALOGUES = sorted(ROOT.glob("**/vi/LC_MESSAGES/*.po"))


def problems(po_path):
    """Entries that would show English to a user: untranslated or fuzzy."""
    po = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in po.untranslated_entries() if not e.obsolete]
    fuzzy = [e.msgid for e in po.fuzzy_entries() if not e.obsolete]
    return untranslated, fuzzy


def compile_all():
    for po_path in CATALOGUES:
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(ROOT.parent)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["compile"]:
        sys.exit("usage: python -m hdnd.core.catalogues compile")
    compile_all()
