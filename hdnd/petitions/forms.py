from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from hdnd.accounts.actions import ImportForm
from hdnd.accounts.scoping import CHANGE, VIEW, scope_queryset
from hdnd.meetings.models import Session

from .models import CompetentLevel, PetitionField, VoterPetition


class ClassifyForm(forms.Form):
    field = forms.ChoiceField(label=_("field"), choices=PetitionField.choices)
    competent_level = forms.ChoiceField(label=_("competent level"), choices=CompetentLevel.choices)
    competent_body = forms.CharField(label=_("competent body"), max_length=255)


class ForwardForm(forms.Form):
    forwarded_on = forms.DateField(label=_("forwarded on"), widget=AdminDateInput)
    deadline = forms.DateField(label=_("answer deadline"), widget=AdminDateInput)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("answer"), widget=forms.Textarea(attrs={"rows": 4}))
    answered_on = forms.DateField(label=_("answered on"), widget=AdminDateInput)
    uploaded = forms.FileField(label=_("answer file"), required=False, help_text=_("PDF, DOCX or DOC."))


class ReportBackForm(forms.Form):
    reported_at = forms.ModelChoiceField(label=_("answer reported at the session"), queryset=Session.objects.none())

    def __init__(self, *args, petition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reported_at"].queryset = Session.objects.filter(
            council=petition.council, planned_start__gte=petition.session.planned_start
        ).order_by("planned_start")


class MergeForm(forms.Form):
    petitions = forms.ModelMultipleChoiceField(
        label=_("repeated petitions to merge into this one"),
        queryset=VoterPetition.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, petition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petitions"].queryset = (
            VoterPetition.objects.filter(council=petition.council).exclude(status="merged").exclude(pk=petition.pk)
        )


class PetitionImportForm(ImportForm):
    session = forms.ModelChoiceField(label=_("collected for the session"), queryset=Session.objects.none())

    field_order = ["session", "file", "encoding"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = scope_queryset(
            Session.objects.select_related("council", "term"), user, CHANGE
        )


class SessionReportForm(forms.Form):
    session = forms.ModelChoiceField(label=_("session"), queryset=Session.objects.none())
    report = forms.ChoiceField(
        label=_("report"),
        choices=[
            ("consolidated", _("Consolidated petitions before the session")),
            ("answers", _("Answers received")),
        ],
    )
    extension = forms.ChoiceField(label=_("format"), choices=[("docx", "DOCX"), ("pdf", "PDF"), ("xlsx", "XLSX")])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = scope_queryset(Session.objects.select_related("council", "term"), user, VIEW)

    def clean(self):
        data = super().clean()
        if data.get("report") == "answers" and data.get("extension") == "xlsx":
            self.add_error("extension", _("The report of answers is a document: choose DOCX or PDF."))
        return data
