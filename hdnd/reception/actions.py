"""Importing the reception register from Excel, and its template."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hdnd.accounts.actions import ImportForm, import_page, template_response
from hdnd.accounts.scoping import CHANGE, scope_queryset
from hdnd.councils.models import Council

from . import services
from .imports import case_columns


class CaseImportForm(ImportForm):
    council = forms.ModelChoiceField(label=gettext_lazy("council"), queryset=Council.objects.none())

    field_order = ["council", "file", "encoding"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = scope_queryset(Council.objects.all(), user, CHANGE, council_path="")


def import_cases(request):
    form = CaseImportForm(request.POST or None, request.FILES or None, user=request.user)
    return import_page(
        request,
        form,
        run=lambda data: services.cases_import(
            actor=request.user, council=data["council"], uploaded=data["file"], encoding=data["encoding"]
        ),
        title=_("Import the reception register"),
        explanation=_(
            "The columns are those of the reception register. Every row is checked first: if one is wrong, "
            "nothing is imported and each problem is listed. Importing the same file again adds nothing."
        ),
        template_url=reverse("case:import_template"),
        back_url=reverse("case:index"),
    )


def import_template(request):
    return template_response(case_columns(), "Sổ tiếp công dân", "mau-so-tiep-cong-dan.xlsx")
