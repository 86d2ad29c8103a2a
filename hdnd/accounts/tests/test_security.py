"""Sign-in throttling, password rules and the production settings' refusals."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from hdnd.conftest import user_with_role

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_sign_in_works_with_the_right_password(client, commune_council, password):
    user = user_with_role(commune_council)
    response = client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": password})
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.django_db
def test_sign_in_is_locked_after_repeated_failures(client, commune_council, password, settings):
    user = user_with_role(commune_council)
    login = reverse("wagtailadmin_login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": user.username, "password": "sai-mat-khau"}, REMOTE_ADDR="10.0.0.7")
    response = client.post(login, {"username": user.username, "password": password}, REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 429
    assert "tạm thời bị khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_weak_passwords_are_refused_in_vietnamese():
    with translation.override("vi"), pytest.raises(ValidationError) as exc_info:
        validate_password("12345678")
    text = " ".join(exc_info.value.messages)
    assert "Mật khẩu" in text or "mật khẩu" in text


def run_with_settings(module, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.DEBUG)",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_refuses_debug():
    result = run_with_settings("config.settings.prod", DEBUG="true", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DEBUG phải tắt" in result.stderr


def test_production_refuses_the_default_secret_key():
    result = run_with_settings("config.settings.prod")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_uses_secure_cookies():
    result = run_with_settings("config.settings.prod", SECRET_KEY="k" * 50, DATABASE_URL="sqlite:///:memory:")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "False"]


def test_production_settings_pass_the_deployment_check_without_a_warning():
    import secrets

    # The test process's own DJANGO_ALLOW_ASYNC_UNSAFE (conftest.py) is no production setting.
    unset = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="hdnd.example.gov.vn,.hdnd.example.gov.vn",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
