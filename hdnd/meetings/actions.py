"""Screens a secretary uses during a session, from a laptop: move the session's status, take the
attendance, record the votes; and the minutes generated from the record."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from hdnd.accounts.scoping import CHANGE, VIEW
from hdnd.accounts.viewsets import forbidden, scoped_object
from hdnd.core.documents import document_response

from . import minutes, services
from .models import NEXT_STATUS, AgendaItem, AttendanceStatus, Ballot, Choice, Majority, Session


def _session(request, policy, pk, action):
    return scoped_object(request, policy, Session.objects.select_related("council__unit", "term"), pk, action)


def _edit_url(session):
    return reverse("session:edit", args=[session.pk])


def advance(request, pk, *, policy):
    try:
        session = _session(request, policy, pk, CHANGE)
    except PermissionDenied:
        return forbidden(request)
    if request.method != "POST":
        upcoming = NEXT_STATUS.get(session.status)
        context = {
            "page_title": _("Change the session's status"),
            "object": session,
            "icon": "date",
            "form": forms.Form(),
            "submit_label": _("Move to: %(status)s") % {"status": upcoming.label}
            if upcoming
            else pgettext("session", "Close"),
            "explanation": _(
                "The status moves only forward: planned, convened, in progress, closed. Once closed, the session's record can no longer change."
            ),
            "back_url": _edit_url(session),
        }
        return TemplateResponse(request, "core/action_form.html", context)
    try:
        session = services.session_advance(actor=request.user, session=session)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The session is now: %(status)s.") % {"status": session.get_status_display()})
    return redirect(_edit_url(session))


def attendance(request, pk, *, policy):
    try:
        session = _session(request, policy, pk, CHANGE)
    except PermissionDenied:
        return forbidden(request)
    delegates = list(
        session.delegates_in_office().select_related("person", "constituency").order_by("person__full_name")
    )
    recorded = dict(session.attendances.values_list("delegate_id", "status"))
    errors = []
    if request.method == "POST":
        statuses = {d.pk: request.POST.get(f"delegate-{d.pk}", "") for d in delegates}
        try:
            counts = services.attendance_record(actor=request.user, session=session, statuses=statuses)
        except ValidationError as exc:
            errors = exc.messages
            recorded = statuses
        else:
            present, total = counts[AttendanceStatus.PRESENT], len(delegates)
            if session.council.quorum_reached(present, total):
                messages.success(
                    request,
                    _("Attendance recorded: %(present)s of %(total)s delegates present; the quorum is reached.")
                    % {"present": present, "total": total},
                )
            else:
                messages.warning(
                    request,
                    _("Attendance recorded: %(present)s of %(total)s delegates present; the quorum is NOT reached.")
                    % {"present": present, "total": total},
                )
            return redirect(_edit_url(session))
    rows = [{"delegate": d, "status": recorded.get(d.pk, AttendanceStatus.PRESENT)} for d in delegates]
    context = {
        "session": session,
        "rows": rows,
        "choices": AttendanceStatus.choices,
        "errors": errors,
        "back_url": _edit_url(session),
    }
    return TemplateResponse(request, "meetings/attendance.html", context)


def vote(request, pk, item_pk, *, policy):
    try:
        session = _session(request, policy, pk, CHANGE)
    except PermissionDenied:
        return forbidden(request)
    item = get_object_or_404(AgendaItem, pk=item_pk, session=session)
    present = list(
        session.delegates_in_office()
        .filter(attendances__session=session, attendances__status=AttendanceStatus.PRESENT)
        .select_related("person")
        .order_by("person__full_name")
    )
    errors, data = [], request.POST if request.method == "POST" else {}
    if request.method == "POST":
        ballot = data.get("ballot", Ballot.OPEN)
        try:
            recorded = services.vote_record(
                actor=request.user,
                agenda_item=item,
                subject=data.get("subject", "").strip() or item.title,
                ballot=ballot,
                majority=data.get("majority", Majority.HALF),
                choices={d.pk: data.get(f"delegate-{d.pk}", Choice.ABSTAIN) for d in present}
                if ballot == Ballot.OPEN
                else None,
                votes_for=_int(data.get("votes_for")),
                votes_against=_int(data.get("votes_against")),
                votes_abstain=_int(data.get("votes_abstain")),
            )
        except ValidationError as exc:
            errors = exc.messages
        else:
            verdict = _("passed") if recorded.passed else _("not passed")
            messages.success(
                request,
                _("Vote recorded: %(result)s – %(verdict)s.") % {"result": recorded.result_text(), "verdict": verdict},
            )
            return redirect(_edit_url(session))
    context = {
        "session": session,
        "item": item,
        "present": present,
        "errors": errors,
        "data": data,
        "ballots": Ballot.choices,
        "majorities": Majority.choices,
        "choices": Choice.choices,
        "back_url": _edit_url(session),
    }
    return TemplateResponse(request, "meetings/vote.html", context)


def _int(value):
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        raise ValidationError(_("Vote counts must be whole numbers.")) from None


def minutes_document(request, pk, extension, *, policy):
    session = _session(request, policy, pk, VIEW)
    return document_response(
        minutes.minutes_document(session), extension, f"bien-ban-ky-hop-{session.number}.{extension}"
    )
