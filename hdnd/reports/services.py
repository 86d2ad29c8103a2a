"""Writes on briefings: the figures are frozen when the briefing is recorded."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from hdnd.core.audit import EDIT, audit

from .exports import ROW_WORDS
from .narrative import level_name, narrative
from .rows import table
from .statistics import Scope, figures


def figures_snapshot(*, council, start, end, beneath):
    """The figures and the narrative of a period as they stand now, in plain data that later
    edits to the records cannot change."""
    report = figures(Scope(council, start, end, beneath=beneath))
    return {
        "computed_at": timezone.now().isoformat(timespec="seconds"),
        "levels": [level_name(report, level) for level in report.levels],
        "lines": [
            {"label": ROW_WORDS[(name, key)], "values": values, "total": total}
            for name, key, _label, values, total in table(report)
            if total
        ],
        "paragraphs": narrative(report),
    }


def briefing_figures_freeze(briefing):
    """Sets the briefing's figures from the records (before it is first saved)."""
    briefing.figures = figures_snapshot(
        council=briefing.council,
        start=briefing.period_start,
        end=briefing.period_end,
        beneath=briefing.include_beneath,
    )
    return briefing


def briefing_figures_refresh(*, actor, briefing):
    """Counts the figures again — for a briefing still being prepared — and records it. Once the
    briefing has taken place its figures stay as they stood."""
    if briefing.held_on < timezone.localdate():
        raise ValidationError(_("The briefing has taken place: its figures stay as they stood that day."))
    old = briefing.figures.get("computed_at", "")
    briefing_figures_freeze(briefing)
    briefing.save(update_fields=["figures"])
    audit(
        briefing,
        EDIT,
        actor=actor,
        changes=[{"field": _("figures as they stood"), "old": old, "new": briefing.figures["computed_at"]}],
    )
    return briefing
