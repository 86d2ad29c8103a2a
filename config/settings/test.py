from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
AXES_ENABLED = True
# Each test makes its own sites: every request checks whether they changed.
PORTAL_SITES_RECHECK_SECONDS = 0
# The API's fuzzing and walking tests make thousands of requests from one address; the rate-limit
# tests set their own low rates.
API_RATE_ANONYMOUS = API_RATE_TOKEN = "1000000/min"
