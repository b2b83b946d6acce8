"""Rating scales (docs/domain.md §4): gaps and overlaps are rejected with a message naming them."""

import pytest
from pydantic import ValidationError

from generator.model.portal import SkalaPredikat

JOMBANG_AS_PRINTED = {
    "nama": "Predikat nilai capaian kinerja",
    "batas_capaian": 100,
    "rentang": [
        {"label": "Istimewa", "bawah": 110, "atas": 120},
        {"label": "Baik", "bawah": 90, "atas": 110},
        {"label": "Butuh Perbaikan", "bawah": 70, "atas": 80},
        {"label": "Kurang", "bawah": 50, "atas": 70},
        {"label": "Sangat Kurang", "bawah": 0, "atas": 50},
    ],
}


def problem(data) -> str:
    with pytest.raises(ValidationError) as exc:
        SkalaPredikat.model_validate(data)
    (error,) = exc.value.errors()
    assert error["type"] == "scale_gap_overlap"
    return error["msg"]


def test_jombang_scale_as_printed_is_rejected_naming_every_gap():
    message = problem(JOMBANG_AS_PRINTED)
    assert "celah antara 80 dan 90" in message
    assert "capaian 0 tidak tercakup" in message


def test_corrected_jombang_scale_is_accepted():
    corrected = {**JOMBANG_AS_PRINTED, "rentang": [dict(r) for r in JOMBANG_AS_PRINTED["rentang"]]}
    corrected["rentang"][2]["atas"] = 90
    corrected["rentang"][4]["bawah_inklusif"] = True
    assert SkalaPredikat.model_validate(corrected).batas_capaian == 100


def test_overlap_is_rejected():
    data = {
        "nama": "x",
        "rentang": [{"label": "A", "bawah": 50}, {"label": "B", "bawah": 0, "bawah_inklusif": True, "atas": 60}],
    }
    assert "tumpang tindih" in problem(data)


def test_shared_bound_inclusive_on_both_sides_overlaps():
    data = {
        "nama": "x",
        "rentang": [
            {"label": "A", "bawah": 50, "bawah_inklusif": True},
            {"label": "B", "bawah": 0, "bawah_inklusif": True, "atas": 50},
        ],
    }
    assert "tumpang tindih" in problem(data)


def test_zero_must_be_covered():
    data = {"nama": "x", "rentang": [{"label": "A", "bawah": 50}, {"label": "B", "bawah": 0, "atas": 50}]}
    assert "capaian 0 tidak tercakup: rentang 'B' perlu bawah_inklusif: true" in problem(data)


def test_without_cap_the_top_interval_must_be_open():
    data = {
        "nama": "x",
        "rentang": [
            {"label": "A", "bawah": 50, "atas": 100},
            {"label": "B", "bawah": 0, "bawah_inklusif": True, "atas": 50},
        ],
    }
    assert "di atas 100" in problem(data)


def test_two_intervals_without_lower_bound_overlap():
    data = {
        "nama": "x",
        "rentang": [{"label": "A", "atas": 50}, {"label": "B", "atas": 80}, {"label": "C", "bawah": 80}],
    }
    assert "tumpang tindih: rentang 'A' dan 'B'" in problem(data)


def test_integer_bounds_leave_a_gap():
    # Lumajang printed elsewhere as 91-100, 76-90: 90,5 belongs to no interval.
    data = {
        "nama": "x",
        "batas_capaian": 100,
        "rentang": [
            {"label": "Sangat Tinggi", "bawah": 91, "bawah_inklusif": True, "atas": 100},
            {"label": "Tinggi", "bawah": 0, "bawah_inklusif": True, "atas": 90},
        ],
    }
    assert "celah antara 90 dan 91" in problem(data)
