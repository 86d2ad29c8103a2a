"""Writes on oversight: programme tasks become missions; missions move forward step by step;
recommendations and commitments are followed with progress reports until done or dropped.
All audited, all-or-nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hdnd.core.audit import CREATE, EDIT, audit, audited_save
from hdnd.core.uploads import validate_document

from .models import (
    CLOSED_STATUSES,
    MISSION_STEPS,
    STEP_REQUIREMENTS,
    AccountabilityHearing,
    ConductingBody,
    Mission,
    MissionKind,
    MissionStatus,
    ProgrammeKind,
    ProgressReport,
    Questioning,
    Recommendation,
    RecommendationStatus,
    TaskOwner,
    TaskStatus,
)


def _status_change(old, new):
    return [{"field": _("status"), "old": str(old), "new": str(new)}]


def mission_from_task(*, actor, task, term, planned_start, kind=MissionKind.THEMATIC):
    """Turns a task of the supervision programme into a planned mission conducted by the task's
    owner; the task is then in progress, and done once the mission is concluded."""
    if task.programme.kind != ProgrammeKind.SUPERVISION_PROGRAMME:
        raise ValidationError(_("Only the tasks of a supervision programme become missions."))
    if task.owner == TaskOwner.OFFICE:
        raise ValidationError(_("The office does not conduct supervisions: give the task to a body of the council."))
    if Mission.objects.filter(programme_task=task).exists():
        raise ValidationError(_("This task already has its mission."))
    with transaction.atomic():
        mission = audited_save(
            Mission(
                council=task.programme.council,
                term=term,
                kind=kind,
                conducting_body=ConductingBody(task.owner),
                committee=task.committee,
                delegate_group=task.delegate_group,
                delegate=task.delegate,
                subject=task.title,
                planned_start=planned_start,
                programme_task=task,
            ),
            actor=actor,
            created=True,
        )
        _task_status_set(actor, task, TaskStatus.IN_PROGRESS)
    return mission


def _task_status_set(actor, task, status):
    if task.status == status:
        return
    old = task.get_status_display()
    task.status = status
    task.save(update_fields=["status"])
    audit(
        task.programme,
        EDIT,
        actor=actor,
        changes=[
            {
                "field": _("task “%(task)s”") % {"task": task.title},
                "old": str(old),
                "new": str(task.get_status_display()),
            }
        ],
    )


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
            missing = [f for f in STEP_REQUIREMENTS.get(step, ()) if not getattr(mission, f)]
            if missing:
                labels = ", ".join(str(Mission._meta.get_field(f).verbose_name) for f in missing)
                raise ValidationError(
                    _("Before “%(status)s”, enter: %(fields)s.")
                    % {"status": MissionStatus(step).label, "fields": labels}
                )
        old = mission.get_status_display()
        mission.status = to
        audited_save(mission, actor=actor, created=False, changes=_status_change(old, mission.get_status_display()))
        if to == MissionStatus.CONCLUDED and mission.programme_task_id:
            _task_status_set(actor, mission.programme_task, TaskStatus.DONE)
        return mission


def recommendation_add(*, actor, mission, text, responsible_body, deadline):
    recommendation = Recommendation(
        council=mission.council, mission=mission, text=text, responsible_body=responsible_body, deadline=deadline
    )
    return audited_save(recommendation, actor=actor, created=True)


def commitment_add(*, actor, given_in, text, responsible_body, deadline):
    """Records a commitment given in answer to questioning or at an accountability hearing."""
    origin = {Questioning: "questioning", AccountabilityHearing: "hearing"}[type(given_in)]
    commitment = Recommendation(
        council=given_in.council,
        text=text,
        responsible_body=responsible_body,
        deadline=deadline,
        **{origin: given_in},
    )
    return audited_save(commitment, actor=actor, created=True)


def _refuse_if_closed(recommendation):
    if recommendation.status in CLOSED_STATUSES:
        raise ValidationError(
            _("This recommendation is closed (%(status)s): it takes no more progress reports.")
            % {"status": recommendation.get_status_display().lower()}
        )


def progress_report_add(*, actor, recommendation, reported_on, text, uploaded=None):
    """Records the responsible body's report (with its file, if any); an open recommendation
    becomes "in progress"."""
    if uploaded is not None:
        validate_document(uploaded)
    with transaction.atomic():
        recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        _refuse_if_closed(recommendation)
        report = ProgressReport(recommendation=recommendation, reported_on=reported_on, text=text)
        if uploaded is not None:
            report.file = uploaded
        report.full_clean()
        report.save()
        audit(report, CREATE, actor=actor)
        if recommendation.status == RecommendationStatus.OPEN:
            recommendation.status = RecommendationStatus.IN_PROGRESS
            audited_save(
                recommendation,
                actor=actor,
                created=False,
                changes=_status_change(RecommendationStatus.OPEN.label, RecommendationStatus.IN_PROGRESS.label),
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
            recommendation, actor=actor, created=False, changes=_status_change(old, recommendation.get_status_display())
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
