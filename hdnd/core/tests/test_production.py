"""The production path: `prod_check` passes a complete configuration and explains each problem of a
broken one; logs are JSON lines; uploaded files can live on S3-compatible storage."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from moto.server import ThreadedMotoServer

from hdnd.core.testing.gunicorn import production_server
from hdnd.core.testing.passes import postgresql_pass_only

ROOT = Path(__file__).resolve().parents[3]
BUCKET = "hdnd-tep"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def object_storage():
    """A real S3 API on loopback (moto's server), with the installation's bucket made."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id="hdnd", aws_secret_access_key="bi-mat", region_name="us-east-1"
    )
    client.create_bucket(Bucket=BUCKET)
    yield {"endpoint": endpoint, "client": client}
    server.stop()


@pytest.fixture(scope="module")
def mail_server():
    class Inbox:
        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    controller = Controller(Inbox(), hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


def production_environment(**overrides):
    """The environment of a production process; the test process's own settings left out."""
    unset = {
        "DEBUG",
        "SECRET_KEY",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "DATABASE_URL",
        "CACHE_URL",
        "STATIC_ROOT",
        "MEDIA_ROOT",
    }
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.prod", SECRET_KEY=secrets.token_urlsafe(50))
    environment.update(overrides)
    return environment


def manage(*args, **environment):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=production_environment(**environment),
        capture_output=True,
        text=True,
        timeout=600,
    )


def complete_configuration(object_storage, mail_server, static_root):
    return {
        "ALLOWED_HOSTS": "hdnd.example.gov.vn,.hdnd.example.gov.vn",
        "SITE_URL": "https://hdnd.example.gov.vn",
        "CSRF_TRUSTED_ORIGINS": "https://hdnd.example.gov.vn",
        "CACHE_URL": "redis://127.0.0.1:6379/14",
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": object_storage["endpoint"],
        "S3_ACCESS_KEY": "hdnd",
        "S3_SECRET_KEY": "bi-mat",
        "STATIC_ROOT": str(static_root),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mail_server.port),
        "DEFAULT_FROM_EMAIL": "hdnd@example.gov.vn",
    }


@postgresql_pass_only  # a production configuration needs PostgreSQL
@pytest.mark.django_db
def test_prod_check_passes_a_complete_production_configuration(object_storage, mail_server, collected_static):
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    configuration = complete_configuration(object_storage, mail_server, collected_static)
    result = manage("prod_check", DATABASE_URL=url, **configuration)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "[chưa đạt]" not in result.stdout
    assert "Cấu hình sẵn sàng để vận hành." in result.stdout
    assert f"kho S3 “{BUCKET}”" in result.stdout
    # The probe file it wrote to the bucket is gone again.
    assert object_storage["client"].list_objects_v2(Bucket=BUCKET).get("KeyCount") == 0


def test_prod_check_explains_every_problem_in_vietnamese(object_storage, tmp_path):
    closed_port = free_port()
    result = manage(
        "prod_check",
        ALLOWED_HOSTS="*",
        SITE_URL="http://hdnd.example.gov.vn",
        DATABASE_URL=f"sqlite:///{tmp_path / 'hdnd.sqlite3'}",
        S3_BUCKET="khong-co-kho-nay",
        S3_ENDPOINT_URL=object_storage["endpoint"],
        STATIC_ROOT=str(tmp_path / "static"),
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(closed_port),
        DEFAULT_FROM_EMAIL="hdnd@example.gov.vn",
        EDGE_CACHE_URL=f"http://127.0.0.1:{closed_port}",
        SECURE_SSL_REDIRECT="false",
    )

    assert result.returncode == 1
    report = result.stdout
    for explanation in [
        "ALLOWED_HOSTS chứa “*”",
        "SITE_URL (http://hdnd.example.gov.vn) phải bắt đầu bằng https://",
        "Đang dùng sqlite: khi vận hành thật hãy dùng PostgreSQL",
        "Chưa đặt CACHE_URL",
        "Không ghi được tệp vào kho S3 “khong-co-kho-nay”",
        "chạy “manage.py collectstatic --noinput”",
        f"Không kết nối được máy chủ thư 127.0.0.1:{closed_port}",
        f"http://127.0.0.1:{closed_port} không phản hồi",
        "security.W008: SECURE_SSL_REDIRECT đang tắt",
    ]:
        assert explanation in report, report
    assert "9 điều cần sửa trước khi vận hành" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refusals_are_explained_without_a_traceback():
    result = manage("prod_check", SECRET_KEY="ngan-qua")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Cấu hình chưa đúng: SECRET_KEY chưa được đặt hoặc là khóa mặc định: "
        "hãy đặt một khóa ngẫu nhiên dài ít nhất 50 ký tự."
    )


def test_gunicorn_and_the_app_log_one_json_object_per_line(tmp_path):
    port = free_port()
    environment = production_environment(
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'hdnd.sqlite3'}",
        ALLOWED_HOSTS="hdnd.example.gov.vn",
        SECURE_SSL_REDIRECT="false",
    )
    server = production_server(
        environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    sock.sendall(b"GET /healthz HTTP/1.0\r\n\r\n")
                    sock.recv(1000)
                    # The database was never migrated: the portal fails, and Django logs the error.
                    with socket.create_connection(("127.0.0.1", port), timeout=5) as other:
                        other.sendall(b"GET / HTTP/1.0\r\nHost: hdnd.example.gov.vn\r\n\r\n")
                        other.recv(1000)
                break
            except OSError:
                time.sleep(0.1)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)

    records = [json.loads(line) for line in output.splitlines()]
    loggers = {record["logger"] for record in records}
    assert {"gunicorn.error", "gunicorn.access"} <= loggers
    # An error's traceback stays inside its one line.
    errors = [record for record in records if record["logger"] == "django.request"]
    assert errors and "no such table" in errors[0]["exc_info"]
    assert all({"time", "level", "logger", "message"} <= record.keys() for record in records)
    access = [record["message"] for record in records if record["logger"] == "gunicorn.access"]
    assert any('"GET /healthz HTTP/1.0" 200' in message for message in access)


@pytest.mark.django_db
def test_an_attachment_uploaded_in_the_back_office_lands_in_the_bucket_and_is_served_from_it(
    object_storage, secretariat_client, commune_council, settings
):
    from urllib.request import urlopen

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from hdnd.councils.factories import TermFactory
    from hdnd.resolutions.factories import ResolutionFactory

    s3 = {
        "bucket_name": BUCKET,
        "endpoint_url": object_storage["endpoint"],
        "access_key": "hdnd",
        "secret_key": "bi-mat",
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
        "addressing_style": "path",
    }
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3}}
    resolution = ResolutionFactory(term=TermFactory(council=commune_council))
    content = b"%PDF-1.7\n% To trinh ve ke hoach dau tu cong\n"

    response = secretariat_client.post(
        reverse("resolution:attachments", args=[resolution.pk]),
        {"title": "Tờ trình", "file": SimpleUploadedFile("to-trinh.pdf", content)},
    )

    assert response.status_code == 302
    attachment = resolution.attachments.get()
    stored = object_storage["client"].get_object(Bucket=BUCKET, Key=attachment.file.name)
    assert stored["Body"].read() == content
    # Its address is signed and expires: the bucket itself stays private.
    url = attachment.file.url
    assert url.startswith(object_storage["endpoint"]) and "Signature=" in url
    with urlopen(url) as served:
        assert served.read() == content
