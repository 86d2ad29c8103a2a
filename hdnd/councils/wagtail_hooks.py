from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from hdnd.accounts.models import CouncilRole

from .models import Delegate
from .views import OrganisationViewSetGroup


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationViewSetGroup()


class MyCouncilsPanel(Component):
    """The dashboard's first panel: the councils the user works for, their role, today's size."""

    name = "my_councils"
    order = 50
    template_name = "core/dashboard_councils.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        rows = []
        for role in CouncilRole.objects.for_user(self.user).select_related("council"):
            term = role.council.terms.filter(start_date__lte=today).order_by("-start_date").first()
            # A finished term still shows its delegates as they stood on its last day.
            on = min(today, term.end_date) if term and term.end_date else today
            rows.append(
                {
                    "council": role.council,
                    "role": role.get_role_display(),
                    "term": term,
                    "term_ended": bool(term and term.end_date and term.end_date < today),
                    "on": on,
                    "delegates": Delegate.objects.in_office(council=role.council, on=on).count(),
                }
            )
        return {"roles": rows}


@hooks.register("construct_homepage_panels")
def add_my_councils_panel(request, panels):
    panels.insert(0, MyCouncilsPanel(request.user))
