"""Every error the API gives, in Vietnamese and in one of two documented shapes: `{"detail": "…"}`,
or for a request to correct, `{"detail": [{"loc": [...], "msg": "…", "type": "…"}]}` (422).
A rule a service refuses (Django's ValidationError) comes back the second way, field by field."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError


def _problem_message(problem):
    kind, ctx = problem.get("type", ""), problem.get("ctx") or {}
    if kind == "value_error":
        return problem.get("msg", "")
    if kind == "missing":
        return _("This field is required.")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("Give a whole number.")
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type", "date_from_datetime_inexact"):
        return _("Give a date as YYYY-MM-DD (ISO 8601).")
    if kind in ("bool_parsing", "bool_type"):
        return _("Give true or false.")
    if kind == "literal_error":
        return _("Choose one of: %(values)s.") % {"values": ctx.get("expected", "")}
    if kind in ("greater_than_equal", "greater_than"):
        return _("Give a value of at least %(limit)s.") % {"limit": ctx.get("ge", ctx.get("gt", ""))}
    if kind in ("less_than_equal", "less_than"):
        return _("Give a value of at most %(limit)s.") % {"limit": ctx.get("le", ctx.get("lt", ""))}
    if kind == "string_too_long":
        return _("Shorten it to %(limit)s characters at most.") % {"limit": ctx.get("max_length", "")}
    if kind == "string_too_short":
        return _("This field cannot be empty.")
    if kind in ("string_type", "model_type", "model_attributes_type", "dict_type", "list_type", "json_invalid"):
        return _("The value has the wrong form: see the schema at /api/v1/openapi.json.")
    return _("The value is not valid: %(reason)s") % {"reason": problem.get("msg", "")}


def problems(api, request, exc):
    """422: what to correct, field by field."""
    detail = [
        {
            "loc": [str(part) for part in problem.get("loc", ())],
            "msg": _problem_message(problem),
            "type": problem["type"],
        }
        for problem in exc.errors
    ]
    return api.create_response(request, {"detail": detail}, status=422)


def refused_by_rule(api, request, exc):
    """A rule of the model or of a service refused the write, and nothing was saved: 422 naming
    the fields to correct, or 409 when the record's state does not allow the step (a service's
    error about the record as a whole: already adopted, the status only moves forward)."""
    if not hasattr(exc, "error_dict"):
        return api.create_response(request, {"detail": " ".join(exc.messages)}, status=409)
    detail = []
    for field, errors in exc.message_dict.items():
        loc = ["body"] if field == "__all__" else ["body", field]
        detail += [{"loc": loc, "msg": message, "type": "rule"} for message in errors]
    return api.create_response(request, {"detail": detail}, status=422)


def http_error(api, request, exc):
    if isinstance(exc, Throttled):
        message = _("Too many requests: try again in %(seconds)s seconds.") % {"seconds": exc.wait or 1}
    elif isinstance(exc, AuthenticationError) and exc.message == "Unauthorized":
        message = _("Present a valid API token as “Authorization: Bearer <key>”.")
    elif exc.status_code == 400 and exc.message.startswith("Cannot parse request body"):
        message = _("The request body must be one JSON object: see the schema at /api/v1/openapi.json.")
    else:
        message = str(exc)
    return api.create_response(request, {"detail": message}, status=exc.status_code)


def not_found(api, request, exc):
    return api.create_response(request, {"detail": _("No such published record.")}, status=404)


def forbidden(api, request, exc):
    message = str(exc) or _("The token may not do this.")
    return api.create_response(request, {"detail": message}, status=403)


def install(api):
    api.add_exception_handler(NinjaValidationError, lambda request, exc: problems(api, request, exc))
    api.add_exception_handler(DjangoValidationError, lambda request, exc: refused_by_rule(api, request, exc))
    api.add_exception_handler(HttpError, lambda request, exc: http_error(api, request, exc))
    api.add_exception_handler(Http404, lambda request, exc: not_found(api, request, exc))
    api.add_exception_handler(PermissionDenied, lambda request, exc: forbidden(api, request, exc))
