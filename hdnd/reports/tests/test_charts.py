import datetime

import pytest

from hdnd.meetings.factories import SessionFactory
from hdnd.reports.charts import charts
from hdnd.reports.statistics import Scope, figures

pytestmark = pytest.mark.django_db


def test_charts_read_without_colour_every_bar_patterned_and_labelled():
    session = SessionFactory(planned_start=datetime.date(2024, 3, 15))
    report = figures(Scope(session.council, datetime.date(2024, 1, 1), datetime.date(2024, 6, 30), beneath=False))
    ((caption, svg),) = charts(report)
    assert caption == "Kỳ họp và nghị quyết theo tháng"
    assert 'id="h' in svg  # hatch patterns are defined ...
    assert "url(#h" in svg  # ... and used by the bars
    assert ">03/2024<" in svg and ">1<" in svg  # months on the axis, the count on its bar
