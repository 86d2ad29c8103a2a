"""Back-office actions on voter petitions beyond their edit form: the steps from classification
to reporting back, merging repeated petitions, importing from Excel, and the session reports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from hdnd.accounts.actions import action_form_page, add_errors, import_page, template_response
from hdnd.accounts.scoping import CHANGE
from hdnd.accounts.viewsets import forbidden, scoped_object
from hdnd.core.documents import document_response

from . import documents, services
from .exports import consolidated_workbook
from .forms import (
    AnswerForm,
    ClassifyForm,
    ForwardForm,
    MergeForm,
    PetitionImportForm,
    ReportBackForm,
    SessionReportForm,
)
from .imports import petition_columns
from .models import VoterPetition

STEPS = {
    "classify": (ClassifyForm, services.petition_classify, _("Classify the petition"), _("Classify")),
    "forward": (ForwardForm, services.petition_forward, _("Forward to the competent body"), _("Forward")),
    "answer": (AnswerForm, services.petition_answer, _("Record the answer"), _("Record the answer")),
    "report_back": (
        ReportBackForm,
        services.petition_report_back,
        _("Report the answer back to voters"),
        _("Record the report"),
    ),
}


def _edit_url(petition):
    return reverse("voterpetition:edit", args=[petition.pk])


def step(request, pk, which, *, policy):
    if which not in STEPS:
        raise Http404
    try:
        petition = scoped_object(
            request, policy, VoterPetition.objects.select_related("council", "session"), pk, CHANGE
        )
    except PermissionDenied:
        return forbidden(request)
    form_class, service, title, submit = STEPS[which]
    kwargs = {"petition": petition} if form_class is ReportBackForm else {}
    form = form_class(request.POST or None, request.FILES or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            petition = service(actor=request.user, petition=petition, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The petition is now: %(status)s.") % {"status": petition.get_status_display()})
            return redirect(_edit_url(petition))
    return action_form_page(
        request,
        petition,
        form,
        title=str(title),
        submit_label=str(submit),
        back_url=_edit_url(petition),
        icon="mail",
        explanation=_(
            "A petition goes forward step by step: received, classified, forwarded, answered, reported back to voters."
        ),
    )


def merge(request, pk, *, policy):
    try:
        petition = scoped_object(request, policy, VoterPetition.objects.select_related("council"), pk, CHANGE)
    except PermissionDenied:
        return forbidden(request)
    form = MergeForm(request.POST or None, petition=petition)
    if request.method == "POST" and form.is_valid():
        try:
            services.petitions_merge(actor=request.user, into=petition, petitions=list(form.cleaned_data["petitions"]))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The repeated petitions are merged into this one."))
            return redirect(_edit_url(petition))
    return action_form_page(
        request,
        petition,
        form,
        title=_("Merge repeated petitions"),
        submit_label=_("Merge"),
        back_url=_edit_url(petition),
        icon="resubmit",
        explanation=_(
            "The petitions you tick are followed through this one from now on; it keeps every voter meeting they came from."
        ),
    )


def import_petitions(request):
    form = PetitionImportForm(request.POST or None, request.FILES or None, user=request.user)
    return import_page(
        request,
        form,
        run=lambda data: services.petitions_import(
            actor=request.user, session=data["session"], uploaded=data["file"], encoding=data["encoding"]
        ),
        title=_("Import voter petitions"),
        explanation=_(
            "Fill in the template (or your own sheet with the same column headings) and choose the session the "
            "petitions were collected for. Every row is checked first: if one is wrong, nothing is imported and "
            "each problem is listed. Importing the same file again adds nothing."
        ),
        template_url=reverse("voterpetition:import_template"),
        back_url=reverse("voterpetition:index"),
    )


def import_template(request):
    return template_response(petition_columns(), "Kiến nghị cử tri", "mau-kien-nghi-cu-tri.xlsx")


def session_report(request):
    form = SessionReportForm(request.GET or None, user=request.user)
    if form.is_bound and form.is_valid():
        session, which, extension = (form.cleaned_data[k] for k in ("session", "report", "extension"))
        stem = (
            f"{'tong-hop' if which == 'consolidated' else 'ket-qua-tra-loi'}-kien-nghi-cu-tri-ky-hop-{session.number}"
        )
        if extension == "xlsx":
            response = HttpResponse(
                consolidated_workbook(session),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
            return response
        return document_response(documents.REPORTS[which](session), extension, f"{stem}.{extension}")
    for field in form.fields.values():
        field.label = capfirst(field.label)
    context = {
        "page_title": _("Reports of voter petitions"),
        "form": form,
        "submit_label": _("Download"),
        "explanation": _(
            "The consolidated report lists the petitions collected for the session by competent level and field, "
            "and those of earlier sessions still unanswered; the report of answers gives what each body replied. "
            "Both are addressed to the council and to the Fatherland Front."
        ),
        "back_url": reverse("voterpetition:index"),
        "method": "get",
    }
    return TemplateResponse(request, "core/action_form.html", context)
