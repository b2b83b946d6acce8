"""docs/domain.md against the code: every worked example recomputed by the production
functions, the rating scales as content/ defines them, and every citation of the document
in generator/, tests/ and bench/ pointing to a heading that exists.

Worked examples: the document writes each result in bold and uses bold for nothing else.
`EXAMPLES` names, per section, the exact text of each example (whitespace aside) and how the
code computes its bold values; a section's bold values must be exactly those of its examples,
so an example changed in the document, or a result changed in the code, fails here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator import model as m
from generator.compute.anggaran import Money, rupiah_per_unit
from generator.compute.audit import Printed, differs
from generator.compute.capaian import (
    Capaian,
    CapaianSummary,
    agregasi_periode,
    capaian_angka,
    capaian_dinilai,
    capaian_ordinal,
    predikat,
)
from generator.compute.headline import Change, Headline, headline
from generator.compute.individu import IndikatorIndividuResult
from generator.compute.laporan import IndikatorResult, LaporanKinerja, walk_program
from generator.compute.perbandingan import RiwayatLain, peringkat, riwayat
from generator.compute.portal import IkuComparison, PortalResult, SharedSummary, compute
from generator.compute.register import Figure
from generator.compute.skm import MUTU, SkmResult, UnsurResult, compute_skm, mutu, sampel_minimum
from generator.compute.sumber_daya import SKALA_SAKIP, IndeksResult, compute_aset, compute_indeks, predikat_sakip
from generator.compute.wilayah import Wilayah, wilayah
from generator.load import load_content
from generator.model.content import SkmData, SurveyResponse
from generator.numbers import format_number, format_percent, format_rupiah_ringkas, format_value, parse_number
from generator.validate import validate

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "domain.md"
#: `## 1. Glossary`, `### 3.1 Capaian ...`: the number first.
HEADING = re.compile(r"#{2,3} (\d+(?:\.\d+)?)\.? (.+)")
BOLD = re.compile(r"\*\*(.+?)\*\*")

#: The sections the code cites, with a word their heading must contain.
REQUIRED = {
    "1": "Glossary",
    "2": "What the data describes",
    "3": "Computations",
    "3.1": "Capaian",
    "3.2": "Realisasi over periods",
    "3.3": "Predikat",
    "3.4": "SKM",
    "3.5": "Composite indices",
    "3.6": "Budget",
    "3.7": "Efficiency",
    "3.8": "Trends",
    "3.9": "Resources",
    "3.10": "Audit",
    "3.11": "Individu",
    "3.12": "register",
    "4": "Rating scales",
    "5": "What the portal shows",
    "6": "Publication",
}


def flat(text: str) -> str:
    return " ".join(text.split())


@cache
def sections() -> dict[str, tuple[str, str]]:
    """Section number -> (heading title, text up to the next heading of level 1 to 3)."""
    found = {}
    for part in re.split(r"^(?=#{1,3} )", DOC.read_text(encoding="utf-8"), flags=re.M):
        first, _, body = part.partition("\n")
        match = HEADING.fullmatch(first.strip())
        if match:
            found[match.group(1)] = (match.group(2), body)
    return found


def body(section: str) -> str:
    return sections()[section][1]


# ---------------------------------------------------------------- the demo content, computed once


@cache
def kedungjajang_headline() -> Headline:
    h = headline(demo().untuk("lumajang", "kedungjajang"))
    assert h.mutu.huruf == "B" and h.ikm_change.arah == "naik" and h.ikm_change.sebelumnya == 82.68
    return h


def ajung_serapan_change() -> Change:
    change = headline(demo().untuk("jember", "ajung")).serapan_change
    assert change is not None and change.arah == "turun" and change.tahun == 2022 and change.sebelumnya == 100
    return change


def demo() -> PortalResult:
    return compute(validate(load_content(ROOT / "content", diubah={})))


def report(kec: str) -> LaporanKinerja:
    return next(lp for lp in demo().laporan if lp.kecamatan.slug == kec)


def iku(kec: str, ident: str) -> IndikatorResult:
    return next(h for h in report(kec).iku if h.indikator.id == ident)


def skm(kec: str) -> SkmResult:
    result = report(kec).skm
    assert result is not None
    return result


def unsur(kec: str, kode: str, periode: int | None = None) -> UnsurResult:
    rows = skm(kec).unsur if periode is None else skm(kec).periode[periode].unsur
    return next(u for u in rows if u.kode == kode)


def indeks(kec: str, ident: str) -> IndeksResult:
    return next(x for x in report(kec).indeks if x.indeks.id == ident)


def over_time(kec: str, ident: str) -> IkuComparison:
    return next(p for p in report(kec).perbandingan if p.hasil.indikator.id == ident)


def benchmark(kec: str, ident: str, name: str) -> tuple[str, str]:
    b = next(b for b in over_time(kec, ident).pembanding if b.pembanding == name)
    return format_number(b.selisih), format_percent(b.rasio)


def summary(kec: str) -> CapaianSummary:
    return report(kec).ringkasan


def money(kec: str) -> Money:
    ang = report(kec).anggaran
    assert ang is not None
    return ang.total


def area(kec: str) -> Wilayah:
    return wilayah(report(kec).kecamatan.profil)


def efficiency(kec: str, ident: str) -> str:
    return format_number(next(b for b in report(kec).biaya if b.id == ident).efisiensi)


def program_indicator(kec: str, ident: str) -> IndikatorResult:
    return next(h for n in walk_program(report(kec)) for h in n.indikator if h.indikator.id == ident)


def discontinued(kec: str, ident: str) -> RiwayatLain:
    return next(x for x in report(kec).riwayat_lain if x.id == ident)


def relative(kec: str, ident: str, name: str) -> float | None:
    return next(b for b in over_time(kec, ident).pembanding if b.pembanding == name).selisih_relatif


def shared(kab: str) -> SharedSummary:
    return next(o for o in demo().overviews if o.kabupaten.slug == kab).ringkasan_bersama[0]


def scale(kab: str) -> m.SkalaPredikat:
    return next(k for k in demo().content.kabupaten if k.slug == kab).profil.skala_predikat


def label(capaian: float, kab: str) -> str:
    r = predikat(capaian, scale(kab))
    return f"{r.kode} · {r.label}" if r.kode else r.label


def audit(kec: str, alamat: str, printed: str) -> str:
    """The computed value of the demo's audit note at that address with that printed value."""
    note = next(a for a in report(kec).audit if (a.alamat, a.dilaporkan) == (alamat, printed))
    return format_value(note.dihitung, "tidak dapat dihitung")


def figure(kec: str, alamat: str) -> float | str | None:
    """A figure of the demo's register, by address."""
    lp = report(kec)
    found = demo().register_untuk(lp.kabupaten.slug, lp.kecamatan.slug, lp.tahun).get(alamat)
    assert found is not None, alamat
    return found.nilai


def compared(printed: str, computed: float) -> str:
    """How the audit rule (§3.10) judges a printed figure against a computed one."""
    return (
        "dicatat" if differs(Printed("x", printed, "", Path("x")), Figure("x", "", computed, "", None, ())) else "equal"
    )


def individual(jabatan: str, ident: str) -> IndikatorIndividuResult:
    return next(
        h
        for r in demo().individu
        for j in r.jabatan
        if j.jabatan.id == jabatan
        for h in j.indikator
        if h.indikator.id == ident
    )


# ---------------------------------------------------------------- examples built by hand


def classify(capaian: float) -> tuple[str, ...]:
    return tuple(label(capaian, kab) for kab in ("lumajang", "jombang", "jember"))


def verdict(capaian: Capaian) -> str:
    return "tercapai" if capaian.tercapai else "tidak tercapai"


def pooled_and_mean() -> tuple[str, str]:
    """One respondent answering 3 in period I, three answering 4 in period II."""
    survey = m.Skm(
        kecamatan="x",
        tahun=2024,
        sumber="contoh",
        periode=[
            m.PeriodeSkm(id="s1", nama="I", berkas="skm-s1.csv"),
            m.PeriodeSkm(id="s2", nama="II", berkas="skm-s2.csv"),
        ],
    )

    def answers(score: int, n: int) -> tuple[SurveyResponse, ...]:
        return tuple(SurveyResponse(None, {}, (score,) * 9, None, None) for _ in range(n))

    data = SkmData(survey, {"s1": answers(3, 1), "s2": answers(4, 3)})
    return tuple(
        format_number(compute_skm(data, m.AturanSkm(nilai_tahunan=rule)).ikm)
        for rule in ("rata-rata-periode", "gabungan")
    )


def weighted_percent() -> str:
    weights_scores = ((30, 80), (30, 70), (15, 60), (25, 90))
    aspek = [m.Aspek(nama=str(i), bobot=b, nilai=v) for i, (b, v) in enumerate(weights_scores)]
    return format_number(compute_indeks(m.Indeks(id="x", nama="x", cara="bobot-persen", aspek=aspek)).total)


def percent_change() -> tuple[str, str]:
    ind = m.Indikator(id="x", nama="x", satuan="%")
    rows = [m.BarisRiwayat(indikator="x", tahun=year, realisasi=value) for year, value in ((2022, 100), (2023, 98))]
    last = riwayat(ind, [], rows)[-1]
    return format_percent(last.perubahan), format_number(last.selisih)


def assets_example() -> tuple[str, ...]:
    """Items with and without a condition split, and a value recap (illustrative)."""
    aset = compute_aset(
        m.Aset.model_validate(
            {
                "barang": [
                    {"nama": "a", "baik": 1, "rusak_ringan": 2, "rusak_berat": 3},
                    {"nama": "b", "baik": 4},
                    {"nama": "c", "jumlah": 10},
                ],
                "nilai": [{"golongan": "g", "awal": 5000000, "akhir": 4500000}],
            }
        )
    )
    g = aset.nilai[0]
    return (
        str(aset.jumlah),
        str(aset.jumlah_dirinci),
        format_percent(aset.persen("baik")),
        format_number(g.perubahan, 0),
        format_percent(g.perubahan_persen),
    )


def printed_jombang_scale() -> str:
    """The problem the validator reports for Tabel 3.1 of seed 002 as printed."""
    printed = [
        ("Istimewa (Sangat berhasil)", 110, 120),
        ("Baik (Berhasil)", 90, 110),
        ("Butuh Perbaikan (Cukup)", 70, 80),
        ("Kurang", 50, 70),
        ("Sangat Kurang", 0, 50),
    ]
    with pytest.raises(ValidationError) as error:
        m.SkalaPredikat(
            nama="x", batas_capaian=100, rentang=[m.Rentang(label=n, bawah=b, atas=a) for n, b, a in printed]
        )
    return error.value.errors()[0]["ctx"]["problem"]


@dataclass(frozen=True)
class Example:
    section: str
    text: str  # the example as the document writes it
    values: Callable[[], str | tuple[str, ...]]  # its bold values, computed by the code


P, N, V = format_percent, format_number, format_value
EXAMPLES = [
    # §3: numbers
    Example(
        "3",
        '`"1.500"` is read as **1500.0** (fifteen hundred, not one and a half) while `"1.5000"` (four '
        "digits) is read as **1.5**",
        lambda: (repr(parse_number("1.500")), repr(parse_number("1.5000"))),
    ),
    Example(
        "3",
        '`"Rp 2.078.481.352"` is **2078481352.0**, `"98,91%"` is **98.91**',
        lambda: (repr(parse_number("Rp 2.078.481.352")), repr(parse_number("98,91%"))),
    ),
    Example("3", "2,675 → **2,68** and 0,125 → **0,13**", lambda: (N(2.675), N(0.125))),
    Example("3", "-0,001 → **0,00**", lambda: N(-0.001)),
    Example("3", "1823687638 → **1.823.687.638**", lambda: N(1823687638, 0)),
    Example("3", "98,913649 → **98,91 %**", lambda: P(98.913649)),
    Example("3", "83.5 → **83,5**, 80.0 → **80**, 75,9109 → **75,91**", lambda: (V(83.5), V(80.0), V(75.9109))),
    Example("3", "3443692072 → **Rp 3,44 miliar**", lambda: format_rupiah_ringkas(3443692072)),
    # §3.1 capaian
    Example(
        "3.1",
        "IKM Kabupaten: realisasi 83,8, target 83,5 → capaian **100,36 %**",
        lambda: P(iku("kedungjajang", "ikm-kabupaten").capaian.nilai),
    ),
    Example(
        "3.1",
        "realisasi 75,9109 (the total of its aspects, §3.5), target 60 → capaian **126,52 %**",
        lambda: P(iku("kedungjajang", "sinergitas").capaian.nilai),
    ),
    Example(
        "3.1",
        "realisasi 60,61 against the PK perubahan target 71,01 → capaian **85,35 %**",
        lambda: P(iku("megaluh", "akip").capaian.nilai),
    ),
    Example(
        "3.1",
        "target 10, realisasi 8 → **120,00 %**; realisasi 25 → **-50,00 %**",
        lambda: (P(capaian_angka(8, 10, "negatif").nilai), P(capaian_angka(25, 10, "negatif").nilai)),
    ),
    Example(
        "3.1",
        "Target 0: the page shows **tidak dapat dihitung: target 0**",
        lambda: capaian_angka(5, 0, "positif").alasan,
    ),
    Example(
        "3.1",
        "realisasi BB → **tercapai**; realisasi CC → **tidak tercapai**",
        lambda: (verdict(capaian_ordinal("BB", "B")), verdict(capaian_ordinal("CC", "B"))),
    ),
    Example(
        "3.1",
        "1.875 of 1.900 PATEN services → realisasi **98,68 %** (the report prints 98 %; the typed 98 is "
        "compared); no. 1, an indicator without a target: 70 of 71 facilities → **98,59 %**",
        lambda: (
            P(program_indicator("kedungjajang", "P1-I1").realisasi),
            P(program_indicator("kedungjajang", "P6-I1").realisasi),
        ),
    ),
    # §3.2 realisasi over periods
    Example(
        "3.2",
        "TW II 79,55 and TW IV 85,74 → **82,65**",
        lambda: V(iku("kedungjajang", "ikm-kecamatan").realisasi_periode),
    ),
    Example("3.2", "TW I 38 and TW II 34,92 → **72,92**", lambda: V(agregasi_periode([38, 34.92], "jumlah"))),
    Example("3.2", "only TW III 75,91 → **75,91**", lambda: V(iku("kedungjajang", "sinergitas").realisasi_periode)),
    Example(
        "3.2",
        "82 and 79 → **82**; grades C, BB, B → **BB**",
        lambda: (V(agregasi_periode([82, 79], "maks")), agregasi_periode(["C", "BB", "B"], "maks")),
    ),
    # §3.3 predikat and aggregation
    Example(
        "3.3",
        "a capaian of 126,52 % is rated **100**; with no cap (Lumajang) it is rated **126,52**; a "
        "capaian of -50 % is rated **0**",
        lambda: (
            V(capaian_dinilai(126.52, scale("jember").batas_capaian)),
            V(capaian_dinilai(126.52, scale("lumajang").batas_capaian)),
            V(capaian_dinilai(-50, None)),
        ),
    ),
    Example(
        "3.3",
        "IKU 100,36 % / 103,58 % / 126,52 % → rata-rata capaian IKU **110,15 %**, predikat **Sangat "
        "Tinggi**; sasaran S1 (IKM Kecamatan and Nilai Sinergitas) → **115,05 %**",
        lambda: (
            P(summary("kedungjajang").rata_rata),
            report("kedungjajang").predikat.label,
            P(report("kedungjajang").tujuan[0].sasaran[0].ringkasan.rata_rata),
        ),
    ),
    Example(
        "3.3",
        "→ rated 85,35 and five times 100 → rata-rata **97,56 %**, predikat **Baik (Berhasil)**; "
        "uncapped mean **99,80 %**; **5** tercapai, **1** belum tercapai",
        lambda: (
            P(summary("megaluh").rata_rata),
            report("megaluh").predikat.label,
            P(summary("megaluh").rata_rata_tanpa_batas),
            str(summary("megaluh").jumlah_tercapai),
            str(summary("megaluh").jumlah_belum_tercapai),
        ),
    ),
    Example(
        "3.3",
        "The same six capaian → **2** above 100 %, **3** exactly 100 %, **1** below. Seed 003: all four IKU "
        "exactly 100 % → **0** above",
        lambda: (
            str(summary("megaluh").jumlah_di_atas_100),
            str(summary("megaluh").jumlah_tepat_100),
            str(summary("megaluh").jumlah_di_bawah_100),
            str(summary("ajung").jumlah_di_atas_100),
        ),
    ),
    Example(
        "3.3",
        "(P3-I1 and P4-I1 have no target) → **99,80 %** over **20** indicators",
        lambda: (
            P(report("ajung").ringkasan_gabungan.rata_rata),
            str(report("ajung").ringkasan_gabungan.jumlah_dirata),
        ),
    ),
    Example(
        "3.3",
        "98, 98, 98 and 94 → **97,00 %** (printed 98 %); seed 000 Program Pembinaan dan Pengawasan Pemerintahan "
        "Desa: 12/12, 11/12, 12/12 → **97,22 %**",
        lambda: (
            P(report("ajung").rata_rata_realisasi_program),
            P(next(n for n in report("kedungjajang").program if n.node.id == "P5").rata_rata_realisasi),
        ),
    ),
    Example(
        "3.3",
        "Structure, seed 003: **4** programs, **8** kegiatan, **16** sub-kegiatan",
        lambda: tuple(
            str(getattr(report("ajung").struktur, f"jumlah_{k}")) for k in ("program", "kegiatan", "sub_kegiatan")
        ),
    ),
    # §3.4 SKM and IKM
    Example(
        "3.4",
        "Seed 000, semester I, NRR 3,17 3,17 3,00 3,83 3,00 3,00 3,00 2,67 3,83 → NRR tertimbang "
        "**3,1856**, IKM **79,64** (printed 79,63), mutu **B**. Semester 2, NRR 3,36 3,55 3,36 4,00 3,36 3,36 "
        "3,27 3,18 3,55 → IKM **86,08**",
        lambda: (
            N(skm("kedungjajang").periode[0].nrr_tertimbang, 4),
            N(skm("kedungjajang").periode[0].ikm),
            skm("kedungjajang").periode[0].mutu.huruf,
            N(skm("kedungjajang").periode[1].ikm),
        ),
    ),
    Example(
        "3.4",
        "(79,64 + 86,08) / 2 → IKM **82,86**, mutu **B**",
        lambda: (N(skm("kedungjajang").ikm), skm("kedungjajang").mutu.huruf),
    ),
    Example(
        "3.4",
        "NRR tertimbang harapan **3,3144** (printed 3,31), IKM harapan **82,86** (printed 82,87), mutu **B**; "
        "semester II → IKM harapan **94,25** (printed 94,19), mutu **A**",
        lambda: (
            N(skm("kedungjajang").periode[0].harapan.nrr_tertimbang, 4),
            N(skm("kedungjajang").periode[0].harapan.ikm),
            skm("kedungjajang").periode[0].harapan.mutu.huruf,
            N(skm("kedungjajang").periode[1].harapan.ikm),
            skm("kedungjajang").periode[1].harapan.mutu.huruf,
        ),
    ),
    Example(
        "3.4",
        "90, 85, 85, 100, 85, 95, 90, 85, 70 → **4** unsur with mutu A, **4** with B, **1** with C",
        lambda: tuple(str(skm("megaluh").periode[0].jumlah_unsur_per_mutu[k]) for k in "ABC"),
    ),
    Example(
        "3.4",
        "89,86 / 85,42 / 100 / 87,22 / 97,92 → **92,08**, mutu **A**",
        lambda: (N(skm("megaluh").ikm), skm("megaluh").mutu.huruf),
    ),
    Example(
        "3.4",
        "(90, 85, 85, 100, 85, 95, 90, 85, 70) give IKM **87,22**",
        lambda: N(skm("megaluh").periode[0].ikm_unsur),
    ),
    Example(
        "3.4",
        "76,60 → **C**; 76,605 → **B** (rounds to 76,61); 88,305 → **A**; 64,995 → **C**; 64,99 → **D**",
        lambda: tuple(mutu(v).huruf for v in (76.60, 76.605, 88.305, 64.995, 64.99)),
    ),
    Example(
        "3.4",
        "U8 Penanganan pengaduan: NRR 2,67 → value **66,75**, mutu **C**; kesenjangan 2,67 − 3,50 = **-0,83**",
        lambda: (
            N(unsur("kedungjajang", "U8", 0).nilai),
            unsur("kedungjajang", "U8", 0).mutu.huruf,
            N(unsur("kedungjajang", "U8", 0).kesenjangan),
        ),
    ),
    Example(
        "3.4",
        "U8 Penanganan pengaduan → **I · Prioritas utama**; U4 Biaya/tarif → **IV · Berlebihan**; U9 "
        "Sarana dan prasarana → **II · Pertahankan**; U5 Produk spesifikasi → **III · Prioritas rendah**",
        lambda: tuple(unsur("kedungjajang", k).kuadran for k in ("U8", "U4", "U9", "U5")),
    ),
    Example(
        "3.4",
        "Seed 000 prioritas: U8, the only unsur below 76,61, value (2,67 + 3,18) / 2 × 25 = **73,13**. Seed "
        "002 prioritas: U9 (Jombang order: Penanganan pengaduan), value **70,00**",
        lambda: tuple(f"{N(u.nilai)}" for kec in ("kedungjajang", "megaluh") for u in skm(kec).prioritas),
    ),
    Example(
        "3.4",
        "period II three respondents answering 4 everywhere → rata-rata-periode **87,50**, gabungan **93,75**",
        pooled_and_mean,
    ),
    Example(
        "3.4",
        "N = 100 → **80**; 500 → **217**; 1.000 → **278**; 10.000 → **370**",
        lambda: tuple(str(sampel_minimum(n)) for n in (100, 500, 1000, 10000)),
    ),
    # §3.5 composite indices
    Example(
        "3.5",
        "5,18 + 9 + 10 + 20,4833 + 21,6 + 6,4393 + 3,2083 = **75,9109**; first aspect 5,18 of 10 → "
        "**51,80 %**; weakest aspect **Penyelenggaraan Urusan Pemerintahan Umum**",
        lambda: (
            N(indeks("kedungjajang", "sinergitas-kecamatan").total, 4),
            P(indeks("kedungjajang", "sinergitas-kecamatan").aspek[0].persen_maksimum),
            indeks("kedungjajang", "sinergitas-kecamatan").terendah.aspek.nama,
        ),
    ),
    Example(
        "3.5",
        "26,41 + 23,90 + 8,18 + 22,25 = **80,74**, grade **A (Memuaskan)**; Perencanaan 26,41 of 30 → "
        "**88,03 %**; weakest **Pelaporan Kinerja**",
        lambda: (
            N(indeks("megaluh", "akip-lhe").total),
            indeks("megaluh", "akip-lhe").predikat,
            P(indeks("megaluh", "akip-lhe").aspek[0].persen_maksimum),
            indeks("megaluh", "akip-lhe").terendah.aspek.nama,
        ),
    ),
    Example(
        "3.5",
        "80,00 → **BB (Sangat Baik)**; 80,01 → **A (Memuaskan)**; 60,61 → **B (Baik)**",
        lambda: tuple(predikat_sakip(v) for v in (80, 80.01, 60.61)),
    ),
    Example(
        "3.5",
        "0,71 + 0,7 + 0,78 + 0,36 + 0,36 + 0 = **2,91** (the IPP reported as realisasi is 3,44); Kebijakan "
        "Pelayanan 0,71 of score 2,94 → implied weight **0,2415**",
        lambda: (N(indeks("megaluh", "ipp").total), N(indeks("megaluh", "ipp").aspek[0].bobot_tersirat, 4)),
    ),
    Example("3.5", "weights 30/30/15/25, scores 80/70/60/90 → **76,50**", weighted_percent),
    # §3.6 budget
    Example(
        "3.6",
        "pagu perubahan summed to **1.823.687.638**, realisasi **1.803.876.007** → serapan **98,91 %**, "
        "sisa **19.811.631**",
        lambda: (
            N(money("kedungjajang").pagu, 0),
            N(money("kedungjajang").realisasi, 0),
            P(money("kedungjajang").serapan),
            N(money("kedungjajang").sisa, 0),
        ),
    ),
    Example(
        "3.6",
        "Pagu awal of the six programs **2.283.809.152** → perubahan **-460.121.514**, that is **-20,15 %**",
        lambda: (
            N(money("kedungjajang").pagu_awal, 0),
            N(money("kedungjajang").perubahan, 0),
            P(money("kedungjajang").perubahan_persen),
        ),
    ),
    Example(
        "3.6",
        "Seed 003 (Ajung): serapan **97,20 %** of pagu perubahan 3.443.692.072",
        lambda: P(money("ajung").serapan),
    ),
    Example(
        "3.6",
        "(98,89 %, 100 %, 99,11 %, 100 %, 100 %, 100 %) → **99,67 %**",
        lambda: P(report("kedungjajang").anggaran.rata_rata_serapan_program),
    ),
    Example(
        "3.6",
        "belanja operasi 2.120.473.359 and belanja modal 1.413.648.890 → **60,00 %** and **40,00 %** of "
        "**3.534.122.249**",
        lambda: (
            P(money("ajung").persen_belanja_operasi),
            P(money("ajung").persen_belanja_modal),
            N(money("ajung").belanja, 0),
        ),
    ),
    Example(
        "3.6",
        "pagu awal 639.920.900 − refocusing 398.451.900 → **241.469.000**, against the pagu perubahan of its "
        "sub-kegiatan 236.284.000 → audit note; the year's refocusing 398.451.900 + 53.000.000 → **451.451.900**",
        lambda: (
            N(
                next(
                    p for p in report("ajung").anggaran.program if p.node.id == "P3"
                ).uang.pagu_awal_dikurangi_refocusing,
                0,
            ),
            N(money("ajung").refocusing, 0),
        ),
    ),
    Example(
        "3.6",
        "2022 pagu 3.188.885.473, realisasi 3.188.885.473 → serapan **100,00 %**; against 2023's 97,20 % → "
        "selisih **-2,80** points",
        lambda: (
            P(figure("ajung", "riwayat-anggaran/2022/serapan")),
            N(figure("ajung", "perubahan/anggaran-serapan/2022-2023/selisih")),
        ),
    ),
    # §3.7 efficiency and cost per outcome
    Example(
        "3.7",
        "IKM Kecamatan: capaian 103,58 % − serapan of its program (6.750.000 of 6.750.000, 100 %) → **3,58**",
        lambda: efficiency("kedungjajang", "ikm-kecamatan"),
    ),
    Example(
        "3.7",
        "Nilai Sinergitas: capaian 126,52 % − serapan of the whole DPA 98,91 % → **27,60**",
        lambda: efficiency("kedungjajang", "sinergitas"),
    ),
    Example(
        "3.7", "Sasaran S1: capaian sasaran 115,05 % − 98,91 % → **16,13**", lambda: efficiency("kedungjajang", "S1")
    ),
    Example(
        "3.7", "Seed 003, sasaran 4 (trantibum): 100 % − serapan 94,39 % → **5,61**", lambda: efficiency("ajung", "S4")
    ),
    Example(
        "3.7",
        "Rp 6.750.000 spent for 3 laporan → **2.250.000** rupiah per laporan",
        lambda: N(rupiah_per_unit(6750000, 3, "laporan"), 0),
    ),
    # §3.8 trends, Renstra, comparisons, ranking
    Example(
        "3.8",
        "IKM 2024 **82,86** (mutu B) against the IKU's 2023 realisasi 82,68 → *naik* **0,18**",
        lambda: (N(kedungjajang_headline().ikm), N(kedungjajang_headline().ikm_change.selisih)),
    ),
    Example(
        "3.8",
        "serapan 2023 97,20 % against the budget history's 2022 serapan 100 % → *turun* **2,80**",
        lambda: N(-ajung_serapan_change().selisih),
    ),
    Example(
        "3.8",
        "2019 target 89, realisasi 86 → capaian **96,63 %**",
        lambda: P(over_time("kedungjajang", "ikm-kecamatan").riwayat[0].capaian),
    ),
    Example(
        "3.8",
        "2022 92,83 → 2023 94,3 → **1,58 %**",
        lambda: P(next(r for r in over_time("megaluh", "ikm-kecamatan").riwayat if r.tahun == 2023).perubahan),
    ),
    Example("3.8", "100 % → 98 % → **-2,00 %**, **-2,00** points", percent_change),
    Example(
        "3.8",
        "70,92, 2023 71,56, 2024 60,61 → selisih **0,64** and **-10,95** (the text says 2,64 and 9,95), and "
        "**-10,31** from 2022 to 2024",
        lambda: tuple(
            N(p.selisih)
            for p in sorted(over_time("megaluh", "akip").perubahan, key=lambda p: (p.ke - p.dari, p.dari))
            if p.dari >= 2022
        ),
    ),
    Example(
        "3.8",
        "IKM 92,08 against its end target 82 (2024) → **112,30 %**; AKIP 60,61 against 70,20 → **86,34 %**",
        lambda: (
            P(over_time("megaluh", "ikm-kecamatan").renstra.kemajuan),
            P(over_time("megaluh", "akip").renstra.kemajuan),
        ),
    ),
    Example(
        "3.8",
        "penyelesaian trantibum 100 against 100 → **100,00 %**, IKM 85 against 100 → **85,00 %**",
        lambda: (
            P(over_time("ajung", "penyelesaian-trantibum").renstra.kemajuan),
            P(over_time("ajung", "ikm").renstra.kemajuan),
        ),
    ),
    Example(
        "3.8",
        '2022: 58,30 against 82 → **71,10 %** (printed 66 %); seed 002 "Nilai Sinergitas ... Minimal Baik" 63,49 '
        "against the old end target 73 → **86,97 %**",
        lambda: (
            P(discontinued("kedungjajang", "desa-dokumen-tepat-waktu").riwayat[3].capaian),
            P(discontinued("megaluh", "sinergitas-minimal-baik").renstra.kemajuan),
        ),
    ),
    Example(
        "3.8",
        "Nilai Sinergitas 75,9109 against Kecamatan Klakah 70,78 → selisih **5,13**, rasio **107,25 %**",
        lambda: benchmark("kedungjajang", "sinergitas", "Kecamatan Klakah"),
    ),
    Example(
        "3.8",
        "IKM Kabupaten 83,8 against Provinsi Jawa Timur 86,88 → selisih **-3,08**, rasio **96,45 %**",
        lambda: benchmark("kedungjajang", "ikm-kabupaten", "Provinsi Jawa Timur"),
    ),
    Example(
        "3.8",
        "IKM 92,08 against Kabupaten Jombang 88,38 → selisih **3,70**",
        lambda: benchmark("megaluh", "ikm-kecamatan", "Kabupaten Jombang")[0],
    ),
    Example(
        "3.8",
        "IKM Kabupaten 83,8 against Provinsi Jawa Timur 86,88 → **-3,55 %**; seed 003: IKM 85 against Kabupaten "
        "Jember 86,34 → **-1,55 %**",
        lambda: (
            P(relative("kedungjajang", "ikm-kabupaten", "Provinsi Jawa Timur")),
            P(relative("ajung", "ikm", "Kabupaten Jember")),
        ),
    ),
    Example(
        "3.8",
        "Kedungjajang → peringkat **6** dari **21**; the 21 values add up to **1.498,24**, mean **71,34**",
        lambda: (
            str(over_time("kedungjajang", "sinergitas").posisi.peringkat),
            str(over_time("kedungjajang", "sinergitas").posisi.dari),
            N(shared("lumajang").jumlah),
            N(shared("lumajang").rata_rata),
        ),
    ),
    Example(
        "3.8",
        "70,78 / 70,73 / 70,73 / 70,62 → ranks **1, 2, 2, 4**",
        lambda: ", ".join(
            str(p.peringkat)
            for p in peringkat(
                [("a", 70.78, None), ("b", 70.73, None), ("c", 70.73, None), ("d", 70.62, None)], "positif"
            )
        ),
    ),
    Example(
        "3.8",
        "values 8 and 5 → 5 is rank **1**",
        lambda: str(
            next(p.peringkat for p in peringkat([("a", 8.0, None), ("b", 5.0, None)], "negatif") if p.nilai == 5)
        ),
    ),
    # §3.9 resources and profile
    Example(
        "3.9",
        "11 ASN for 15 positions → pemenuhan jabatan **73,33 %** (printed 57 % → audit note); 13 men of 20 "
        "staff → **65,00 %**",
        lambda: (
            P(report("kedungjajang").sdm.pemenuhan_jabatan),
            P(
                next(
                    share
                    for r in report("kedungjajang").sdm.rincian
                    if r.dimensi == "jenis_kelamin"
                    for k, _, share in r.baris
                    if k == "L"
                )
            ),
        ),
    ),
    Example(
        "3.9",
        "B 28 → **5,11 %**, RR 58 → **10,58 %**, RB 462 → **84,31 %**",
        lambda: tuple(P(report("kedungjajang").aset.persen(k)) for k in ("baik", "rusak_ringan", "rusak_berat")),
    ),
    Example(
        "3.9",
        "the ASN education breakdown adds up to **15**, while Ajung has 14 ASN",
        lambda: audit("ajung", "sdm/pendidikan-asn/jumlah", "14"),
    ),
    Example(
        "3.9",
        "pejabat struktural by eselon, III 3 + IV 4 → **7**",
        lambda: str(next(r.total for r in report("kedungjajang").sdm.rincian if r.dimensi == "eselon")),
    ),
    Example(
        "3.9",
        "items 1/2/3 by condition, 4 good only, and 10 with no split → **20** items, of which **10** split; baik "
        "**50,00 %** of those; golongan values 5.000.000 → 4.500.000 → perubahan **-500.000**, **-10,00 %**",
        assets_example,
    ),
    Example(
        "3.9",
        "13 desa with **39.725** inhabitants on 25,96 km² → **1.530** jiwa/km²; the printed total 44.114 "
        "differs by **4.389**",
        lambda: (
            N(area("megaluh").penduduk, 0),
            N(area("megaluh").kepadatan, 0),
            N(next(a.selisih for a in report("megaluh").audit if a.alamat == "profil/penduduk"), 0),
        ),
    ),
    Example(
        "3.9",
        "60 % pertanian and 40 % industri kecil, UMKM, karyawan swasta dan ASN → **100,00 %**",
        lambda: P(area("ajung").jumlah_persen_mata_pencaharian),
    ),
    # §3.10 audit
    *(
        Example(
            "3.10", f"| `{alamat}` | {printed} | **{computed}** |", lambda a=alamat, k=kec, p=printed: audit(k, a, p)
        )
        for kec, alamat, printed, computed in (
            ("megaluh", "iku/akip/capaian", "87,48", "85,35"),
            ("megaluh", "iku/ikm-kecamatan/realisasi", "97,49", "92,08"),
            ("megaluh", "skm/tahun-2024/ikm", "96,57", "92,08"),
            ("megaluh", "indeks/akip-lhe/total", "60,61", "80,74"),
            ("megaluh", "indeks/akip-lhe/predikat", "B", "A Memuaskan"),
            ("kedungjajang", "indikator-program/P3.K1-I1/capaian", "100", "tidak dapat dihitung"),
            ("kedungjajang", "anggaran/total/pagu", "1.823.687.636", "1.823.687.638"),
            ("kedungjajang", "iku/ikm-kabupaten/capaian", "100,35", "100,36"),
        )
    ),
    Example(
        "3.10",
        "as 104 in Tabel 3.2 → **equal** at whole-number precision, and as 103 in its narrative → **dicatat** (listed)",
        lambda: (
            compared("104", figure("kedungjajang", "iku/ikm-kecamatan/capaian")),
            compared("103", figure("kedungjajang", "iku/ikm-kecamatan/capaian")),
        ),
    ),
    # §3.12 register
    Example(
        "3.12",
        "`iku/sinergitas/capaian` = **126,52**; `ringkasan/iku/tercapai` = **3** of `ringkasan/iku/jumlah` = **3** "
        '(the report: "sebanyak 3 indikator"); `anggaran/total/serapan` = **98,91**; `skm/s1/ikm` = **79,64**; '
        "`perbandingan/skk/kecamatan/kedungjajang/peringkat` = **6**",
        lambda: (
            N(figure("kedungjajang", "iku/sinergitas/capaian")),
            str(figure("kedungjajang", "ringkasan/iku/tercapai")),
            str(figure("kedungjajang", "ringkasan/iku/jumlah")),
            N(figure("kedungjajang", "anggaran/total/serapan")),
            N(figure("kedungjajang", "skm/s1/ikm")),
            str(figure("kedungjajang", "perbandingan/skk/kecamatan/kedungjajang/peringkat")),
        ),
    ),
    # §3.11 individual reports
    Example(
        "3.11",
        "Camat: 36 of 62 facilitations followed up → realisasi **58,06 %** (printed 58,60 %); target 85 % "
        "→ capaian **68,31 %** (printed 69,94 %); Rp 971.800.593 spent of Rp 2.017.461.467 → serapan **48,17 %**",
        lambda: (
            P(individual("camat", "camat-1").realisasi),
            P(individual("camat", "camat-1").capaian.nilai),
            P(individual("camat", "camat-1").serapan),
        ),
    ),
    Example(
        "3.11",
        "Kasi PMD: 3 of 15 families → capaian **20,00 %**",
        lambda: P(individual("kasi-pmd", "kasi-pmd-3").capaian.nilai),
    ),
    Example(
        "3.11",
        "TW I 38 % and TW II 48 / 126 = 38,10 % (printed 34,92 %) → **76,10**",
        lambda: N(individual("sekcam", "sekcam-1").jumlah_triwulan),
    ),
    Example(
        "3.11",
        "→ pagu **2.017.461.467** (as printed), realisasi **971.200.593**",
        lambda: (
            N(individual("camat", "camat-1").pagu_rincian, 0),
            N(individual("camat", "camat-1").realisasi_anggaran_rincian, 0),
        ),
    ),
    # §4 rating scales
    *(
        Example("4", row, lambda value=value: classify(value))
        for row, value in (
            ("| 126,52 % | **Sangat Tinggi** | **Baik (Berhasil)** | **AA · Sangat Memuaskan** |", 126.52),
            ("| 100 % | **Sangat Tinggi** | **Baik (Berhasil)** | **AA · Sangat Memuaskan** |", 100),
            ("| 90 % | **Tinggi** | **Butuh Perbaikan (Cukup)** | **A · Memuaskan** |", 90),
            ("| 87,48 % | **Tinggi** | **Butuh Perbaikan (Cukup)** | **A · Memuaskan** |", 87.48),
            ("| 50 % | **Sangat Rendah** | **Sangat Kurang** | **C · Kurang** |", 50),
            ("| -50 % | **Sangat Rendah** | **Sangat Kurang** | **D · Sangat Kurang** |", -50),
        )
    ),
    Example(
        "4",
        "The validator rejects it: **capaian 0 tidak tercakup: rentang 'Sangat Kurang' perlu bawah_inklusif: "
        "true; celah antara 80 dan 90: tidak ada rentang untuk capaian di antaranya**",
        printed_jombang_scale,
    ),
]


# ---------------------------------------------------------------- the tests


def test_every_section_the_code_cites_has_its_heading():
    for number, word in REQUIRED.items():
        assert number in sections(), f"docs/domain.md has no heading '{number} ...'"
        assert word in sections()[number][0], f"heading {number} is '{sections()[number][0]}'"


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.section}-{i}" for i, e in enumerate(EXAMPLES)])
def test_worked_example_is_what_the_code_computes(example: Example):
    values = example.values()
    assert tuple(BOLD.findall(example.text)) == ((values,) if isinstance(values, str) else tuple(values))
    assert flat(example.text) in flat(body(example.section)), f"§{example.section} no longer says: {example.text}"


def test_every_bold_value_is_a_checked_example():
    documented = Counter((number, v) for number, (_, text) in sections().items() for v in BOLD.findall(flat(text)))
    checked = Counter((e.section, v) for e in EXAMPLES for v in BOLD.findall(e.text))
    assert documented == checked


def _bounds(r: m.Rentang) -> str:
    low = "open" if r.bawah is None else f"{'≥' if r.bawah_inklusif else '>'} {format_value(r.bawah)}"
    high = "open" if r.atas is None else f"{'≤' if r.atas_inklusif else '<'} {format_value(r.atas)}"
    return f"{low} | {high}"


@pytest.mark.parametrize("kab", ["lumajang", "jombang", "jember"])
def test_rating_scale_table_is_the_one_in_content(kab: str):
    skala = scale(kab)
    name = next(k for k in demo().content.kabupaten if k.slug == kab).profil.nama
    text = body("4")
    block = text[text.index(f"\n{name} (seed") :]
    block = block[: block.index("\n\n", block.index("| --- |"))]
    cap = "none" if skala.batas_capaian is None else format_value(skala.batas_capaian)
    assert block.splitlines()[1].endswith(f"`batas_capaian`: {cap}.")
    rows = [
        flat(line) for line in block.splitlines() if line.startswith("| ") and not line.startswith(("| ---", "| code"))
    ]
    assert rows == [flat(f"| {r.kode or ''} | {r.label} | {_bounds(r)} |") for r in skala.rentang]


def test_mutu_and_sakip_tables_are_the_code_constants():
    text = flat(body("4"))
    for q in MUTU:
        assert f"| {q.huruf} | {q.label} | ≥ {format_number(q.bawah)} |" in text
    for i, (kode, nama, bawah) in enumerate(SKALA_SAKIP):
        bound = f"> {format_value(bawah)}" if bawah > float("-inf") else f"≤ {format_value(SKALA_SAKIP[i - 1][2])}"
        assert f"| {kode} | {nama} | {bound} |" in text


#: `DOMAIN 3.1`, `DOMAIN 3.1-3.3`, `DOMAIN 3.5, 3.9`, `docs/domain.md §3.1`, `docs/domain.md §3.5, §3.9`.
CITATION = re.compile(r"(?:DOMAIN|docs/domain\.md)\s*§?\s*(\d+(?:\.\d+)?(?:\s*(?:[-–,]|and)\s*§?\s*\d+(?:\.\d+)?)*)")
CITING = ("generator", "tests", "bench")
TEXT_FILES = {".py", ".md", ".j2", ".sh", ".txt", ".toml", ".yml", ".yaml", ".cfg"}


def cited(text: str) -> list[str]:
    """Every section a text cites, ranges (3.1-3.3) expanded."""
    refs: list[str] = []
    for match in CITATION.finditer(text):
        tokens = re.findall(r"[-–]|\d+(?:\.\d+)?", match.group(1))
        for i, token in enumerate(tokens):
            if token in "-–":
                (major, first), (_, last) = (tokens[i - 1].split("."), tokens[i + 1].split("."))
                refs += [f"{major}.{n}" for n in range(int(first) + 1, int(last))]
            else:
                refs.append(token)
    return refs


def test_cited_ranges_and_lists_are_read():
    assert cited("(DOMAIN 3.1-3.3) and DOMAIN 6.") == ["3.1", "3.2", "3.3", "6"]
    assert cited("(docs/domain.md §3.5, §3.9): x; docs/domain.md §3.10") == ["3.5", "3.9", "3.10"]


def test_every_citation_points_to_an_existing_heading():
    citations = [
        (path, ref)
        for folder in CITING
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in TEXT_FILES and path.is_file()
        for ref in cited(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert citations, "no citation of docs/domain.md found"
    missing = [f"{path.relative_to(ROOT)}: §{ref}" for path, ref in citations if ref not in sections()]
    assert not missing, f"citations without a heading in docs/domain.md: {missing}"


def test_the_code_the_document_names_exists():
    """Functions named after "In code:" are defined, and the modules named there exist."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "generator").rglob("*.py"))
    text = DOC.read_text(encoding="utf-8")
    named = [part.split("\n\n")[0] for part in text.split("In code:")[1:]]
    assert named
    for part in named:
        for name in re.findall(r"`([A-Za-z_]\w*)`", part):
            assert re.search(rf"^\s*(?:def|class) {name}\b|^{name}(?:: [^=]+)? =", sources, re.M), (
                f"docs/domain.md names {name}"
            )
        for module in re.findall(r"[\w/]+\.py", part):
            assert (ROOT / "generator" / module).is_file(), f"docs/domain.md names generator/{module}"
