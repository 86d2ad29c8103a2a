"""Back-office screens for resolutions."""

from django.utils.translation import gettext_lazy as _

from hdnd.accounts.viewsets import CouncilScopedViewSet

from .filters import ResolutionFilterSet
from .models import Resolution


class ResolutionViewSet(CouncilScopedViewSet):
    model = Resolution
    icon = "doc-full"
    url_prefix = "nghi-quyet"
    menu_label = _("Resolutions")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["__str__", "council", "kind", "field", "adopted_on", "status"]
    list_select_related = ("council", "term")
    filterset_class = ResolutionFilterSet
    search_fields = ["symbol", "subject"]
    folded_search_field = "search_text"
    list_export = ["symbol", "subject", "council", "kind", "field", "adopted_on", "effective_date", "status"]
    export_filename = "nghi-quyet"
    form_fields = [
        "council",
        "term",
        "kind",
        "field",
        "subject",
        "session",
        "agenda_item",
        "effective_date",
        "legal_bases",
        "body",
        "recipients",
        "on_behalf",
        "signer_title",
        "signer_name",
    ]
    inspect_view_fields_exclude = ["id", "search_text", "year"]
