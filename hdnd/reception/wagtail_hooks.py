from wagtail import hooks

from .views import ReceptionViewSetGroup


@hooks.register("register_admin_viewset")
def register_reception_viewsets():
    return ReceptionViewSetGroup()
