"""Every setting of HĐND Số. Values that differ between machines come from the environment
(listed in .env.example); dev.py, test.py and prod.py only override."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSECURE_SECRET_KEY = "django-insecure-hdnd-so-development-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", INSECURE_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
# ".localhost": each commune's portal is a sub-domain of its district's or province's (DOMAIN.md §9).
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hdnd.core",
    "hdnd.accounts",
    "hdnd.councils",
    "hdnd.meetings",
    "hdnd.resolutions",
    "hdnd.oversight",
    "hdnd.petitions",
    "hdnd.reception",
    "hdnd.reports",
    "hdnd.portal",
    "hdnd.api",
    "hdnd.demo",
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "django.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # /healthz and /readyz for load balancers, before anything that could redirect or fail.
    "hdnd.core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy on the portal (CONTENT_SECURITY_POLICY below); outside the page
    # cache, so that pages served from it carry the policy in force too.
    "csp.middleware.CSPMiddleware",
    # ETag on every response, and 304 when the browser or a cache already holds it.
    "django.middleware.http.ConditionalGetMiddleware",
    # Each request's portal, from memory (hdnd/portal/sites.py); then its published pages, whole,
    # for anonymous readers (hdnd/portal/cache.py).
    "hdnd.portal.sites.PortalSiteMiddleware",
    "hdnd.portal.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # No LocaleMiddleware: the portal and the sign-in page speak Vietnamese whatever the browser
    # asks for; in the back office each user may choose English in their profile (Wagtail's own).
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A full disk, where a view (Wagtail's uploads) does not say so itself: 507 in Vietnamese.
    "hdnd.core.storage.StorageFullMiddleware",
    # Keeps a council leader who must turn on two-factor sign-in on its page (docs/two-factor.md).
    "hdnd.accounts.middleware.TwoFactorEnrolmentMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # AxesMiddleware should be the last middleware in the list.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite file by default (nothing to set up); PostgreSQL in production via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'hdnd.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A kept connection is tried before each request reuses it: after the database restarts,
        # the first request reconnects instead of failing.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_PREPARED", True):
    # Parameters sent apart from the query and each query planned once per connection (after its
    # second use), as psycopg does: the portal serves an uncached article a third faster. Set
    # DATABASE_PREPARED=false behind a pool that cannot keep prepared statements (PgBouncer
    # before 1.21 in transaction mode).
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 2}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction that will write takes SQLite's write lock when it begins, and another one
    # waits up to 30 s for it, instead of failing with "database is locked" midway — as when two
    # people adopt resolutions at the same moment on the demo (hdnd/core/tests/test_faults_kill.py).
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 30}
# Behind PgBouncer in transaction mode a server-side cursor (QuerySet.iterator(), used by exports)
# may find another server connection at its next fetch: DATABASE_SERVER_SIDE_CURSORS=false there.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = not env_bool("DATABASE_SERVER_SIDE_CURSORS", True)
# PostgreSQL streaming replicas (docs/scaling.md), comma-separated: reads go to them, writes and a
# request's reads after its first write to the primary (hdnd/core/replicas.py). Tests use the
# primary's test database under their names (MIRROR) instead of making one each.
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS")
for _number, _url in enumerate(DATABASE_REPLICA_URLS, start=1):
    DATABASES[f"replica{_number}"] = {
        **dj_database_url.parse(_url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"], conn_health_checks=True),
        "OPTIONS": dict(DATABASES["default"].get("OPTIONS", {})),
        "DISABLE_SERVER_SIDE_CURSORS": DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"],
        "TEST": {"MIRROR": "default"},
    }
# How long a client that wrote keeps reading from the primary, to outlast the replicas' lag.
DATABASE_REPLICA_STICKY_SECONDS = int(os.environ.get("DATABASE_REPLICA_STICKY_SECONDS", "5"))
if DATABASE_REPLICA_URLS:
    DATABASE_ROUTERS = ["hdnd.core.replicas.ReplicaRouter"]
    # Right after the health checks, before anything reads the database.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("hdnd.core.health.HealthCheckMiddleware") + 1, "hdnd.core.replicas.ReplicaReadsMiddleware"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a login once the client is locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "hdnd.accounts.backends.CouncilRoleBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): lock a username + address pair after repeated failures.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
# A wrong two-factor code is recorded like a wrong password, and masked like one.
AXES_SENSITIVE_PARAMETERS = ["code"]

# Two-factor sign-in with an authenticator app (docs/two-factor.md): each user may turn it on; with
# this setting, council leaders must. Wrong codes count towards AXES_FAILURE_LIMIT like passwords.
TWO_FACTOR_REQUIRED_FOR_LEADERS = env_bool("TWO_FACTOR_REQUIRED_FOR_LEADERS", False)
# The name the authenticator apps show next to the account.
OTP_TOTP_ISSUER = "HĐND Số"

# Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail", BASE_DIR / "locale" / "django"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    # Uploads are stored whole or not at all; a full disk is told to the user (hdnd/core/storage.py).
    "default": {"BACKEND": "hdnd.core.storage.UploadStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded files on S3-compatible object storage (MinIO for a self-hosted one) when a bucket is
# named: then every app machine sees the same files (docs/operations.md). Files are private —
# served through signed addresses that expire — and never overwritten.
S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION", "us-east-1"),
            "access_key": os.environ.get("S3_ACCESS_KEY", ""),
            "secret_key": os.environ.get("S3_SECRET_KEY", ""),
            "location": os.environ.get("S3_PREFIX", ""),
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 3600,
            "file_overwrite": False,
            "addressing_style": "path",
        },
    }

WAGTAIL_SITE_NAME = "HĐND Số"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
LOGIN_URL = "wagtailadmin_login"
# A portal page open only to signed-in users sends readers to the same Vietnamese sign-in page.
WAGTAIL_FRONTEND_LOGIN_URL = "/quan-tri/login/"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "csv", "txt", "zip"]
# Documents are always served by the app (/tai-lieu/…), whatever the storage: it checks their
# collection's privacy and sends them typed by name, with nosniff, "default-src 'none'" and as a
# download unless PDF (docs/security.md) — never by a direct link to the file.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# "pages" holds the portal's published pages between two publications (hdnd/portal/cache.py).
# With CACHE_URL (redis://…) both live in Redis, shared by every worker and by the process that
# publishes — as production needs (docs/operations.md); without it, in each process's memory.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL},
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "pages",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "hdnd-default"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "hdnd-pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "600"))
# How soon a process sees a portal set up or a home page published by another (hdnd/portal/sites.py).
PORTAL_SITES_RECHECK_SECONDS = 1.0
# The edge cache in front of the app (Varnish, docs/operations.md): publishing a page purges its
# portal there too, through Wagtail's frontend cache invalidation.
EDGE_CACHE_URL = os.environ.get("EDGE_CACHE_URL", "")
if EDGE_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": EDGE_CACHE_URL}
    }

# The API (hdnd/api): page sizes, rate limits per anonymous address and per token ("120/min",
# "5000/h"…), how many proxies in front set X-Forwarded-For (0: take the connection's address),
# and the licence the open-data bundles are published under.
API_PAGE_SIZE = 20
API_MAX_PAGE_SIZE = 100
API_RATE_ANONYMOUS = os.environ.get("API_RATE_ANONYMOUS", "120/min")
API_RATE_TOKEN = os.environ.get("API_RATE_TOKEN", "600/min")
NINJA_NUM_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
OPEN_DATA_LICENCE = os.environ.get("OPEN_DATA_LICENCE", "https://creativecommons.org/licenses/by/4.0/")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "SAMEORIGIN"
# The portal runs only the scripts and styles of its own static files (docs/security.md): no inline
# script or style, no plugin, no other host. Not the back office, whose Wagtail screens need inline
# scripts; served documents keep Wagtail's stricter "default-src 'none'". No nonces: the page cache
# serves one response to every reader.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/quan-tri/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    },
}
if S3_BUCKET:
    # The portal's images are then served from the bucket, through signed addresses.
    _bucket = (
        os.environ.get("S3_ENDPOINT_URL") or f"https://s3.{os.environ.get('S3_REGION', 'us-east-1')}.amazonaws.com"
    )
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_bucket.rstrip("/"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "hdnd-so@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 20

# Logs go to standard output, where systemd's journal or the container runtime collects them; with
# LOG_FORMAT=json (production's default) one JSON object per line, for a log collector to read.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            "json_ensure_ascii": False,
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

FORMAT_MODULE_PATH = ["config.formats"]
WAGTAILADMIN_USER_LOGIN_FORM = "hdnd.accounts.forms.LoginForm"
HDND_UPLOAD_MAX_BYTES = int(os.environ.get("HDND_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
#: The most data rows one spreadsheet import may hold; larger files are to be split.
HDND_IMPORT_MAX_ROWS = int(os.environ.get("HDND_IMPORT_MAX_ROWS", "100000"))
