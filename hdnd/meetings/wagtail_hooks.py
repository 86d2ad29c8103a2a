from wagtail import hooks

from .views import SessionViewSet


@hooks.register("register_admin_viewset")
def register_session_viewset():
    return SessionViewSet()
