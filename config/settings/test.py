from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
AXES_ENABLED = True
# Each test makes its own sites: every request checks whether they changed.
PORTAL_SITES_RECHECK_SECONDS = 0
