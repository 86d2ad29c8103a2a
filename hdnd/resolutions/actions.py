"""Back-office actions on one resolution beyond editing: adopt, publish, download the document."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from hdnd.accounts.actions import action_form_page, add_errors, related_records_page
from hdnd.accounts.permissions import can_publish_for_council
from hdnd.accounts.scoping import CHANGE, VIEW
from hdnd.accounts.viewsets import forbidden, scoped_object
from hdnd.core.documents import document_response

from . import documents, services
from .forms import AdoptionForm, AttachmentForm, RelationForm
from .models import Resolution, Status


def _resolution(request, policy, pk, action):
    queryset = Resolution.objects.select_related("council__unit", "term", "session")
    return scoped_object(request, policy, queryset, pk, action)


def document(request, pk, extension, *, policy):
    resolution = _resolution(request, policy, pk, VIEW)
    return document_response(
        documents.resolution_document(resolution), extension, documents.file_name(resolution, extension)
    )


def _form_page(request, resolution, form, title, submit_label, explanation, edit_url):
    return action_form_page(
        request, resolution, form, title=title, submit_label=submit_label, back_url=edit_url, explanation=explanation
    )


def adopt(request, pk, *, policy, edit_url_name):
    try:
        resolution = _resolution(request, policy, pk, CHANGE)
    except PermissionDenied:
        return forbidden(request)
    edit_url = reverse(edit_url_name, args=[resolution.pk])
    if resolution.status != Status.DRAFT:
        messages.error(request, _("This resolution is already adopted as %(symbol)s.") % {"symbol": resolution.symbol})
        return redirect(edit_url)
    form = AdoptionForm(request.POST or None, resolution=resolution)
    if request.method == "POST" and form.is_valid():
        try:
            adopted = services.resolution_adopt(actor=request.user, resolution=resolution, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Adopted as resolution no. %(symbol)s.") % {"symbol": adopted.symbol})
            return redirect(edit_url)
    return _form_page(
        request,
        resolution,
        form,
        _("Adopt the resolution"),
        _("Adopt and give the number"),
        _("The number is drawn from the council's series for the kind and the year of adoption."),
        edit_url,
    )


def publish(request, pk, *, policy, edit_url_name):
    resolution = _resolution(request, policy, pk, VIEW)
    if not can_publish_for_council(request.user, resolution.council):
        return forbidden(request)
    edit_url = reverse(edit_url_name, args=[resolution.pk])
    form = forms.Form(request.POST or None)
    if request.method == "POST":
        try:
            services.resolution_publish(actor=request.user, resolution=resolution)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Resolution %(symbol)s is published.") % {"symbol": resolution.symbol})
        return redirect(edit_url)
    return _form_page(
        request,
        resolution,
        form,
        _("Publish the resolution"),
        pgettext("resolution", "Publish"),
        _("Once published, the resolution is visible to everyone on the portal and in open data."),
        edit_url,
    )


def attachments(request, pk, *, policy, edit_url_name):
    resolution = _resolution(request, policy, pk, VIEW)
    can_change = policy.user_has_permission_for_instance(request.user, CHANGE, resolution)
    return related_records_page(
        request,
        resolution,
        form=AttachmentForm(request.POST or None, request.FILES or None) if can_change else None,
        save=lambda data: services.attachment_add(
            actor=request.user, resolution=resolution, title=data["title"], uploaded=data["file"]
        ),
        success=_("The file is attached."),
        rows=lambda: [
            {"label": a.title, "url": a.file.url, "detail": f"{a.file_type.upper()}, {filesizeformat(a.size)}"}
            for a in resolution.attachments.all()
        ],
        context={
            "page_title": _("Attachments"),
            "icon": "doc-full",
            "empty_text": _("No file is attached yet."),
            "form_title": _("Attach a file"),
            "submit_label": _("Attach"),
            "back_url": reverse(edit_url_name, args=[resolution.pk]),
        },
    )


def relations(request, pk, *, policy, edit_url_name):
    resolution = _resolution(request, policy, pk, VIEW)
    can_change = policy.user_has_permission_for_instance(request.user, CHANGE, resolution)
    return related_records_page(
        request,
        resolution,
        form=RelationForm(request.POST or None, resolution=resolution) if can_change else None,
        save=lambda data: services.relation_add(
            actor=request.user, source=resolution, target=data["target"], kind=data["kind"]
        ),
        success=_("The relation is recorded."),
        rows=lambda: (
            [
                {"label": f"{r.get_kind_display()}: {r.target}", "url": "", "detail": ""}
                for r in resolution.relations.select_related("target")
            ]
            + [
                {"label": f"{r.source} – {r.get_kind_display().lower()}", "url": "", "detail": ""}
                for r in resolution.affected_by.select_related("source")
            ]
        ),
        context={
            "page_title": _("Relations to other resolutions"),
            "icon": "link",
            "empty_text": _("This resolution amends, replaces or repeals no other, and none affects it."),
            "form_title": _("Add a relation"),
            "submit_label": _("Add"),
            "back_url": reverse(edit_url_name, args=[resolution.pk]),
        },
    )
