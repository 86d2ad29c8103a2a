"""What every write endpoint checks first: a token that may write (its council's records only;
the endpoints look records up within that council, so another council's are simply not found)."""

from django.core.exceptions import PermissionDenied
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
