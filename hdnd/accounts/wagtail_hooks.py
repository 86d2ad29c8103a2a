from wagtail import hooks

from .views import CouncilRoleViewSet


@hooks.register("register_admin_viewset")
def register_council_role_viewset():
    return CouncilRoleViewSet()
