"""Back-office screens for missions (with their team inline) and recommendations."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSetGroup

from hdnd.accounts.viewsets import CouncilScopedForm, CouncilScopedViewSet, ScopedInlinePanel

from .filters import MissionFilterSet, RecommendationFilterSet
from .models import Mission, Recommendation


class MissionViewSet(CouncilScopedViewSet):
    model = Mission
    icon = "glasses"
    url_prefix = "giam-sat"
    menu_label = _("Supervisions and surveys")
    list_display = ["__str__", "council", "decision_number", "planned_start", "status"]
    list_select_related = ("council", "term")
    filterset_class = MissionFilterSet
    search_fields = ["subject", "decision_number"]
    folded_search_field = "search_text"
    list_export = ["council", "kind", "subject", "decision_number", "decision_date", "planned_start", "status"]
    export_filename = "giam-sat-khao-sat"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("council"), FieldPanel("term")]),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("conducting_body")]),
            FieldRowPanel([FieldPanel("committee"), FieldPanel("delegate_group"), FieldPanel("delegate")]),
            FieldPanel("subject"),
            FieldPanel("scope"),
            FieldPanel("supervised_bodies"),
            FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
            FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end")]),
            ScopedInlinePanel("team", label=_("Team member"), heading=_("Team")),
            FieldRowPanel([FieldPanel("report_date"), FieldPanel("report")]),
            FieldRowPanel([FieldPanel("conclusions_date"), FieldPanel("conclusions")]),
            FieldPanel("status", read_only=True),
        ],
        base_form_class=CouncilScopedForm,
    )


class RecommendationViewSet(CouncilScopedViewSet):
    model = Recommendation
    icon = "tasks"
    url_prefix = "kien-nghi-giam-sat"
    menu_label = _("Recommendations")
    list_display = ["__str__", "responsible_body", "deadline", "status", "council"]
    list_select_related = ("council", "mission")
    filterset_class = RecommendationFilterSet
    search_fields = ["text", "responsible_body"]
    folded_search_field = "search_text"
    list_export = ["council", "mission", "text", "responsible_body", "deadline", "status", "assessment"]
    export_filename = "kien-nghi-sau-giam-sat"
    form_fields = ["council", "mission", "text", "responsible_body", "deadline", "assessment"]


class OversightViewSetGroup(ModelViewSetGroup):
    menu_label = _("Oversight")
    menu_icon = "glasses"
    menu_order = 230
    items = (MissionViewSet, RecommendationViewSet)
