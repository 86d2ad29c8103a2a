"""Numbers as Vietnamese administrative texts write them."""

_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(number):
    """Term numbers are written in Roman numerals: 20 → "XX"."""
    if not isinstance(number, int) or number < 1:
        raise ValueError("Roman numerals need a positive integer")
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def zero_pad(number):
    """Numbers below 10 carry a leading zero in reports and document numbers: 7 → "07"."""
    return f"{number:02d}"
