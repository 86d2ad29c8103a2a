"""Back-office screens for resolutions: list, draft, edit, adopt, publish, documents."""

from functools import partial

from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button

from hdnd.accounts.permissions import can_publish_for_council
from hdnd.accounts.viewsets import AuditedCreateView, AuditedEditView, CouncilScopedViewSet, ScopedIndexView

from . import actions, services
from .filters import ResolutionFilterSet
from .models import Resolution, Status


class ResolutionIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().with_force(timezone.localdate())


class ResolutionCreateView(AuditedCreateView):
    """A draft is recorded by the same service the API uses."""

    def save_instance(self):
        data = dict(self.form.cleaned_data)
        return services.resolution_draft(
            actor=self.request.user,
            council=data.pop("council"),
            term=data.pop("term"),
            subject=data.pop("subject"),
            **data,
        )


class ResolutionEditView(AuditedEditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        pk = self.object.pk
        buttons += [
            Button(
                _("Attachments"), url=reverse("resolution:attachments", args=[pk]), icon_name="doc-full", priority=30
            ),
            Button(_("Relations"), url=reverse("resolution:relations", args=[pk]), icon_name="link", priority=31),
            Button(_("Download DOCX"), url=reverse("resolution:docx", args=[pk]), icon_name="download", priority=40),
            Button(_("Download PDF"), url=reverse("resolution:pdf", args=[pk]), icon_name="download", priority=41),
        ]
        if self.object.status == Status.DRAFT:
            buttons.append(
                Button(_("Adopt"), url=reverse("resolution:adopt", args=[pk]), icon_name="check", priority=5)
            )
        elif self.object.status == Status.ADOPTED and can_publish_for_council(self.request.user, self.object.council):
            buttons.append(
                Button(
                    pgettext_lazy("resolution", "Publish"),
                    url=reverse("resolution:publish", args=[pk]),
                    icon_name="globe",
                    priority=5,
                )
            )
        return buttons


class ResolutionViewSet(CouncilScopedViewSet):
    model = Resolution
    icon = "doc-full"
    url_prefix = "nghi-quyet"
    menu_label = _("Resolutions")
    menu_order = 220
    add_to_admin_menu = True
    index_view_class = ResolutionIndexView
    add_view_class = ResolutionCreateView
    edit_view_class = ResolutionEditView
    list_display = ["__str__", "council", "kind", "field", "adopted_on", Column("force_label", label=_("Status"))]
    list_select_related = ("council", "term")
    filterset_class = ResolutionFilterSet
    search_fields = ["symbol", "subject"]
    folded_search_field = "search_text"
    list_export = ["symbol", "subject", "council", "kind", "field", "adopted_on", "effective_date", "status"]
    export_filename = "nghi-quyet"
    form_fields = ["council", "term", "kind", *services.RESOLUTION_EDITABLE]
    inspect_view_fields_exclude = ["id", "search_text", "year"]

    def get_urlpatterns(self):
        edit = self.get_url_name("edit")
        policy = self.permission_policy
        return [
            *super().get_urlpatterns(),
            path("docx/<int:pk>/", partial(actions.document, extension="docx", policy=policy), name="docx"),
            path("pdf/<int:pk>/", partial(actions.document, extension="pdf", policy=policy), name="pdf"),
            path("adopt/<int:pk>/", partial(actions.adopt, policy=policy, edit_url_name=edit), name="adopt"),
            path("publish/<int:pk>/", partial(actions.publish, policy=policy, edit_url_name=edit), name="publish"),
            path(
                "attachments/<int:pk>/",
                partial(actions.attachments, policy=policy, edit_url_name=edit),
                name="attachments",
            ),
            path(
                "relations/<int:pk>/", partial(actions.relations, policy=policy, edit_url_name=edit), name="relations"
            ),
        ]
