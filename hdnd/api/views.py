"""Back office: a council's leaders create API tokens — the key shown once — and revoke them."""

from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button

from hdnd.accounts.permissions import CouncilScopedPermissionPolicy
from hdnd.accounts.scoping import CHANGE, DELETE, PUBLISH, scope_queryset
from hdnd.accounts.viewsets import (
    AuditedCreateView,
    AuditedEditView,
    CouncilScopedForm,
    CouncilScopedViewSet,
    forbidden,
    scoped_object,
)
from hdnd.councils.models import Council

from . import services
from .models import ApiToken


class ApiTokenPermissionPolicy(CouncilScopedPermissionPolicy):
    """Tokens are seen, created and revoked by the leaders of their council; never deleted (their
    history stays)."""

    def _allowed(self, user, action):
        return action != DELETE and super()._allowed(user, action)

    def scope_action(self, action):
        return PUBLISH


class ApiTokenForm(CouncilScopedForm):
    """Offers the councils the user leads, the only one chosen already when there is one."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "council" in self.fields:
            councils = scope_queryset(Council.objects.all(), for_user, PUBLISH, council_path="")
            self.fields["council"].queryset = councils
            if not self.is_bound and len(councils) == 1:
                self.initial["council"] = councils[0].pk


class TokenCreateView(AuditedCreateView):
    """Creates the token and shows its key, once: only its hash is kept."""

    def form_valid(self, form):
        data = form.cleaned_data
        token, key = services.api_token_create(
            actor=self.request.user,
            council=data["council"],
            name=data["name"],
            can_read_private=data["can_read_private"],
            can_write=data["can_write"],
        )
        return TemplateResponse(
            self.request,
            "api/token_created.html",
            {"token": token, "key": key, "index_url": reverse("api_token:index"), "page_title": _("API token created")},
        )


class TokenEditView(AuditedEditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.is_active:
            url = reverse("api_token:revoke", args=[self.object.pk])
            buttons.append(Button(_("Revoke"), url=url, icon_name="cross", priority=1))
        return buttons


def revoke(request, pk, *, policy):
    try:
        token = scoped_object(request, policy, ApiToken.objects.select_related("council"), pk, CHANGE)
    except PermissionDenied:
        return forbidden(request)
    back = reverse("api_token:edit", args=[token.pk])
    if request.method == "POST":
        try:
            services.api_token_revoke(actor=request.user, token=token)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name})
        return redirect(back)
    return TemplateResponse(
        request,
        "core/action_form.html",
        {
            "page_title": _("Revoke the API token"),
            "object": token,
            "icon": "key",
            "form": forms.Form(),
            "submit_label": _("Revoke"),
            "explanation": _("Integrations using this token are refused from the next request. This cannot be undone."),
            "back_url": back,
        },
    )


class ApiTokenViewSet(CouncilScopedViewSet):
    model = ApiToken
    icon = "key"
    url_prefix = "ma-truy-cap-api"
    menu_label = _("API tokens")
    menu_order = 900
    add_to_admin_menu = True
    permission_policy_class = ApiTokenPermissionPolicy
    base_form_class = ApiTokenForm
    add_view_class = TokenCreateView
    edit_view_class = TokenEditView
    inspect_view_enabled = False
    list_display = [
        "name",
        "council",
        "key_start",
        Column("can_read_private", label=_("reads unpublished records")),
        Column("can_write", label=_("writes")),
        "owner",
        "last_used_at",
        "revoked_at",
    ]
    list_select_related = ("council", "owner")
    form_fields = ["council", "name", "can_read_private", "can_write"]
    edit_form_fields = ["name"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<int:pk>/", partial(revoke, policy=self.permission_policy), name="revoke"),
        ]
