# English screens keep the Vietnamese date order (dd/mm/yyyy), with English number separators.
from config.formats.vi.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
