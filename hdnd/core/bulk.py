"""Inserting many new records at once, for imports.

`insert_many(model, objs)` saves new instances and sets their primary keys. On PostgreSQL it
streams them with COPY — the keys are drawn from the table's identity sequence first — which
takes a fraction of the time of a multi-row INSERT; elsewhere it is Django's bulk_create. Like
bulk_create, it sends no signals and calls no save(): callers normalise and check first.
"""

from django.db import DEFAULT_DB_ALIAS, connections
from psycopg import sql


def insert_many(model, objs):
    objs = list(objs)
    if not objs:
        return objs
    # The connection itself, not django.db.connection: that proxy looks the connection up again
    # on every attribute, and preparing values reads it a million times in a big import.
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        return model._default_manager.bulk_create(objs)
    meta = model._meta
    fields = meta.concrete_fields
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objs)],
        )
        for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
            obj.pk = pk
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(meta.db_table), sql.SQL(", ").join(sql.Identifier(f.column) for f in fields)
        )
        with cursor.cursor.copy(statement) as copy:
            for obj in objs:
                copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
    return objs
