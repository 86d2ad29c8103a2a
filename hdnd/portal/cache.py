"""The portal's published pages, kept whole in the cache until their portal next publishes.

Each portal (each Wagtail site) has a generation number in the cache, part of the key of each of
its cached pages; `portal_pages_expire` gives the portal a new one, so that publishing any page
of a portal makes all its pages — which show its menu and its latest articles — new at once,
without touching any other portal's. (wagtail-cache, the usual library, clears the whole cache
on every publication, which a province's hundred portals would do many times a day.)

Only anonymous readers' plain requests are served from the cache: a signed-in editor, a reader
who rated a page (…?danh-gia=…) or any other query goes to the page itself. Pages built from the
councils' records (resolutions, sessions, delegates…) are not kept here. Within the cache's
timeout, a record changed without any page being published (a delegate's term on the home page)
shows at the latest when the entry times out (PORTAL_PAGE_CACHE_SECONDS).
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http.request import split_domain_port
from wagtail.contrib.frontend_cache.utils import purge_url_from_cache

CACHE = "pages"
#: The only query parameter of a cacheable page: a section's page number.
CACHEABLE_PARAMETERS = {"trang"}


def _cache():
    return caches[CACHE]


def _generation_key(site_id):
    return f"portal-generation:{site_id}"


def _site_id_for(request):
    """The portal a request is for (hdnd.portal.sites) — or None when the address is not exactly
    a portal's (another host served by the default site): such requests are not kept."""
    site = getattr(request, "_wagtail_site", None)
    if site is None or split_domain_port(request._get_raw_host())[0] != site.hostname:
        return None
    return site.pk


def _generation(site_id):
    key = _generation_key(site_id)
    generation = _cache().get(key)
    if generation is None:
        _cache().add(key, time.time_ns(), timeout=None)
        generation = _cache().get(key)
    return generation


def page_cache_key(request):
    """The key of the request's page in the cache, or None if the request is not to be cached."""
    if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    if set(request.GET) - CACHEABLE_PARAMETERS:
        return None
    site_id = _site_id_for(request)
    if site_id is None:
        return None
    return f"portal-page:{site_id}:{_generation(site_id)}:{request.scheme}:{request.get_full_path()}"


def portal_pages_expire(site):
    """Makes every cached page of `site`'s portal new: now, and again once the transaction that
    changed it commits, so that no reader in between puts the old page back under the new key;
    then purges the portal from the edge cache, when there is one (EDGE_CACHE_URL), which drops
    every page of the portal's host (docs/operations.md)."""
    if site is None:
        return

    def expire():
        _cache().set(_generation_key(site.pk), time.time_ns(), timeout=None)

    def expire_everywhere():
        expire()
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            purge_url_from_cache(site.root_url + "/")

    expire()
    transaction.on_commit(expire_everywhere)


class PageCacheMiddleware:
    """Serves a portal's published page from the cache, and keeps the pages that say they may be
    kept (`response.portal_cacheable`, set by PortalPage.serve)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PORTAL_PAGE_CACHE_SECONDS:
            return self.get_response(request)
        key = page_cache_key(request)
        if key is not None:
            cached = _cache().get(key)
            if cached is not None:
                cached["X-Cache"] = "HIT"
                return cached
        response = self.get_response(request)
        if (
            key is not None
            and getattr(response, "portal_cacheable", False)
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
        ):
            _cache().set(key, response, settings.PORTAL_PAGE_CACHE_SECONDS)
            response["X-Cache"] = "MISS"
        return response
