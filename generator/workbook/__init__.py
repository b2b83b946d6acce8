"""Spreadsheets for clerks: workbook templates, import, export and survey form exports.

One kecamatan-year is one workbook: a sheet per table of the content files (`spec`), the
content's canonical text form (`text`: one writer per file kind, comments kept), the mapping
between files and sheet rows (`tables`), the xlsx file itself (`xlsx`), and the commands
`kinerja templat | impor | ekspor` (`workbook`) and `kinerja impor-skm` (`form`). Imported
content is checked by the same load and validate stages as `kinerja validate`.
"""
