"""Schema of <tahun>/indeks.yml: composite indices with weighted aspects."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from generator.model.types import Id, Number, Schema, Tahun, Text, _number


class Aspek(Schema):
    nama: Text
    bobot: Annotated[float, BeforeValidator(_number), Field(gt=0)] | None = None
    nilai: Number
    skor: Number | None = None  # the aspect's unweighted score, when printed (e.g. IPP 0-5)


class Indeks(Schema):
    """A composite index: aspects with weights. `poin`: each aspect's value is already
    weighted points out of its `bobot` (total = Σ nilai, maximum = Σ bobot); `bobot-persen`:
    total = Σ bobot/100 × nilai (weights sum to 100); `jumlah`: weights not published, total =
    Σ nilai (then `skor` gives each aspect's unweighted score and nilai / skor its implied weight)."""

    id: Id
    nama: Text
    cara: Literal["poin", "bobot-persen", "jumlah"] = "poin"
    maksimum: Number | None = None  # the declared maximum the weights must sum to (default 100)
    indikator: Id | None = None  # the IKU whose realisasi is this total
    skala: Literal["sakip"] | None = None  # grade the total on the SAKIP scale (AA..D)
    aspek: list[Aspek] = Field(min_length=1)


class DaftarIndeks(Schema):
    kecamatan: Id
    tahun: Tahun
    sumber: Text
    indeks: list[Indeks] = Field(min_length=1)
