"""Writes on the reception register: entries imported from a spreadsheet, all or none."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from hdnd.core.audit import audited_insert_many
from hdnd.core.spreadsheets import SpreadsheetImport
from hdnd.councils.models import Council

from .imports import case_columns, fingerprint, row_problems
from .models import Case

IMPORT_BATCH = 2000
TEXT_FIELDS = ("citizen_address", "id_document", "handled_before_by", "forwarded_to", "result", "notes")


def cases_import(*, actor, council, uploaded, encoding="auto"):
    """Imports register entries into `council`'s register. Every row is checked and all are saved
    or none; entries already there (same day, name and content) are skipped. Entries
    without a number get the next numbers of their year. Returns (created, skipped)."""
    table = SpreadsheetImport(uploaded, case_columns(), encoding=encoding)
    known = set(Case.objects.filter(council=council).exclude(fingerprint="").values_list("fingerprint", flat=True))
    used = set(Case.objects.filter(council=council).values_list("year", "number"))

    def problems(row):
        if fingerprint(council.pk, row) in known:
            return []  # imported before: skipped
        if row["number"]:
            number = (row["received_on"].year, row["number"])
            if number in used:
                return [
                    (
                        "Số thứ tự",
                        _("Number %(n)s of %(y)s is already in the register.") % {"n": number[1], "y": number[0]},
                    )
                ]
            used.add(number)
        return row_problems(row)

    counts = {"created": 0, "skipped": 0}
    with transaction.atomic():
        Council.objects.select_for_update().get(pk=council.pk)  # one import numbers a register at a time
        last = dict(
            Case.objects.filter(council=council).values("year").annotate(m=Max("number")).values_list("year", "m")
        )

        def save(rows):
            batch = []
            for row in rows:
                key = fingerprint(council.pk, row)
                if key in saved:
                    counts["skipped"] += 1
                    continue
                saved.add(key)
                year = row["received_on"].year
                number = row["number"]
                if not number:  # the next free number of the year, clear of those the file gives
                    number = (last.get(year) or 0) + 1
                    while (year, number) in used:
                        number += 1
                    used.add((year, number))
                last[year] = max(last.get(year) or 0, number)
                case = Case(
                    council=council,
                    fingerprint=key,
                    year=year,
                    number=number,
                    received_on=row["received_on"],
                    citizen_name=row["citizen_name"],
                    content=row["content"],
                    kind=row["kind"],
                    handling=row["handling"],
                    people_count=row["people_count"] or 1,
                    **{name: row[name] or "" for name in TEXT_FIELDS},
                )
                case.normalize_text_fields()
                batch.append(case)
            counts["created"] += audited_insert_many(Case, batch, actor=actor)

        saved = set(known)
        table.run(save, row_check=problems, batch_size=IMPORT_BATCH)
    return counts["created"], counts["skipped"]
