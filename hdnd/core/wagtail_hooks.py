from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .audit import CREATE, DELETE, EDIT


class ChangesFormatter(LogFormatter):
    """Shows which fields changed, with their old and new values, on the history screen."""

    def format_message(self, log_entry):
        changes = (log_entry.data or {}).get("changes") or []
        if not changes:
            return self.message
        details = "; ".join(
            _("%(field)s: %(old)s → %(new)s") % {"field": c["field"], "old": c["old"], "new": c["new"]} for c in changes
        )
        return _("%(action)s (%(details)s)") % {"action": self.message, "details": details}


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    @actions.register_action(CREATE)
    class Created(ChangesFormatter):
        label = _("Create")
        message = _("Created")

    @actions.register_action(EDIT)
    class Edited(ChangesFormatter):
        label = _("Edit")
        message = _("Edited")

    @actions.register_action(DELETE)
    class Deleted(ChangesFormatter):
        label = _("Delete")
        message = _("Deleted")


@hooks.register("insert_global_admin_css")
def admin_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))


@hooks.register("construct_main_menu")
def hide_wagtail_help(request, menu_items):
    """Wagtail's help menu links to English documentation for developers; our users need none of it."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]
