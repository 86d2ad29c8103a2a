import pytest

from hdnd.core.numbering import roman, zero_pad


@pytest.mark.parametrize(
    ("number", "expected"), [(1, "I"), (4, "IV"), (10, "X"), (20, "XX"), (21, "XXI"), (49, "XLIX")]
)
def test_roman(number, expected):
    assert roman(number) == expected


def test_roman_rejects_zero():
    with pytest.raises(ValueError):
        roman(0)


def test_zero_pad_below_ten_only():
    assert zero_pad(7) == "07"
    assert zero_pad(33) == "33"
