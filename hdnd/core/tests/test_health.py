"""/healthz and /readyz: answered before any other middleware; /readyz says 503 and what is wrong
when a part is not ready."""

import pytest
from django.test import override_settings

from hdnd.core import health

pytestmark = pytest.mark.django_db


def test_healthz_answers_whatever_the_host(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")  # a balancer asks by address
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_is_ready_when_database_cache_and_migrations_are(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "problems": {}}
    assert health.pending_migrations() == []


@override_settings(SECURE_SSL_REDIRECT=True)
def test_a_balancer_on_plain_http_is_not_redirected(client):
    assert client.get("/readyz").status_code == 200
    assert client.get("/").status_code == 301  # everything else is


@override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
)
def test_readyz_says_503_and_why_when_the_cache_does_not_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unready"
    assert body["problems"]["cache"].startswith("Bộ nhớ đệm không phản hồi")


def test_readyz_says_which_migrations_are_not_applied(client, monkeypatch):
    from django.db.migrations.recorder import MigrationRecorder

    monkeypatch.setattr(health, "_migrated", False)  # a process that has not yet seen them all applied
    MigrationRecorder.Migration.objects.filter(app="api", name="0001_initial").delete()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["problems"]["migrations"].startswith(
        "Còn 1 bản cập nhật cấu trúc dữ liệu chưa áp dụng (api.0001_initial…)"
    )
