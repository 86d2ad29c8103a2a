from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .models import CouncilRole
from .permissions import AdminOnlyPermissionPolicy
from .viewsets import CouncilScopedViewSet


class CouncilRoleViewSet(CouncilScopedViewSet):
    """Who works for which council, in which role. Managed by the system administrator."""

    model = CouncilRole
    icon = "key"
    url_prefix = "vai-tro"
    menu_label = _("Council roles")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["user", "council", "role"]
    list_select_related = ("user", "council")
    search_fields = ["user__username", "user__first_name", "user__last_name", "council__name"]
    list_filter = ["role"]
    list_export = ["user", "council", "role"]
    export_filename = "vai-tro"
    form_fields = ["user", "council", "role"]

    @cached_property
    def permission_policy(self):
        return AdminOnlyPermissionPolicy(self.model)
