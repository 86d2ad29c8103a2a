"""Back-office screens for sessions, with their agenda inline."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList

from hdnd.accounts.viewsets import AuditedCreateView, CouncilScopedForm, CouncilScopedViewSet

from . import services
from .filters import SessionFilterSet
from .models import Session


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
            InlinePanel("agenda_items", label=_("Agenda"), heading=_("Agenda")),
        ],
        base_form_class=SessionForm,
    )
