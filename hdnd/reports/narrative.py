"""The figures said in the administrative register, as a briefing report or a news article says
them: "Tổ chức 73 kỳ họp trong đó cấp huyện 07 kỳ (01 kỳ thường lệ, 06 kỳ phát sinh đột xuất);
ban hành 33 Nghị quyết; …". Numbers below 10 carry a leading zero; a category that is zero is left
out rather than written "00"; level names follow the era of the period."""

from hdnd.councils.models import TWO_LEVEL_START, AdministrativeUnit, Level, UnitKind

from .statistics import Report

COMMUNE_KIND_WORDS = ((UnitKind.COMMUNE, "xã"), (UnitKind.WARD, "phường"), (UnitKind.TOWNSHIP, "thị trấn"))


def number(n):
    """07, 33, 3.172: zero-padded below 10, thousands grouped with dots."""
    return f"{n:02d}" if n < 10 else f"{n:,}".replace(",", ".")


def level_name(report: Report, level):
    if level == Level.PROVINCE:
        return "cấp tỉnh"
    if level == Level.DISTRICT:
        return "cấp huyện"
    if report.scope.start >= TWO_LEVEL_START:
        return "cấp xã"
    kinds = set(
        AdministrativeUnit.objects.filter(pk__in=report.scope.unit_ids(), level=Level.COMMUNE).values_list(
            "kind", flat=True
        )
    )
    words = [word for kind, word in COMMUNE_KIND_WORDS if kind in kinds] or ["xã"]
    return "cấp " + ", ".join(words)


def period_phrase(scope):
    """ "10 tháng đầu năm" for a briefing from 1 January to a day in October; "năm 2024"."""
    start, end = scope.start, scope.end
    if (start.month, start.day) == (1, 1) and end.year == start.year:
        if (end.month, end.day) == (12, 31):
            return f"năm {start.year}"
        return f"{end.month} tháng đầu năm"
    return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def _join(parts):
    return ", ".join(p for p in parts if p)


class _Sessions:
    """Writes the sessions clause; the regular session is "thường lệ" the first time it is named
    and "thường kỳ" after, as an administrative text avoids repeating itself."""

    def __init__(self):
        self.regular_named = False

    def parts(self, counts):
        regular, thematic, urgent = counts["regular"], counts["thematic"], counts["urgent"]
        parts = []
        if regular:
            parts.append(f"{number(regular)} kỳ {'thường kỳ' if self.regular_named else 'thường lệ'}")
            self.regular_named = True
        if thematic and urgent:
            parts.append(f"{number(thematic + urgent)} kỳ chuyên đề, phát sinh đột xuất")
        elif thematic:
            parts.append(f"{number(thematic)} kỳ chuyên đề")
        elif urgent:
            parts.append(f"{number(urgent)} kỳ phát sinh đột xuất")
        return _join(parts)


def sessions_sentence(report: Report):
    writer = _Sessions()
    levels = [level for level in report.levels if report.get(level, "sessions").total]
    if not levels:
        return ""
    clauses = []
    for index, level in enumerate(levels):
        sessions, resolutions = report.get(level, "sessions"), report.get(level, "resolutions").total
        detail = writer.parts(sessions)
        if len(levels) == 1:
            clause = f"Tổ chức {number(sessions.total)} kỳ họp ({detail})"
        elif index == 0:
            clause = f"{level_name(report, level)} {number(sessions.total)} kỳ ({detail})"
        else:
            clause = f"{level_name(report, level)} tổ chức {number(sessions.total)} kỳ họp ({detail})"
        clauses.append(clause)
        if resolutions:
            clauses.append(f"ban hành {number(resolutions)} Nghị quyết")
    text = "; ".join(clauses)
    if len(levels) > 1:
        text = f"Tổ chức {number(report.total('sessions'))} kỳ họp trong đó {text}"
    return text + "."


def oversight_sentence(report: Report):
    supervisions = report.total_of("missions", "thematic") + report.total_of("missions", "petitions")
    surveys = report.total_of("missions", "survey")
    parts = _join(
        [
            f"{number(supervisions)} cuộc giám sát" if supervisions else "",
            f"{number(surveys)} cuộc khảo sát" if surveys else "",
        ]
    )
    if not parts:
        return ""
    who = "các cấp" if len(report.levels) > 1 else "Hội đồng nhân dân"
    period = period_phrase(report.scope)
    if not period[0].isdigit():
        period = ("Trong " if period.startswith("năm") else "") + period + ","
    sentence = f"{period} {who} tổ chức được {parts}."
    made = report.total("recommendations")
    if made:
        done, overdue = report.total_of("recommendations", "done"), report.total_of("recommendations", "overdue")
        follow = _join(
            [
                f"{number(done)} kiến nghị đã được thực hiện" if done else "",
                f"{number(overdue)} kiến nghị quá hạn chưa thực hiện" if overdue else "",
            ]
        )
        sentence += f" Qua giám sát, khảo sát đã đưa ra {number(made)} kiến nghị" + (
            f", trong đó {follow}." if follow else "."
        )
    return sentence[0].upper() + sentence[1:]


def voters_sentence(report: Report):
    meetings, voters, petitions = report.total("voter_meetings"), report.total("voters"), report.total("petitions")
    if not (meetings or petitions):
        return ""
    parts = []
    if meetings:
        parts.append(
            f"Phối hợp với Ủy ban MTTQ Việt Nam cùng cấp tổ chức {number(meetings)} buổi tiếp xúc cử tri"
            + (f" với {number(voters)} lượt cử tri tham dự" if voters else "")
        )
    if petitions:
        answered, overdue = report.total_of("petitions", "answered"), report.total_of("petitions", "overdue")
        follow = _join(
            [
                f"{number(answered)} kiến nghị đã được trả lời" if answered else "",
                f"{number(overdue)} kiến nghị quá hạn chưa được trả lời" if overdue else "",
            ]
        )
        parts.append(
            f"tiếp nhận {number(petitions)} ý kiến, kiến nghị của cử tri" + (f", trong đó {follow}" if follow else "")
        )
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def questioning_sentence(report: Report):
    sittings = sum(report.questioning_sittings.values())
    questions, hearings = report.total("questioning"), report.total("hearings")
    parts = _join(
        [
            f"{number(sittings)} phiên chất vấn với {number(questions)} câu hỏi" if questions else "",
            f"{number(hearings)} phiên giải trình" if hearings else "",
        ]
    )
    return f"Tổ chức {parts}." if parts else ""


CASE_WORDS = (
    ("complaint", "khiếu nại"),
    ("denunciation", "tố cáo"),
    ("petition", "kiến nghị"),
    ("feedback", "phản ánh"),
)


def reception_sentence(report: Report):
    days, cases = report.total("reception_days"), report.total("cases")
    if not (days or cases):
        return ""
    parts = []
    if days:
        parts.append(f"tổ chức {number(days)} ngày tiếp công dân theo lịch")
    if cases:
        kinds = _join(
            f"{number(report.total_of('cases', kind))} {word}"
            for kind, word in CASE_WORDS
            if report.total_of("cases", kind)
        )
        parts.append(f"tiếp nhận {number(cases)} vụ việc ({kinds})")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def narrative(report: Report):
    """The paragraphs of the report, each a sentence or two; none for what did not happen."""
    sentences = [
        sessions_sentence(report),
        oversight_sentence(report),
        voters_sentence(report),
        questioning_sentence(report),
        reception_sentence(report),
    ]
    return [s for s in sentences if s]
