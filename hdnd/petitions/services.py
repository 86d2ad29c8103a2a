"""Writes on voter petitions: each step of the way — classified, forwarded, answered, reported
back to voters — only forward and with what the step needs; repeated petitions merged into one
that keeps every source. All audited, all-or-nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hdnd.core.audit import EDIT, audit, audited_insert_many, audited_save
from hdnd.core.spreadsheets import SpreadsheetImport
from hdnd.core.uploads import validate_document

from .imports import fingerprint, petition_columns, row_problems
from .models import PETITION_STEPS, PetitionStatus, VoterPetition


def petition_record(*, actor, council, received_on, text, session=None, area="", meetings=()):
    """Records a petition as received from voters: its text, where it came from, for which session."""
    petition = VoterPetition(council=council, session=session, received_on=received_on, text=text, area=area)
    return audited_save(petition, actor=actor, created=True, save_m2m=lambda: petition.meetings.set(meetings))


def _step(*, actor, petition, to, **values):
    """Sets `values` and moves `petition` to the step `to`, which must come right after its own."""
    with transaction.atomic():
        petition = VoterPetition.objects.select_for_update().get(pk=petition.pk)
        if petition.status == PetitionStatus.MERGED:
            raise ValidationError(_("This petition was merged into another: follow that one."))
        current, target = PETITION_STEPS.index(petition.status), PETITION_STEPS.index(to)
        if target <= current:
            raise ValidationError(
                _("A petition's status only moves forward: it is already “%(status)s”.")
                % {"status": petition.get_status_display()}
            )
        if target > current + 1:
            raise ValidationError(
                _("First record the step “%(status)s”.") % {"status": PETITION_STEPS[current + 1].label}
            )
        missing = [name for name, value in values.items() if value in (None, "")]
        if missing:
            raise ValidationError({name: _("This field is required for this step.") for name in missing})
        old = petition.get_status_display()
        changes = []
        for name, value in values.items():
            field = VoterPetition._meta.get_field(name)
            changes.append({"field": str(field.verbose_name), "old": "", "new": str(value)})
            setattr(petition, name, value)
        petition.status = to
        changes.append({"field": _("status"), "old": str(old), "new": str(petition.get_status_display())})
        return audited_save(petition, actor=actor, created=False, changes=changes)


def petition_classify(*, actor, petition, field, competent_level, competent_body):
    return _step(
        actor=actor,
        petition=petition,
        to=PetitionStatus.CLASSIFIED,
        field=field,
        competent_level=competent_level,
        competent_body=competent_body,
    )


def petition_forward(*, actor, petition, forwarded_on, deadline):
    return _step(
        actor=actor, petition=petition, to=PetitionStatus.FORWARDED, forwarded_on=forwarded_on, deadline=deadline
    )


def petition_answer(*, actor, petition, answer, answered_on, uploaded=None):
    values = {"answer": answer, "answered_on": answered_on}
    if uploaded is not None:
        validate_document(uploaded, allowed=frozenset({"pdf", "docx", "doc"}))
        values["answer_file"] = uploaded
    return _step(actor=actor, petition=petition, to=PetitionStatus.ANSWERED, **values)


def petition_report_back(*, actor, petition, reported_at):
    return _step(actor=actor, petition=petition, to=PetitionStatus.REPORTED_BACK, reported_at=reported_at)


def petitions_merge(*, actor, into, petitions):
    """Merges repeated petitions into `into`, which keeps every voter meeting they came from."""
    others = [p for p in petitions if p.pk != into.pk]
    if not others:
        raise ValidationError(_("Choose at least one other petition to merge."))
    with transaction.atomic():
        into = VoterPetition.objects.select_for_update().get(pk=into.pk)
        if into.status == PetitionStatus.MERGED:
            raise ValidationError(_("This petition was merged into another: follow that one."))
        for petition in VoterPetition.objects.select_for_update().filter(pk__in=[p.pk for p in others]):
            if petition.council_id != into.council_id:
                raise ValidationError(_("Only petitions of the same council can be merged."))
            if petition.status == PetitionStatus.MERGED:
                raise ValidationError(
                    _("“%(petition)s” is already merged into another petition.") % {"petition": petition}
                )
            into.meetings.add(*petition.meetings.all())
            old = petition.get_status_display()
            petition.status = PetitionStatus.MERGED
            petition.merged_into = into
            audited_save(
                petition,
                actor=actor,
                created=False,
                changes=[
                    {"field": _("status"), "old": str(old), "new": str(petition.get_status_display())},
                    {"field": _("merged into"), "old": "", "new": str(into)},
                ],
            )
        audit(into, EDIT, actor=actor, changes=[{"field": _("merged petitions"), "old": "", "new": str(len(others))}])
    return into


IMPORT_BATCH = 2000


def _imported_status(row):
    if row["answer"]:
        return PetitionStatus.ANSWERED
    if row["forwarded_on"]:
        return PetitionStatus.FORWARDED
    if row["field"] and row["competent_level"] and row["competent_body"]:
        return PetitionStatus.CLASSIFIED
    return PetitionStatus.RECEIVED


def petitions_import(*, actor, session, uploaded, encoding="auto"):
    """Imports the petitions collected for `session` from an XLSX or CSV file: every row is
    checked, and all are saved or none. Rows already imported (same text and area for
    the same session) are skipped. Returns (created, skipped)."""
    table = SpreadsheetImport(uploaded, petition_columns(), encoding=encoding)
    imported = VoterPetition.objects.filter(council=session.council, session=session)
    counts = {"created": 0, "skipped": 0}

    def save(rows):
        # Duplicates are looked up batch by batch (earlier batches of this file are saved by
        # then), so memory does not grow with the file.
        keyed = [(fingerprint(session.pk, row), row) for row in rows]
        seen = set(imported.filter(fingerprint__in=[key for key, _ in keyed]).values_list("fingerprint", flat=True))
        batch = []
        for key, row in keyed:
            if key in seen:
                counts["skipped"] += 1
                continue
            seen.add(key)
            petition = VoterPetition(
                council=session.council,
                session=session,
                fingerprint=key,
                status=_imported_status(row),
                **{name: value if value is not None else "" for name, value in row.items() if name in TEXT_FIELDS},
                **{name: value for name, value in row.items() if name not in TEXT_FIELDS},
            )
            petition.normalize_text_fields()
            batch.append(petition)
        counts["created"] += audited_insert_many(VoterPetition, batch, actor=actor)

    table.run(save, row_check=row_problems, batch_size=IMPORT_BATCH)
    return counts["created"], counts["skipped"]


TEXT_FIELDS = ("text", "area", "field", "competent_level", "competent_body", "answer")
