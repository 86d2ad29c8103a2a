from wagtail import hooks

from .views import ResolutionViewSet


@hooks.register("register_admin_viewset")
def register_resolution_viewset():
    return ResolutionViewSet()
