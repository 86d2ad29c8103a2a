"""`field__any=[…]`: the same rows as `field__in=[…]`, for long lists of keys.

On PostgreSQL the list goes to the server as one array parameter (`field = ANY(%s)`) instead of
one placeholder per value: a report over a province names ~170 councils in each of a dozen
queries, and preparing, quoting and parsing them one by one took longer than running the
queries. Elsewhere it is the ordinary IN lookup.
"""

from django.db.models import Field, ForeignObject, Lookup, Model
from django.db.models.lookups import In


class AnyOf(Lookup):
    lookup_name = "any"

    def get_prep_lookup(self):
        values = (value.pk if isinstance(value, Model) else value for value in self.rhs)
        return [self.lhs.output_field.get_prep_value(value) for value in values]

    def as_sql(self, compiler, connection):
        if connection.vendor != "postgresql":
            return compiler.compile(In(self.lhs, self.rhs))
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, list(self.rhs)]


Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)  # relations keep lookups of their own
