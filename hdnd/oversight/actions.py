"""Back-office actions on oversight records beyond their edit forms: move a mission forward, add
its recommendations, open a re-supervision, download its documents; follow a recommendation or a
commitment with progress reports until it is closed; turn programme tasks into missions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from hdnd.accounts.actions import action_form_page, add_errors, related_records_page
from hdnd.accounts.scoping import CHANGE, VIEW
from hdnd.accounts.viewsets import forbidden, scoped_object
from hdnd.core.documents import document_response

from . import documents, services
from .forms import AdvanceForm, CloseForm, FollowUpItemForm, ProgressReportForm, ResupervisionForm, TaskToMissionForm
from .models import CLOSED_STATUSES, Mission, MissionStatus, Recommendation, WorkProgramme


def _edit_url(obj):
    return reverse(f"{obj._meta.model_name}:edit", args=[obj.pk])


def _follow_up_edit_url(recommendation):
    name = "recommendation" if recommendation.mission_id else "commitment"
    return reverse(f"{name}:edit", args=[recommendation.pk])


def _can_change(request, policy, obj):
    return policy.user_has_permission_for_instance(request.user, CHANGE, obj)


def _mission(request, policy, pk, action=VIEW):
    queryset = Mission.objects.select_related(
        "council__unit", "term", "committee", "delegate_group", "delegate__person"
    )
    return scoped_object(request, policy, queryset, pk, action)


def mission_advance(request, pk, *, policy):
    try:
        mission = _mission(request, policy, pk, CHANGE)
    except PermissionDenied:
        return forbidden(request)
    if mission.status == MissionStatus.CONCLUDED:
        messages.error(request, _("The mission is concluded: its status cannot change any more."))
        return redirect(_edit_url(mission))
    form = AdvanceForm(request.POST or None, mission=mission)
    if request.method == "POST" and form.is_valid():
        try:
            mission = services.mission_advance(actor=request.user, mission=mission, to=form.cleaned_data["status"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The mission is now: %(status)s.") % {"status": mission.get_status_display()})
            return redirect(_edit_url(mission))
    return action_form_page(
        request,
        mission,
        form,
        title=_("Change the mission's status"),
        submit_label=_("Change the status"),
        back_url=_edit_url(mission),
        icon="glasses",
        explanation=_(
            "The status moves only forward: planned, decided, in the field, reported, concluded. "
            "Enter the decision before “decided”, the team report before “reported” and the "
            "conclusions before “concluded”."
        ),
    )


def mission_document(request, pk, which, extension, *, policy):
    mission = _mission(request, policy, pk)
    return document_response(
        documents.mission_document(mission, which), extension, documents.file_name(mission, which, extension)
    )


def _follow_up_rows(items):
    return [
        {
            "label": item.text,
            "url": _follow_up_edit_url(item),
            "detail": _("%(body)s — deadline %(deadline)s — %(status)s")
            % {
                "body": item.responsible_body,
                "deadline": date_filter(item.deadline, "d/m/Y"),
                "status": _("overdue") if item.is_overdue else item.get_status_display().lower(),
            },
        }
        for item in items
    ]


def mission_recommendations(request, pk, *, policy):
    mission = _mission(request, policy, pk)
    return related_records_page(
        request,
        mission,
        form=FollowUpItemForm(request.POST or None) if _can_change(request, policy, mission) else None,
        save=lambda data: services.recommendation_add(actor=request.user, mission=mission, **data),
        success=_("The recommendation is recorded."),
        rows=lambda: _follow_up_rows(mission.recommendations.all()),
        context={
            "page_title": _("Recommendations of the mission"),
            "icon": "tasks",
            "empty_text": _("The mission has no recommendation yet."),
            "form_title": _("Add a recommendation"),
            "submit_label": _("Add"),
            "back_url": _edit_url(mission),
        },
    )


def mission_resupervision(request, pk, *, policy):
    try:
        mission = _mission(request, policy, pk, CHANGE)
    except PermissionDenied:
        return forbidden(request)
    form = ResupervisionForm(request.POST or None, mission=mission)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.resupervision_open(
                actor=request.user,
                recommendations=list(data["recommendations"]),
                council=mission.council,
                term=data["term"],
                kind=mission.kind,
                conducting_body=mission.conducting_body,
                committee=mission.committee,
                delegate_group=mission.delegate_group,
                delegate=mission.delegate,
                subject=data["subject"],
                supervised_bodies=mission.supervised_bodies,
                planned_start=data["planned_start"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The re-supervision is opened; complete its decision and team."))
            return redirect(_edit_url(created))
    return action_form_page(
        request,
        mission,
        form,
        title=_("Open a re-supervision"),
        submit_label=_("Open the re-supervision"),
        back_url=_edit_url(mission),
        icon="glasses",
        explanation=_("The new mission follows up the recommendations you tick and links back to them."),
    )


def _follow_up(request, policy, pk, action=VIEW):
    queryset = Recommendation.objects.select_related("council__unit", "mission", "questioning", "hearing")
    return scoped_object(request, policy, queryset, pk, action)


def progress(request, pk, *, policy):
    item = _follow_up(request, policy, pk)
    open_and_editable = item.status not in CLOSED_STATUSES and _can_change(request, policy, item)
    return related_records_page(
        request,
        item,
        form=ProgressReportForm(request.POST or None, request.FILES or None) if open_and_editable else None,
        save=lambda data: services.progress_report_add(
            actor=request.user,
            recommendation=item,
            reported_on=data["reported_on"],
            text=data["text"],
            uploaded=data["file"],
        ),
        success=_("The progress report is recorded."),
        rows=lambda: [
            {
                "label": f"{date_filter(report.reported_on, 'd/m/Y')}: {report.text}",
                "url": report.file.url if report.file else "",
                "detail": _("attached file") if report.file else "",
            }
            for report in item.progress_reports.all()
        ],
        context={
            "page_title": _("Progress reports"),
            "icon": "list-ul",
            "empty_text": _("The responsible body has not reported any progress yet."),
            "form_title": _("Record a progress report"),
            "submit_label": _("Record"),
            "back_url": _follow_up_edit_url(item),
        },
    )


def close(request, pk, *, policy):
    try:
        item = _follow_up(request, policy, pk, CHANGE)
    except PermissionDenied:
        return forbidden(request)
    form = CloseForm(request.POST or None, initial={"assessment": item.assessment})
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_close(actor=request.user, recommendation=item, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Closed."))
            return redirect(_follow_up_edit_url(item))
    return action_form_page(
        request,
        item,
        form,
        title=_("Close: done or dropped"),
        submit_label=pgettext("recommendation", "Close"),
        back_url=_follow_up_edit_url(item),
        icon="check",
        explanation=_(
            "Done: the responsible body has carried it out; write the council's assessment. "
            "Dropped: it is no longer to be carried out; give the reason. Once closed it takes no more progress reports."
        ),
    )


def programme_missions(request, pk, *, policy):
    programme = scoped_object(request, policy, WorkProgramme.objects.select_related("council"), pk)
    can_change = _can_change(request, policy, programme)
    return related_records_page(
        request,
        programme,
        form=TaskToMissionForm(request.POST or None, programme=programme) if can_change else None,
        save=lambda data: services.mission_from_task(actor=request.user, **data),
        success=_("The mission is created from the task."),
        rows=lambda: [
            {
                "label": task.title,
                "url": _edit_url(task.mission) if hasattr(task, "mission") else "",
                "detail": _("%(owner)s — due %(due)s — %(status)s")
                % {
                    "owner": task.get_owner_display(),
                    "due": date_filter(task.due_date, "d/m/Y"),
                    "status": task.get_status_display().lower(),
                },
            }
            for task in programme.tasks.select_related("mission")
        ],
        context={
            "page_title": _("Tasks and their missions"),
            "icon": "list-ul",
            "empty_text": _("The programme has no task yet."),
            "form_title": _("Create the mission of a task"),
            "submit_label": _("Create the mission"),
            "back_url": _edit_url(programme),
        },
    )


def commitments(request, pk, *, policy, model):
    given_in = scoped_object(request, policy, model.objects.select_related("council"), pk)
    return related_records_page(
        request,
        given_in,
        form=FollowUpItemForm(request.POST or None) if _can_change(request, policy, given_in) else None,
        save=lambda data: services.commitment_add(actor=request.user, given_in=given_in, **data),
        success=_("The commitment is recorded."),
        rows=lambda: _follow_up_rows(given_in.commitments.all()),
        context={
            "page_title": _("Commitments"),
            "icon": "tasks",
            "empty_text": _("No commitment is recorded yet."),
            "form_title": _("Add a commitment"),
            "submit_label": _("Add"),
            "back_url": _edit_url(given_in),
        },
    )
