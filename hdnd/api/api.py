"""The API at /api/v1/: Django Ninja, its OpenAPI schema at /api/v1/openapi.json and interactive
documentation at /api/v1/docs. Every answer is JSON in Unicode NFC with ISO 8601 dates; lists
and records carry Last-Modified (their latest change) and an ETag (ConditionalGetMiddleware),
so a client asking again with If-None-Match or If-Modified-Since gets 304."""

import unicodedata

from django.utils.http import http_date
from ninja import NinjaAPI
from ninja.parser import Parser
from ninja.renderers import JSONRenderer

from . import errors
from .auth import caller
from .routers import export, organisation, oversight, petitions, reports, resolutions, sessions
from .throttling import THROTTLES

DESCRIPTION = """
Dữ liệu công khai của Hội đồng nhân dân các cấp: đơn vị hành chính (cả hai thời kỳ, với quan hệ
kế thừa), hội đồng, nhiệm kỳ, ban, tổ đại biểu, đại biểu, kỳ họp (chương trình, kết quả biểu quyết),
nghị quyết (quan hệ sửa đổi, thay thế, bãi bỏ; tệp đính kèm), giám sát và kiến nghị sau giám sát,
kiến nghị cử tri đã được trả lời, giao ban và số liệu. Không cần đăng ký để đọc.

- Danh sách phân trang theo con trỏ: đi theo liên kết `next`; thứ tự ổn định (theo `id`).
- Bộ lọc như trên cổng thông tin; `q` tìm có dấu hoặc không dấu.
- Ngày theo ISO 8601; văn bản Unicode NFC; lỗi trả lời bằng tiếng Việt.
- Giới hạn tần suất: quá giới hạn trả 429 kèm `Retry-After`.
- Ghi dữ liệu (kỳ họp, nghị quyết, kiến nghị cử tri và trả lời): cần mã truy cập của hội đồng do
  lãnh đạo hội đồng cấp trong trang quản trị, gửi trong tiêu đề `Authorization: Bearer <mã>`.
- Dữ liệu mở tải một lần: `GET /api/v1/export/{council_id}.zip` (JSON theo OParl, bảng CSV,
  manifest và mã kiểm SHA-256).
"""


class NFCJSONRenderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}

    def render(self, request, data, *, response_status):
        return unicodedata.normalize("NFC", super().render(request, data, response_status=response_status))


class ObjectParser(Parser):
    """A request body is one JSON object: a list or a bare value is refused (400), not ignored."""

    def parse_body(self, request):
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return data


class CouncilAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        modified = getattr(request, "api_last_modified", None)
        if modified is not None and response.status_code == 200:
            response["Last-Modified"] = http_date(modified.timestamp())
        return response


api = CouncilAPI(
    title="HĐND Số — API dữ liệu mở",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=caller,
    throttle=THROTTLES,
    renderer=NFCJSONRenderer(),
    parser=ObjectParser(),
)
errors.install(api)

for module in (organisation, sessions, resolutions, oversight, petitions, reports, export):
    api.add_router("", module.router)
