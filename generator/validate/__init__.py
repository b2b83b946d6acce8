"""Stage 2, validate: raw documents -> typed, cross-checked content (`generator.model.Content`), or
every problem found in one run."""

from generator.validate.content import is_sintetis, validate, validate_kecamatan
from generator.validate.ids import all_indikator, program_nodes
from generator.validate.schema import csv_rows
from generator.validate.skm import survey_responses

__all__ = [
    "all_indikator",
    "csv_rows",
    "is_sintetis",
    "program_nodes",
    "survey_responses",
    "validate",
    "validate_kecamatan",
]
