"""Readers rate their satisfaction with each page of a portal (Decree 42/2022), without signing in:
one rating a day per reader and page, at most RATE_LIMIT ratings from one address in ten
minutes. The editors see the results in the back office, for the portals of their councils."""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Max
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Site

from hdnd.accounts.scoping import VIEW, council_ids

from .models import RATING_SCORES, HomePage, PageRating

RATE_LIMIT, RATE_WINDOW = 20, 600


def _client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def _visitor(request, day):
    """A key that tells one reader from another for one day, and cannot be traced back to them."""
    raw = f"{day:%Y-%m-%d}|{_client_address(request)}|{request.META.get('HTTP_USER_AGENT', '')}"
    return hmac.new(settings.SECRET_KEY.encode(), raw.encode(), hashlib.sha256).hexdigest()


def _back(request, path, outcome):
    if not url_has_allowed_host_and_scheme(path, allowed_hosts={request.get_host()}):
        path = "/"
    return HttpResponseRedirect(f"{path}?danh-gia={outcome}#danh-gia")


# No CSRF token: the form is on every cached public page and the rating acts for no signed-in
# user; forged ratings are held back by the one-a-day key and the limit per address.
@csrf_exempt
@require_POST
def rate(request):
    path = request.POST.get("path", "/")[:255]
    site = Site.find_for_request(request)
    try:
        score = int(request.POST.get("score", ""))
    except ValueError:
        score = 0
    if not path.startswith("/") or path.startswith("//"):
        return _back(request, "/", "chon")  # only a page of this site can be rated
    if site is None or score not in dict(RATING_SCORES):
        return _back(request, path, "chon")
    limit_key = f"hdnd-rating:{hashlib.sha256(_client_address(request).encode()).hexdigest()}"
    cache.add(limit_key, 0, RATE_WINDOW)
    try:
        count = cache.incr(limit_key)
    except ValueError:  # the window ended between the two calls
        cache.set(limit_key, count := 1, RATE_WINDOW)
    if count > RATE_LIMIT:
        response = TemplateResponse(request, "portal/rating_limited.html", {"path": path}, status=429)
        response["Retry-After"] = str(RATE_WINDOW)
        return response
    day = datetime.date.today()
    try:
        with transaction.atomic():
            PageRating.objects.create(site=site, path=path, day=day, score=score, visitor=_visitor(request, day))
    except IntegrityError:
        return _back(request, path, "da-co")
    return _back(request, path, "cam-on")


def rating_report(request):
    """The ratings of the pages of the portals of the user's councils: votes and average by page."""
    readable = council_ids(request.user, VIEW)  # None: every council (a system administrator)
    homes = HomePage.objects.all() if readable is None else HomePage.objects.filter(council_id__in=readable)
    sites = Site.objects.filter(root_page__in=homes).order_by("site_name")
    rows = (
        PageRating.objects.filter(site__in=sites)
        .values("site__site_name", "site__hostname", "path")
        .annotate(votes=Count("pk"), average=Avg("score"), last=Max("day"))
        .order_by("site__site_name", "-votes", "path")
    )
    return TemplateResponse(
        request,
        "portal/admin/ratings.html",
        {"rows": rows, "page_title": _("Readers' ratings"), "sites": sites},
    )
