"""Back-office screens for oversight: work programmes (tasks inline), missions (team and field
visits inline), recommendations, questioning, accountability hearings and commitments, each with
the action pages of `actions.py`."""

from functools import partial

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSetGroup

from hdnd.accounts.viewsets import (
    ButtonsEditView,
    CouncilScopedForm,
    CouncilScopedViewSet,
    ScopedIndexView,
    ScopedInlinePanel,
)

from . import actions
from .board import FollowUpBoardViewSet
from .documents import MISSION_DOCUMENTS
from .filters import (
    CommitmentFilterSet,
    HearingFilterSet,
    MissionFilterSet,
    ProgrammeFilterSet,
    QuestioningFilterSet,
    RecommendationFilterSet,
)
from .models import (
    CLOSED_STATUSES,
    AccountabilityHearing,
    Commitment,
    Mission,
    MissionStatus,
    ProgrammeKind,
    Questioning,
    Recommendation,
    WorkProgramme,
)


def _url(name, obj, *args):
    return reverse(name, args=[obj.pk, *args])


DOCUMENT_LABELS = {
    "decision": _("Decision (DOCX)"),
    "report": _("Team report (DOCX)"),
    "conclusions": _("Conclusions (DOCX)"),
}


def _mission_buttons(view):
    mission = view.object
    buttons = [
        (_("Recommendations"), _url("mission:recommendations", mission), "tasks", 10),
        *[
            (DOCUMENT_LABELS[w], _url("mission:document", mission, w, "docx"), "download", 40)
            for w in MISSION_DOCUMENTS
        ],
    ]
    if mission.status != MissionStatus.CONCLUDED:
        buttons.append((_("Change the status"), _url("mission:advance", mission), "arrow-right", 5))
    if mission.recommendations.still_open().exists():
        buttons.append((_("Open a re-supervision"), _url("mission:resupervision", mission), "redirect", 20))
    return buttons


def _follow_up_buttons(namespace):
    def buttons(view):
        item = view.object
        result = [(_("Progress reports"), _url(f"{namespace}:progress", item), "list-ul", 10)]
        if item.status not in CLOSED_STATUSES:
            result.append((_("Close: done or dropped"), _url(f"{namespace}:close", item), "check", 11))
        return result

    return buttons


class ProgrammeViewSet(CouncilScopedViewSet):
    model = WorkProgramme
    icon = "list-ul"
    url_prefix = "chuong-trinh-cong-tac"
    menu_label = _("Work programmes and plans")
    list_display = ["__str__", "council", "kind", "year", "adopted_on"]
    filterset_class = ProgrammeFilterSet
    search_fields = ["title"]
    folded_search_field = "search_text"
    edit_view_class = ButtonsEditView
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("council"), FieldPanel("kind")]),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("year"), FieldPanel("session"), FieldPanel("adopted_on")]),
            ScopedInlinePanel(
                "tasks", label=pgettext_lazy("programme", "Task"), heading=pgettext_lazy("programme", "Tasks")
            ),
        ],
        base_form_class=CouncilScopedForm,
    )

    @staticmethod
    def buttons(view):
        if view.object.kind != ProgrammeKind.SUPERVISION_PROGRAMME:
            return []
        return [(_("Tasks and their missions"), _url("workprogramme:missions", view.object), "glasses", 10)]

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(buttons=self.buttons, **kwargs)

    def get_urlpatterns(self):
        policy = self.permission_policy
        return [
            *super().get_urlpatterns(),
            path("missions/<int:pk>/", partial(actions.programme_missions, policy=policy), name="missions"),
        ]


class MissionViewSet(CouncilScopedViewSet):
    model = Mission
    icon = "glasses"
    url_prefix = "giam-sat"
    menu_label = _("Supervisions and surveys")
    edit_view_class = ButtonsEditView
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
            FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date"), FieldPanel("decision_file")]),
            FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end")]),
            FieldRowPanel([FieldPanel("actual_start"), FieldPanel("actual_end")]),
            ScopedInlinePanel("team", label=_("Team member"), heading=_("Team")),
            ScopedInlinePanel("field_visits", label=_("Field visit"), heading=_("Field visits")),
            FieldRowPanel([FieldPanel("report_date"), FieldPanel("report")]),
            FieldRowPanel([FieldPanel("conclusions_date"), FieldPanel("conclusions")]),
            FieldPanel("status", read_only=True),
        ],
        base_form_class=CouncilScopedForm,
    )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(buttons=_mission_buttons, **kwargs)

    def get_urlpatterns(self):
        policy = self.permission_policy
        return [
            *super().get_urlpatterns(),
            path("advance/<int:pk>/", partial(actions.mission_advance, policy=policy), name="advance"),
            path(
                "recommendations/<int:pk>/",
                partial(actions.mission_recommendations, policy=policy),
                name="recommendations",
            ),
            path(
                "resupervision/<int:pk>/", partial(actions.mission_resupervision, policy=policy), name="resupervision"
            ),
            path(
                "document/<int:pk>/<str:which>.<str:extension>",
                partial(actions.mission_document, policy=policy),
                name="document",
            ),
        ]


class FollowUpIndexView(ScopedIndexView):
    """Recommendations of missions only; commitments have their own list."""

    def get_base_queryset(self):
        return super().get_base_queryset().from_missions()


class FollowUpViewSet(CouncilScopedViewSet):
    """What recommendations and commitments share: their progress and closing pages."""

    edit_view_class = ButtonsEditView
    folded_search_field = "search_text"
    search_fields = ["text", "responsible_body"]

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(buttons=_follow_up_buttons(self.name), **kwargs)

    def get_urlpatterns(self):
        policy = self.permission_policy
        return [
            *super().get_urlpatterns(),
            path("progress/<int:pk>/", partial(actions.progress, policy=policy), name="progress"),
            path("close/<int:pk>/", partial(actions.close, policy=policy), name="close"),
        ]


class RecommendationViewSet(FollowUpViewSet):
    model = Recommendation
    icon = "tasks"
    url_prefix = "kien-nghi-giam-sat"
    menu_label = _("Recommendations")
    index_view_class = FollowUpIndexView
    list_display = ["__str__", "responsible_body", "deadline", "status", "council"]
    list_select_related = ("council", "mission")
    filterset_class = RecommendationFilterSet
    list_export = ["council", "mission", "text", "responsible_body", "deadline", "status", "assessment"]
    export_filename = "kien-nghi-sau-giam-sat"
    form_fields = ["council", "mission", "text", "responsible_body", "deadline", "assessment"]


class CommitmentViewSet(FollowUpViewSet):
    model = Commitment
    icon = "tasks"
    url_prefix = "cam-ket"
    menu_label = _("Commitments")
    list_display = ["__str__", "responsible_body", "deadline", "status", "council"]
    list_select_related = ("council", "questioning", "hearing")
    filterset_class = CommitmentFilterSet
    list_export = ["council", "questioning", "hearing", "text", "responsible_body", "deadline", "status", "assessment"]
    export_filename = "cam-ket"
    form_fields = ["council", "questioning", "hearing", "text", "responsible_body", "deadline", "assessment"]


class CommitmentsViewSet(CouncilScopedViewSet):
    """Questioning and hearings: records at which commitments are given."""

    edit_view_class = ButtonsEditView

    @staticmethod
    def buttons(view):
        return [(_("Commitments"), _url(f"{view.object._meta.model_name}:commitments", view.object), "tasks", 10)]

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(buttons=self.buttons, **kwargs)

    def get_urlpatterns(self):
        policy = self.permission_policy
        return [
            *super().get_urlpatterns(),
            path(
                "commitments/<int:pk>/",
                partial(actions.commitments, policy=policy, model=self.model),
                name="commitments",
            ),
        ]


class QuestioningViewSet(CommitmentsViewSet):
    model = Questioning
    icon = "help"
    url_prefix = "chat-van"
    menu_label = _("Questioning")
    list_display = ["topic", "asked_by", "respondent_name", "asked_on", "council"]
    list_select_related = ("council", "asked_by__person")
    filterset_class = QuestioningFilterSet
    search_fields = ["topic", "question"]
    folded_search_field = "search_text"
    list_export = [
        "council",
        "asked_on",
        "asked_by",
        "topic",
        "question",
        "respondent_name",
        "answering_body",
        "answer",
    ]
    export_filename = "chat-van"
    form_fields = [
        "council",
        "session",
        "asked_on",
        "asked_by",
        "topic",
        "question",
        "respondent_name",
        "respondent_title",
        "answering_body",
        "answer_form",
        "answer",
        "answered_on",
        "answer_file",
    ]


class HearingViewSet(CommitmentsViewSet):
    model = AccountabilityHearing
    icon = "group"
    url_prefix = "giai-trinh"
    menu_label = _("Accountability hearings")
    list_display = ["__str__", "council"]
    filterset_class = HearingFilterSet
    search_fields = ["topic"]
    folded_search_field = "search_text"
    list_export = ["council", "held_on", "topic", "bodies_explaining", "conclusions"]
    export_filename = "phien-giai-trinh"
    form_fields = ["council", "held_on", "topic", "bodies_explaining", "conclusions", "conclusions_file"]


class OversightViewSetGroup(ModelViewSetGroup):
    menu_label = _("Oversight")
    menu_icon = "glasses"
    menu_order = 230
    items = (
        FollowUpBoardViewSet,
        ProgrammeViewSet,
        MissionViewSet,
        RecommendationViewSet,
        QuestioningViewSet,
        HearingViewSet,
        CommitmentViewSet,
    )
