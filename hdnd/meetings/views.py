"""Back-office screens for sessions, with their agenda inline."""

from functools import partial

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.widgets.button import Button

from hdnd.accounts.viewsets import (
    AuditedCreateView,
    AuditedEditView,
    CouncilScopedForm,
    CouncilScopedViewSet,
    ScopedInlinePanel,
)

from . import actions, services
from .filters import SessionFilterSet
from .models import NEXT_STATUS, Session, SessionStatus


class SessionCreateView(AuditedCreateView):
    """A new session takes the next number of its term unless one is given."""

    def save_instance(self):
        data = dict(self.form.cleaned_data)
        session = services.session_create(
            actor=self.request.user,
            council=data.pop("council"),
            term=data.pop("term"),
            planned_start=data.pop("planned_start"),
            kind=data.pop("kind"),
            number=data.pop("number", None),
            **{k: v for k, v in data.items() if k in {"title", "planned_end", "place", "is_public"}},
        )
        for item in self.form.formsets["agenda_items"].save(commit=False):
            item.session = session
            item.save()
        return session


class SessionEditView(AuditedEditView):
    """The session's screen offers, in the header, what the secretary does next."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        session = self.object
        if session.status in NEXT_STATUS:
            label = _("Move to: %(status)s") % {"status": NEXT_STATUS[session.status].label}
            buttons.append(
                Button(label, url=reverse("session:advance", args=[session.pk]), icon_name="arrow-right", priority=1)
            )
        if session.status in (SessionStatus.CONVENED, SessionStatus.IN_PROGRESS):
            buttons.append(
                Button(
                    _("Attendance"), url=reverse("session:attendance", args=[session.pk]), icon_name="group", priority=2
                )
            )
        if session.status == SessionStatus.IN_PROGRESS:
            for item in session.agenda_items.order_by("order"):
                label = _("Vote on item %(order)s") % {"order": item.order}
                buttons.append(
                    Button(
                        label, url=reverse("session:vote", args=[session.pk, item.pk]), icon_name="tasks", priority=3
                    )
                )
        buttons += [
            Button(
                _("Minutes (DOCX)"),
                url=reverse("session:minutes_docx", args=[session.pk]),
                icon_name="download",
                priority=40,
            ),
            Button(
                _("Minutes (PDF)"),
                url=reverse("session:minutes_pdf", args=[session.pk]),
                icon_name="download",
                priority=41,
            ),
        ]
        return buttons


class SessionForm(CouncilScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].required = False


class SessionViewSet(CouncilScopedViewSet):
    model = Session
    icon = "date"
    url_prefix = "ky-hop"
    menu_label = _("Sessions")
    menu_order = 210
    add_to_admin_menu = True
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    list_display = ["__str__", "council", "title", "planned_start", "actual_start", "status"]
    list_select_related = ("council", "term")
    filterset_class = SessionFilterSet
    search_fields = ["title", "place"]
    folded_search_field = "search_text"
    list_export = [
        "council",
        "term",
        "number",
        "kind",
        "title",
        "planned_start",
        "actual_start",
        "actual_end",
        "place",
        "status",
    ]
    export_filename = "ky-hop"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("council"), FieldPanel("term")]),
            FieldRowPanel([FieldPanel("number"), FieldPanel("kind")]),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end")]),
            FieldRowPanel([FieldPanel("actual_start"), FieldPanel("actual_end")]),
            FieldPanel("place"),
            FieldRowPanel([FieldPanel("status", read_only=True), FieldPanel("is_public")]),
            ScopedInlinePanel("agenda_items", label=_("Agenda"), heading=_("Agenda")),
        ],
        base_form_class=SessionForm,
    )

    def get_urlpatterns(self):
        policy = self.permission_policy
        return [
            *super().get_urlpatterns(),
            path("advance/<int:pk>/", partial(actions.advance, policy=policy), name="advance"),
            path("attendance/<int:pk>/", partial(actions.attendance, policy=policy), name="attendance"),
            path("vote/<int:pk>/<int:item_pk>/", partial(actions.vote, policy=policy), name="vote"),
            path(
                "minutes/<int:pk>.docx",
                partial(actions.minutes_document, extension="docx", policy=policy),
                name="minutes_docx",
            ),
            path(
                "minutes/<int:pk>.pdf",
                partial(actions.minutes_document, extension="pdf", policy=policy),
                name="minutes_pdf",
            ),
        ]
