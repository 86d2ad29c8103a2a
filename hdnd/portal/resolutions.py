"""The portal's resolutions: the published resolutions of the portal's council and the councils
beneath it, searched (with or without diacritics) and filtered; each with its dates, its vote, its
text as a PDF, and the chain of resolutions it amends, replaces or repeals — or that amend,
replace or repeal it."""

import datetime

from django import forms
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from hdnd.core.documents.response import document_response
from hdnd.core.models import folded_search
from hdnd.resolutions import documents
from hdnd.resolutions.models import Field, Kind, Resolution, Status

from .common import paginated, portal_home
from .models import portal_context


def published_resolutions(home):
    today = datetime.date.today()
    return (
        Resolution.objects.published()
        .filter(council__in=home.portal_councils())
        .with_force(today)
        .select_related("council")
    )


class ResolutionFilter(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    council = forms.TypedChoiceField(label=_("Council"), required=False, coerce=int, empty_value=None)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All")), *Kind.choices])
    field = forms.ChoiceField(label=_("Field"), required=False, choices=[("", _("All")), *Field.choices])
    force = forms.ChoiceField(
        label=_("In force"),
        required=False,
        choices=[("", _("All")), ("in_force", _("Still in force")), ("ended", _("No longer in force"))],
    )

    def __init__(self, data, *, home, resolutions):
        super().__init__(data)
        self.fields["council"].choices = [("", _("All")), *home.portal_councils().values_list("pk", "name")]
        years = resolutions.order_by("-year").values_list("year", flat=True).distinct()
        self.fields["year"].choices = [("", _("All")), *((year, year) for year in years if year)]

    def apply(self, resolutions):
        if not self.is_valid():
            return resolutions.none()
        data = self.cleaned_data
        if data["q"]:
            resolutions = folded_search(resolutions, data["q"])
        for name in ("council", "year", "kind", "field"):
            if data[name]:
                resolutions = resolutions.filter(**{name: data[name]})
        if data["force"]:
            resolutions = resolutions.filter(no_longer_in_force=data["force"] == "ended")
        return resolutions


def resolution_list(request):
    home = portal_home(request)
    resolutions = published_resolutions(home)
    form = ResolutionFilter(request.GET, home=home, resolutions=resolutions)
    page, query = paginated(request, form.apply(resolutions).order_by("-adopted_on", "-number"))
    return TemplateResponse(
        request,
        "portal/resolutions/list.html",
        {
            **portal_context(home, request),
            "current": "resolutions",
            "form": form,
            "resolutions": page,
            "query": query,
        },
    )


def _published(request, pk):
    home = portal_home(request)
    return home, get_object_or_404(published_resolutions(home).select_related("vote", "session"), pk=pk)


def resolution_detail(request, pk):
    home, resolution = _published(request, pk)
    earlier = resolution.relations.filter(target__status=Status.PUBLISHED).select_related("target")
    later = resolution.affected_by.filter(source__in=published_resolutions(home)).select_related("source")
    return TemplateResponse(
        request,
        "portal/resolutions/detail.html",
        {
            **portal_context(home, request),
            "current": "resolutions",
            "resolution": resolution,
            "earlier": earlier,
            "later": later,
        },
    )


def resolution_pdf(request, pk):
    _, resolution = _published(request, pk)
    return document_response(documents.resolution_document(resolution), "pdf", documents.file_name(resolution, "pdf"))
