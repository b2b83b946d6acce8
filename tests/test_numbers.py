import pytest

from generator.numbers import NumberFormatError, format_number, format_plain, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.823.687.638", 1823687638),
        ("Rp 2.078.481.352", 2078481352),
        ("Rp.1.823.687.638", 1823687638),
        ("98,91%", 98.91),
        ("83,5", 83.5),
        ("83.5", 83.5),
        ("1.823", 1823),
        ("1.803.876.007,50", 1803876007.5),
        ("-4", -4),
        (" 100 % ", 100),
        (75.91, 75.91),
        (60, 60),
    ],
)
def test_parses_indonesian_and_plain_numbers(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["8o", "1,823,687,638", "", "sepuluh", "1.82.3", True, None])
def test_rejects_what_is_not_a_number(text):
    with pytest.raises(NumberFormatError):
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1823687638, 0, "1.823.687.638"),
        (98.91367, 2, "98,91"),
        (100.355, 2, "100,36"),  # half-up, not banker's rounding
        (100.345, 2, "100,35"),
        (2.5, 0, "3"),
        (-0.001, 2, "0,00"),
        (-1234.5, 1, "-1.234,5"),
        (None, 2, "belum ada data"),
    ],
)
def test_formats_half_up_in_indonesian_style(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_plain_keeps_typed_precision():
    assert format_plain(83.5) == "83,5"
    assert format_plain(80.0) == "80"
    assert format_plain(1823687638.0) == "1.823.687.638"


def test_headline_rupiah_as_people_say_it():
    from generator.numbers import format_rupiah_ringkas

    assert format_rupiah_ringkas(3443692072) == "Rp 3,44 miliar"
    assert format_rupiah_ringkas(96251790) == "Rp 96,25 juta"
    assert format_rupiah_ringkas(750000) == "Rp 750.000"
    assert format_rupiah_ringkas(None) == "—"


def test_a_full_rupiah_amount_and_no_data_as_a_dash():
    """A missing amount is "—", not "Rp —" (what the anggaran template's "Rp " ~ number wrote)."""
    from generator.numbers import format_rupiah, parse_number

    assert format_rupiah(1823687638.0) == "Rp 1.823.687.638"
    assert format_rupiah(None) == "—"
    assert parse_number(format_rupiah(1823687638.0)) == 1823687638  # copied from a page into content: read back


def test_dates_in_western_indonesian_time():
    from generator.render.filters import format_date, format_date_iso

    assert format_date(1735689600) == "1 Januari 2025"  # 2025-01-01 00:00 UTC
    assert format_date(1735664400) == "1 Januari 2025"  # 2024-12-31 17:00 UTC = 00:00 WIB
    assert format_date_iso(1735664399) == "2024-12-31"
