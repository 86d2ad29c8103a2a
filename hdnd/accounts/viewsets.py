"""Back-office building blocks: Wagtail model viewsets whose every screen is scoped to the user's
councils and whose every write is audited. Each app's views.py declares its viewsets on these."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from hdnd.core.audit import audited_delete, audited_save, changes_from_form
from hdnd.core.models import folded_search
from hdnd.core.spreadsheets import neutralise

from .permissions import CouncilScopedPermissionPolicy
from .scoping import CHANGE, DELETE, VIEW, scope_queryset


class CouncilScopedForm(WagtailAdminModelForm):
    """Offers in every choice list only what the user may attach records to: their own councils
    and the terms, constituencies, committees, groups and people of those councils."""

    @classmethod
    def child_form(cls):
        # Inline children (a session's agenda, a mission's team) are scoped the same way.
        return CouncilScopedForm

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None:
            return
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            model = queryset.model
            if model._meta.label == "councils.Council":
                field.queryset = scope_queryset(queryset, for_user, CHANGE, council_path="")
            elif model is get_user_model():
                # Only the people who work for the user's own councils, never everyone's accounts.
                field.queryset = scope_queryset(
                    queryset, for_user, CHANGE, council_path="council_roles__council"
                ).distinct()
            elif _has_foreign_key(model, "council"):
                field.queryset = scope_queryset(queryset, for_user, CHANGE)
            elif _has_foreign_key(model, "delegate"):
                field.queryset = scope_queryset(queryset, for_user, CHANGE, council_path="delegate__council")
            elif _has_foreign_key(model, "session"):
                field.queryset = scope_queryset(queryset, for_user, CHANGE, council_path="session__council")


class ScopedInlinePanel(InlinePanel):
    """An inline panel whose child forms receive the user, so their choice lists are scoped too."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset["inherit_kwargs"] = ["for_user"]
        child = self.child_edit_handler.get_form_options()
        formset["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=CouncilScopedForm,
            fields=formset["fields"],
            defer_required_on_fields=child.get("defer_required_on_fields", []),
        )
        return options


def _has_foreign_key(model, name):
    return any(f.name == name and f.many_to_one and f.concrete for f in model._meta.get_fields())


class ForbiddenAs403Mixin:
    """Wagtail turns a refusal into a redirect to the dashboard; we answer a plain 403 page instead,
    so that a refused request is unmistakable to people, tests and (later) the API alike."""

    def setup(self, request, *args, **kwargs):
        self.denied = False
        try:
            super().setup(request, *args, **kwargs)
        except PermissionDenied:
            self.request = request
            self.denied = True

    def dispatch(self, request, *args, **kwargs):
        if self.denied:
            return forbidden(request)
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)


def forbidden(request):
    return TemplateResponse(request, "accounts/403.html", status=403)


def scoped_object(request, policy, queryset, pk, action=VIEW):
    """The object for a back-office action view: 404 outside the user's reach, PermissionDenied
    when the action is not theirs (the caller answers `forbidden`)."""
    obj = get_object_or_404(queryset, pk=pk)
    if not policy.user_has_permission_for_instance(request.user, VIEW, obj):
        raise Http404
    if action != VIEW and not policy.user_has_permission_for_instance(request.user, action, obj):
        raise PermissionDenied
    return obj


class ScopedObjectMixin(ForbiddenAs403Mixin):
    """Loads the object, then answers 404 outside the user's reach and 403 for a forbidden action."""

    object_action = VIEW

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        policy = self.permission_policy
        user = self.request.user
        if not policy.user_has_permission_for_instance(user, VIEW, obj):
            raise Http404
        if self.object_action != VIEW and not policy.user_has_permission_for_instance(user, self.object_action, obj):
            raise PermissionDenied
        return obj


class ScopedIndexView(ForbiddenAs403Mixin, generic.IndexView):
    list_select_related = ()
    folded_search_field = None

    def write_csv_row(self, writer, row_dict):
        """CSV export: a cell beginning with =, +, - or @ is never run as a formula (Wagtail
        already keeps such cells as text in XLSX)."""
        return writer.writerow(
            {
                field: neutralise(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def search_queryset(self, queryset):
        """Search with or without diacritics when the model keeps a folded text."""
        if self.folded_search_field and self.search_query:
            return folded_search(queryset, self.search_query, self.folded_search_field)
        return super().search_queryset(queryset)

    def get_base_queryset(self):
        queryset = self.permission_policy.instances_user_has_any_permission_for(self.request.user, [VIEW])
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        return queryset


class AuditedCreateView(ForbiddenAs403Mixin, generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        return audited_save(instance, actor=self.request.user, created=True, save_m2m=self.form.save_m2m)


class AuditedEditView(ScopedObjectMixin, generic.EditView):
    object_action = CHANGE

    def save_instance(self):
        changes = changes_from_form(self.form)
        self.has_content_changes = bool(changes)
        instance = self.form.save(commit=False)
        return audited_save(
            instance, actor=self.request.user, created=False, changes=changes, save_m2m=self.form.save_m2m
        )


class ButtonsEditView(AuditedEditView):
    """An edit view whose header offers the record's action pages: the viewset passes `buttons`,
    a function of the view giving (label, url, icon, priority) tuples."""

    buttons = None

    @cached_property
    def header_more_buttons(self):
        extra = [
            Button(label, url=url, icon_name=icon, priority=priority)
            for label, url, icon, priority in self.buttons(self)
        ]
        return [*super().header_more_buttons, *extra]


class AuditedDeleteView(ScopedObjectMixin, generic.DeleteView):
    object_action = DELETE

    def delete_action(self):
        audited_delete(self.object, actor=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError as exc:
            blocking = sorted({str(obj) for obj in exc.protected_objects})
            messages.error(
                self.request,
                _("“%(object)s” cannot be deleted because other records still refer to it: %(records)s.")
                % {"object": self.object, "records": ", ".join(blocking[:5]) + ("…" if len(blocking) > 5 else "")},
            )
            return redirect(self.request.path)


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    def get_field_display_value(self, field_name=None, field=None):
        if field_name is None:
            # Wagtail looks up `get_<name>_display_value` hooks: a model field named "field"
            # (a resolution's field, lĩnh vực) lands here without arguments.
            return self.object.get_field_display()
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        return value


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    any_permission_required = ["view", "add", "change", "delete"]


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    permission_required = "view"


class CouncilScopedViewSet(ModelViewSet):
    """A viewset over records that belong to a council (reached by `council_path`)."""

    council_path = "council"
    creatable = True
    permission_policy_class = CouncilScopedPermissionPolicy
    list_select_related = ("council",)
    #: A field holding folded text (see SearchableModel) for searching with or without diacritics.
    folded_search_field = None
    base_form_class = CouncilScopedForm
    #: Fields of the edit form when they differ from those of the create form (`form_fields`).
    edit_form_fields = None
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["id", "search_text", "level_rank"]
    copy_view_enabled = False
    icon = "folder-open-inverse"

    index_view_class = ScopedIndexView
    add_view_class = AuditedCreateView
    edit_view_class = AuditedEditView
    delete_view_class = AuditedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView

    @cached_property
    def permission_policy(self):
        return self.permission_policy_class(self.model, council_path=self.council_path, creatable=self.creatable)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            list_select_related=self.list_select_related, folded_search_field=self.folded_search_field, **kwargs
        )

    def get_form_class(self, for_update=False):
        if self._edit_handler:  # panels with inline children (e.g. a session's agenda)
            return super().get_form_class(for_update)
        fields = self.edit_form_fields if for_update and self.edit_form_fields else self.form_fields
        return get_form_for_model(self.model, form_class=self.base_form_class, fields=fields)
