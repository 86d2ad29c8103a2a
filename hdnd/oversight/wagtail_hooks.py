from wagtail import hooks

from .views import OversightViewSetGroup


@hooks.register("register_admin_viewset")
def register_oversight_viewsets():
    return OversightViewSetGroup()
