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
        roles = CouncilRole.objects.for_user(self.user).select_related("council")
        return {
            "roles": [
                {
                    "council": role.council,
                    "role": role.get_role_display(),
                    "delegates": Delegate.objects.in_office(council=role.council, on=today).count(),
                }
                for role in roles
            ]
        }


@hooks.register("construct_homepage_panels")
def add_my_councils_panel(request, panels):
    panels.insert(0, MyCouncilsPanel(request.user))
