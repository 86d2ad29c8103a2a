"""Small pieces of the Wagtail admin interface shared by the apps' back-office screens."""

from wagtail.admin.ui.tables import BooleanColumn


class YesNoColumn(BooleanColumn):
    """A tick or a cross, titled "Có"/"Không" for screen readers rather than Python's True/False."""

    cell_template_name = "core/tables/yes_no_cell.html"
