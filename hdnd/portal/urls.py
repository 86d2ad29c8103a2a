"""The portal's pages that are views of the councils' records rather than Wagtail pages."""

from django.urls import path

from . import resolutions

app_name = "portal"
urlpatterns = [
    path("nghi-quyet/", resolutions.resolution_list, name="resolutions"),
    path("nghi-quyet/<int:pk>/", resolutions.resolution_detail, name="resolution"),
    path("nghi-quyet/<int:pk>/van-ban.pdf", resolutions.resolution_pdf, name="resolution_pdf"),
]
