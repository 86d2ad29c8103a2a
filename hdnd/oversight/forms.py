"""Forms of the oversight action pages (the records themselves are edited through the viewsets)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.widgets import AdminDateInput

from hdnd.councils.models import Term

from .models import MISSION_STEPS, MissionKind, MissionStatus, Recommendation, RecommendationStatus


class AdvanceForm(forms.Form):
    status = forms.ChoiceField(label=_("Move to"))

    def __init__(self, *args, mission, **kwargs):
        super().__init__(*args, **kwargs)
        later = MISSION_STEPS[MISSION_STEPS.index(mission.status) + 1 :]
        self.fields["status"].choices = [(s, MissionStatus(s).label) for s in later]


class FollowUpItemForm(forms.Form):
    """A recommendation of a mission or a commitment: what, by whom, by when."""

    text = forms.CharField(label=_("content"), widget=forms.Textarea(attrs={"rows": 3}))
    responsible_body = forms.CharField(label=_("responsible body"), max_length=255)
    deadline = forms.DateField(label=_("deadline"), widget=AdminDateInput)


class ProgressReportForm(forms.Form):
    reported_on = forms.DateField(label=_("date"), widget=AdminDateInput)
    text = forms.CharField(label=_("progress"), widget=forms.Textarea(attrs={"rows": 3}))
    file = forms.FileField(label=_("file"), required=False, help_text=_("PDF, DOCX, DOC or XLSX."))


class CloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("result"),
        choices=[
            (RecommendationStatus.DONE, RecommendationStatus.DONE.label),
            (RecommendationStatus.DROPPED, RecommendationStatus.DROPPED.label),
        ],
        widget=forms.RadioSelect,
    )
    assessment = forms.CharField(
        label=_("council's assessment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reason = forms.CharField(label=_("reason for dropping"), required=False, max_length=500)


class ResupervisionForm(forms.Form):
    recommendations = forms.ModelMultipleChoiceField(
        label=_("open recommendations to re-supervise"),
        queryset=Recommendation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    subject = forms.CharField(label=pgettext_lazy("mission", "subject"), max_length=500)
    term = forms.ModelChoiceField(label=_("term"), queryset=Term.objects.none())
    planned_start = forms.DateField(label=_("planned start"), widget=AdminDateInput)

    def __init__(self, *args, mission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendations"].queryset = mission.recommendations.still_open()
        self.fields["term"].queryset = Term.objects.filter(council=mission.council)
        self.fields["term"].initial = mission.term_id
        self.fields["subject"].initial = _("Re-supervision: %(subject)s") % {"subject": mission.subject}


class TaskToMissionForm(forms.Form):
    task = forms.ModelChoiceField(label=pgettext_lazy("programme", "task"), queryset=None)
    kind = forms.ChoiceField(label=_("kind"), choices=MissionKind.choices)
    term = forms.ModelChoiceField(label=_("term"), queryset=Term.objects.none())
    planned_start = forms.DateField(label=_("planned start"), widget=AdminDateInput)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = programme.tasks.filter(mission__isnull=True)
        self.fields["term"].queryset = Term.objects.filter(council=programme.council)
