"""Dates as Vietnamese documents write them: dd/mm/yyyy."""


def vn_date(value):
    return value.strftime("%d/%m/%Y") if value else ""
