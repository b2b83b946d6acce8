"""Stage 2, validate: raw documents -> typed, cross-checked content (`generator.model.Content`), or
every problem found in one run."""

from generator.validate.content import validate
from generator.validate.ids import all_indikator, program_nodes
from generator.validate.schema import csv_rows
from generator.validate.skm import survey_responses

__all__ = ["all_indikator", "csv_rows", "program_nodes", "survey_responses", "validate"]
