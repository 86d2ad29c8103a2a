"""Writes on oversight: missions move forward step by step; recommendations are followed with
progress reports until done or dropped. All audited, all-or-nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hdnd.core.audit import CREATE, audit, audited_save

from .models import (
    CLOSED_STATUSES,
    MISSION_STEPS,
    Mission,
    MissionStatus,
    ProgressReport,
    Recommendation,
    RecommendationStatus,
)

#: What a mission needs before it may enter each status.
REQUIREMENTS = {
    MissionStatus.DECIDED: ("decision_number", "decision_date"),
    MissionStatus.REPORTED: ("report", "report_date"),
    MissionStatus.CONCLUDED: ("conclusions", "conclusions_date"),
}


def mission_advance(*, actor, mission, to):
    """Moves a mission to a later status (planned → decided → in the field → reported → concluded);
    never backwards, and only with the decision, report or conclusions that step requires."""
    with transaction.atomic():
        mission = Mission.objects.select_for_update().get(pk=mission.pk)
        current, target = MISSION_STEPS.index(mission.status), MISSION_STEPS.index(to)
        if target <= current:
            raise ValidationError(
                _("A mission's status only moves forward: it is already “%(status)s”.")
                % {"status": mission.get_status_display()}
            )
        for step in MISSION_STEPS[current + 1 : target + 1]:
            missing = [f for f in REQUIREMENTS.get(step, ()) if not getattr(mission, f)]
            if missing:
                labels = ", ".join(str(Mission._meta.get_field(f).verbose_name) for f in missing)
                raise ValidationError(
                    _("Before “%(status)s”, enter: %(fields)s.")
                    % {"status": MissionStatus(step).label, "fields": labels}
                )
        old = mission.get_status_display()
        mission.status = to
        return audited_save(
            mission,
            actor=actor,
            created=False,
            changes=[{"field": _("status"), "old": str(old), "new": str(mission.get_status_display())}],
        )


def recommendation_add(*, actor, mission, text, responsible_body, deadline):
    recommendation = Recommendation(
        council=mission.council, mission=mission, text=text, responsible_body=responsible_body, deadline=deadline
    )
    return audited_save(recommendation, actor=actor, created=True)


def _refuse_if_closed(recommendation):
    if recommendation.status in CLOSED_STATUSES:
        raise ValidationError(
            _("This recommendation is closed (%(status)s): it takes no more progress reports.")
            % {"status": recommendation.get_status_display().lower()}
        )


def progress_report_add(*, actor, recommendation, reported_on, text):
    """Records the responsible body's report; an open recommendation becomes "in progress"."""
    with transaction.atomic():
        recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        _refuse_if_closed(recommendation)
        report = ProgressReport(recommendation=recommendation, reported_on=reported_on, text=text)
        report.full_clean()
        report.save()
        audit(report, CREATE, actor=actor)
        if recommendation.status == RecommendationStatus.OPEN:
            recommendation.status = RecommendationStatus.IN_PROGRESS
            audited_save(
                recommendation,
                actor=actor,
                created=False,
                changes=[
                    {
                        "field": _("status"),
                        "old": str(RecommendationStatus.OPEN.label),
                        "new": str(RecommendationStatus.IN_PROGRESS.label),
                    }
                ],
            )
    return report


def recommendation_close(*, actor, recommendation, status, assessment="", reason=""):
    """Marks a recommendation done (with the council's assessment) or dropped (with a reason)."""
    if status not in CLOSED_STATUSES:
        raise ValidationError(_("A recommendation is closed as done or dropped."))
    with transaction.atomic():
        recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        _refuse_if_closed(recommendation)
        old = recommendation.get_status_display()
        recommendation.status = status
        recommendation.assessment = assessment or recommendation.assessment
        recommendation.dropped_reason = reason
        return audited_save(
            recommendation,
            actor=actor,
            created=False,
            changes=[{"field": _("status"), "old": str(old), "new": str(recommendation.get_status_display())}],
        )


def resupervision_open(*, actor, recommendations, **mission_fields):
    """Opens a new mission that re-supervises open recommendations of earlier missions."""
    still_open = [r for r in recommendations if r.status not in CLOSED_STATUSES]
    if not still_open:
        raise ValidationError(_("Choose at least one recommendation that is still open."))
    with transaction.atomic():
        mission = audited_save(Mission(**mission_fields), actor=actor, created=True)
        mission.follows_up.set(still_open)
    return mission
