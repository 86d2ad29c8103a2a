"""What `manage.py prod_check` (`make prod-check`) verifies before an installation goes live: the
settings, and whether what they point at — database, cache, file storage, mail server, edge
cache — answers. Each check says, in Vietnamese, what is wrong and how to fix it; the operator of a
province is not expected to read a traceback."""

import smtplib
import ssl
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.utils.translation import override

from hdnd.core.health import pending_migrations

TIMEOUT = 5  # seconds for each service to answer
PROBE = "HĐND Số".encode()


@dataclass(frozen=True)
class Finding:
    topic: str
    ok: bool
    text: str


def passed(topic, text):
    return Finding(topic, True, text)


def failed(topic, text):
    return Finding(topic, False, text)


def check_debug():
    if settings.DEBUG:
        return failed(
            "Chế độ gỡ lỗi", "DEBUG đang bật: đặt DEBUG=false và DJANGO_SETTINGS_MODULE=config.settings.prod."
        )
    return passed("Chế độ gỡ lỗi", "DEBUG đã tắt.")


def check_hosts():
    topic = "Tên miền"
    hosts = [host for host in settings.ALLOWED_HOSTS if host]
    public = [host for host in hosts if host.lstrip(".") not in {"localhost", "127.0.0.1", "::1"}]
    site = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    origin = f"{site.scheme}://{site.netloc}"
    problems = []
    if "*" in hosts:
        problems.append(
            "ALLOWED_HOSTS chứa “*”: hãy liệt kê đúng tên miền của cổng thông tin, ví dụ hdnd.tinh.gov.vn,.hdnd.tinh.gov.vn."
        )
    elif not public:
        problems.append("ALLOWED_HOSTS chỉ có địa chỉ nội bộ: thêm tên miền công khai của cổng thông tin.")
    if site.scheme != "https":
        problems.append(f"SITE_URL ({settings.WAGTAILADMIN_BASE_URL}) phải bắt đầu bằng https://.")
    elif origin not in settings.CSRF_TRUSTED_ORIGINS:
        problems.append(f"CSRF_TRUSTED_ORIGINS phải có {origin}, nếu không biểu mẫu đăng nhập sẽ bị từ chối.")
    if problems:
        return [failed(topic, problem) for problem in problems]
    return [passed(topic, f"{', '.join(public)}; trang quản trị tại {origin}.")]


def check_databases():
    findings = []
    for alias in connections:
        topic = "Cơ sở dữ liệu" if alias == "default" else f"Bản sao cơ sở dữ liệu “{alias}”"
        connection = connections[alias]
        if connection.vendor != "postgresql":
            findings.append(
                failed(
                    topic,
                    f"Đang dùng {connection.vendor}: khi vận hành thật hãy dùng PostgreSQL (DATABASE_URL=postgres://…).",
                )
            )
            continue
        try:
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                version = cursor.fetchone()[0]
        except Exception as exc:
            findings.append(
                failed(
                    topic,
                    f"Không kết nối được ({exc.__class__.__name__}: {str(exc).strip()[:200]}). Kiểm tra DATABASE_URL và PostgreSQL.",
                )
            )
            continue
        findings.append(passed(topic, f"PostgreSQL {version}, cơ sở dữ liệu {connection.settings_dict['NAME']}."))
    if findings and findings[0].ok:
        pending = pending_migrations()
        if pending:
            findings.append(
                failed(
                    "Cấu trúc dữ liệu",
                    f"Còn {len(pending)} bước chuyển đổi chưa chạy ({pending[0]}…): chạy “manage.py migrate”.",
                )
            )
        else:
            findings.append(passed("Cấu trúc dữ liệu", "Mọi bước chuyển đổi (migration) đã chạy."))
    return findings


def check_cache():
    topic = "Bộ nhớ đệm"
    cache = caches["default"]
    if "redis" not in cache.__class__.__module__:
        return failed(
            topic,
            "Chưa đặt CACHE_URL: các tiến trình không dùng chung bộ nhớ đệm và giới hạn truy cập API. Đặt CACHE_URL=redis://127.0.0.1:6379/1.",
        )
    key = f"prod-check-{uuid.uuid4().hex}"
    try:
        cache.set(key, 1, 10)
        answered = cache.get(key) == 1
        cache.delete(key)
    except Exception as exc:
        return failed(
            topic,
            f"Redis không phản hồi ({exc.__class__.__name__}): kiểm tra CACHE_URL ({settings.CACHE_URL}) và dịch vụ redis-server.",
        )
    if not answered:
        return failed(
            topic, "Redis nhận lệnh ghi nhưng không trả lại giá trị vừa ghi: kiểm tra cấu hình maxmemory của Redis."
        )
    return passed(topic, f"Redis phản hồi ({settings.CACHE_URL}).")


def check_storage():
    topic = "Lưu trữ tệp"
    backend = settings.STORAGES["default"]["BACKEND"]
    where = f"kho S3 “{settings.S3_BUCKET}”" if settings.S3_BUCKET else f"thư mục {settings.MEDIA_ROOT}"
    name = f"prod-check/{uuid.uuid4().hex}.txt"
    try:
        saved = default_storage.save(name, ContentFile(PROBE))
        with default_storage.open(saved) as stored:
            content = stored.read()
        default_storage.delete(saved)
    except Exception as exc:
        return failed(
            topic,
            f"Không ghi được tệp vào {where} ({exc.__class__.__name__}: {str(exc)[:200]}). Kiểm tra quyền ghi hoặc khóa truy cập S3.",
        )
    if content != PROBE:
        return failed(topic, f"Tệp đọc lại từ {where} khác tệp vừa ghi.")
    return passed(topic, f"Ghi, đọc và xóa được tệp trong {where} ({backend.rsplit('.', 1)[-1]}).")


def check_static_files():
    topic = "Tệp tĩnh"
    manifest = settings.STATIC_ROOT / "staticfiles.json"
    if not manifest.exists():
        return failed(
            topic, f"Chưa thu thập tệp tĩnh vào {settings.STATIC_ROOT}: chạy “manage.py collectstatic --noinput”."
        )
    return passed(topic, f"Đã thu thập vào {settings.STATIC_ROOT}.")


def check_mail():
    topic = "Thư điện tử"
    if settings.EMAIL_BACKEND != "django.core.mail.backends.smtp.EmailBackend":
        return failed(
            topic,
            "Thư chỉ được in ra nhật ký, không gửi đi: đặt EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend và EMAIL_HOST.",
        )
    if settings.DEFAULT_FROM_EMAIL.endswith("@localhost"):
        return failed(
            topic, "DEFAULT_FROM_EMAIL còn là địa chỉ mặc định: đặt địa chỉ thư của văn phòng, ví dụ hdnd@tinh.gov.vn."
        )
    server = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    try:
        smtp_class = smtplib.SMTP_SSL if settings.EMAIL_USE_SSL else smtplib.SMTP
        with smtp_class(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=TIMEOUT) as smtp:
            smtp.ehlo()
            if settings.EMAIL_USE_TLS:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if settings.EMAIL_HOST_USER:
                smtp.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
    except smtplib.SMTPAuthenticationError:
        return failed(
            topic, f"Máy chủ thư {server} từ chối tên đăng nhập hoặc mật khẩu (EMAIL_HOST_USER, EMAIL_HOST_PASSWORD)."
        )
    except (OSError, smtplib.SMTPException) as exc:
        return failed(
            topic,
            f"Không kết nối được máy chủ thư {server} ({exc.__class__.__name__}): kiểm tra EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS.",
        )
    return passed(topic, f"Máy chủ thư {server} nhận kết nối; thư gửi từ {settings.DEFAULT_FROM_EMAIL}.")


def check_edge_cache():
    topic = "Bộ đệm biên (Varnish)"
    if not settings.EDGE_CACHE_URL:
        return passed(topic, "Không dùng (EDGE_CACHE_URL chưa đặt).")
    try:
        with urlopen(Request(settings.EDGE_CACHE_URL, method="HEAD"), timeout=TIMEOUT):
            pass
    except OSError as exc:
        # An HTTP error status still means Varnish answered.
        if getattr(exc, "code", None) is None:
            return failed(
                topic,
                f"{settings.EDGE_CACHE_URL} không phản hồi ({exc.__class__.__name__}): kiểm tra varnishd hoặc bỏ EDGE_CACHE_URL.",
            )
    return passed(topic, f"{settings.EDGE_CACHE_URL} phản hồi.")


#: What to do about the deployment warnings Django may give, in Vietnamese; others keep Django's words.
DEPLOYMENT_ADVICE = {
    "security.W004": "SECURE_HSTS_SECONDS chưa đặt: trình duyệt sẽ không luôn dùng HTTPS. Đặt SECURE_HSTS_SECONDS=31536000.",
    "security.W005": "HSTS chưa áp dụng cho tên miền con (cổng thông tin cấp xã): đặt SECURE_HSTS_INCLUDE_SUBDOMAINS=true.",
    "security.W008": "SECURE_SSL_REDIRECT đang tắt: yêu cầu HTTP không được chuyển sang HTTPS. Đặt SECURE_SSL_REDIRECT=true.",
    "security.W009": "SECRET_KEY quá ngắn hoặc quá đơn giản: đặt một chuỗi ngẫu nhiên dài ít nhất 50 ký tự, ví dụ tạo bằng “python -c 'import secrets; print(secrets.token_urlsafe(50))'”.",
    "security.W012": "Cookie phiên đăng nhập được gửi cả qua HTTP: đặt SECURE_COOKIES=true.",
    "security.W016": "Cookie CSRF được gửi cả qua HTTP: đặt SECURE_COOKIES=true.",
    "security.W018": "DEBUG đang bật: đặt DEBUG=false.",
    "security.W020": "ALLOWED_HOSTS trống: liệt kê tên miền của cổng thông tin.",
    "security.W021": "Chưa đăng ký HSTS preload: đặt SECURE_HSTS_PRELOAD=true.",
}


def check_deployment_settings():
    """Django's own `check --deploy`: each warning with Vietnamese advice where we have it, in
    Django's words otherwise."""
    with override("en"):
        messages = [
            message
            for message in checks.run_checks(include_deployment_checks=True)
            if message.level >= checks.WARNING and not message.is_silenced()
        ]
    if not messages:
        return [passed("Kiểm tra an toàn của Django", "Không có cảnh báo (check --deploy).")]
    return [
        failed(
            "Kiểm tra an toàn của Django",
            f"{message.id}: " + DEPLOYMENT_ADVICE.get(message.id, f"{message.msg} {message.hint or ''}".strip()),
        )
        for message in messages
    ]


def production_findings():
    """Every check, in the order an operator would fix them."""
    return [
        check_debug(),
        *check_hosts(),
        *check_databases(),
        check_cache(),
        check_storage(),
        check_static_files(),
        check_mail(),
        check_edge_cache(),
        *check_deployment_settings(),
    ]
