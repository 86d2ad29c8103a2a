"""What the portal's views of records share: finding the portal a request is for, and paging a list."""

from django.core.paginator import Paginator
from django.http import Http404
from wagtail.models import Site

from .models import HomePage

PER_PAGE = 20


def portal_home(request):
    """The home page of the portal the request is for; 404 on a site that is not a council's portal."""
    site = Site.find_for_request(request)
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage) or home.council_id is None:
        raise Http404
    return home


def paginated(request, items, per_page=PER_PAGE):
    """(the page the request asks for, the request's other parameters for the page links)."""
    page = Paginator(items, per_page).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return page, query.urlencode()
