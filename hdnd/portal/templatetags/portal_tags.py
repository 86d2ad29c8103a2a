from django import template

from ..chrome import chrome_part

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_chrome(context, part):
    """{% portal_chrome "header" %}: the portal's header (or footer), its current section marked."""
    return chrome_part(context, part)
