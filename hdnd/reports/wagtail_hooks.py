from wagtail import hooks

from .briefings import BriefingViewSet
from .views import ReportViewSet


@hooks.register("register_admin_viewset")
def register_report_viewsets():
    return [ReportViewSet(), BriefingViewSet()]
