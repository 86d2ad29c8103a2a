"""Back-office screens for briefings: recorded with their chairs, period, tasks; the figures are
frozen on recording and shown as they stood; a news article for the portal is drafted from them."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList

from hdnd.accounts.scoping import CHANGE
from hdnd.accounts.viewsets import (
    AuditedCreateView,
    ButtonsEditView,
    CouncilScopedForm,
    CouncilScopedViewSet,
    ScopedInlinePanel,
    forbidden,
    scoped_object,
)
from hdnd.core.audit import audited_save

from . import services
from .models import Briefing


class BriefingCreateView(AuditedCreateView):
    def save_instance(self):
        instance = services.briefing_figures_freeze(self.form.save(commit=False))
        return audited_save(instance, actor=self.request.user, created=True, save_m2m=self.form.save_m2m)


def figures_page(request, pk, *, policy):
    briefing = scoped_object(request, policy, Briefing.objects.select_related("council"), pk)
    if request.method == "POST":
        try:
            briefing = scoped_object(request, policy, Briefing.objects.all(), pk, CHANGE)
            services.briefing_figures_refresh(actor=request.user, briefing=briefing)
        except PermissionDenied:
            return forbidden(request)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The figures are counted again."))
        return redirect(request.path)
    context = {
        "page_title": _("Figures as they stood"),
        "object": briefing,
        "snapshot": briefing.figures,
        "back_url": reverse("briefing:edit", args=[briefing.pk]),
    }
    return TemplateResponse(request, "reports/briefing_figures.html", context)


def _buttons(view):
    pk = view.object.pk
    return [
        (_("Figures as they stood"), reverse("briefing:figures", args=[pk]), "table", 10),
        (_("Draft the news article"), reverse("portal_article_from_briefing", args=[pk]), "doc-full", 20),
    ]


class BriefingViewSet(CouncilScopedViewSet):
    model = Briefing
    icon = "group"
    url_prefix = "giao-ban"
    menu_label = gettext_lazy("Briefings")
    menu_order = 265
    add_to_admin_menu = True
    add_view_class = BriefingCreateView
    edit_view_class = ButtonsEditView
    list_display = ["__str__", "council", "period_start", "period_end"]
    search_fields = ["title"]
    folded_search_field = "search_text"
    list_export = ["council", "held_on", "title", "period_start", "period_end", "conclusions"]
    export_filename = "hoi-nghi-giao-ban"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("council"), FieldPanel("held_on"), FieldPanel("place")]),
            FieldPanel("title"),
            FieldPanel("chairs"),
            FieldPanel("participants"),
            FieldPanel("attending_councils"),
            FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end"), FieldPanel("include_beneath")]),
            FieldPanel("discussion"),
            FieldPanel("conclusions"),
            ScopedInlinePanel(
                "tasks", label=pgettext_lazy("programme", "Task"), heading=gettext_lazy("Tasks assigned")
            ),
        ],
        base_form_class=CouncilScopedForm,
    )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(buttons=_buttons, **kwargs)

    def get_urlpatterns(self):
        policy = self.permission_policy
        return [
            *super().get_urlpatterns(),
            path("so-lieu/<int:pk>/", partial(figures_page, policy=policy), name="figures"),
        ]
