"""Stage 2, validate: raw documents -> typed content, or every problem found in one run.

Shape and type checks come from the pydantic schemas in `generator.model`; this package adds
the checks that span fields and files (ids, references, folder names, value kinds) and turns
every finding into a `Problem` with file, line, field path, value and an Indonesian message
with its English key.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import TypeVar

from generator import model as m
from generator.load import Document, RawContent, RawKabupaten, RawKecamatan
from generator.model.content import Content, DilaporkanData, IndividuData, KabupatenData, KecamatanData, YearData
from generator.model.types import slug
from generator.problems import ContentError, Problem, Problems
from generator.validate.ids import all_indikator
from generator.validate.ranges import negative_rows, negative_targets
from generator.validate.schema import check_folder, csv_rows, has_errors, parse_document
from generator.validate.skm import SINTETIS_DITOLAK
from generator.validate.year import validate_year

T = TypeVar("T")
#: The CSV files of a kecamatan whose rows name an indicator of one of its years.
R = TypeVar("R", m.BarisRiwayat, m.BarisPembanding)


def _all_valid(items: list[T | None]) -> list[T] | None:
    """The items when every one validated (None marks one that did not), else None."""
    valid = [i for i in items if i is not None]
    return valid if len(valid) == len(items) else None


def _individu(
    doc: Document, kecamatan_slug: str, tahun: int, triwulan: int, problems: list[Problem]
) -> IndividuData | None:
    before = len(problems)
    laporan = parse_document(m.LaporanIndividu, doc, problems)
    if laporan is None:
        return None
    check_folder(doc, laporan, kecamatan_slug, tahun, problems)
    if laporan.triwulan != triwulan:
        problems.append(
            Problem(
                doc.path,
                "triwulan",
                f"triwulan {laporan.triwulan} tidak sama dengan nama berkas (individu-tw{triwulan}.yml)",
                "wrong_period",
                laporan.triwulan,
                doc.line_of(("triwulan",)),
            )
        )
    ids = Counter([j.id for j in laporan.jabatan] + [i.id for j in laporan.jabatan for i in j.indikator])
    for ident, count in ids.items():
        if count > 1:
            problems.append(Problem(doc.path, "id", f"id '{ident}' dipakai {count} kali", "duplicate_id", ident))
    indicators = {i.id for j in laporan.jabatan for i in j.indikator}
    for a, j in enumerate(laporan.jabatan):
        for b, ind in enumerate(j.indikator):
            problems.extend(
                _individu_indikator(doc, (a, b), f"jabatan[{j.id}].indikator[{ind.id}]", ind, laporan, indicators)
            )
    return IndividuData(laporan, doc.path) if not has_errors(problems, before) else None


def _individu_indikator(
    doc: Document, loc: tuple[int, int], where: str, ind: m.IndikatorIndividu, laporan: m.LaporanIndividu, ids: set[str]
) -> list[Problem]:
    """Quarters not after the report's, each once; `rincian` names other indicators of the report."""
    problems = []
    quarters = Counter(q.triwulan for q in ind.realisasi_triwulan)
    for k, q in enumerate(ind.realisasi_triwulan):
        if q.triwulan > laporan.triwulan or quarters[q.triwulan] > 1:
            reason = (
                f"triwulan {q.triwulan} sesudah triwulan laporan ({laporan.triwulan})"
                if q.triwulan > laporan.triwulan
                else f"triwulan {q.triwulan} ditulis {quarters[q.triwulan]} kali"
            )
            problems.append(
                Problem(
                    doc.path,
                    f"{where}.realisasi_triwulan[#{k + 1}].triwulan",
                    reason,
                    "wrong_period",
                    q.triwulan,
                    doc.line_of(("jabatan", loc[0], "indikator", loc[1], "realisasi_triwulan", k)),
                )
            )
    for k, ref in enumerate(ind.rincian):
        if ref not in ids or ref == ind.id:
            problems.append(
                Problem(
                    doc.path,
                    f"{where}.rincian[#{k + 1}]",
                    "rincian harus id indikator lain dalam laporan ini"
                    if ref == ind.id
                    else f"indikator '{ref}' tidak ada dalam laporan ini",
                    "unknown_reference",
                    ref,
                    doc.line_of(("jabatan", loc[0], "indikator", loc[1], "rincian", k)),
                )
            )
    return problems


def _kecamatan(raw: RawKecamatan, problems: list[Problem], sintetis: bool) -> KecamatanData | None:
    profil = parse_document(m.Kecamatan, raw.profil, problems) if raw.profil else None
    years: list[YearData | None] = []
    reports: list[IndividuData | None] = []
    for t in sorted(raw.tahun, key=lambda t: t.tahun):
        reports += [_individu(doc, raw.slug, t.tahun, tw, problems) for tw, doc in sorted(t.individu.items())]
        if (t.folder / "kinerja.yml").exists():
            years.append(validate_year(t, raw.slug, problems, sintetis))
            continue
        for doc in (t.program, t.realisasi, t.skm, t.sumber_daya, t.indeks, t.narasi):
            if doc is not None:
                problems.append(
                    Problem(doc.path, "", "berkas ini membutuhkan kinerja.yml di folder yang sama", "missing_file")
                )
                years.append(None)
    tahun, individu = _all_valid(years), _all_valid(reports)
    if raw.profil is None or profil is None or tahun is None or individu is None:
        return None
    before = len(problems)
    indikator = {i.id: i for t in tahun for _, i in all_indikator(t.kinerja, t.program)}
    known = set(indikator)
    riwayat_rows = _referenced(raw.riwayat, m.BarisRiwayat, known, problems, lama=True)
    pembanding_rows = _referenced(raw.pembanding, m.BarisPembanding, known, problems)
    riwayat, pembanding = tuple(r for r, _ in riwayat_rows), tuple(r for r, _ in pembanding_rows)
    discontinued = {r.indikator for r in riwayat}  # indicators no year has, named in riwayat.csv
    renstra = _renstra(raw.renstra, known | discontinued, problems) if raw.renstra else None
    dilaporkan = {
        t.tahun: DilaporkanData(t.dilaporkan.path, tuple(csv_rows(t.dilaporkan, m.BarisDilaporkan, problems)))
        for t in raw.tahun
        if t.dilaporkan is not None
    }
    for doc, rows in ((raw.riwayat, riwayat_rows), (raw.pembanding, pembanding_rows)):
        problems += negative_rows(doc, rows, indikator) if doc is not None else []
    if renstra is not None and raw.renstra is not None:
        problems += negative_targets(raw.renstra, renstra, indikator)
    anggaran = _riwayat_anggaran(raw.riwayat_anggaran, tahun, problems) if raw.riwayat_anggaran else ()
    problems += _mata_pencaharian(raw.profil, profil)
    if has_errors(problems, before):
        return None
    return KecamatanData(
        raw.slug,
        profil,
        tuple(tahun),
        raw.profil.path,
        tuple(individu),
        riwayat,
        pembanding,
        renstra,
        dilaporkan,
        riwayat_anggaran=anggaran,
    )


def _riwayat_anggaran(
    doc: Document, tahun: list[YearData], problems: list[Problem]
) -> tuple[m.BarisRiwayatAnggaran, ...]:
    """riwayat-anggaran.csv: each year once, before some Laporan Kinerja (where it is shown), and
    not a year whose folder gives a budget (two inputs for one budget)."""
    rows = csv_rows(doc, m.BarisRiwayatAnggaran, problems)
    budget = {t.tahun for t in tahun if t.program is not None and t.program.ada_anggaran}
    seen: dict[int, int] = {}
    for row, line in rows:
        if row.tahun in seen:
            reason, key = f"tahun {row.tahun} sudah ditulis di baris {seen[row.tahun]}", "duplicate_year"
        elif row.tahun in budget:
            reason, key = (
                f"tahun {row.tahun} sudah mempunyai anggaran di {row.tahun}/program.yml: dua masukan untuk satu "
                "anggaran; hapus baris ini (angka lain yang tercetak untuk tahun itu dicatat di "
                f"{row.tahun}/dilaporkan.csv pada alamat anggaran/total/pagu dan anggaran/total/realisasi)",
                "budget_conflict",
            )
        elif not any(t.tahun > row.tahun for t in tahun):
            reason, key = (
                f"tidak ada laporan kinerja (folder tahun dengan kinerja.yml) sesudah tahun {row.tahun}: riwayat "
                "anggaran hanya untuk tahun-tahun sebelum laporan, dan tampil di laporan itu",
                "no_later_report",
            )
        else:
            seen[row.tahun] = line
            continue
        seen.setdefault(row.tahun, line)
        problems.append(Problem(doc.path, "tahun", reason, key, row.tahun, line))
    return tuple(r for r, _ in rows)


def _mata_pencaharian(doc: Document, profil: m.Kecamatan) -> list[Problem]:
    """Each sector once, by the name part of its address (`slug`: `Pétani` and `petani` are one
    sector), which must not be empty; shares adding up to other than 100 get a warning (the
    report may print them so)."""
    problems = []
    seen: dict[str, int] = {}
    for i, x in enumerate(profil.mata_pencaharian):
        key = slug(x.sektor)
        if not key:
            reason, code = "nama sektor harus memuat huruf atau angka (menjadi bagian alamat angka)", "invalid_name"
        elif key in seen:
            reason, code = f"sektor '{x.sektor}' sudah ditulis di butir #{seen[key] + 1}", "duplicate_id"
        else:
            seen[key] = i
            continue
        problems.append(
            Problem(
                doc.path,
                f"mata_pencaharian[#{i + 1}].sektor",
                reason,
                code,
                x.sektor,
                doc.line_of(("mata_pencaharian", i, "sektor")),
            )
        )
    total = sum(x.persen for x in profil.mata_pencaharian)
    if profil.mata_pencaharian and abs(total - 100) > 1e-9:
        problems.append(
            Problem(
                doc.path,
                "mata_pencaharian",
                f"jumlah persentase mata pencaharian {f'{total:g}'.replace('.', ',')} %, bukan 100 %: periksa "
                "angka yang disalin",
                "share_total",
                total,
                doc.line_of(("mata_pencaharian",)),
                severity="warning",
            )
        )
    return problems


def _renstra(doc: Document, known: set[str], problems: list[Problem]) -> m.Renstra | None:
    """renstra.yml, whose targets must name indicators of some year of the kecamatan (or of
    riwayat.csv)."""
    renstra = parse_document(m.Renstra, doc, problems)
    if renstra is not None:
        for v, versi in enumerate(renstra.versi):
            for ident in versi.target:
                if ident not in known:
                    problems.append(
                        Problem(
                            doc.path,
                            f"versi[#{v + 1}].target.{ident}",
                            f"indikator '{ident}' tidak ada di kinerja.yml atau program.yml tahun mana pun, "
                            "dan tidak di riwayat.csv",
                            "unknown_reference",
                            ident,
                            doc.line_of(("versi", v, "target", ident)),
                        )
                    )
    return renstra


def _referenced(
    doc: Document | None, schema: type[R], known: set[str], problems: list[Problem], lama: bool = False
) -> list[tuple[R, int]]:
    """CSV rows whose `indikator` must be an indicator of some year of this kecamatan; with
    `lama`, a row naming its indicator (`nama`) may also be a discontinued indicator."""
    if doc is None:
        return []
    rows = csv_rows(doc, schema, problems)
    for row, line in rows:
        if row.indikator not in known and not (lama and getattr(row, "nama", None)):
            hint = "; untuk indikator yang tidak lagi dipakai, isi namanya di kolom nama" if lama else ""
            problems.append(
                Problem(
                    doc.path,
                    "indikator",
                    f"indikator '{row.indikator}' tidak ada di kinerja.yml atau program.yml tahun mana pun{hint}",
                    "unknown_reference",
                    row.indikator,
                    line,
                )
            )
    return rows


def _kabupaten(
    raw: RawKabupaten, problems: list[Problem], known: Mapping[str, KecamatanData], sintetis: bool
) -> KabupatenData | None:
    profil = parse_document(m.Kabupaten, raw.profil, problems) if raw.profil else None
    kecamatan = _all_valid([known.get(k.slug) or _kecamatan(k, problems, sintetis) for k in raw.kecamatan])
    if raw.profil is None or profil is None or kecamatan is None:
        return None
    shared = {i.kode for i in profil.indikator_bersama}
    before = len(problems)
    for k in kecamatan:
        for t in k.tahun:
            for path, ind in all_indikator(t.kinerja, t.program):
                if ind.bersama is not None and ind.bersama not in shared:
                    problems.append(
                        Problem(
                            t.files[0],
                            f"{path}.bersama",
                            f"indikator bersama '{ind.bersama}' tidak dinyatakan di kabupaten.yml (indikator_bersama)",
                            "unknown_reference",
                            ind.bersama,
                        )
                    )
    nilai = _nilai_kecamatan(raw.nilai_kecamatan, shared, problems) if raw.nilai_kecamatan else []
    if raw.nilai_kecamatan is not None:
        problems += negative_rows(raw.nilai_kecamatan, nilai, {i.kode: i for i in profil.indikator_bersama})
    if has_errors(problems, before):
        return None
    return KabupatenData(raw.slug, profil, tuple(kecamatan), raw.profil.path, tuple(r for r, _ in nilai))


def _nilai_kecamatan(
    doc: Document, shared: set[str], problems: list[Problem]
) -> list[tuple[m.BarisNilaiKecamatan, int]]:
    """nilai-kecamatan.csv, whose rows must name a shared indicator of the kabupaten."""
    rows = csv_rows(doc, m.BarisNilaiKecamatan, problems)
    for row, line in rows:
        if row.indikator not in shared:
            problems.append(
                Problem(
                    doc.path,
                    "indikator",
                    f"indikator bersama '{row.indikator}' tidak dinyatakan di kabupaten.yml (indikator_bersama)",
                    "unknown_reference",
                    row.indikator,
                    line,
                )
            )
    return rows


def _yaml_documents(raw: RawContent) -> Iterator[Document]:
    """Every YAML document of the content below portal.yml."""
    for kab in raw.kabupaten:
        yield from (d for d in (kab.profil,) if d is not None)
        for kec in kab.kecamatan:
            yield from _kecamatan_documents(kec)


def _kecamatan_documents(kec: RawKecamatan) -> Iterator[Document]:
    """Every YAML document of one kecamatan."""
    yield from (d for d in (kec.profil, kec.renstra) if d is not None)
    for t in kec.tahun:
        docs = (t.kinerja, t.program, t.skm, t.sumber_daya, t.indeks, t.narasi, *t.individu.values())
        yield from (d for d in docs if d is not None)


def is_sintetis(portal: Document | None) -> bool:
    """Whether portal.yml says `kinerja demo` wrote the portal (synthetic inputs belong only there)."""
    return portal is not None and portal.header.startswith(m.TANDA_SINTETIS)


def _synthetic_documents(documents: Iterator[Document]) -> list[Problem]:
    """A problem for every document `kinerja demo` wrote, in a portal it did not write."""
    return [
        Problem(doc.path, "", f"berkas ini ditulis `kinerja demo`: {SINTETIS_DITOLAK}", "synthetic_data", line=1)
        for doc in documents
        if doc.header.startswith(m.TANDA_SINTETIS)
    ]


def validate_kecamatan(raw: RawKecamatan, loading: list[Problem], sintetis: bool) -> KecamatanData | None:
    """The validated data of one kecamatan as `validate` would make it, when its files show no
    problem at all, `loading` them included (else None: `validate` reports them). `sintetis`:
    `is_sintetis` of portal.yml."""
    problems = Problems(loading)
    if not sintetis:
        problems += _synthetic_documents(_kecamatan_documents(raw))
    data = _kecamatan(raw, problems, sintetis)
    return None if problems else data


def validate(raw: RawContent, known: Mapping[tuple[str, str], KecamatanData] | None = None) -> Content:
    """Typed, cross-checked content; raises ContentError listing every problem. `known`: the
    validated data of kecamatan (kabupaten slug, kecamatan slug) whose files are unchanged
    since they validated (a kecamatan depends on its own files only; checks that span the
    kabupaten run again), not loaded again (`load_content(skip=...)`)."""
    problems = Problems(raw.problems)
    portal = parse_document(m.Portal, raw.portal, problems) if raw.portal else None
    known = known or {}
    sintetis = is_sintetis(raw.portal)
    if not sintetis:
        problems += _synthetic_documents(_yaml_documents(raw))
    kabupaten = _all_valid(
        [
            _kabupaten(k, problems, {kec: d for (kab, kec), d in known.items() if kab == k.slug}, sintetis)
            for k in raw.kabupaten
        ]
    )
    errors = problems.reported("error")
    if errors or portal is None or kabupaten is None:
        raise ContentError(errors)
    return Content(raw.root, portal, tuple(kabupaten), tuple(problems.reported("warning")), raw.diubah)
