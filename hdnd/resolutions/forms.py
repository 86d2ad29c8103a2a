from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from hdnd.meetings.models import Vote

from .models import RelationKind, Resolution, Status


class AdoptionForm(forms.Form):
    """What the secretariat enters when a draft is adopted; the number is drawn automatically."""

    adopted_on = forms.DateField(label=_("Adoption date"), widget=AdminDateInput)
    effective_date = forms.DateField(label=_("Effective date"), required=False, widget=AdminDateInput)
    vote = forms.ModelChoiceField(label=_("Vote"), queryset=Vote.objects.none(), required=False)
    number = forms.IntegerField(
        label=_("Number (historical records only)"),
        required=False,
        min_value=1,
        help_text=_(
            "Leave empty: the system gives the next number of the series. Enter a number only to record an old resolution."
        ),
    )

    def __init__(self, *args, resolution, **kwargs):
        super().__init__(*args, **kwargs)
        if resolution.agenda_item_id:
            self.fields["vote"].queryset = Vote.objects.filter(
                agenda_item=resolution.agenda_item, resolution__isnull=True
            )
        else:
            del self.fields["vote"]


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    file = forms.FileField(label=_("File"), help_text=_("PDF, DOCX, DOC or XLSX."))


class RelationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Relation"), choices=RelationKind.choices)
    target = forms.ModelChoiceField(label=_("Earlier resolution"), queryset=Resolution.objects.none())

    def __init__(self, *args, resolution, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = (
            Resolution.objects.filter(council=resolution.council).exclude(status=Status.DRAFT).exclude(pk=resolution.pk)
        )
