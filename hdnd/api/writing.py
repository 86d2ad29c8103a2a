"""What every write endpoint checks first: a token that may write (its council's records only;
the endpoints look records up within that council, so another council's are simply not found)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .auth import TokenBearer
from .permissions import can_write

#: The authentication of write endpoints, documented in the schema as a bearer token.
TOKEN = TokenBearer()


def writing_token(request):
    token = request.auth
    if not can_write(token, token.council_id):
        raise PermissionDenied(_("This token only reads: ask a leader of the council for a token that writes."))
    return token


def own(token, model, pk):
    """The record `pk` the request writes on: of the token's council, else not found (404)."""
    return get_object_or_404(model, pk=pk, council=token.council)


def referenced(token, queryset, pks, field, council_path="council"):
    """The records of `queryset` that a request's body names by id in `field` (a list of ids, as
    given), all of the token's council; otherwise 422 naming the field and the first id missing."""
    found = {record.pk: record for record in queryset.filter(pk__in=pks, **{council_path: token.council})}
    missing = [pk for pk in pks if pk not in found]
    if missing:
        raise ValidationError(
            {field: _("The council of the token has no such record (id %(id)s).") % {"id": missing[0]}}
        )
    return [found[pk] for pk in pks]
