"""The report's charts, drawn as SVG with matplotlib. They read without colour: every series has
its own hatch pattern and every bar carries its number."""

import io
from collections import OrderedDict

import matplotlib

matplotlib.use("Agg")

from django.db.models import Count  # noqa: E402
from django.db.models.functions import TruncMonth  # noqa: E402
from matplotlib import pyplot  # noqa: E402

from .narrative import level_name  # noqa: E402
from .statistics import records  # noqa: E402

matplotlib.rcParams.update({"svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 10})
HATCHES = ("///", "...", "xx", "\\\\\\")
GREYS = ("#ffffff", "#d9d9d9", "#ffffff", "#bfbfbf")
DATE_OF = {"sessions": "day", "resolutions": "adopted_on"}


def _svg(figure):
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    pyplot.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # without the XML prologue, to sit inside the page


def _bars(axes, labels, series, horizontal=False):
    """Grouped bars, one hatch per series, each bar labelled with its value."""
    count = len(series)
    width = 0.8 / count
    for index, (name, values) in enumerate(series.items()):
        positions = [i + (index - (count - 1) / 2) * width for i in range(len(labels))]
        draw = axes.barh if horizontal else axes.bar
        bars = draw(
            positions,
            values,
            width,
            label=name,
            hatch=HATCHES[index % len(HATCHES)],
            color=GREYS[index % len(GREYS)],
            edgecolor="black",
        )
        axes.bar_label(bars, labels=[str(v) if v else "" for v in values], padding=2, fontsize=8)
    ticks = range(len(labels))
    if horizontal:
        axes.set_yticks(list(ticks), labels)
        axes.invert_yaxis()
    else:
        axes.set_xticks(list(ticks), labels)
    axes.legend(frameon=False)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def by_month(scope):
    """Sessions and resolutions per month of the period."""
    months = OrderedDict()
    day = scope.start.replace(day=1)
    while day <= scope.end:
        months[day] = {}
        day = day.replace(year=day.year + (day.month == 12), month=day.month % 12 + 1)
    for name in ("sessions", "resolutions"):
        rows = (
            records(scope, name)
            .order_by()
            .annotate(month=TruncMonth(DATE_OF[name]))
            .values("month")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
            months.setdefault(month, {})[name] = row["n"]
    labels = [f"{m:%m/%Y}" for m in months]
    series = {
        "Kỳ họp": [months[m].get("sessions", 0) for m in months],
        "Nghị quyết": [months[m].get("resolutions", 0) for m in months],
    }
    figure, axes = pyplot.subplots(figsize=(max(6, len(labels) * 0.9), 3.6))
    _bars(axes, labels, series)
    axes.set_title("Kỳ họp và nghị quyết theo tháng")
    return _svg(figure)


def by_council(scope):
    """Sessions and resolutions of each council in the scope."""
    counts = {}
    for name in ("sessions", "resolutions"):
        for row in records(scope, name).order_by().values("council__name").annotate(n=Count("pk")):
            counts.setdefault(row["council__name"], {})[name] = row["n"]
    names = sorted(counts, key=lambda n: (-counts[n].get("resolutions", 0), n))
    labels = [n.replace("Hội đồng nhân dân ", "") for n in names]
    series = {
        "Kỳ họp": [counts[n].get("sessions", 0) for n in names],
        "Nghị quyết": [counts[n].get("resolutions", 0) for n in names],
    }
    figure, axes = pyplot.subplots(figsize=(7, max(2.5, len(labels) * 0.45)))
    _bars(axes, labels, series, horizontal=True)
    axes.set_title("Kỳ họp và nghị quyết theo Hội đồng nhân dân")
    return _svg(figure)


def recommendations(report):
    """Recommendations after supervision: done, still open, overdue — per level."""
    labels = [level_name(report, level) for level in report.levels]
    series = {
        "Đã thực hiện": [report.get(level, "recommendations")["done"] for level in report.levels],
        "Đang thực hiện, còn hạn": [report.get(level, "recommendations")["open"] for level in report.levels],
        "Quá hạn": [report.get(level, "recommendations")["overdue"] for level in report.levels],
    }
    figure, axes = pyplot.subplots(figsize=(6, 3.2))
    _bars(axes, labels, series)
    axes.set_title("Kiến nghị sau giám sát")
    return _svg(figure)


def charts(report):
    """[(caption, svg)] for the report screen; none when nothing was recorded."""
    scope = report.scope
    result = []
    if report.total("sessions") or report.total("resolutions"):
        result.append(("Kỳ họp và nghị quyết theo tháng", by_month(scope)))
        if len(scope.council_ids()) > 1:
            result.append(("Kỳ họp và nghị quyết theo Hội đồng nhân dân", by_council(scope)))
    if report.total("recommendations"):
        result.append(("Kiến nghị sau giám sát", recommendations(report)))
    return result
