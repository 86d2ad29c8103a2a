"""Back-office screens for citizen reception: the schedules, and the register of cases — the
latter holding personal data, read only by the owning council's secretariat and leaders."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.admin.widgets.button import Button

from hdnd.accounts.permissions import PersonalDataPermissionPolicy
from hdnd.accounts.viewsets import CouncilScopedViewSet, ScopedIndexView
from hdnd.councils.forms import DelegatesOnTheDayForm

from . import actions
from .filters import CaseFilterSet, ScheduleFilterSet
from .models import Case, ReceptionSchedule


class ReceptionScheduleForm(DelegatesOnTheDayForm):
    day_field = "day"


class ReceptionScheduleViewSet(CouncilScopedViewSet):
    base_form_class = ReceptionScheduleForm
    model = ReceptionSchedule
    icon = "date"
    url_prefix = "lich-tiep-cong-dan"
    menu_label = _("Reception schedules")
    list_display = ["__str__", "council", "starts_at", "is_published"]
    filterset_class = ScheduleFilterSet
    search_fields = ["place"]
    list_export = ["council", "day", "starts_at", "ends_at", "place", "delegates", "note", "is_published"]
    export_filename = "lich-tiep-cong-dan"
    form_fields = ["council", "day", "starts_at", "ends_at", "place", "delegates", "note", "is_published"]


class CaseIndexView(ScopedIndexView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(Button(_("Import from Excel"), url=reverse("case:import"), icon_name="upload", priority=10))
        return buttons


class CaseViewSet(CouncilScopedViewSet):
    model = Case
    icon = "folder-inverse"
    url_prefix = "so-tiep-cong-dan"
    menu_label = _("Reception register")
    permission_policy_class = PersonalDataPermissionPolicy
    index_view_class = CaseIndexView
    list_display = ["__str__", "citizen_name", "kind", "handling", "council"]
    filterset_class = CaseFilterSet
    search_fields = ["citizen_name", "content"]
    folded_search_field = "search_text"
    list_export = [
        "number",
        "received_on",
        "citizen_name",
        "citizen_address",
        "id_document",
        "content",
        "kind",
        "people_count",
        "handled_before_by",
        "handling",
        "forwarded_to",
        "result",
        "notes",
    ]
    export_filename = "so-tiep-cong-dan"
    form_fields = [
        "council",
        "number",
        "received_on",
        "citizen_name",
        "citizen_address",
        "id_document",
        "content",
        "kind",
        "people_count",
        "handled_before_by",
        "handling",
        "forwarded_to",
        "received_by",
        "result",
        "result_on",
        "notes",
    ]
    inspect_view_fields_exclude = ["id", "search_text", "fingerprint", "year"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("nhap-tu-excel/", actions.import_cases, name="import"),
            path("nhap-tu-excel/mau.xlsx", actions.import_template, name="import_template"),
        ]


class ReceptionViewSetGroup(ModelViewSetGroup):
    menu_label = _("Citizen reception")
    menu_icon = "user"
    menu_order = 250
    items = (ReceptionScheduleViewSet, CaseViewSet)
