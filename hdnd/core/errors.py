"""What a reader sees when the server fails: a page in Vietnamese, and 503 with Retry-After — not
500 — while the database cannot be reached (a restart, a failover), so that browsers, crawlers and
load balancers know to come back. Rendered without the request's context, which would ask the
database again."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

RETRY_AFTER_SECONDS = 30


def database_unavailable(exception):
    return isinstance(exception, OperationalError | InterfaceError)


def server_error(request):
    """handler500: Django calls it while the failing request's exception is being handled."""
    unavailable = database_unavailable(sys.exc_info()[1])
    status = 503 if unavailable else 500
    if unavailable:
        message = "Hệ thống đang tạm gián đoạn trong ít phút. Xin vui lòng thử lại sau."
    else:
        message = "Máy chủ gặp lỗi khi xử lý yêu cầu này. Bộ phận kỹ thuật đã được báo; xin vui lòng thử lại sau."
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=status, json_dumps_params={"ensure_ascii": False})
    else:
        html = render_to_string("core/server_error.html", {"status": status, "message": message})
        response = HttpResponse(html, status=status)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
