"""The header (site name, search box, menu) and footer of a portal's pages, the same on each of its
pages: rendered into the portal's frame whenever the portal publishes, and put into each page as
it is served, its current section marked. A frame rendered by other templates or addresses (before
a new release) is not used: the page renders its header and footer itself until the next
publication, so nothing is ever shown out of date."""

import functools
import hashlib
import json

from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

PARTS = ("header", "footer")


def _template(part):
    return f"portal/includes/{part}.html"


@functools.cache
def chrome_version():
    """A fingerprint of the templates and addresses the header and footer are made of."""
    from .models import portal_links

    sources = [get_template(_template(part)).template.source for part in PARTS]
    return hashlib.sha256(json.dumps([sources, portal_links()]).encode()).hexdigest()[:16]


def chrome_render(context):
    """{"header": html, "footer": html, "version": …} for a frame, in the portal's language."""
    with translation.override(settings.LANGUAGE_CODE):
        rendered = {part: render_to_string(_template(part), context) for part in PARTS}
    return {**rendered, "version": chrome_version()}


def chrome_part(context, part):
    """The header or footer for the page being served, its current menu entry marked."""
    frame = context.get("frame")
    stored = frame.data.get("chrome") if frame is not None else None
    if stored and stored.get("version") == chrome_version():
        html = stored[part]
    else:
        html = render_to_string(_template(part), context.flatten(), request=context.get("request"))
    current = context.get("nav_current") or context.get("current")
    if current:
        html = html.replace(f' data-nav="{current}">', f' data-nav="{current}" aria-current="page">', 1)
    return mark_safe(html)  # noqa: S308 - rendered by our templates, which escape
