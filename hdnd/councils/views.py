"""Back-office screens for organisation data (Wagtail viewsets), grouped under one menu."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSetGroup

from hdnd.accounts.permissions import ReferenceDataPermissionPolicy
from hdnd.accounts.viewsets import AuditedCreateView, CouncilScopedViewSet
from hdnd.core.admin_ui import YesNoColumn

from . import filters, forms, services
from .models import (
    AdministrativeUnit,
    Committee,
    Constituency,
    Council,
    Delegate,
    DelegateGroup,
    Membership,
    Person,
    Term,
)


class AdministrativeUnitViewSet(CouncilScopedViewSet):
    model = AdministrativeUnit
    icon = "site"
    url_prefix = "don-vi-hanh-chinh"
    menu_label = _("Administrative units")
    list_display = ["name", "code", "kind", "parent", "valid_from", "valid_to"]
    list_select_related = ("parent",)
    filterset_class = filters.AdministrativeUnitFilterSet
    search_fields = ["name", "code"]
    folded_search_field = "search_text"
    list_export = ["code", "name", "kind", "level", "parent", "valid_from", "valid_to"]
    export_filename = "don-vi-hanh-chinh"
    form_fields = ["code", "name", "kind", "parent", "valid_from", "valid_to"]
    base_form_class = forms.AdministrativeUnitForm
    ordering = ["level_rank", "code"]

    @cached_property
    def permission_policy(self):
        return ReferenceDataPermissionPolicy(self.model)


class CouncilViewSet(CouncilScopedViewSet):
    model = Council
    icon = "group"
    url_prefix = "hoi-dong"
    menu_label = _("Councils")
    council_path = ""
    creatable = False
    list_display = ["name", "unit", "phone", "email"]
    list_select_related = ("unit",)
    filterset_class = filters.CouncilFilterSet
    search_fields = ["name", "unit__code"]
    folded_search_field = "search_text"
    list_export = ["name", "unit", "address", "phone", "email"]
    export_filename = "hoi-dong-nhan-dan"
    form_fields = ["unit", "name", "place_name", "address", "phone", "email", "quorum_numerator", "quorum_denominator"]
    # A council stays on its unit: the secretariat edits its name, contacts and settings only.
    edit_form_fields = ["name", "place_name", "address", "phone", "email", "quorum_numerator", "quorum_denominator"]


class TermCreateView(AuditedCreateView):
    """Opening a term also creates the council's default committees for its level and era."""

    def save_instance(self):
        data = self.form.cleaned_data
        return services.term_create(
            actor=self.request.user,
            council=data["council"],
            number=data["number"],
            start_date=data["start_date"],
            end_date=data.get("end_date"),
        )


class TermViewSet(CouncilScopedViewSet):
    model = Term
    icon = "calendar"
    url_prefix = "nhiem-ky"
    menu_label = _("Terms")
    add_view_class = TermCreateView
    list_display = ["__str__", "council", "start_date", "end_date"]
    filterset_class = filters.TermFilterSet
    search_fields = ["council__name"]
    folded_search_field = "council__search_text"
    list_export = ["council", "number", "start_date", "end_date"]
    export_filename = "nhiem-ky"
    form_fields = ["council", "number", "start_date", "end_date"]


class CommitteeViewSet(CouncilScopedViewSet):
    model = Committee
    icon = "list-ul"
    url_prefix = "ban"
    menu_label = _("Committees")
    list_display = ["name", "council", "term", "kind"]
    list_select_related = ("council", "term")
    filterset_class = filters.CommitteeFilterSet
    search_fields = ["name", "council__name"]
    folded_search_field = "search_text"
    list_export = ["name", "kind", "council", "term"]
    export_filename = "ban"
    form_fields = ["council", "term", "kind", "name"]


class ConstituencyViewSet(CouncilScopedViewSet):
    model = Constituency
    icon = "pick"
    url_prefix = "don-vi-bau-cu"
    menu_label = _("Constituencies")
    list_display = ["__str__", "area", "seats", "council", "term"]
    list_select_related = ("council", "term")
    filterset_class = filters.ConstituencyFilterSet
    search_fields = ["area", "council__name"]
    folded_search_field = "search_text"
    list_export = ["number", "area", "seats", "council", "term"]
    export_filename = "don-vi-bau-cu"
    form_fields = ["council", "term", "number", "area", "seats"]


class DelegateGroupViewSet(CouncilScopedViewSet):
    model = DelegateGroup
    icon = "group"
    url_prefix = "to-dai-bieu"
    menu_label = _("Delegate groups")
    list_display = ["name", "council", "term"]
    list_select_related = ("council", "term")
    filterset_class = filters.DelegateGroupFilterSet
    search_fields = ["name", "council__name"]
    folded_search_field = "search_text"
    list_export = ["name", "council", "term"]
    export_filename = "to-dai-bieu"
    form_fields = ["council", "term", "name", "constituencies"]


class PersonViewSet(CouncilScopedViewSet):
    model = Person
    icon = "user"
    url_prefix = "nhan-su"
    menu_label = _("People")
    list_display = ["full_name", "gender", "birth_date", "ethnicity", "council"]
    filterset_class = filters.PersonFilterSet
    search_fields = ["full_name", "occupation"]
    folded_search_field = "search_text"
    list_export = ["full_name", "gender", "birth_date", "ethnicity", "occupation", "council"]
    export_filename = "nhan-su"
    form_fields = ["council", "full_name", "gender", "birth_date", "ethnicity", "occupation"]


class DelegateViewSet(CouncilScopedViewSet):
    model = Delegate
    icon = "user"
    url_prefix = "dai-bieu"
    menu_label = _("Delegates")
    list_display = [
        "__str__",
        "council",
        "term",
        "constituency",
        YesNoColumn("full_time", label=_("Full-time")),
        "start_date",
        "end_date",
    ]
    list_select_related = ("person", "council", "term", "constituency")
    filterset_class = filters.DelegateFilterSet
    search_fields = ["person__full_name", "council__name"]
    folded_search_field = "person__search_text"
    list_export = ["person", "council", "term", "constituency", "full_time", "start_date", "end_date", "end_reason"]
    export_filename = "dai-bieu"
    form_fields = [
        "council",
        "term",
        "person",
        "constituency",
        "full_time",
        "start_date",
        "end_date",
        "end_reason",
        "user",
    ]


class MembershipViewSet(CouncilScopedViewSet):
    model = Membership
    icon = "tag"
    url_prefix = "chuc-vu"
    menu_label = _("Memberships and positions")
    council_path = "delegate__council"
    list_display = ["delegate", "position", Column("body_name", label=_("Body")), "start_date", "end_date"]
    list_select_related = ("delegate__person", "delegate__council", "committee", "delegate_group")
    filterset_class = filters.MembershipFilterSet
    search_fields = ["delegate__person__full_name"]
    folded_search_field = "delegate__person__search_text"
    list_export = ["delegate", "body", "body_name", "position", "start_date", "end_date"]
    export_filename = "chuc-vu"
    form_fields = ["delegate", "body", "committee", "delegate_group", "position", "start_date", "end_date"]


class OrganisationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "site"
    menu_order = 200
    items = (
        CouncilViewSet,
        TermViewSet,
        CommitteeViewSet,
        ConstituencyViewSet,
        DelegateGroupViewSet,
        PersonViewSet,
        DelegateViewSet,
        MembershipViewSet,
        AdministrativeUnitViewSet,
    )
