"""Writes on resolutions: drafting, adoption with its number, publication, relations, attachments."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hdnd.accounts.permissions import can_publish_for_council
from hdnd.core.audit import CREATE, EDIT, audit, audited_save, audited_update
from hdnd.core.dates import vn_date
from hdnd.core.numbering import zero_pad
from hdnd.core.uploads import validate_document

from .models import Attachment, NumberSeries, Resolution, ResolutionRelation, Status


def resolution_draft(*, actor, council, term, subject, **fields):
    return audited_save(Resolution(council=council, term=term, subject=subject, **fields), actor=actor, created=True)


#: What an edit may change, in the order the back office's form shows it; the kind, number,
#: adoption date and status move by their own steps.
RESOLUTION_EDITABLE = (
    "field",
    "subject",
    "session",
    "agenda_item",
    "effective_date",
    "legal_bases",
    "body",
    "recipients",
    "on_behalf",
    "signer_title",
    "signer_name",
)


def resolution_update(*, actor, resolution, **values):
    """Changes the resolution's text and particulars (`RESOLUTION_EDITABLE`), checked by its rules."""
    unknown = set(values) - set(RESOLUTION_EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        resolution = Resolution.objects.select_for_update().get(pk=resolution.pk)
        return audited_update(resolution, actor=actor, values=values)


def _check_sequence(resolution, number, adopted_on):
    """Numbers follow adoption dates within a series: refuse a number whose neighbours' dates disagree."""
    series = Resolution.objects.filter(council=resolution.council, kind=resolution.kind, year=adopted_on.year).exclude(
        pk=resolution.pk
    )
    if series.filter(number=number).exists():
        raise ValidationError(
            {
                "number": _("Number %(number)s is already taken in this series for %(year)s.")
                % {"number": zero_pad(number), "year": adopted_on.year}
            }
        )
    earlier_but_later = series.filter(number__lt=number, adopted_on__gt=adopted_on).order_by("-number").first()
    if earlier_but_later:
        raise ValidationError(
            {
                "adopted_on": _(
                    "Out of sequence: resolution no. %(other)s, a smaller number, was adopted later (%(date)s). Check the date or the number."
                )
                % {"other": zero_pad(earlier_but_later.number), "date": vn_date(earlier_but_later.adopted_on)}
            }
        )
    later_but_earlier = series.filter(number__gt=number, adopted_on__lt=adopted_on).order_by("number").first()
    if later_but_earlier:
        raise ValidationError(
            {
                "adopted_on": _(
                    "Out of sequence: resolution no. %(other)s, a larger number, was adopted earlier (%(date)s). Check the date or the number."
                )
                % {"other": zero_pad(later_but_earlier.number), "date": vn_date(later_but_earlier.adopted_on)}
            }
        )


def resolution_adopt(*, actor, resolution, adopted_on, number=None, vote=None, effective_date=None):
    """Adopts a draft and gives it its number: the next of the council's series for the kind and
    calendar year, or — for a historical record — the `number` given, if it is free and in sequence.
    The series row is locked while the number is drawn; the unique constraint is the last guard."""
    with transaction.atomic():
        resolution = Resolution.objects.select_for_update().get(pk=resolution.pk)
        if resolution.status != Status.DRAFT:
            raise ValidationError(
                _("This resolution is already adopted as %(symbol)s.") % {"symbol": resolution.symbol}
            )
        NumberSeries.objects.get_or_create(council=resolution.council, kind=resolution.kind, year=adopted_on.year)
        series = NumberSeries.objects.select_for_update().get(
            council=resolution.council, kind=resolution.kind, year=adopted_on.year
        )
        if number is not None and number < 1:
            raise ValidationError({"number": _("A resolution number starts at 01.")})
        chosen = number or series.last_number + 1
        _check_sequence(resolution, chosen, adopted_on)
        series.last_number = max(series.last_number, chosen)
        series.save(update_fields=["last_number"])
        resolution.number, resolution.adopted_on, resolution.status = chosen, adopted_on, Status.ADOPTED
        if vote is not None:
            resolution.vote = vote
        if effective_date is not None:
            resolution.effective_date = effective_date
        resolution.year = adopted_on.year
        return audited_save(
            resolution,
            actor=actor,
            created=False,
            changes=[{"field": _("number and symbol"), "old": "—", "new": resolution.make_symbol()}],
        )


def resolution_publish(*, actor, resolution):
    """A leader makes an adopted resolution public."""
    if not can_publish_for_council(actor, resolution.council):
        raise PermissionDenied(_("Only a leader of the council can publish its resolutions."))
    with transaction.atomic():
        resolution = Resolution.objects.select_for_update().get(pk=resolution.pk)
        if resolution.status != Status.ADOPTED:
            raise ValidationError(_("Only an adopted resolution that is not yet published can be published."))
        resolution.status, resolution.published_at = Status.PUBLISHED, timezone.now()
        return audited_save(
            resolution,
            actor=actor,
            created=False,
            changes=[{"field": _("status"), "old": str(Status.ADOPTED.label), "new": str(Status.PUBLISHED.label)}],
        )


def relation_add(*, actor, source, target, kind):
    relation = ResolutionRelation(source=source, target=target, kind=kind)
    with transaction.atomic():
        relation.full_clean()
        relation.save()
        audit(
            source, EDIT, actor=actor, changes=[{"field": relation.get_kind_display(), "old": "—", "new": str(target)}]
        )
    return relation


def attachment_add(*, actor, resolution, title, uploaded):
    """Attaches a PDF, DOCX, DOC or XLSX file, checked by content; nothing is stored when it fails."""
    file_type = validate_document(uploaded)
    with transaction.atomic():
        attachment = Attachment(
            resolution=resolution, title=title, file=uploaded, file_type=file_type, size=uploaded.size
        )
        attachment.full_clean()
        attachment.save()
        audit(attachment, CREATE, actor=actor)
    return attachment
