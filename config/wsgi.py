import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
application = get_wsgi_application()
get_resolver().check()  # load every URL pattern (and the modules behind them) now, not on a first request
# What is loaded now lives as long as the process: the garbage collector need not go through it on
# every full collection, which otherwise pauses a request for tens of milliseconds now and then.
gc.freeze()
