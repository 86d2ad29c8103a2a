from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    # The sign-in, with its two-factor step, before Wagtail's own (hdnd/accounts/urls.py).
    path("quan-tri/", include("hdnd.accounts.urls")),
    path("quan-tri/", include(wagtailadmin_urls)),
    path("tai-lieu/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("hdnd.api.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
urlpatterns += [path("", include("hdnd.portal.urls")), path("", include(wagtail_urls))]
# A page in Vietnamese, and 503 while the database is out of reach (hdnd/core/errors.py).
handler500 = "hdnd.core.errors.server_error"
