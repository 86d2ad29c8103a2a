"""Back-office screens for voter contact: voter meetings, voter petitions with their steps, the
Excel import and the session reports."""

from functools import partial

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.admin.widgets.button import Button

from hdnd.accounts.viewsets import AuditedCreateView, ButtonsEditView, CouncilScopedViewSet, ScopedIndexView
from hdnd.councils.forms import DelegatesOnTheDayForm

from . import actions, services
from .filters import VoterMeetingFilterSet, VoterPetitionFilterSet
from .models import PETITION_STEPS, PetitionStatus, VoterMeeting, VoterPetition

STEP_ACTIONS = {
    PetitionStatus.RECEIVED: ("classify", _("Classify")),
    PetitionStatus.CLASSIFIED: ("forward", _("Forward")),
    PetitionStatus.FORWARDED: ("answer", _("Record the answer")),
    PetitionStatus.ANSWERED: ("report_back", _("Report back to voters")),
}


class VoterMeetingForm(DelegatesOnTheDayForm):
    day_field = "held_on"


class VoterMeetingViewSet(CouncilScopedViewSet):
    base_form_class = VoterMeetingForm
    model = VoterMeeting
    icon = "group"
    url_prefix = "tiep-xuc-cu-tri"
    menu_label = _("Voter meetings")
    list_display = ["__str__", "council", "session", "timing", "voters_count"]
    list_select_related = ("council", "session__term")
    filterset_class = VoterMeetingFilterSet
    search_fields = ["place"]
    folded_search_field = "search_text"
    list_export = ["council", "session", "timing", "held_on", "place", "form", "delegate_group", "voters_count"]
    export_filename = "tiep-xuc-cu-tri"
    form_fields = [
        "council",
        "session",
        "timing",
        "held_on",
        "place",
        "form",
        "delegate_group",
        "delegates",
        "front_representative",
        "voters_count",
        "minutes_file",
    ]


class PetitionIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().with_sessions_waited()

    @cached_property
    def header_more_buttons(self):
        buttons = [
            *super().header_more_buttons,
            Button(_("Reports for a session"), url=reverse("voterpetition:report"), icon_name="doc-full", priority=20),
        ]
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                Button(_("Import from Excel"), url=reverse("voterpetition:import"), icon_name="upload", priority=10)
            )
        return buttons


def _petition_buttons(view):
    petition = view.object
    buttons = []
    if petition.status in STEP_ACTIONS:
        name, label = STEP_ACTIONS[petition.status]
        buttons.append((label, reverse("voterpetition:step", args=[petition.pk, name]), "arrow-right", 5))
    if petition.status != PetitionStatus.MERGED and petition.status in PETITION_STEPS:
        buttons.append(
            (_("Merge repeated petitions"), reverse("voterpetition:merge", args=[petition.pk]), "resubmit", 10)
        )
    return buttons


class PetitionCreateView(AuditedCreateView):
    """A petition is recorded by the same service the API uses."""

    def save_instance(self):
        data = self.form.cleaned_data
        return services.petition_record(
            actor=self.request.user,
            council=data["council"],
            session=data.get("session"),
            received_on=data["received_on"],
            text=data["text"],
            area=data.get("area", ""),
            meetings=data.get("meetings") or (),
        )


class VoterPetitionViewSet(CouncilScopedViewSet):
    model = VoterPetition
    icon = "mail"
    url_prefix = "kien-nghi-cu-tri"
    menu_label = _("Voter petitions")
    index_view_class = PetitionIndexView
    add_view_class = PetitionCreateView
    edit_view_class = ButtonsEditView
    list_display = [
        "__str__",
        "council",
        "competent_body",
        "status",
        Column("sessions_waited", label=_("sessions waited")),
    ]
    list_select_related = ("council",)
    filterset_class = VoterPetitionFilterSet
    search_fields = ["text", "area"]
    folded_search_field = "search_text"
    list_export = [
        "council",
        "session",
        "received_on",
        "text",
        "area",
        "field",
        "competent_level",
        "competent_body",
        "status",
        "forwarded_on",
        "deadline",
        "answer",
        "answered_on",
        "sessions_waited",
    ]
    export_filename = "kien-nghi-cu-tri"
    form_fields = ["council", "session", "meetings", "received_on", "text", "area"]
    edit_form_fields = ["council", "session", "meetings", "received_on", "text", "area", "answer_file"]

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(buttons=_petition_buttons, **kwargs)

    def get_urlpatterns(self):
        policy = self.permission_policy
        return [
            *super().get_urlpatterns(),
            path("step/<int:pk>/<str:which>/", partial(actions.step, policy=policy), name="step"),
            path("merge/<int:pk>/", partial(actions.merge, policy=policy), name="merge"),
            path("nhap-tu-excel/", actions.import_petitions, name="import"),
            path("nhap-tu-excel/mau.xlsx", actions.import_template, name="import_template"),
            path("bao-cao/", actions.session_report, name="report"),
        ]


class VoterContactViewSetGroup(ModelViewSetGroup):
    menu_label = _("Voter contact")
    menu_icon = "group"
    menu_order = 240
    items = (VoterMeetingViewSet, VoterPetitionViewSet)
