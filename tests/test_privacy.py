"""Respondents' privacy (issue 19): a respondent profile publishes declared categories only,
merges what few respondents share into "Lainnya" without its label, and no raw column of a
response file (names, NIP, NIK, phone numbers, e-mail addresses typed into any of them) reaches
any file of the site."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import DEMO
from test_skm import SKM_YML

from generator.build import build_site
from generator.compute.responden import LAINNYA, MASKED, masked, profil_responden
from generator.load import load_content
from generator.model import ProfilResponden
from generator.model.content import SurveyResponse
from generator.problems import ContentError
from generator.synthetic.skm import jawaban_sintetis
from generator.validate import validate

#: Personal data as a careless export would carry it, in the forms people write it.
PERSONAL = (
    "Budi Santoso Wibowo",
    "198001012005011001",  # NIP
    "19800101 200501 1 001",  # NIP as printed
    "3509012345678901",  # NIK
    "081234567890",
    "+62 812-3456-7890",
    "budi.santoso@contoh.go.id",
)

#: Columns of a response file that take any text (the others are refused unless valid).
FREE_COLUMNS = ("responden", "tanggal", "jenis_kelamin", "usia", "pendidikan", "pekerjaan", "saran")

YEAR = "lumajang/kedungjajang/2024"
SURVEY = f"{YEAR}/skm-tw1.csv"


def _with_survey(target: Path) -> Path:
    """The demo content with 60 raw responses for Kedungjajang 2024 (the generator's answers,
    numbered as a clerk would number them)."""
    content = Path(shutil.copytree(DEMO, target))
    (content / YEAR / "skm.yml").write_text(SKM_YML, encoding="utf-8")
    (content / YEAR / "dilaporkan.csv").unlink()  # figures printed from the survey replaced here
    rows = jawaban_sintetis(60, 19, ["ktp", "kk"], date(2024, 1, 2), 90).replace("SINTETIS-", "R-")
    (content / SURVEY).write_text(rows, encoding="utf-8")
    return content


def _responses(**columns: list[str]) -> list[SurveyResponse]:
    rows = zip(*columns.values())
    return [SurveyResponse(None, dict(zip(columns, row)), (3,) * 9, None, None) for row in rows]


def _profile(
    responses: list[SurveyResponse], aturan: ProfilResponden | None = None
) -> dict[str, dict[str, int | None]]:
    profile = profil_responden(responses, aturan or ProfilResponden())
    return {p.kolom: {c.kategori: c.jumlah for c in p.sel} for p in profile}


def test_only_declared_categories_are_published_in_the_declared_order():
    values = ["S1"] * 6 + ["sma"] * 5 + [" SMK "] * 2 + ["Budi Santoso Wibowo"] * 7
    assert _profile(_responses(pendidikan=values)) == {"pendidikan": {"SMA/SMK": 7, "S1": 6, LAINNYA: 7}}


def test_a_category_under_five_respondents_is_merged_and_a_small_rest_hidden():
    values = ["L"] * 9 + ["P"] * 4
    assert _profile(_responses(jenis_kelamin=values)) == {"jenis_kelamin": {"Laki-laki": 9, LAINNYA: None}}
    values = ["PNS"] * 4 + ["Petani"] * 3 + ["Wiraswasta"] * 5
    assert _profile(_responses(pekerjaan=values)) == {"pekerjaan": {"Wiraswasta": 5, LAINNYA: 7}}


def test_ages_are_grouped_and_anything_else_is_lainnya():
    values = ["24", "25", "30", "31", "33", "34", "35", "198001012005011001", "Budi", "7", "130", "-5"]
    profile = _profile(_responses(usia=values))["usia"]
    assert profile == {"26–35 tahun": 5, LAINNYA: 7}


def test_a_kabupaten_declares_its_own_categories(mini):
    f = mini / "lumajang/kabupaten.yml"
    text = f.read_text(encoding="utf-8")
    assert "\nskm:" not in text
    f.write_text(text + "skm:\n  profil:\n    pekerjaan:\n      - label: Nelayan\n        nilai: [nelayan, pelaut]\n")
    aturan = validate(load_content(mini)).kabupaten[0].profil.skm.profil
    values = ["Nelayan"] * 3 + ["PELAUT"] * 2 + ["PNS"] * 6
    assert _profile(_responses(pekerjaan=values), aturan) == {"pekerjaan": {"Nelayan": 5, LAINNYA: 6}}


@pytest.mark.parametrize("text", PERSONAL[1:])
def test_contact_data_in_a_published_suggestion_is_masked(text):
    assert masked(f"Tolong hubungi saya di {text} secepatnya") == f"Tolong hubungi saya di {MASKED} secepatnya"


def test_ordinary_suggestions_are_published_as_written():
    for text in ("Antrean mohon dipercepat", "Buka jam 07.30, bukan 08.00", "Biaya Rp 50.000 terlalu mahal"):
        assert masked(text) == text


def _plant(content: Path, columns: tuple[str, ...]) -> None:
    """Every personal datum in each of `columns`, in at least 5 rows each (so that the rule on
    small categories alone would not hide it)."""
    path = content / SURVEY
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for i, row in enumerate(rows[: len(PERSONAL) * 6]):
        for column in columns:
            row[column] = PERSONAL[i % len(PERSONAL)]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _leaks(site: Path, planted: tuple[str, ...]) -> list[str]:
    """Each file of the site holding a planted datum (also with its spaces and signs dropped)."""
    forms = {p: {p, "".join(c for c in p if c.isalnum() or c in "@.")} for p in planted}
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes().decode("utf-8", errors="replace")
        found += [f"{path.relative_to(site)}: {p}" for p, variants in forms.items() if any(v in data for v in variants)]
    return found


@pytest.mark.slow
@pytest.mark.parametrize("publish_suggestions", [False, True], ids=["saran-tertutup", "saran-terbit"])
def test_personal_data_in_every_raw_column_reaches_no_file_of_the_site(tmp_path, publish_suggestions):
    content = _with_survey(tmp_path / "content")
    _plant(content, FREE_COLUMNS)
    if publish_suggestions:
        skm = content / YEAR / "skm.yml"
        skm.write_text(skm.read_text(encoding="utf-8") + "publikasi_saran: true\n", encoding="utf-8")
    site = build_site(content, tmp_path / "site", tmp_path / "work", lambda _: None, 1).site
    profile = (site / YEAR / "skm/profil-responden.csv").read_text(encoding="utf-8")
    assert f"Pendidikan,{LAINNYA}," in profile and "Laki-laki" in profile
    # A name in a published suggestion is the kecamatan's decision (publikasi_saran); contact
    # data in it is masked.
    planted = PERSONAL[1:] if publish_suggestions else PERSONAL
    assert _leaks(site, planted) == []
    page = (site / YEAR / "skm/index.html").read_text(encoding="utf-8")
    assert (MASKED in page) is publish_suggestions


@pytest.mark.parametrize("column", ["layanan", "U1", "E9"])
def test_personal_data_in_a_checked_column_is_refused(tmp_path, column):
    """Columns with a closed set of values refuse anything else, so nothing is published."""
    content = _with_survey(tmp_path / "content")
    _plant(content, (column,))
    with pytest.raises(ContentError) as exc:
        validate(load_content(content))
    assert {p.path for p in exc.value.problems} == {column}
    assert all(p.file == content / SURVEY for p in exc.value.problems)
