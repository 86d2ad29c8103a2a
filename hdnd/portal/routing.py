"""Finding the article a reader asks for — with its portal's frame, and whether it or a page above
it is private — in one query, where Wagtail walks down the tree a query or two per level.

On the path every reader takes, building a query with the ORM costs more than running it; so the
query's text, and the conversion of its columns into the page's fields, are made once per process.
"""

import functools
import json

from django.db import connection
from wagtail.models import Page, PageViewRestriction

#: The fields the page shows, and so reads: all but the folded text kept for search.
_SKIPPED = {"search_text"}


@functools.cache
def _fields():
    from .models import ArticlePage

    return [f for f in ArticlePage._meta.concrete_fields if f.name not in _SKIPPED]


@functools.cache
def _query(levels):
    """The query for an article `levels` below its portal's home page."""
    from .models import ArticlePage, PortalFrame

    columns = ", ".join(f"{'p' if f.model is Page else 'a'}.{f.column}" for f in _fields())
    above = ", ".join(["%s"] * (levels + 1))  # the root, the home page and each page between
    return f"""
        SELECT {columns},
            EXISTS (SELECT 1 FROM {PageViewRestriction._meta.db_table} r
                    JOIN {Page._meta.db_table} rp ON rp.id = r.page_id
                    WHERE rp.url_path IN ({above}, %s)) AS restricted,
            (SELECT f.data FROM {PortalFrame._meta.db_table} f WHERE f.home_id = %s) AS frame
        FROM {ArticlePage._meta.db_table} a JOIN {Page._meta.db_table} p ON p.id = a.page_ptr_id
        WHERE p.slug = %s AND p.url_path = %s AND p.alias_of_id IS NULL"""


@functools.cache
def _converters(vendor):
    """For each field, what turns its column as the database returns it into its value."""
    converters = []
    for field in _fields():
        column = field.get_col(field.model._meta.db_table)
        found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        converters.append((column, found))
    return converters


def article_at(home, path_components):
    """The ArticlePage at `path_components` below `home` (live or not), or None; it arrives knowing
    its home page, its portal's frame, and whether it is private (`restricted`)."""
    from .models import ArticlePage, PortalFrame

    url_path = home.url_path + "/".join(path_components) + "/"
    above = ["/", *(home.url_path + "/".join(path_components[:n]) + "/" for n in range(len(path_components)))]
    with connection.cursor() as cursor:
        cursor.execute(_query(len(path_components)), [*above, url_path, home.pk, path_components[-1], url_path])
        row = cursor.fetchone()
    if row is None:
        return None
    *values, restricted, frame = row
    for i, (column, converters) in enumerate(_converters(connection.vendor)):
        for convert in converters:
            values[i] = convert(values[i], column, connection)
    article = ArticlePage.from_db(connection.alias, [f.attname for f in _fields()], values)
    article.restricted = bool(restricted)
    article._portal_home = home
    if frame is not None:
        article._portal_frame = PortalFrame(home=home, data=json.loads(frame) if isinstance(frame, str) else frame)
    return article
