"""Uploaded files on the server's disk: stored whole, or not at all.

Django's FileSystemStorage writes an upload straight under its final name, so a disk (or a
quota) that fills up half-way leaves half a file there. `UploadStorage` writes it first to a
hidden file in MEDIA_ROOT and only then moves it to its name, a rename that writes no data.
When the disk is full it removes what it wrote and raises `StorageFull`, a ValidationError that
the back office's forms show like any other problem with the file while the record's transaction
is rolled back. `StorageFullMiddleware` answers the same message to the views that do not catch
it (Wagtail's own: documents, images).
"""

import contextlib
import errno
import os
import tempfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

#: The errors of a full disk and of a full quota.
FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
STAGING_PREFIX = ".upload-"


class StorageFull(ValidationError):
    """No room is left on the server for an uploaded file."""

    def __init__(self, name):
        super().__init__(
            _(
                "The server has no space left to store files: “%(name)s” was not saved and nothing was recorded. Tell the system administrator, then upload the file again."
            )
            % {"name": PurePath(name).name}
        )


class _Staged:
    """A file already on the right disk: FileSystemStorage moves it into place."""

    def __init__(self, path):
        self.path = path

    def temporary_file_path(self):
        return self.path


class UploadStorage(FileSystemStorage):
    def _save(self, name, content):
        staging = None
        try:
            os.makedirs(self.location, exist_ok=True)
            descriptor, staging = tempfile.mkstemp(dir=self.location, prefix=STAGING_PREFIX, suffix=".part")
            with os.fdopen(descriptor, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk.encode() if isinstance(chunk, str) else chunk)
            return super()._save(name, _Staged(staging))
        except OSError as exc:
            if exc.errno in FULL:
                raise StorageFull(name) from exc
            raise
        finally:
            if staging:  # still there unless it was moved to its name
                with contextlib.suppress(FileNotFoundError):
                    os.remove(staging)


class StorageFullMiddleware:
    """Says that the server's disk is full where a view let `StorageFull` through: 507 with a
    page, or for Wagtail's upload script (XMLHttpRequest) the JSON it shows under the file."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StorageFull):
            return None
        message = exception.messages[0]
        if request.headers.get("X-Requested-With") == "XMLHttpRequest":
            # Wagtail's multiple upload reads {"success": false, "error_message": …} from a 200
            # answer; any other status only shows "upload failed", without the reason.
            return JsonResponse({"success": False, "error_message": message})
        return HttpResponse(render_to_string("core/storage_full.html", {"message": message}, request), status=507)
