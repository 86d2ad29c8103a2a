"""Files users upload cannot become a page that runs a script on our address.

Uploaded through the real screens — Wagtail's documents and images, a resolution's attached file —
then fetched where readers fetch them: documents from the app (/tai-lieu/…), our own uploads and
images from /media/ as nginx serves it in production with deploy/nginx-media.conf (a real nginx
is started on the files the uploads wrote)."""

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from hdnd.accounts.factories import UserFactory
from hdnd.conftest import user_with_role
from hdnd.councils.factories import TermFactory
from hdnd.resolutions.factories import ResolutionFactory
from hdnd.resolutions.models import Attachment

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SNIPPET = Path(settings.BASE_DIR) / "deploy" / "nginx-media.conf"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


def upload_document(client, name, content):
    collection = Collection.get_first_root_node()
    file = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(reverse("wagtaildocs:add"), {"title": name, "file": file, "collection": collection.pk})


def test_documents_are_served_typed_by_name_never_sniffed_never_run(editor):
    cases = {
        # name: (what it holds, type served, shown in the browser rather than downloaded)
        "bao-cao.pdf": (HTML, "application/pdf", True),
        "ghi-chu.txt": (HTML, "text/plain", False),
        "bang-so-lieu.csv": (HTML, "text/csv", False),
        "tai-lieu.odt": (HTML, "application/vnd.oasis.opendocument.text", False),
    }
    for name, (content, content_type, inline) in cases.items():
        assert upload_document(editor, name, content).status_code == 302, name
        document = get_document_model().objects.get(title=name)
        response = editor.get(document.url)
        assert document.url.startswith("/tai-lieu/")
        assert response.status_code == 200
        assert response["Content-Type"].split(";")[0] == content_type, name
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'"  # the document's own
        assert response["Content-Disposition"].startswith("inline" if inline else "attachment"), name
        assert b"".join(response.streaming_content) == content


def test_active_documents_are_refused(editor):
    for name, content in (("trang.html", HTML), ("hinh.svg", SVG), ("du-lieu.xml", HTML), ("ma.js", HTML)):
        response = upload_document(editor, name, content)
        assert response.status_code == 200, name  # the form again, with its error
        assert not get_document_model().objects.filter(title=name).exists(), name


def test_images_must_be_images(editor):
    collection = Collection.get_first_root_node()
    for name, content in (("hinh.svg", SVG), ("anh.png", HTML), ("anh.gif", SVG)):
        file = SimpleUploadedFile(name, content, content_type="image/png")
        response = editor.post(reverse("wagtailimages:add"), {"title": name, "file": file, "collection": collection.pk})
        assert response.status_code == 200, name
        assert not get_image_model().objects.filter(title=name).exists(), name


@pytest.fixture
def resolution_files(client, commune_council):
    """The page where a secretariat attaches files to a resolution, signed in."""
    resolution = ResolutionFactory(council=commune_council, term=TermFactory(council=commune_council))
    client.force_login(user_with_role(commune_council))
    return resolution, reverse("resolution:attachments", args=[resolution.pk])


def test_a_resolution_takes_only_real_documents(client, resolution_files):
    resolution, url = resolution_files
    for name, content in (("phu-luc.pdf", HTML), ("hinh.svg", SVG), ("trang.html", HTML), ("phu-luc.docx", PDF)):
        file = SimpleUploadedFile(name, content, content_type="application/pdf")
        response = client.post(url, {"title": name, "file": file})
        assert response.status_code == 200, name
        assert f"Tệp “{name}”" in response.content.decode(), name  # says which file and what to fix
    assert not Attachment.objects.filter(resolution=resolution).exists()
    assert not any((Path(settings.MEDIA_ROOT)).rglob("*.*")), "a refused file was stored"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def nginx(tmp_path):
    """nginx serving MEDIA_ROOT at /media/ with deploy/nginx-media.conf, as docs/security.md says."""
    assert Path(NGINX).exists(), "nginx is missing: apt-get install nginx"
    media, port, run = Path(settings.MEDIA_ROOT), free_port(), tmp_path / "nginx"
    media.mkdir(parents=True, exist_ok=True)
    run.mkdir()
    (run / "nginx.conf").write_text(
        f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
daemon off;
pid {run}/nginx.pid;
error_log {run}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {run}; proxy_temp_path {run}; fastcgi_temp_path {run};
    uwsgi_temp_path {run}; scgi_temp_path {run};
    server {{
        listen 127.0.0.1:{port};
        location ^~ /media/ {{
            alias {media}/;
            include {SNIPPET};
        }}
    }}
}}
"""
    )
    process = subprocess.Popen([NGINX, "-e", str(run / "error.log"), "-p", str(run), "-c", str(run / "nginx.conf")])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            assert process.poll() is None, (run / "error.log").read_text()
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_our_uploads_are_served_by_nginx_as_documents(client, resolution_files, nginx):
    resolution, url = resolution_files
    file = SimpleUploadedFile("nghi-quyet.pdf", PDF, content_type="application/pdf")
    assert client.post(url, {"title": "Toàn văn", "file": file}).status_code == 302
    attachment = Attachment.objects.get(resolution=resolution)
    assert attachment.file.url.startswith(settings.MEDIA_URL)
    status, headers = fetch(nginx + attachment.file.url)
    assert status == 200
    assert headers["Content-Type"] == "application/pdf"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Disposition"] is None  # read in the browser's PDF viewer


def test_nginx_downloads_anything_active_and_lets_it_run_nothing(nginx):
    """Whatever lands in MEDIA_ROOT — by a future upload path, a restore, a mistake — and could be
    a page is typed as bytes, downloaded, and sandboxed."""
    media = Path(settings.MEDIA_ROOT)
    (media / "tep").mkdir(parents=True)
    files = {
        "tep/trang.html": "application/octet-stream",
        "tep/hinh.svg": "application/octet-stream",
        "tep/du-lieu.xml": "application/octet-stream",
        "tep/ma.js": "application/octet-stream",
        "tep/khong-ro": "application/octet-stream",
        "tep/ghi-chu.txt": "text/plain; charset=utf-8",
        "tep/bang.csv": "text/csv; charset=utf-8",
    }
    for name in files:
        (media / name).write_bytes(HTML)
    for name, content_type in files.items():
        status, headers = fetch(f"{nginx}/media/{name}")
        assert status == 200, name
        assert headers["Content-Type"] == content_type, name
        assert headers["X-Content-Type-Options"] == "nosniff", name
        assert headers["Content-Disposition"] == "attachment", name
        assert headers["Content-Security-Policy"] == "default-src 'none'; sandbox", name


def test_nginx_shows_images_and_never_serves_documents_directly(editor, nginx):
    """Images are shown in pages; Wagtail's documents only through the app, which checks their
    privacy — their files are not reachable under /media/."""
    assert upload_document(editor, "bao-cao.pdf", PDF).status_code == 302
    document = get_document_model().objects.get(title="bao-cao.pdf")
    assert fetch(nginx + document.file.url)[0] == 404
    image = Path(settings.MEDIA_ROOT) / "original_images" / "anh.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    status, headers = fetch(f"{nginx}/media/original_images/anh.png")
    assert (status, headers["Content-Type"], headers["Content-Disposition"]) == (200, "image/png", None)
    assert headers["X-Content-Type-Options"] == "nosniff"
