"""Stage 1, load: the content tree read into raw documents (syntax only), and when each file last changed."""

from generator.load.files import change_dates, content_files
from generator.load.readers import Document, read_csv, read_yaml
from generator.load.safety import SLUG, is_place_folder
from generator.load.tree import RawContent, RawKabupaten, RawKecamatan, RawYear, load_content, load_kecamatan

__all__ = [
    "SLUG",
    "Document",
    "RawContent",
    "RawKabupaten",
    "RawKecamatan",
    "RawYear",
    "change_dates",
    "content_files",
    "is_place_folder",
    "load_content",
    "load_kecamatan",
    "read_csv",
    "read_yaml",
]
