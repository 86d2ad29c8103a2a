"""The files in deploy/ that an operator copies onto a server are valid as they are."""

import datetime
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.core.management import get_commands

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"


def self_signed_certificate(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hdnd.example.gov.vn")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "fullchain.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "privkey.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )


def test_the_nginx_site_passes_nginx_own_check(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.skip("nginx is not installed (apt-get install nginx; the CI installs it).")
    self_signed_certificate(tmp_path)
    site = (DEPLOY / "nginx.conf").read_text()
    site = site.replace("/etc/ssl/hdnd/", f"{tmp_path}/").replace(
        "/etc/nginx/snippets/hdnd-media.conf", str(DEPLOY / "nginx-media.conf")
    )
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path {tmp_path};\n"
        f"  include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run([nginx, "-t", "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_the_scheduled_jobs_name_commands_that_exist():
    commands = re.findall(r"manage\.py (\w+)", (DEPLOY / "hdnd.cron").read_text())
    assert set(commands) == {"export_open_data", "backup"}
    assert set(commands) <= set(get_commands())


def test_the_service_runs_gunicorn_with_the_settings_in_deploy():
    unit = (DEPLOY / "hdnd.service").read_text()
    assert "ExecStart=/srv/hdnd/app/.venv/bin/gunicorn -c deploy/gunicorn.conf.py config.wsgi" in unit
    assert "DJANGO_SETTINGS_MODULE=config.settings.prod" in unit
