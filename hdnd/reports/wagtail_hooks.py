from wagtail import hooks

from .views import ReportViewSet


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet()
