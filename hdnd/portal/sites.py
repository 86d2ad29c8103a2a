"""Which portal a request is for, without asking the database each time.

Wagtail looks the site up in the database on every request (and then its home page). A province's
sites change only when a portal is set up or its home page is published, so each process keeps
them — with their home pages — and reloads them when the version number they share in the cache
changes (`portal_sites_changed`, called on those events), which it checks once a second. The choice among sites is Wagtail's own
(wagtail.models.sites.get_site_for_hostname): host and port, then host of the default site, then
the default site unless exactly one other site has the host.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Page, Site

_VERSION_KEY = "portal-sites-version"
_loaded = {"version": None, "sites": (), "checked": 0.0}


def portal_sites_changed():
    """This process reloads its sites on its next request, every other one within
    PORTAL_SITES_RECHECK_SECONDS."""
    cache.set(_VERSION_KEY, time.time_ns(), timeout=None)
    _loaded["checked"] = 0.0


def _sites():
    now = time.monotonic()
    # How often a process asks the cache whether the sites changed: a home page published through
    # another process shows here within this many seconds.
    if now - _loaded["checked"] < settings.PORTAL_SITES_RECHECK_SECONDS:
        return _loaded["sites"]
    version = cache.get(_VERSION_KEY)
    if version is None:
        cache.add(_VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(_VERSION_KEY)
    _loaded["checked"] = now
    if version != _loaded["version"]:
        sites = list(Site.objects.select_related("root_page"))
        specific = {page.pk: page for page in Page.objects.filter(pk__in=[s.root_page_id for s in sites]).specific()}
        for site in sites:
            site.root_page = specific.get(site.root_page_id, site.root_page)
        _loaded.update(version=version, sites=tuple(sites))
    return _loaded["sites"]


def _rank(site, hostname, port):
    if site.hostname == hostname:
        return 0 if site.port == port else 1 if site.is_default_site else 3
    return 2  # the default site, for another host


def portal_site_for(request):
    """The Wagtail site of the request, as Site.find_for_request finds it (or None)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except ValueError:
        return None
    candidates = sorted(
        (site for site in _sites() if site.hostname == hostname or site.is_default_site),
        key=lambda site: _rank(site, hostname, port),
    )
    if not candidates:
        return None
    first = _rank(candidates[0], hostname, port)
    if len(candidates) == 1 or first in (0, 1):
        return candidates[0]
    if first == 2:
        return candidates[len(candidates) == 2]
    return None


class PortalSiteMiddleware:
    """Gives each request its Wagtail site (request._wagtail_site, where Wagtail looks first)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = portal_site_for(request)
        return self.get_response(request)
